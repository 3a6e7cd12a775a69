/** The step-by-step trace's public surface. */
export { buildTrace, stepSymbol, type TraceOptions } from './build';
export { TraceLayout } from './layout';
export { MAX_SHOWN_TERMS, FACTOR_TERM_CAP } from './expression';
export type { Trace, TraceStep, StepAddress, StepKind, Phase, Factor, StepGroup } from './types';
