import type { ActivationEntry } from './entry';
import { eluActivation } from './elu';
import { geluActivation } from './gelu';
import { leakyReluActivation } from './leakyRelu';
import { linearActivation } from './linear';
import { reluActivation } from './relu';
import { sigmoidActivation } from './sigmoid';
import { softmaxActivation } from './softmax';
import { softplusActivation } from './softplus';
import { tanhActivation } from './tanh';

/**
 * The activations a spec may name, in the order messages and the README list them. This list is
 * the only place that knows which activations exist: the name type, the parser's list and
 * suggestions, the grammar's keywords (checked by test/unit/registry/grammarNames.test.ts) and
 * every formula, range and initialisation rule come from it.
 */
export const ACTIVATION_ENTRIES = [
  sigmoidActivation,
  tanhActivation,
  reluActivation,
  linearActivation,
  softmaxActivation,
  leakyReluActivation,
  softplusActivation,
  eluActivation,
  geluActivation,
] as const;

export type ActivationName = (typeof ACTIVATION_ENTRIES)[number]['name'];

export const ACTIVATIONS: readonly ActivationName[] = ACTIVATION_ENTRIES.map((entry) => entry.name);

const BY_NAME = new Map<string, ActivationEntry<ActivationName>>(ACTIVATION_ENTRIES.map((entry) => [entry.name, entry]));

export function isActivationName(word: string | null): word is ActivationName {
  return word !== null && BY_NAME.has(word);
}

/** The entry of a known activation. */
export function activationEntry(name: ActivationName): ActivationEntry<ActivationName> {
  return BY_NAME.get(name)!;
}
