import type { Workspace } from './workspace';

/**
 * The forward pass for the loaded block of examples, one layer at a time:
 *   z^(ℓ) = a^(ℓ−1)·w^(ℓ) + b^(ℓ)   (row i of a^(ℓ−1) is example i, so row i of z^(ℓ) is
 *                                    z^(ℓ)_j = Σ_k w^(ℓ)_kj a^(ℓ−1)_k + b^(ℓ)_j for that example),
 *   a^(ℓ) = σ(z^(ℓ)), and σ′(z^(ℓ)) beside it for the backward pass (Workspace.activate).
 * Weights and biases are passed in (not read from the network) so the same code evaluates the
 * network after an update step or with one parameter nudged for finite differences. Every
 * example's row is computed by the same operations whatever the block, so a value does not
 * depend on how the examples were split into blocks.
 */
export function forward(ws: Workspace, weights: readonly Float64Array[], biases: readonly Float64Array[]): void {
  for (let l = 1; l < ws.sizes.length; l++) {
    ws.products.forward(ws, l, weights[l], biases[l]);
    ws.activate(l);
  }
}

/** Fills ws.costs with the block's c_i (after `forward`). */
export function blockCosts(ws: Workspace): void {
  const L = ws.sizes.length - 1;
  ws.cost.value(ws.a[L], ws.y, ws.m, ws.sizes[L], ws.costs);
}
