import { FunctionWriter, ValType, type Local } from './binary';

/**
 * The WebAssembly routine that packs a panel of B for the product (blocking.ts, kernel.ts):
 *
 *   pack(src, srcStride, dst, depth, cols)
 *
 * copies the depth×cols panel whose rows start `srcStride` bytes apart at `src` into `dst` as
 * strips: the columns the product's tiles read together (`tileWidth` of them, then 2, then 1
 * for the leftovers, exactly as the product walks them) stored row after row, so that a tile's
 * steps through t read consecutive memory. Unpacked, each step of t jumped a whole row of B,
 * and a row of 512 numbers is 4 KiB: every step landed in the same cache set and a new page.
 * Copying moves numbers without arithmetic, so packing changes no result.
 */

const { I32 } = ValType;
export const PACK_PARAMS = [I32, I32, I32, I32, I32] as const;

/** Copies the strips `width` columns wide while at least `width` columns are left. */
function strips(f: FunctionWriter, n: Record<'src' | 'stride' | 'dstPtr' | 'depth' | 'cols' | 'j' | 't' | 'srcPtr', Local>, width: number, once: boolean): void {
  const loop = () => {
    f.get(n.src).get(n.j).i32Const(3).i32Shl().i32Add().set(n.srcPtr);
    f.get(n.depth).set(n.t);
    f.block().loop();
    f.get(n.t).i32Eqz().brIf(1);
    if (width === 1) f.get(n.dstPtr).get(n.srcPtr).f64Load().f64Store();
    else for (let v = 0; v < width / 2; v++) f.get(n.dstPtr).get(n.srcPtr).v128Load(16 * v).v128Store(16 * v);
    f.get(n.srcPtr).get(n.stride).i32Add().set(n.srcPtr);
    f.get(n.dstPtr).i32Const(8 * width).i32Add().set(n.dstPtr);
    f.get(n.t).i32Const(1).i32Sub().set(n.t);
    f.br(0).end().end();
    f.get(n.j).i32Const(width).i32Add().set(n.j);
  };
  const enough = () => f.get(n.cols).get(n.j).i32Sub().i32Const(width).i32LtS();
  if (once) {
    enough();
    f.i32Eqz().if();
    loop();
    f.end();
    return;
  }
  f.block().loop();
  enough();
  f.brIf(1);
  loop();
  f.br(0).end().end();
}

/** `tileWidth`: the columns of the product's full tiles (2·VECTORS in kernel.ts). */
export function packBody(tileWidth: number): FunctionWriter {
  const f = new FunctionWriter(PACK_PARAMS);
  const n = { src: f.param(0), stride: f.param(1), dstPtr: f.param(2), depth: f.param(3), cols: f.param(4), j: f.local(I32), t: f.local(I32), srcPtr: f.local(I32) };
  f.i32Const(0).set(n.j);
  strips(f, n, tileWidth, false);
  strips(f, n, 2, true);
  strips(f, n, 1, true);
  return f;
}
