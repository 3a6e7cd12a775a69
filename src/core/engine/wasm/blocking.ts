import { A_BAND_BYTES, A_BAND_TERMS, NO_BIAS } from './kernel';
import type { AOperand, Multiply, Product } from './runtime';

/**
 * Cache blocking for the WebAssembly product, without changing a single bit of its results.
 *
 * The kernel (kernel.ts) keeps a tile of C in registers while t runs over the depth, reading B
 * from strips packed by `pack` (packing.ts), which reads B through its strides (row-major, or
 * transposed in place). Here the product is cut into panels of at most
 * DEPTH_BLOCK rows × COLUMN_BLOCK columns of B (512 KiB, within a core's second-level cache):
 * each panel is packed once into the arena's scratch area, and then every band of rows of A runs
 * over it while it is cached. Before, each band streamed all of B straight from the matrix, a
 * row of B (4 KiB for 512 columns) apart per step, and the wide layers of a 784-512-512-10
 * network waited on memory at half the speed of the narrow ones.
 *
 * Why the bits stay the same: C[r,c] is still summed over t in increasing order. The first depth
 * panel starts each sum as the caller asked (+0, or C's value when accumulating); each later
 * panel continues it from C, where the earlier panels stored it unscaled — a stored double is
 * exact, so the running sum takes the same roundings as in one unblocked pass. Only the last
 * panel applies `scale` and `bias`, exactly as the unblocked kernel does after its last term.
 * The tests compare the blocked products with the JavaScript kernel bit for bit across panel
 * edges (test/unit/engine/kernels.test.ts).
 */

/**
 * The most rows of B (terms of each sum) in a panel: 256 × 256 numbers of B are 512 KiB. As deep
 * as the bands of A the kernel copies (kernel.ts, A_BAND_TERMS), so that every band is copied.
 *
 * Why this deep: every tile of C the kernel holds in registers pays a fixed cost per panel —
 * loading its running sums, starting and leaving the step loop, scaling and storing — so the
 * deeper the panel, the longer the step loop runs between those costs. Against panels of 128
 * terms (256 KiB), 256 took 2% to 8% less time over the gradient of 784-512-512-10 on one
 * thread (four comparisons of the medians of 8 or 16 interleaved runs; −4% in both of 16), on
 * the benchmark machine (Zen 5); panels of up to 512 terms (1 MiB, the whole second-level cache
 * of a Zen 5 core) took 8% more. A depth that is not a multiple of DEPTH_BLOCK is split evenly
 * (784 as 4 × 196, not 3 × 256 + 16): a short last panel pays the fixed costs for few terms,
 * and measured 7% slower on the same gradient.
 */
export const DEPTH_BLOCK = A_BAND_TERMS;
/** Columns of B and C per panel. */
export const COLUMN_BLOCK = 256;
/** The bytes of the scratch area a panel of B is packed into. */
export const PANEL_BYTES = 8 * DEPTH_BLOCK * COLUMN_BLOCK;
/** The bytes of one thread's scratch: its panel of B, then the kernel's band of A. */
export const SCRATCH_BYTES = PANEL_BYTES + A_BAND_BYTES;

/** The kernel's `multiply`, whose B is packed, whose C has rows `stride` numbers apart, and which copies bands of A to `aBand` (kernel.ts). */
export type PackedMultiply = (...args: [...AOperand, packedB: number, ...Product, stride: number, aBand: number]) => void;
/** The kernel's `pack(src, rowStride, colStride, dst, depth, cols)` (packing.ts). */
export type Pack = (src: number, rowStride: number, colStride: number, dst: number, depth: number, cols: number) => void;

/**
 * `multiply` restricted to the columns from … to − 1 of C: what one thread computes when a
 * product is shared out by columns (parallel.ts). Each C[r,c] is the same sum whichever thread
 * computes it, so any split gives the bits of the whole product.
 */
export type ColumnsMultiply = (...args: [...Parameters<Multiply>, from: number, to: number]) => void;

/**
 * `multiply` with the contract of runtime.ts (B through its strides, C row-major), panel by panel,
 * for the columns from … to − 1 of C, packing into its own `scratch` (SCRATCH_BYTES).
 */
export function blockedColumns(kernel: PackedMultiply, pack: Pack, scratch: number): ColumnsMultiply {
  return (A, aRow, aStep, B, bRow, bCol, C, rows, depth, cols, scale, bias, accumulate, from, to) => {
    const panelDepth = evenDepth(depth);
    for (let j = from; j < to; j += COLUMN_BLOCK) {
      const width = Math.min(COLUMN_BLOCK, to - j);
      // With depth 0 the one (empty) panel still writes C: +0 or C, scaled and biased.
      for (let t = 0; t === 0 || t < depth; t += panelDepth) {
        const terms = Math.min(panelDepth, depth - t);
        const last = t + panelDepth >= depth;
        pack(B + t * bRow + j * bCol, bRow, bCol, scratch, terms, width);
        kernel(
          A + t * aStep,
          aRow,
          aStep,
          scratch,
          C + 8 * j,
          rows,
          terms,
          width,
          last ? scale : 1,
          last && bias !== NO_BIAS ? bias + 8 * j : NO_BIAS,
          t > 0 ? 1 : accumulate,
          cols,
          scratch + PANEL_BYTES,
        );
      }
    }
  };
}

/** The terms of each panel when `depth` terms are split into as few panels as DEPTH_BLOCK allows, evenly (at least 1). */
export function evenDepth(depth: number): number {
  const panels = Math.max(1, Math.ceil(depth / DEPTH_BLOCK));
  return Math.max(1, Math.ceil(depth / panels));
}
