import { FunctionWriter, ValType, type Local } from './binary';
import { gather } from './gather';

/**
 * The WebAssembly routine that packs a panel of B for the product (blocking.ts, kernel.ts):
 *
 *   pack(src, rowStride, colStride, dst, depth, cols)
 *
 * copies the depth×cols panel whose element (t, c) sits at src + t·rowStride + c·colStride into
 * `dst` as strips: the columns the product's tiles read together (`tileWidth` of them, then 2,
 * then 1 for the leftovers, exactly as the product walks them) stored row after row, so that a
 * tile's steps through t read consecutive memory. Unpacked, each step of t jumped a whole row of
 * B, and a row of 512 numbers is 4 KiB: every step landed in the same cache set and a new page.
 *
 * A row-major B (colStride = 8) is copied in pairs of columns with f64x2 moves. Any other is
 * copied number by number: that is how ∂c/∂a^(ℓ−1) = δ^(ℓ)·(w^(ℓ))ᵀ reads (w^(ℓ))ᵀ straight from
 * w^(ℓ) (rowStride 8, colStride a row of w), where it used to transpose w^(ℓ) into a copy first.
 * Copying moves numbers without arithmetic, so packing changes no result.
 */

const { I32 } = ValType;
export const PACK_PARAMS = [I32, I32, I32, I32, I32, I32] as const;

interface Names {
  readonly src: Local;
  readonly rowStride: Local;
  readonly colStride: Local;
  readonly dstPtr: Local;
  readonly depth: Local;
  readonly cols: Local;
  readonly j: Local;
  readonly t: Local;
  readonly srcPtr: Local;
  /** k·colStride for the columns k = 0 … tileWidth − 1 of a strip. */
  readonly colOffsets: readonly Local[];
}

/**
 * Copies the strips `width` columns wide while at least `width` columns are left (or, `once`,
 * one strip if there is room): with f64x2 moves when `pairs`, else a number at a time.
 */
function strips(f: FunctionWriter, n: Names, width: number, once: boolean, pairs: boolean): void {
  const loop = () => {
    f.get(n.src).get(n.j).get(n.colStride).i32Mul().i32Add().set(n.srcPtr);
    f.get(n.depth).set(n.t);
    gather(f, { from: n.srcPtr, step: n.rowStride, offsets: n.colOffsets, to: n.dstPtr, count: n.t, width, pairs });
    f.increment(n.j, width);
  };
  const tooFew = () => f.get(n.cols).get(n.j).i32Sub().i32Const(width).i32LtS();
  if (once) {
    tooFew();
    f.i32Eqz().if();
    loop();
    f.end();
  } else f.whileNot(tooFew, loop);
}

/** All the strips of the panel, copied as `pairs` says. */
function panel(f: FunctionWriter, n: Names, tileWidth: number, pairs: boolean): void {
  f.i32Const(0).set(n.j);
  strips(f, n, tileWidth, false, pairs);
  strips(f, n, 2, true, pairs);
  strips(f, n, 1, true, pairs);
}

/** `tileWidth`: the columns of the product's full tiles (2·VECTORS in kernel.ts). */
export function packBody(tileWidth: number): FunctionWriter {
  const f = new FunctionWriter(PACK_PARAMS);
  const n: Names = {
    src: f.param(0), rowStride: f.param(1), colStride: f.param(2), dstPtr: f.param(3), depth: f.param(4), cols: f.param(5),
    j: f.local(I32), t: f.local(I32), srcPtr: f.local(I32),
    colOffsets: Array.from({ length: tileWidth }, () => f.local(I32)),
  };
  for (let k = 1; k < tileWidth; k++) f.get(n.colStride).i32Const(k).i32Mul().set(n.colOffsets[k]);
  f.get(n.colStride).i32Const(8).i32Ne().if();
  panel(f, n, tileWidth, false);
  f.else();
  panel(f, n, tileWidth, true);
  f.end();
  return f;
}
