/** Notation shared by the trace, the CLI, the panel and hovers. */
export * from './symbols';
export * from './format';
export * from './formulas';
export * from './count';
