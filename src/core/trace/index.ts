/** The step-by-step trace's public surface. */
export { buildTrace, stepSymbol, type TraceOptions } from './build';
export { TraceLayout } from './layout';
export { MAX_SHOWN_TERMS } from './sum';
export { STEP_CACHE_SIZE } from './stepCache';
export { renderFactorMarks, stripMarks } from './marks';
export type { Trace, BuiltTrace, SumTerm, SumTerms, TraceStep, StepAddress, StepKind, Phase, Factor, StepGroup } from './types';
