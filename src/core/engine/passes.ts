import { backward, meanGradient } from './backward';
import { blockCosts, forward } from './forward';
import type { Workspace } from './workspace';

export interface PassOptions {
  /** Run the backward pass too, leaving the mean gradient in ws.gw and ws.gb. */
  readonly backward: boolean;
  /** Where every c_i goes (length m, by example), or null when only the means are wanted. */
  readonly costs: Float64Array | null;
  /**
   * Take the held-out examples too (see Network.validation): their values and costs, never
   * their gradient. Off, a pass is over the training examples alone, as c and ∂c/∂w are.
   */
  readonly validation?: boolean;
  /** Called after each block's passes, while the workspace holds that block's values; `training` says which part it is. */
  readonly visit?: (ws: Workspace, training: boolean) => void;
}

export interface PassResult {
  /** c: the mean of the c_i over the training examples. */
  readonly cost: number;
  /** The mean c_i over the held-out examples; null when there are none or they were not taken. */
  readonly validationCost: number | null;
}

/**
 * One pass over the network's examples, block by block: the training examples, then (when
 * asked) the held-out ones. Memory stays at one block whatever m is, and the numbers are the same
 * bits as one pass over all training examples at once: each example's values are computed row by
 * row, and every sum over the examples (c, ∂c/∂w, ∂c/∂b) adds its terms in increasing example
 * order across the blocks. A block never mixes training and held-out examples.
 */
export function passOverExamples(ws: Workspace, weights: readonly Float64Array[], biases: readonly Float64Array[], options: PassOptions): PassResult {
  const m = ws.exampleCount;
  const trained = ws.trainingCount;
  const sums = [0, 0];
  const parts = options.validation ? [0, 1] : [0];
  for (const part of parts) {
    const [start, end] = part === 0 ? [0, trained] : [trained, m];
    const training = part === 0;
    for (let first = start; first < end; first += ws.rows) {
      ws.load(first, Math.min(ws.rows, end - first));
      forward(ws, weights, biases);
      blockCosts(ws);
      for (let i = 0; i < ws.m; i++) sums[part] += ws.costs[i];
      if (options.costs !== null) for (let i = 0; i < ws.m; i++) options.costs[ws.order[first + i]] = ws.costs[i];
      if (options.backward) backward(ws, weights, { accumulate: first > 0, gradient: training });
      options.visit?.(ws, training);
    }
  }
  if (options.backward) meanGradient(ws);
  const held = m - trained;
  return { cost: trained === 0 ? 0 : sums[0] / trained, validationCost: options.validation && held > 0 ? sums[1] / held : null };
}
