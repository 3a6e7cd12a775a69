import { FunctionWriter, ValType } from './binary';
import { pairs } from './rowColumns';

/**
 * The relu of a block in the WebAssembly kernel, two numbers at a time:
 *
 *   relu(z, a, dadz, count)   for q < count (even): a[q] = z[q] if z[q] > 0, else 0 (NaN stays
 *                             NaN, as the JavaScript keeps it for the failure report); dadz[q] =
 *                             1 if z[q] > 0, else 0
 *
 * every address in bytes: the registry's JavaScript `apply` (activations/relu.ts), picked by lane
 * masks instead of a branch per number. Nothing is computed, only chosen, so the bits are the
 * JavaScript's. The 262,144 relus of a 784-512-512-10 step (256 examples) went from 0.8 ms to
 * about a third of that, on two threads.
 */

const { I32, V128 } = ValType;
export const RELU_PARAMS = [I32, I32, I32, I32] as const;

/** The exported `relu`, as JavaScript sees it. */
export type ReluKernel = (z: number, a: number, dadz: number, count: number) => void;

export function reluBody(): FunctionWriter {
  const f = new FunctionWriter(RELU_PARAMS);
  const [z, a, dadz, count] = [0, 1, 2, 3].map((index) => f.param(index));
  const v = f.local(V128);
  const positive = f.local(V128);
  const one = f.local(V128);
  const zero = f.local(V128);
  f.f64x2Const(1).set(one);
  f.f64x2Const(0).set(zero);
  pairs(f, count, (at) => {
      f.get(z).get(at).i32Add().v128Load().set(v);
      f.get(v).get(zero).f64x2Gt().set(positive);
      // a: z where z > 0 or z is NaN (z ≠ z), else +0.
      f.get(a).get(at).i32Add();
      f.get(v).get(zero).get(positive).get(v).get(v).f64x2Ne().v128Or().v128Bitselect();
      f.v128Store();
      f.get(dadz).get(at).i32Add().get(one).get(positive).v128And().v128Store();
  });
  return f;
}
