import type { Notation } from '../notation/symbols';

/**
 * What one activation σ is, in one place: its function beside its derivative, the batched form
 * the engine runs, its formulas as a learner reads them, where its outputs lie, how layers using
 * it are initialised, and one line on what it does. The parser, the engine, the trace, hovers,
 * the panel, the target checks, the initialisation and the grammar all read these entries
 * (registry.ts), so an activation is added by writing one entry and listing it there.
 */

/**
 * The engine's contract, kept exactly as the engine calls it.
 *
 * `apply` reads z for m examples (batch-major, n per example) and writes a = σ(z) and the
 * diagonal σ′(z) = ∂a_j/∂z_j in one pass, with no call per element. `value`/`derivative` are the
 * scalar forms the trace, the tests and the hovers use.
 */
export interface Activation {
  readonly name: string;
  /** True when a_j depends on z_j alone, so ∂a_r/∂z_j = 0 for r ≠ j (softmax is not). */
  readonly elementwise: boolean;
  /** σ(z) for one neuron; NaN for an activation that needs its whole layer. */
  value(z: number): number;
  /** σ′ at one neuron, given both z and a = σ(z) (each function uses whichever is exact). */
  derivative(z: number, a: number): number;
  apply(z: Float64Array, a: Float64Array, dadz: Float64Array, m: number, n: number): void;
  /**
   * The WebAssembly kernel's export that computes `apply`'s very bits, element-wise, where the
   * engine's arrays live in its memory (engine/activationRows.ts); absent: `apply` always runs.
   */
  readonly kernel?: 'sigmoid' | 'relu';
}

/**
 * Where the outputs of an activation lie. The bounds are taken as reachable (a target exactly at
 * an open end is a limit the output approaches), so only targets outside them are warned about
 * (the `target-unreachable` check); ±Infinity means unbounded.
 */
export interface OutputRange {
  readonly low: number;
  readonly high: number;
  /** The range in words, ending the sentence "… only gives values ___": `between 0 and 1`. */
  readonly text: string;
  /** True when a layer's outputs always add up to 1, so they form a probability distribution. */
  readonly sumsToOne: boolean;
}

/**
 * How a layer whose spec leaves out `w` draws its weights, uniform in [−B, B):
 * `glorot` B = √(6 / (n_(ℓ−1) + n_ℓ)), `he` B = √(6 / n_(ℓ−1)) (see model/initialise.ts).
 */
export type InitialisationRule = 'glorot' | 'he';

/** σ′ of one neuron written in the symbols (or numbers) it needs, and which quantity it reads. */
export type SlopeNotation = Notation & { readonly uses: 'a' | 'z' | 'none' };

/** The fields every activation has, whatever the shape of its Jacobian. */
interface ActivationBase<N extends string> extends Activation {
  readonly name: N;
  /** One sentence in plain words on what σ does or why σ′ looks the way it does. */
  readonly description: string;
  /** The general definition and derivative, e.g. σ(z) = 1/(1 + e⁻ᶻ) and σ′(z) = σ(z)(1 − σ(z)). */
  readonly formulas: { readonly definition: Notation; readonly derivative: Notation };
  readonly range: OutputRange;
  readonly initialisation: InitialisationRule;
  /**
   * σ′ (for a coupled activation, the diagonal entry ∂a_j/∂z_j) written for one neuron, with a
   * and z standing for that neuron's symbols or numbers: `a(1 − a)` for sigmoid.
   */
  slopeFor(a: Notation, z: Notation): SlopeNotation;
}

/** An activation applied to each neuron on its own: its Jacobian is diagonal. */
export interface ElementwiseActivation<N extends string = string> extends ActivationBase<N> {
  readonly elementwise: true;
  /**
   * σ(s) written out, s being a neuron's z as a symbol or a number: `1/(1 + e^(−s))`. An
   * activation that leaves z as it is returns s itself, and the trace then writes only σ(z).
   */
  appliedTo(s: Notation): Notation;
}

/**
 * An activation that ties the neurons of a layer together, a_j = g(z_j) / Σ_r g(z_r): every
 * a_r depends on every z_j, so δ is a sum over the layer's full Jacobian. (The engine's backward
 * pass computes that Jacobian as softmax's; a new coupled activation would need it there too.)
 */
export interface CoupledActivation<N extends string = string> extends ActivationBase<N> {
  readonly elementwise: false;
  /** g(s) written out, s a neuron's z as a symbol or a number: `e^(s)`. */
  numeratorOf(s: Notation): Notation;
  /** g(z) for one neuron, the terms of the denominator Σ_r g(z_r). */
  numeratorValue(z: number): number;
  /** ∂a_r/∂z_j from the layer's outputs a (0-based r and j). */
  jacobian(a: ArrayLike<number>, r: number, j: number): number;
  /** What the trace says beside a's step, σ′'s step and δ's step (given z_j's symbol). */
  readonly notes: { readonly forward: string; readonly slope: string; delta(zj: string): string };
}

export type ActivationEntry<N extends string = string> = ElementwiseActivation<N> | CoupledActivation<N>;

/** Keeps an entry's name as its literal type, so the registry can derive the name union from it. */
export function defineActivation<const N extends string>(entry: ActivationEntry<N>): ActivationEntry<N> {
  return entry;
}

