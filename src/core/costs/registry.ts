import type { ActivationEntry } from '../activations/entry';
import { ACTIVATION_ENTRIES, type ActivationName } from '../activations/registry';
import { binaryCrossEntropyCost } from './binaryCrossEntropy';
import { crossEntropyCost } from './crossEntropy';
import type { CostEntry } from './entry';
import { halfSquaredCost, meanSquaredCost, squaredCost } from './squaredErrors';

/**
 * The costs a spec may name, in the order messages and the README list them: the only place
 * that knows which costs exist (the name type, the parser's list and suggestions, the grammar's
 * keywords and every formula come from it).
 */
export const COST_ENTRIES = [squaredCost, halfSquaredCost, meanSquaredCost, binaryCrossEntropyCost, crossEntropyCost] as const;

export type CostName = (typeof COST_ENTRIES)[number]['name'];

export const COSTS: readonly CostName[] = COST_ENTRIES.map((entry) => entry.name);

const BY_NAME = new Map<string, CostEntry<CostName>>(COST_ENTRIES.map((entry) => [entry.name, entry]));

export function isCostName(word: string | null): word is CostName {
  return word !== null && BY_NAME.has(word);
}

/** The entry of a known cost. */
export function costEntry(name: CostName): CostEntry<CostName> {
  return BY_NAME.get(name)!;
}

/**
 * Whether an output layer with this activation gives what the cost needs: probabilities when
 * its outputs stay within [0, 1], a distribution when they also add up to 1. The parser reports
 * a mismatch as an error; the tests pair every activation with every cost this allows.
 */
export function costFitsOutput(cost: CostEntry, output: ActivationEntry): boolean {
  const { low, high, sumsToOne } = output.range;
  switch (cost.needs) {
    case 'unrestricted':
      return true;
    case 'probabilities':
      return low >= 0 && high <= 1;
    case 'distribution':
      return sumsToOne;
  }
}

/** The activations an output layer may use with this cost, in registry order. */
export function fittingOutputs(cost: CostEntry): ActivationName[] {
  return ACTIVATION_ENTRIES.filter((activation) => costFitsOutput(cost, activation)).map((activation) => activation.name);
}
