import type { WeightOrder } from '../notation/symbols';
import type { Range } from '../text/range';

/**
 * A trace is the ordered list of quantities a person steps through for one example:
 *   forward  — for ℓ = 1 … L, for each neuron j: z^(ℓ)_j, then a^(ℓ)_j;
 *   cost     — c_i;
 *   backward — for ℓ = L … 1: for each neuron j: ∂c_i/∂a^(ℓ)_j, σ′(z^(ℓ)_j), δ^(ℓ)_j;
 *              then ∂c_i/∂w^(ℓ)_kj for each k, j, then ∂c_i/∂b^(ℓ)_j for each j;
 *   update   — for ℓ = 1 … L: w^(ℓ)_kj − η ∂c/∂w^(ℓ)_kj, then b^(ℓ)_j − η ∂c/∂b^(ℓ)_j.
 * Steps are built on demand from the engine's arrays, so a network with a hundred thousand
 * weights costs nothing until a step is asked for.
 */
export const STEP_KINDS = ['z', 'a', 'cost', 'dcda', 'dadz', 'delta', 'dw', 'db', 'w-new', 'b-new'] as const;

/** One kind of quantity the trace steps through; declared once, above, and reused by the panel's messages. */
export type StepKind = (typeof STEP_KINDS)[number];

export type Phase = 'forward' | 'cost' | 'backward' | 'update';

/** Names one quantity. Layer, j and k are as in the notation (j, k 1-based); 0 where unused. */
export interface StepAddress {
  readonly kind: StepKind;
  readonly layer: number;
  readonly j: number;
  readonly k: number;
}

/** One factor of a chain-rule product (or one term of a sum), with its value. */
export interface Factor {
  /** The factor as a symbol, e.g. `\frac{\partial c_i}{\partial a^{(2)}_{1}}`. */
  readonly tex: string;
  /** The same in Unicode, e.g. `∂cᵢ/∂a⁽²⁾₁`. */
  readonly text: string;
  readonly value: number;
  /** The quantity this factor is, when it is one of the trace's own, so views can highlight it. */
  readonly refers: StepAddress | null;
}

export interface TraceStep {
  /** Position in the trace, 0-based. */
  readonly index: number;
  readonly phase: Phase;
  readonly address: StepAddress;
  /** e.g. `\delta^{(2)}_{1}` and `δ⁽²⁾₁`. */
  readonly symbolTex: string;
  readonly symbolText: string;
  /** The general formula's right-hand side, e.g. `\frac{\partial c_i}{\partial a^{(2)}_{1}}\,\sigma'(z^{(2)}_{1})`. */
  readonly formulaTex: string;
  readonly formulaText: string;
  /** The right-hand side with every factor's number in place, e.g. `0.741365 \times 0.186816`. */
  readonly substitutedTex: string;
  readonly substitutedText: string;
  /**
   * formulaTex and substitutedTex with every occurrence of each factor marked — its symbol, its
   * other names (∂a/∂z for σ′(z), ∂z/∂w for a_k), its written-out formula and each of its
   * numbers — as factor i of `factors`. Not TeX yet: a view turns the marks into its own
   * macros with renderFactorMarks (src/core/trace/marks.ts).
   */
  readonly markedFormulaTex: string;
  readonly markedSubstitutedTex: string;
  /**
   * The factors, in the order they appear in the formula; the marks index into this list. Of a
   * sum whose middle is elided (see sum.ts), only the shown terms' factors: a step lists a
   * bounded number of them however wide its layer.
   */
  readonly factors: readonly Factor[];
  readonly value: number;
  /** The spec text this quantity belongs to: the weight, the bias, the layer line, the example line. */
  readonly source: Range | null;
  /** A sentence on what the step means or a caveat (softmax's Jacobian, a mean over examples), when there is one. */
  readonly note?: string;
}

/** A run of consecutive steps of one phase in one layer: what Step Layer jumps over. */
export interface StepGroup {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly phase: Phase;
  readonly layer: number;
}

export interface Trace {
  /** 0-based index of the example this trace walks. */
  readonly example: number;
  /** How the trace's weight symbols order their indices. */
  readonly weightOrder: WeightOrder;
  readonly length: number;
  step(index: number): TraceStep;
  /** The index of the step that computes `address`, or −1. */
  indexOf(address: StepAddress): number;
  /** The address of the step at `index`, without building the step. */
  addressOf(index: number): StepAddress;
  groupOf(index: number): StepGroup;
  readonly groups: readonly StepGroup[];
}

/** One term of a sum, in Unicode: `w⁽¹⁾₂₁ · a⁽⁰⁾₂`, `0.2 × 0.1`, and its value. */
export interface SumTerm {
  readonly text: string;
  readonly numbersText: string;
  readonly value: number;
}

/** Every term of a step's sum, in order (the bias of z last), made one at a time as they are read. */
export interface SumTerms extends Iterable<SumTerm> {
  /** How many terms there are, the bias included. */
  readonly count: number;
}

/**
 * What buildTrace makes: a Trace that can also list every term of a sum its steps elide, for
 * `nnet trace --full`. Views step through any Trace; only full listings need this.
 */
export interface BuiltTrace extends Trace {
  /** Every term of step `index`'s sum when its formula elides some, else null. */
  sumTerms(index: number): SumTerms | null;
}
