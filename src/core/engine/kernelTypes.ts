/**
 * The contract between the engine's passes and its two matrix kernels (jsProducts.ts,
 * wasm/wasmProducts.ts). A kernel sees only the buffers of one block of examples, never the
 * workspace that owns them, so this module depends on nothing and nothing depends back on it.
 */

export type KernelName = 'wasm' | 'js';

/** Carves a buffer of `length` numbers out of a workspace's single allocation. */
export type Take = (length: number) => Float64Array;

/**
 * The per-layer buffers of the block of examples a pass is working on, batch-major (example i
 * of the block, neuron j at i·n_ℓ + j), indexed by layer; index 0 of z, ∂c/∂a, δ and ∂c/∂w is empty.
 */
export interface LayerBuffers {
  /** n_0 … n_L */
  readonly sizes: readonly number[];
  /** The examples in the current block (the rows of every per-example buffer in use). */
  readonly m: number;
  readonly a: readonly Float64Array[];
  readonly z: readonly Float64Array[];
  readonly dcda: readonly Float64Array[];
  readonly delta: readonly Float64Array[];
  /** Σ over the examples so far of δ_j·a_k, unscaled until the last block (see backward.ts). */
  readonly gw: readonly Float64Array[];
}

/**
 * The three matrix products of one layer ℓ (p = n_(ℓ−1) inputs, n = n_ℓ neurons, m examples in
 * the block), which are nearly all of a gradient's arithmetic. Both kernels implement them with
 * the same operations in the same order, so they agree bit for bit.
 */
export interface LayerProducts {
  readonly kernel: KernelName;
  /** z^(ℓ) = a^(ℓ−1)·w^(ℓ) + b^(ℓ) for every example of the block (m×n). */
  forward(buffers: LayerBuffers, l: number, w: Float64Array, b: Float64Array): void;
  /**
   * gw^(ℓ) = (a^(ℓ−1))ᵀ·δ^(ℓ) (p×n), the block's Σ_i δ_j·a_k; with `accumulate` added to what
   * gw^(ℓ) holds (the earlier blocks' sum), each entry's terms still in increasing example order.
   */
  weightGradient(buffers: LayerBuffers, l: number, accumulate: boolean): void;
  /** ∂c_i/∂a^(ℓ−1) = δ^(ℓ)·(w^(ℓ))ᵀ for every example of the block (m×p). */
  propagate(buffers: LayerBuffers, l: number, w: Float64Array): void;
}
