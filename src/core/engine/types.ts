import type { Network } from '../model/network';
import type { KernelName } from './products';

/**
 * Everything one run of backpropagation computes for a network and all its examples.
 * Per-example quantities are stored batch-major: for layer ℓ, the value for example i
 * (0-based) and neuron j (0-based) sits at index i·n_ℓ + j of the layer's array.
 * Index 0 of per-layer arrays is an empty array where the quantity does not exist (z, δ,
 * ∂c/∂a of the inputs; gradients of layer 0).
 */
export interface EngineResult {
  readonly network: Network;
  /** m, the number of examples. */
  readonly exampleCount: number;
  /** z^(ℓ) for every example. */
  readonly z: readonly Float64Array[];
  /** a^(ℓ) for every example; a^(0) = x_i. */
  readonly a: readonly Float64Array[];
  /** ∂c_i/∂a^(ℓ)_j for every example. */
  readonly dcda: readonly Float64Array[];
  /**
   * ∂a^(ℓ)_j/∂z^(ℓ)_j = σ′(z^(ℓ)_j), the diagonal of the activation's Jacobian. For softmax, whose
   * Jacobian is full, the off-diagonal terms −a_r·a_j are derived from `a` where they are shown.
   */
  readonly dadz: readonly Float64Array[];
  /** δ^(ℓ)_j = ∂c_i/∂z^(ℓ)_j for every example. */
  readonly delta: readonly Float64Array[];
  /** c_i per example. */
  readonly costs: Float64Array;
  /** c, the mean of the c_i. */
  readonly cost: number;
  /** ∂c/∂w^(ℓ) and ∂c/∂b^(ℓ), means over the examples, laid out like Layer.weights / Layer.biases. */
  readonly gradient: Gradient;
  /** After one step of gradient descent: w − η∂c/∂w, b − η∂c/∂b, and the cost c there. */
  readonly updated: Updated;
  /** The first quantity that stopped being a finite number, or null when all are finite. */
  readonly failure: NumericFailure | null;
  /** Which matrix kernel computed it; both give the same numbers bit for bit (see products.ts). */
  readonly kernel: KernelName;
}

export interface Gradient {
  readonly w: readonly Float64Array[];
  readonly b: readonly Float64Array[];
}

export interface Updated extends Gradient {
  readonly cost: number;
}

/** Names the first non-finite quantity, so a person sees where it began instead of NaN everywhere. */
export interface NumericFailure {
  /** e.g. 'z', 'a', 'cost', 'dcda', 'delta', 'dw', 'db'. */
  readonly quantity: string;
  /** 1-based example number. */
  readonly example: number;
  readonly layer: number;
  /** 1-based neuron number, 0 for the cost. */
  readonly neuron: number;
  readonly value: number;
  /** A sentence in the article's notation, e.g. "z⁽²⁾₁ of example 3 is Infinity …". */
  readonly message: string;
}
