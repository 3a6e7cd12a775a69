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
  /**
   * An exercise is asking a step of this spec: numbers the stepping has not reached are held
   * back (src/extension/stepping/exerciseMode.ts).
   */
  readonly exercising?: boolean;
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

export function address(kind: StepAddress['kind'], layer: number, j = 0, k = 0): StepAddress {
  return { kind, layer, j, k };
}

/** "1 example" / "4 examples". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
