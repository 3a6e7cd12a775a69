/**
 * Networks that between them give every kind of step every shape it can take: one per
 * activation × cost (both read from the formula registries, so a new activation or cost is
 * covered without editing this list), with negative weights and biases, more than one example
 * (so the update notes appear), and layers wider than MAX_SHOWN_TERMS (so sums are elided).
 */
import { runEngine } from '../../../src/core/engine/run';
import type { EngineResult } from '../../../src/core/engine/types';
import type { ActivationName, CostName, Network } from '../../../src/core/model/network';
import { ACTIVATION_FORMULAS, COST_FORMULAS } from '../../../src/core/notation/formulas';
import type { WeightOrder } from '../../../src/core/notation/symbols';
import { buildTrace } from '../../../src/core/trace/build';
import type { Trace, TraceStep } from '../../../src/core/trace/types';
import { mazurNetwork, randomNetwork } from '../engine/networks';

export const ACTIVATION_NAMES = Object.keys(ACTIVATION_FORMULAS) as ActivationName[];
export const COST_NAMES = Object.keys(COST_FORMULAS) as CostName[];

export interface Case {
  readonly name: string;
  readonly network: Network;
  readonly result: EngineResult;
}

/**
 * Every activation (in both layers, so softmax is also seen in a hidden layer) with every cost.
 * `sizes` default to a narrow network, whose every term is shown.
 */
export function everyNetwork(sizes: readonly number[] = [3, 4, 3], examples = 2): Case[] {
  const cases: Case[] = [{ name: 'mazur', network: mazurNetwork(), result: runEngine(mazurNetwork()) }];
  let seed = 11;
  for (const activation of ACTIVATION_NAMES) {
    for (const cost of COST_NAMES) {
      const network = randomNetwork(seed++, sizes, sizes.slice(1).map(() => activation), cost, examples);
      cases.push({ name: `${sizes.join('-')} ${activation} ${cost}`, network, result: runEngine(network) });
    }
  }
  return cases;
}

/** Wide enough that z, the cost, softmax's sum and the carried-back ∂cᵢ/∂a are all elided. */
export const WIDE_SIZES = [7, 3, 7];

export function traceOf(c: Case, weightOrder: WeightOrder = 'from-to', example = 0): Trace {
  return buildTrace(c.network, c.result, example, { digits: 6, weightOrder });
}

export function stepsOf(trace: Trace): TraceStep[] {
  return Array.from({ length: trace.length }, (_, q) => trace.step(q));
}
