import { ACCUMULATE, FIRST } from '../deltaSums';
import { FunctionWriter, ValType, type Local } from './binary';
import { rowColumns } from './rowColumns';

/**
 * The WebAssembly form of engine/deltaSums.ts, for the columns from … to − 1:
 *
 *   delta(dcda, dadz, delta, gb, rows, n, sums, from, to)
 *     δ = dcda·dadz element by element;  with sums ≠ 0, gb[j] = δ[0,j] (FIRST) or gb[j] + δ[0,j]
 *     (ACCUMULATE), then gb[j] + δ[i,j] for the rows i after it, in order
 *
 * every address in bytes. Row by row, its columns two at a time as f64x2 pairs (an odd last one
 * alone), each lane doing the JavaScript's multiply and add: the same bits, and the sums of the
 * row's columns stay in the first-level cache while the rows stream past.
 */

const { I32, F64, V128 } = ValType;
export const DELTA_PARAMS = [I32, I32, I32, I32, I32, I32, I32, I32, I32] as const;

/** The exported `delta`, as JavaScript sees it. */
export type DeltaKernel = (dcda: number, dadz: number, delta: number, gb: number, rows: number, n: number, sums: number, from: number, to: number) => void;

/** deltaColumns's contract (positions counted in numbers) on the kernel's `delta`, which counts in bytes. */
export function deltaIn(kernel: DeltaKernel): (args: ArrayLike<number>, from: number, to: number) => void {
  return (args, from, to) => kernel(8 * args[0], 8 * args[1], 8 * args[2], 8 * args[3], args[4], args[5], args[6], from, to);
}

export function deltaBody(): FunctionWriter {
  const f = new FunctionWriter(DELTA_PARAMS);
  const [dcda, dadz, delta, gb, rows, n, sums, from, to] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((index) => f.param(index));
  const i = f.local(I32);
  /** Byte offset of (i, j) in the block's arrays, and of gb[j] beside it. */
  const at = f.local(I32);
  const bias = f.local(I32);
  const pairsEnd = f.local(I32);
  const rowEnd = f.local(I32);
  /** 0: δ alone; 1: gb = δ; 2: gb += δ — for this row. */
  const mode = f.local(I32);
  const d = f.local(V128);
  const dS = f.local(F64);

  /** The element or pair at `at`: δ = dcda·dadz, then gb as `mode` says (both forms generated, chosen per row). */
  const update = (pair: boolean) => {
    const load = (base: Local, address: Local) => (f.get(base).get(address).i32Add(), pair ? f.v128Load() : f.f64Load());
    const value = pair ? d : dS;
    load(dcda, at);
    load(dadz, at);
    if (pair) f.f64x2Mul();
    else f.f64Mul();
    f.set(value);
    f.get(delta).get(at).i32Add().get(value);
    if (pair) f.v128Store();
    else f.f64Store();
    const store = () => (pair ? f.v128Store() : f.f64Store());
    f.get(mode).i32Const(FIRST).i32Ne().i32Eqz().if();
    f.get(gb).get(bias).i32Add().get(value);
    store();
    f.else();
    f.get(mode).if();
    f.get(gb).get(bias).i32Add();
    load(gb, bias).get(value);
    if (pair) f.f64x2Add();
    else f.f64Add();
    store();
    f.end();
    f.end();
  };
  f.i32Const(0).set(i);
  f.whileNot(
    () => f.get(i).get(rows).i32GeS(),
    () => {
      // This row's mode: FIRST only on row 0; ACCUMULATE on every later row of a summing job.
      f.get(sums).set(mode);
      f.get(i).if();
      f.get(sums).i32Const(0).i32Ne().i32Const(ACCUMULATE).i32Mul().set(mode);
      f.end();
      f.get(i).get(n).i32Mul().get(from).i32Add().i32Const(3).i32Shl().set(at);
      rowColumns(f, { at, column: bias, from, to }, { pairsEnd, rowEnd }, update);
      f.increment(i, 1);
    },
  );
  return f;
}
