/**
 * The network a spec describes, in the notation of the reference article: layers ℓ = 0 … L,
 * layer 0 the inputs, n_ℓ neurons in layer ℓ; neurons and examples are numbered from 1 in
 * everything a person reads, and from 0 in these arrays.
 */

import type { ActivationName } from '../activations/registry';
import type { CostName } from '../costs/registry';

// The names come from the registries, where each activation and cost is defined once.
export { ACTIVATIONS, type ActivationName } from '../activations/registry';
export { COSTS, type CostName } from '../costs/registry';

export interface Layer {
  /** n_ℓ */
  readonly size: number;
  /** σ of this layer; null for layer 0, the inputs. */
  readonly activation: ActivationName | null;
  /**
   * w^(ℓ), an n_(ℓ−1) × n_ℓ matrix stored row by row: w^(ℓ)_kj (1-based k, j) sits at index
   * (k − 1)·n_ℓ + (j − 1). Row k holds the weights leaving neuron k of layer ℓ − 1, exactly
   * as the spec writes them. Empty for layer 0.
   */
  readonly weights: Float64Array;
  /** b^(ℓ)_j at index j − 1. Empty for layer 0. */
  readonly biases: Float64Array;
}

/** One training example: x_i has n_0 numbers, y_i has n_L. */
export interface Example {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface Network {
  readonly name: string | null;
  readonly cost: CostName;
  /** η */
  readonly learningRate: number;
  /** Seeds the documented initialisation of layers whose `w` or `b` the spec leaves out. */
  readonly seed: number;
  /** layers[0] is the input layer; layers.length − 1 is L. */
  readonly layers: readonly Layer[];
  readonly examples: readonly Example[];
  /**
   * The examples held out for validation (0-based, ascending): computed and costed like the
   * others, never part of the gradient or the mean cost c. Absent or empty: every example trains.
   */
  readonly validation?: Int32Array;
  /**
   * How `nnet train` and Backprop: Train run gradient descent on this spec when they are not
   * told otherwise (the spec's `steps`, `batch-size` and `shuffle` lines; see core/training).
   * Absent, or a field null: the documented default.
   */
  readonly training?: TrainingSettings;
}

export interface TrainingSettings {
  /** N, the number of gradient steps; null: DEFAULT_TRAINING_STEPS. */
  readonly steps: number | null;
  /** B, the examples per step; null: every training example (full batch). */
  readonly batchSize: number | null;
  /** The seed that reshuffles the examples at each pass; null: no shuffling, the examples in order. */
  readonly shuffle: number | null;
}

export function outputLayerIndex(network: Network): number {
  return network.layers.length - 1;
}

export function parameterCount(network: Network): number {
  let count = 0;
  for (let l = 1; l < network.layers.length; l++) count += network.layers[l].weights.length + network.layers[l].biases.length;
  return count;
}
