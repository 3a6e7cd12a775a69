import { FunctionWriter, ValType, type Local } from './binary';
import { rowColumns } from './rowColumns';

/**
 * The WebAssembly form of a layer's gradient-descent step (engine/descent.ts, descendColumns),
 * for the columns from … to − 1 of a layer of p inputs and n neurons:
 *
 *   descend(gw, w, gb, b, squares, p, n, eta, inverseM, from, to)
 *     g = inverseM·gw,  w ← w − eta·g,  squares[j] = Σ_k g_kj² (k ascending),  b ← b − eta·(inverseM·gb)
 *
 * with every address in bytes. It walks the rows in order, each row's columns two at a time as
 * f64x2 pairs (an odd last one alone), every lane doing exactly the JavaScript's operations in
 * the JavaScript's order: g = gw·inverseM, then w − eta·g with a separate multiply and subtract,
 * and each column's square added to squares[j] row after row, k ascending, as the JavaScript adds
 * it to its running sum. So the two give the same bits, and a run may mix them (helper threads,
 * replays). Row by row it streams the weights and their sums once, in order, with the squares of
 * the columns staying in the first-level cache: on 784-512 layers 6× faster than the JavaScript,
 * which goes down four columns at a time, a row (4 KiB) apart per step.
 */

const { I32, F64, V128 } = ValType;
export const DESCEND_PARAMS = [I32, I32, I32, I32, I32, I32, I32, F64, F64, I32, I32] as const;

/** The exported `descend`, as JavaScript sees it. */
export type DescendKernel = (gw: number, w: number, gb: number, b: number, squares: number, p: number, n: number, eta: number, inverseM: number, from: number, to: number) => void;

/**
 * descendColumns's contract (engine/descent.ts: `args` from descentArguments, positions counted in
 * numbers) on the kernel's `descend`, which counts in bytes.
 */
export function descendIn(kernel: DescendKernel): (args: ArrayLike<number>, from: number, to: number) => void {
  return (args, from, to) => kernel(8 * args[0], 8 * args[1], 8 * args[2], 8 * args[3], 8 * args[4], args[5], args[6], args[7], args[8], from, to);
}

export function descendBody(): FunctionWriter {
  const f = new FunctionWriter(DESCEND_PARAMS);
  const [gw, w, gb, b, squares, p, n] = [0, 1, 2, 3, 4, 5, 6].map((index) => f.param(index));
  const [eta, inverseM, from, to] = [7, 8, 9, 10].map((index) => f.param(index));
  const k = f.local(I32);
  /** Byte offset of element (k, j) in gw and w; `pairsEnd` and `rowEnd` bound row k's columns. */
  const at = f.local(I32);
  const pairsEnd = f.local(I32);
  const rowEnd = f.local(I32);
  const walk = { pairsEnd, rowEnd };
  /** Byte offset of squares[j], walking along with `at`. */
  const sq = f.local(I32);
  const rowBytes = f.local(I32);
  const etaV = f.local(V128);
  const inverseV = f.local(V128);
  const g = f.local(V128);
  const gS = f.local(F64);

  /**
   * Row k's element at `at` (scalar) or the pair from it (f64x2), exactly as the JavaScript does
   * it: g = gw·inverseM, squares += g·g, w = w − eta·g.
   */
  const update = (pair: boolean) => {
    const load = () => (pair ? f.v128Load() : f.f64Load());
    const store = () => (pair ? f.v128Store() : f.f64Store());
    const mul = () => (pair ? f.f64x2Mul() : f.f64Mul());
    const gradient = pair ? g : gS;
    f.get(gw).get(at).i32Add();
    load().get(pair ? inverseV : inverseM);
    mul().set(gradient);
    f.get(squares).get(sq).i32Add();
    f.get(squares).get(sq).i32Add();
    load().get(gradient).get(gradient);
    mul();
    if (pair) f.f64x2Add();
    else f.f64Add();
    store();
    f.get(w).get(at).i32Add();
    f.get(w).get(at).i32Add();
    load().get(pair ? etaV : eta).get(gradient);
    mul();
    if (pair) f.f64x2Sub();
    else f.f64Sub();
    store();
  };
  f.get(n).i32Const(3).i32Shl().set(rowBytes);
  f.get(eta).f64x2Splat().set(etaV);
  f.get(inverseM).f64x2Splat().set(inverseV);
  // Each column's sum of squares starts at +0 and takes its rows in order, k ascending.
  f.get(from).i32Const(3).i32Shl().set(sq);
  f.get(to).i32Const(3).i32Shl().set(rowEnd);
  f.whileNot(
    () => f.get(sq).get(rowEnd).i32GeS(),
    () => {
      f.get(squares).get(sq).i32Add().f64Zero().f64Store();
      f.increment(sq, 8);
    },
  );
  f.i32Const(0).set(k);
  f.whileNot(
    () => f.get(k).get(p).i32GeS(),
    () => {
      // Row k, columns from … to − 1.
      f.get(k).get(rowBytes).i32Mul().get(from).i32Const(3).i32Shl().i32Add().set(at);
      rowColumns(f, { at, column: sq, from, to }, walk, update);
      f.increment(k, 1);
    },
  );
  // The biases of the same columns.
  f.get(from).i32Const(3).i32Shl().set(at);
  f.get(to).i32Const(3).i32Shl().set(rowEnd);
  f.whileNot(
    () => f.get(at).get(rowEnd).i32GeS(),
    () => {
      f.get(b).get(at).i32Add();
      f.get(b).get(at).i32Add().f64Load().get(eta);
      f.get(gb).get(at).i32Add().f64Load().get(inverseM).f64Mul();
      f.f64Mul().f64Sub().f64Store();
      f.increment(at, 8);
    },
  );
  return f;
}
