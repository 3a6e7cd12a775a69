import { multiplyTransposed, transpose } from './matmul';
import type { Workspace } from './workspace';

/**
 * The three matrix products of one layer ℓ (p = n_(ℓ−1) inputs, n = n_ℓ neurons, m examples),
 * which are nearly all of a gradient's arithmetic. Two kernels implement them with the same
 * operations in the same order, so they agree bit for bit: WebAssembly SIMD for networks with
 * enough work to repay its setup (wasm/products.ts), plain JavaScript for the rest and wherever
 * WebAssembly is unavailable (below).
 */
export interface LayerProducts {
  readonly kernel: KernelName;
  /** z^(ℓ) = a^(ℓ−1)·w^(ℓ) + b^(ℓ) for every example (m×n). */
  forward(ws: Workspace, l: number, w: Float64Array, b: Float64Array): void;
  /** ∂c/∂w^(ℓ) = (1/m)·(a^(ℓ−1))ᵀ·δ^(ℓ) (p×n): the mean over examples of δ_j·a_k. */
  weightGradient(ws: Workspace, l: number): void;
  /** ∂c_i/∂a^(ℓ−1) = δ^(ℓ)·(w^(ℓ))ᵀ for every example (m×p). */
  propagate(ws: Workspace, l: number, w: Float64Array): void;
}

export type KernelName = 'wasm' | 'js';

/** Carves a buffer of `length` numbers out of a workspace's single allocation. */
export type Take = (length: number) => Float64Array;

/**
 * The JavaScript kernel computes C = A·Bᵀ with both operands read along contiguous rows, so
 * it needs transposed copies: (w^(ℓ))ᵀ for the forward product, and (a^(ℓ−1))ᵀ, (δ^(ℓ))ᵀ for
 * ∂c/∂w. Each is O(m·p) or O(p·n) against the product's O(m·p·n).
 */
export class JsProducts implements LayerProducts {
  readonly kernel = 'js';
  private readonly wT: Float64Array[] = [];
  private readonly aT: Float64Array;
  private readonly dT: Float64Array;

  constructor(sizes: readonly number[], m: number, take: Take) {
    let widest = 0;
    for (let l = 0; l < sizes.length; l++) {
      widest = Math.max(widest, sizes[l]);
      this.wT.push(l === 0 ? take(0) : take(sizes[l - 1] * sizes[l]));
    }
    this.aT = take(widest * m);
    this.dT = take(widest * m);
  }

  forward(ws: Workspace, l: number, w: Float64Array, b: Float64Array): void {
    const p = ws.sizes[l - 1];
    const n = ws.sizes[l];
    transpose(w, p, n, this.wT[l], 1);
    multiplyTransposed(ws.a[l - 1], this.wT[l], ws.z[l], ws.m, p, n, 1, b);
  }

  weightGradient(ws: Workspace, l: number): void {
    const { m } = ws;
    const p = ws.sizes[l - 1];
    const n = ws.sizes[l];
    transpose(ws.a[l - 1], m, p, this.aT, 1);
    transpose(ws.delta[l], m, n, this.dT, 1);
    multiplyTransposed(this.aT, this.dT, ws.gw[l], p, m, n, m === 0 ? 0 : 1 / m, null);
  }

  propagate(ws: Workspace, l: number, w: Float64Array): void {
    // w^(ℓ) is already p×n, i.e. the n-long rows the kernel wants for δ·wᵀ.
    multiplyTransposed(ws.delta[l], w, ws.dcda[l - 1], ws.m, ws.sizes[l], ws.sizes[l - 1], 1, null);
  }
}
