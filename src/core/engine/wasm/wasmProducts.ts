import type { LayerBuffers, LayerProducts, Take } from '../kernelTypes';
import { NO_BIAS } from './kernel';
import type { Multiply } from './runtime';

/**
 * The layer products on the WebAssembly kernel. Every workspace array already lives in the
 * kernel's memory, so only the parameters are copied in (they belong to the network, or are
 * the nudged copies of a gradient check), unless they live there too (Workspace.resident).
 * Transposed operands are read through the kernel's strides, never copied: ∂c/∂w reads
 * a^(ℓ−1) transposed, and propagating ∂c/∂a down a layer reads (w^(ℓ))ᵀ from w^(ℓ) (a 512×512
 * transpose in JavaScript took 1.5 ms, on the training thread alone, of a 28 ms step).
 */
export class WasmProducts implements LayerProducts {
  readonly kernel = 'wasm';
  private readonly w: Float64Array[] = [];
  private readonly b: Float64Array[] = [];

  constructor(
    sizes: readonly number[],
    take: Take,
    private readonly multiply: Multiply,
  ) {
    for (let l = 0; l < sizes.length; l++) {
      const weights = l === 0 ? 0 : sizes[l - 1] * sizes[l];
      this.w.push(take(weights));
      this.b.push(take(l === 0 ? 0 : sizes[l]));
    }
  }

  forward(ws: LayerBuffers, l: number, w: Float64Array, b: Float64Array): void {
    const p = ws.sizes[l - 1];
    const n = ws.sizes[l];
    const a = ws.a[l - 1];
    this.multiply(a.byteOffset, 8 * p, 8, this.inKernel(w, this.w[l]), 8 * n, 8, ws.z[l].byteOffset, ws.m, p, n, 1, this.inKernel(b, this.b[l]), 0);
  }

  /**
   * The byte address of `values` in the kernel's memory: where they are, when they already live
   * there (a workspace's resident parameters), or else of `slot` after copying them into it.
   */
  private inKernel(values: Float64Array, slot: Float64Array): number {
    if (values.buffer === slot.buffer) return values.byteOffset;
    slot.set(values);
    return slot.byteOffset;
  }

  weightGradient(ws: LayerBuffers, l: number, accumulate: boolean): void {
    const { m } = ws;
    const p = ws.sizes[l - 1];
    const n = ws.sizes[l];
    // Row k of (a^(ℓ−1))ᵀ is column k of a^(ℓ−1): next row 8 bytes on, next t one example (8p) on.
    const a = ws.a[l - 1];
    this.multiply(a.byteOffset, 8, 8 * p, ws.delta[l].byteOffset, 8 * n, 8, ws.gw[l].byteOffset, p, m, n, 1, NO_BIAS, accumulate ? 1 : 0);
  }

  propagate(ws: LayerBuffers, l: number, w: Float64Array): void {
    const p = ws.sizes[l - 1];
    const n = ws.sizes[l];
    // (w^(ℓ))ᵀ is n×p: its (t, c) is w^(ℓ)[c, t], one number on for t, a row of w (n numbers) on for c.
    const delta = ws.delta[l];
    this.multiply(delta.byteOffset, 8 * n, 8, this.inKernel(w, this.w[l]), 8, 8 * n, ws.dcda[l - 1].byteOffset, ws.m, n, p, 1, NO_BIAS, 0);
  }
}
