import { backward, meanGradient } from './backward';
import { blockCosts, forward } from './forward';
import type { Workspace } from './workspace';

export interface PassOptions {
  /** Run the backward pass too, leaving the mean gradient in ws.gw and ws.gb. */
  readonly backward: boolean;
  /** Where every c_i goes (length m), or null when only their mean is wanted. */
  readonly costs: Float64Array | null;
  /** Called after each block's passes, while the workspace holds that block's values. */
  readonly visit?: (ws: Workspace) => void;
}

/**
 * One pass over all the network's examples, block by block, and the mean cost c. Memory stays
 * at one block whatever m is, and the numbers are the same bits as one pass over all examples
 * at once: each example's values are computed row by row, and every sum over the examples (c,
 * ∂c/∂w, ∂c/∂b) adds its terms in increasing example order across the blocks.
 */
export function passOverExamples(ws: Workspace, weights: readonly Float64Array[], biases: readonly Float64Array[], options: PassOptions): number {
  const m = ws.exampleCount;
  let sum = 0;
  for (let first = 0; first < m; first += ws.rows) {
    ws.load(first);
    forward(ws, weights, biases);
    blockCosts(ws);
    for (let i = 0; i < ws.m; i++) sum += ws.costs[i];
    if (options.costs !== null) options.costs.set(ws.costs.subarray(0, ws.m), first);
    if (options.backward) backward(ws, weights, { accumulate: first > 0, gradient: true });
    options.visit?.(ws);
  }
  if (options.backward) meanGradient(ws);
  return m === 0 ? 0 : sum / m;
}
