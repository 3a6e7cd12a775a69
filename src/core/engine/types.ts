import type { Network } from '../model/network';
import type { KernelName } from './kernelTypes';

/**
 * One example's per-example quantities, indexed by layer and then by 0-based neuron: z[ℓ][j−1]
 * is z^(ℓ)_j. Index 0 is empty where the quantity does not exist (z, σ′, ∂c/∂a, δ of the
 * inputs); a[0] is the example's x.
 */
export interface ExampleValues {
  readonly z: readonly Float64Array[];
  readonly a: readonly Float64Array[];
  /** ∂c_i/∂a^(ℓ)_j */
  readonly dcda: readonly Float64Array[];
  /**
   * ∂a^(ℓ)_j/∂z^(ℓ)_j = σ′(z^(ℓ)_j), the diagonal of the activation's Jacobian. For softmax, whose
   * Jacobian is full, the off-diagonal terms −a_r·a_j are derived from `a` where they are shown.
   */
  readonly dadz: readonly Float64Array[];
  /** δ^(ℓ)_j = ∂c_i/∂z^(ℓ)_j */
  readonly delta: readonly Float64Array[];
}

/**
 * Every example's per-example quantities at once, batch-major: for layer ℓ, the value for
 * example i (0-based) and neuron j (0-based) sits at index i·n_ℓ + j of the layer's array.
 */
export interface StoredExamples {
  readonly z: readonly Float64Array[];
  readonly a: readonly Float64Array[];
  readonly dcda: readonly Float64Array[];
  readonly dadz: readonly Float64Array[];
  readonly delta: readonly Float64Array[];
}

/**
 * Everything one run of backpropagation computes for a network and all its examples, as plain
 * data (it crosses from the analysis worker to the extension host as it is); `EngineResult`
 * adds the reader of one example's values.
 */
export interface EngineParts {
  readonly network: Network;
  /** m, the number of examples. */
  readonly exampleCount: number;
  /**
   * Every example's values when they fit in one block of the engine (BLOCK_BYTES, see
   * workload.ts); null past that, where only each c_i is kept and `example` recomputes.
   */
  readonly stored: StoredExamples | null;
  /** c_i per example. */
  readonly costs: Float64Array;
  /** c, the mean of the c_i over the training examples. */
  readonly cost: number;
  /** The mean c_i over the examples held out for validation (Network.validation); null when none are. */
  readonly validationCost: number | null;
  /** ∂c/∂w^(ℓ) and ∂c/∂b^(ℓ), means over the examples, laid out like Layer.weights / Layer.biases. */
  readonly gradient: Gradient;
  /** After one step of gradient descent: w − η∂c/∂w, b − η∂c/∂b, and the cost c there. */
  readonly updated: Updated;
  /** The first quantity that stopped being a finite number, or null when all are finite. */
  readonly failure: NumericFailure | null;
  /**
   * Per layer, 1 for each neuron whose z^(ℓ)_j is above 0 for at least one example (index 0
   * empty): recorded during the pass, so that "a ReLU that is never active" needs no second look
   * at every example's values.
   */
  readonly everActive: readonly Uint8Array[];
  /** Which matrix kernel computed it; both give the same numbers bit for bit (see kernelTypes.ts). */
  readonly kernel: KernelName;
}

export interface EngineResult extends EngineParts {
  /**
   * The values of example i (0-based): views into `stored`, or recomputed from the parameters
   * when the examples were too many to keep (bit-identical either way, and a few recent ones are
   * kept). Read what a view shows of one example through this, never all m of them.
   */
  example(i: number): ExampleValues;
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
