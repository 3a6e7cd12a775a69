import type { Notation } from '../notation/symbols';

/**
 * What one cost c_i is, in one place: its value beside its derivative ∂c_i/∂a^(L)_j, the batched
 * forms the engine runs, its formulas as a learner reads them (whole, and one output's term at a
 * time for the trace), what output layer it needs, and one line on what it measures. Everything
 * that names or shows a cost reads these entries (registry.ts).
 */

/**
 * The engine's contract. `value` and `gradient` work on a batch: `a` and `y` hold m examples of
 * n = n_L numbers, batch-major.
 */
export interface Cost {
  readonly name: string;
  /** c_i for every example into `out` (length m). */
  value(a: Float64Array, y: Float64Array, m: number, n: number, out: Float64Array): void;
  /** ∂c_i/∂a^(L)_j for every example and neuron into `out` (length m·n). */
  gradient(a: Float64Array, y: Float64Array, m: number, n: number, out: Float64Array): void;
  /** ∂c_i/∂a^(L)_j for one neuron, for the trace (n is n_L). */
  derivative(a: number, y: number, n: number): number;
  /**
   * Only for a cost that clamps (logClamp.ts): the slope of `value` exactly as computed, 0
   * through a log whose argument the clamp holds, where `gradient` gives the formula's value at
   * the clamp. The engine never uses it; gradient checking does, to tell a parameter whose
   * finite difference only sees the clamp's flat cost from a wrong derivative.
   */
  flatGradient?(a: Float64Array, y: Float64Array, m: number, n: number, out: Float64Array): void;
}

/**
 * What the output layer must give for the cost to make sense:
 * - `unrestricted`, outputs of any size;
 * - `probabilities`: each output strictly between 0 and 1, so its logs exist (targets are read as
 *   probabilities too, from 0 to 1);
 * - `distribution`: outputs that add up to 1 (targets too, or a warning).
 */
export type OutputNeed = 'unrestricted' | 'probabilities' | 'distribution';

export interface CostEntry<N extends string = string> extends Cost {
  readonly name: N;
  /** One sentence in plain words on what the cost measures. */
  readonly description: string;
  /** The general definition and derivative, e.g. cᵢ = Σⱼ (yᵢⱼ − a⁽ᴸ⁾ⱼ)² and ∂cᵢ/∂a⁽ᴸ⁾ⱼ = 2(a⁽ᴸ⁾ⱼ − yᵢⱼ). */
  readonly formulas: { readonly definition: Notation; readonly derivative: Notation };
  readonly needs: OutputNeed;
  /** One output's term of the sum, y and a being that output's symbols or numbers: (y − a)². */
  termOf(y: Notation, a: Notation): Notation;
  /** The value of one term, computed as the engine computes it (same clamps). */
  termValue(y: number, a: number): number;
  /** The cost around the sum of its terms: ½[…] for half-squared. */
  wrap(sum: Notation, outputs: number): Notation;
  /** ∂c_i/∂a^(L)_j written for one neuron: (a − y) for half-squared. */
  derivativeFor(a: Notation, y: Notation, outputs: number): Notation;
}

/** Keeps an entry's name as its literal type, so the registry can derive the name union from it. */
export function defineCost<const N extends string>(entry: CostEntry<N>): CostEntry<N> {
  return entry;
}
