/**
 * The engine's view of the activations: each one's batched `apply` and its element-wise flag,
 * read from the registry (src/core/activations), where every activation keeps its function
 * beside its derivative, its formulas and the rest of what is known about it.
 */
import type { Activation as Contract } from '../activations/entry';
import { activationEntry, type ActivationName } from '../activations/registry';

export interface Activation extends Contract {
  readonly name: ActivationName;
}

export function activation(name: ActivationName): Activation {
  return activationEntry(name);
}
