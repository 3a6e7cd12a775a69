import type { WeightOrder } from '../../core/notation/symbols';
import type { StepPosition } from '../../core/stepping/position';
import type { StepAddress, Trace } from '../../core/trace/types';
import type { SpecAnalysis } from '../analysis/analyse';

/**
 * What every editor feature (hover, code lens, inlay hint) renders from: the shared analysis
 * of the document's current version, the learner's stepping position, and the digits setting.
 *
 * The content builders in this folder take an EditorState and return plain strings and
 * records — they import nothing from `vscode`, so vitest tests them on real specs — and never
 * compute a number themselves: every value is read from `analysis.engine`, which ran once for
 * this document version however many hovers, lenses and hints ask.
 */
export interface EditorState {
  /** The document's URI as a string: the first argument of every command link. */
  readonly uri: string;
  readonly analysis: SpecAnalysis;
  readonly position: StepPosition;
  /** `backpropStepper.significantDigits`: hovers, lenses and hints all write numbers with these. */
  readonly digits: number;
  /** `backpropStepper.weightIndexOrder`: how every weight symbol orders its indices. */
  readonly weightOrder: WeightOrder;
}

/** The example being stepped (0-based), kept inside the examples the engine ran. */
export function steppedExample(state: EditorState): number {
  const count = state.analysis.exampleCount;
  return Math.min(Math.max(0, state.position.example), Math.max(0, count - 1));
}

/** The trace of the example being stepped (built once per version, digits and order, then cached). */
export function steppedTrace(state: EditorState): Trace | null {
  return state.analysis.trace(steppedExample(state), state.digits, state.weightOrder);
}

/**
 * Whether the learner's position has reached the step that computes `address` ("everything up
 * to and including `step` counts as computed", src/core/stepping/position.ts).
 */
export function isReached(trace: Trace, step: number, address: StepAddress): boolean {
  const index = trace.indexOf(address);
  return index >= 0 && index <= step;
}

/**
 * One example's slice of a batch-major per-layer array (see EngineResult): a view, not a
 * copy, so reading a 128-neuron layer costs nothing.
 */
export function exampleSlice(values: Float64Array, size: number, example: number): Float64Array {
  return values.subarray(example * size, (example + 1) * size);
}

export function address(kind: StepAddress['kind'], layer: number, j = 0, k = 0): StepAddress {
  return { kind, layer, j, k };
}

/** "1 example" / "4 examples". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
