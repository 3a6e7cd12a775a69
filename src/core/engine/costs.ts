/**
 * The engine's view of the costs: each one's batched value and gradient, read from the registry
 * (src/core/costs), where every cost keeps its value beside its derivative and its formulas.
 */
import type { Cost as Contract } from '../costs/entry';
import { costEntry, type CostName } from '../costs/registry';

export interface Cost extends Contract {
  readonly name: CostName;
}

export function cost(name: CostName): Cost {
  return costEntry(name);
}
