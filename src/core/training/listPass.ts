import { backward, meanGradient } from '../engine/backward';
import { blockCosts, forward } from '../engine/forward';
import type { Workspace } from '../engine/workspace';

/**
 * One pass over the examples `list` (0-based example numbers) in that order, block by block:
 * their mean cost, and with `gradient` their gradient left in ws.gw and ws.gb — the mean, or with
 * `gradient: 'sums'` the sums Σ_i before the division by the list's length, for a caller that
 * multiplies by 1/m as it reads them (one sweep instead of two; the same products, so the same
 * bits as the mean). Every sum adds its terms in list order across the blocks, as the engine's
 * own passes do (engine/passes.ts), so a list of every training example in ascending order gives
 * the engine's c and ∂c/∂w bit for bit.
 */
export function listPass(ws: Workspace, weights: readonly Float64Array[], biases: readonly Float64Array[], list: Int32Array, gradient: boolean | 'sums'): number {
  const count = list.length;
  let sum = 0;
  for (let first = 0; first < count; first += ws.rows) {
    ws.loadList(list, first, Math.min(ws.rows, count - first));
    forward(ws, weights, biases);
    blockCosts(ws);
    for (let i = 0; i < ws.m; i++) sum += ws.costs[i];
    if (gradient) backward(ws, weights, { accumulate: first > 0, gradient: true });
  }
  if (gradient === true) meanGradient(ws, count);
  return count === 0 ? 0 : sum / count;
}
