import type { LayerBuffers, LayerProducts, Take } from './kernelTypes';
import { multiplyTransposed, transpose } from './matmul';

/**
 * The layer products on the JavaScript kernel, for networks too small to repay WebAssembly's
 * setup and wherever WebAssembly is unavailable (see workspace.ts for the choice).
 *
 * The kernel computes C = A·Bᵀ with both operands read along contiguous rows, so it needs
 * transposed copies: (w^(ℓ))ᵀ for the forward product, and (a^(ℓ−1))ᵀ, (δ^(ℓ))ᵀ for ∂c/∂w. Each
 * is O(m·p) or O(p·n) against the product's O(m·p·n) — except for a block of one example, where
 * transposing w would cost as much as the product: there the forward product runs row by row
 * of w instead (rowTimesMatrix), and a workspace of one example has no room for (w^(ℓ))ᵀ at all.
 */
export class JsProducts implements LayerProducts {
  readonly kernel = 'js';
  private readonly wT: Float64Array[] = [];
  private readonly aT: Float64Array;
  private readonly dT: Float64Array;

  /** `rows`: the most examples a block holds. */
  constructor(sizes: readonly number[], rows: number, take: Take) {
    let widest = 0;
    for (let l = 0; l < sizes.length; l++) {
      widest = Math.max(widest, sizes[l]);
      this.wT.push(l === 0 || rows === 1 ? take(0) : take(sizes[l - 1] * sizes[l]));
    }
    this.aT = take(widest * rows);
    this.dT = take(widest * rows);
  }

  forward(ws: LayerBuffers, l: number, w: Float64Array, b: Float64Array): void {
    const p = ws.sizes[l - 1];
    const n = ws.sizes[l];
    if (ws.m === 1) {
      rowTimesMatrix(ws.a[l - 1], w, b, ws.z[l], p, n);
      return;
    }
    transpose(w, p, n, this.wT[l], 1);
    multiplyTransposed(ws.a[l - 1], this.wT[l], ws.z[l], ws.m, p, n, 1, b);
  }

  weightGradient(ws: LayerBuffers, l: number, accumulate: boolean): void {
    const { m } = ws;
    const p = ws.sizes[l - 1];
    const n = ws.sizes[l];
    transpose(ws.a[l - 1], m, p, this.aT, 1);
    transpose(ws.delta[l], m, n, this.dT, 1);
    multiplyTransposed(this.aT, this.dT, ws.gw[l], p, m, n, 1, null, accumulate);
  }

  propagate(ws: LayerBuffers, l: number, w: Float64Array): void {
    // w^(ℓ) is already p×n, i.e. the n-long rows the kernel wants for δ·wᵀ.
    multiplyTransposed(ws.delta[l], w, ws.dcda[l - 1], ws.m, ws.sizes[l], ws.sizes[l - 1], 1, null);
  }
}

/**
 * z_j = Σ_k x_k·w_kj + b_j for one row x (p numbers) and w p×n, reading w along its rows. Each
 * z_j is still summed over k in increasing order from +0 and then biased, as multiplyTransposed
 * sums it, so both give the same bits.
 */
function rowTimesMatrix(x: Float64Array, w: Float64Array, b: Float64Array, z: Float64Array, p: number, n: number): void {
  for (let j = 0; j < n; j++) z[j] = 0;
  for (let k = 0; k < p; k++) {
    const xk = x[k];
    const row = k * n;
    for (let j = 0; j < n; j++) z[j] += xk * w[row + j];
  }
  for (let j = 0; j < n; j++) z[j] += b[j];
}
