import type { LayerBuffers, LayerProducts, Take } from '../kernelTypes';
import { transpose } from '../matmul';
import { NO_BIAS } from './kernel';
import type { Multiply } from './runtime';

/**
 * The layer products on the WebAssembly kernel. Every workspace array already lives in the
 * kernel's memory, so only the parameters are copied in (they belong to the network, or are
 * the nudged copies of a gradient check), unless they live there too (Workspace.resident):
 * w^(ℓ) and b^(ℓ) as they are for the forward product, and (w^(ℓ))ᵀ for propagating ∂c/∂a
 * down a layer. ∂c/∂w reads a^(ℓ−1) transposed through the
 * kernel's strides, with no copy at all.
 */
export class WasmProducts implements LayerProducts {
  readonly kernel = 'wasm';
  private readonly w: Float64Array[] = [];
  private readonly b: Float64Array[] = [];
  private readonly wT: Float64Array[] = [];

  constructor(
    sizes: readonly number[],
    take: Take,
    private readonly multiply: Multiply,
  ) {
    for (let l = 0; l < sizes.length; l++) {
      const weights = l === 0 ? 0 : sizes[l - 1] * sizes[l];
      this.w.push(take(weights));
      this.b.push(take(l === 0 ? 0 : sizes[l]));
      // Layer 1 never propagates: nothing sits below the inputs.
      this.wT.push(take(l < 2 ? 0 : weights));
    }
  }

  forward(ws: LayerBuffers, l: number, w: Float64Array, b: Float64Array): void {
    const p = ws.sizes[l - 1];
    const n = ws.sizes[l];
    const a = ws.a[l - 1];
    this.multiply(a.byteOffset, 8 * p, 8, this.inKernel(w, this.w[l]), ws.z[l].byteOffset, ws.m, p, n, 1, this.inKernel(b, this.b[l]), 0);
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
    this.multiply(a.byteOffset, 8, 8 * p, ws.delta[l].byteOffset, ws.gw[l].byteOffset, p, m, n, 1, NO_BIAS, accumulate ? 1 : 0);
  }

  propagate(ws: LayerBuffers, l: number, w: Float64Array): void {
    const p = ws.sizes[l - 1];
    const n = ws.sizes[l];
    transpose(w, p, n, this.wT[l], 1);
    const delta = ws.delta[l];
    this.multiply(delta.byteOffset, 8 * n, 8, this.wT[l].byteOffset, ws.dcda[l - 1].byteOffset, ws.m, n, p, 1, NO_BIAS, 0);
  }
}
