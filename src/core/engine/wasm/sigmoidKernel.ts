import { FunctionWriter, ValType, type Local } from './binary';
import { pairs } from './rowColumns';

/**
 * The sigmoid of a block in the WebAssembly kernel, two numbers at a time:
 *
 *   sigmoid(z, a, dadz, count)   for q < count (even): a[q] = σ(z[q]), dadz[q] = a[q]·(1 − a[q])
 *   expNonPositive(x, y, count)  for q < count (even): y[q] = e^x[q], for x[q] ≤ 0 (see expBody)
 *
 * every address in bytes. It gives the bits of the registry's JavaScript (activations/sigmoid.ts,
 * `apply`): σ(z) = 1/(1 + e^(−z)) for z ≥ 0 and e^z/(1 + e^z) below, both from e^(−|z|), and
 * that e^x is Math.exp's own. Node's and VS Code's Math.exp (V8) compute it as fdlibm's `exp`
 * does: x = k·ln 2 + r with ln 2 in two parts, a rational approximation of e^r from a degree-5
 * polynomial in r², then 2^k put into the exponent. Each lane here does those operations in
 * that order, with separate multiplies and adds (never a fused multiply-add), and picks between
 * fdlibm's cases with lane masks instead of branches. The argument −|z| is never positive, which
 * leaves four cases: e^x = 1 + x when |x| < 2⁻²⁸, k = 0 when |x| ≤ ½ ln 2, k = −1 when |x| <
 * 1.5 ln 2, and k = trunc(x/ln 2 − ½) beyond; 2^k below 2⁻¹⁰²¹ is applied in two factors, and
 * below −745.13 the result underflows to 0. With k = 0, fdlibm's last step is written
 * differently but takes the same roundings (c − 2 = −(2 − c) exactly), so one formula serves.
 *
 * Why: the JavaScript σ costs about 9 ns a number, most of it in Math.exp: 7% of a training
 * step of a 784-128-10 network on 64 examples, on one thread. Here the 8,192 sigmoids of its
 * hidden layer take 52 µs instead of 75 (all the cases computed in both lanes and picked by mask
 * cost about what two-lane arithmetic saves over Math.exp's branches). The tests compare this
 * with the JavaScript over every case's edges and a million random arguments, bit for bit.
 */

const { I32, V128 } = ValType;
export const SIGMOID_PARAMS = [I32, I32, I32, I32] as const;
export const EXP_PARAMS = [I32, I32, I32] as const;

/** The exported `sigmoid`, as JavaScript sees it. */
export type SigmoidKernel = (z: number, a: number, dadz: number, count: number) => void;

/** fdlibm's constants for exp. */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
const P = [1.66666666666666019037e-1, -2.77777777770155933842e-3, 6.61375632143793436117e-5, -1.65339022054652515390e-6, 4.13813679705723846039e-8];
const UNDERFLOW = -7.45133219101941108420e2;
const TWO_M1000 = 9.33263618503218878990e-302;

/** The smallest double whose high 32 bits are `high`: fdlibm's tests on |x|'s high word, as comparisons of |x|. */
const fromHigh = (high: number) => new Float64Array(new Uint32Array([0, high]).buffer)[0];
/** |x| > ½ ln 2 (high word above 0x3FD62E42). */
const HALF_LN2_UP = fromHigh(0x3fd62e43);
/** |x| < 1.5 ln 2 (high word below 0x3FF0A2B2). */
const ONE_HALF_LN2 = fromHigh(0x3ff0a2b2);
/** |x| < 2⁻²⁸. */
const TINY = fromHigh(0x3e300000);

interface ExpLocals {
  /** In: x ≤ 0 (or NaN). */
  readonly x: Local;
  /** |x|, which the cases compare. */
  readonly ax: Local;
  readonly k: Local;
  readonly hi: Local;
  readonly lo: Local;
  /** A lane mask: |x| > ½ ln 2, then k < −1021. */
  readonly low: Local;
  readonly r: Local;
  readonly t: Local;
  readonly c: Local;
  /** Out: e^x, with Math.exp's bits. */
  readonly e: Local;
  /** The local holding `value` in both f64 lanes (or, `integer`, both int64 lanes). */
  readonly constant: (value: number, integer?: boolean) => Local;
}

/** Every constant the loops use: f64 lanes, then the int64 ones. */
const DOUBLES = [-1, -0.5, 0, 1, 2, -1021, INV_LN2, LN2_HI, LN2_LO, ...P, TWO_M1000, HALF_LN2_UP, ONE_HALF_LN2, TINY, UNDERFLOW];
const INTEGERS = [1000, 1023];

/**
 * The locals of `exp`, and its constants set once, here, before any loop: V8 builds an inline
 * v128.const anew at every use, which made the loop twice as long.
 */
function expLocals(f: FunctionWriter): ExpLocals {
  const v = () => f.local(V128);
  const doubles = new Map(DOUBLES.map((value) => [value, v()]));
  const integers = new Map(INTEGERS.map((value) => [value, v()]));
  for (const [value, local] of doubles) f.f64x2Const(value).set(local);
  for (const [value, local] of integers) f.i64x2Const(value).set(local);
  const constant = (value: number, integer = false): Local => {
    const local = (integer ? integers : doubles).get(value);
    if (local === undefined) throw new Error(`constant ${value} is not declared`);
    return local;
  };
  return { x: v(), ax: v(), k: v(), hi: v(), lo: v(), low: v(), r: v(), t: v(), c: v(), e: v(), constant };
}

/** e = e^x for both lanes of x ≤ 0, as fdlibm computes it (see above). */
function exp(f: FunctionWriter, { x, ax, k, hi, lo, low, r, t, c, e, constant }: ExpLocals): void {
  const get = (local: Local) => f.get(local);
  const c2 = (value: number) => f.get(constant(value));
  get(x).f64x2Abs().set(ax);
  // k: 0 up to ½ ln 2, −1 up to 1.5 ln 2, trunc(x·(1/ln 2) − ½) beyond (as a double); `low` holds |x| > ½ ln 2 meanwhile.
  get(ax);
  c2(HALF_LN2_UP).f64x2Ge().set(low);
  c2(-1);
  get(x);
  c2(INV_LN2).f64x2Mul();
  c2(-0.5).f64x2Add().i32x4TruncSatF64x2Zero().f64x2ConvertLowI32x4().get(low).v128And();
  get(ax);
  c2(ONE_HALF_LN2).f64x2Lt().get(low).v128And();
  f.v128Bitselect().set(k);
  // hi = x − k·ln2_hi, lo = k·ln2_lo, r = hi − lo (for k = 0: r = x exactly).
  get(x).get(k);
  c2(LN2_HI).f64x2Mul().f64x2Sub().set(hi);
  get(k);
  c2(LN2_LO).f64x2Mul().set(lo);
  get(hi).get(lo).f64x2Sub().set(r);
  // c = r − t·(P1 + t·(P2 + t·(P3 + t·(P4 + t·P5)))), t = r².
  get(r).get(r).f64x2Mul().set(t);
  get(t);
  c2(P[4]).f64x2Mul();
  for (const coefficient of [P[3], P[2], P[1]]) c2(coefficient).f64x2Add().get(t).f64x2Mul();
  c2(P[0]).f64x2Add().get(t).f64x2Mul().set(c);
  get(r).get(c).f64x2Sub().set(c);
  // y = 1 − ((lo − (r·c)/(2 − c)) − hi), into e.
  c2(1).get(lo).get(r).get(c).f64x2Mul();
  c2(2).get(c).f64x2Sub().f64x2Div().f64x2Sub().get(hi).f64x2Sub().f64x2Sub().set(e);
  // 2^k into the exponent: k + 1023 (+ 1000 below −1021, then times 2⁻¹⁰⁰⁰).
  get(k);
  c2(-1021).f64x2Lt().set(low);
  get(k).i32x4TruncSatF64x2Zero().i64x2ExtendLowI32x4().get(constant(1023, true)).i64x2Add();
  f.get(constant(1000, true)).get(low).v128And().i64x2Add();
  f.i32Const(52).i64x2Shl().get(e).f64x2Mul().set(e);
  get(e);
  c2(TWO_M1000).f64x2Mul().get(e).get(low).v128Bitselect().set(e);
  // 1 + x below 2⁻²⁸; 0 below the underflow threshold.
  c2(1).get(x).f64x2Add().get(e).get(ax);
  c2(TINY).f64x2Lt().v128Bitselect().set(e);
  c2(0).get(e).get(x);
  c2(UNDERFLOW).f64x2Lt().v128Bitselect().set(e);
}

export function sigmoidBody(): FunctionWriter {
  const f = new FunctionWriter(SIGMOID_PARAMS);
  const [z, a, dadz, count] = [0, 1, 2, 3].map((index) => f.param(index));
  const v = f.local(V128);
  const s = f.local(V128);
  const locals = expLocals(f);
  const { x, e, constant } = locals;
  pairs(f, count, (at) => {
    f.get(z).get(at).i32Add().v128Load().set(v);
    f.get(v).f64x2Abs().f64x2Neg().set(x);
    exp(f, locals);
    // σ = 1/(1 + e) for z ≥ 0, e/(1 + e) below (the numerator picked, then one division); σ′ = σ(1 − σ).
    f.get(constant(1)).get(e).get(v).get(constant(0)).f64x2Ge().v128Bitselect();
    f.get(constant(1)).get(e).f64x2Add().f64x2Div().set(s);
    f.get(a).get(at).i32Add().get(s).v128Store();
    f.get(dadz).get(at).i32Add().get(s).get(constant(1)).get(s).f64x2Sub().f64x2Mul().v128Store();
  });
  return f;
}

/**
 *   expNonPositive(x, y, count)   for q < count (even): y[q] = e^x[q], for x[q] ≤ 0 (or NaN)
 *
 * The exp above on its own, with Math.exp's bits: what the tests compare with Math.exp directly,
 * where through σ a last-bit difference could round away.
 */
export function expBody(): FunctionWriter {
  const f = new FunctionWriter(EXP_PARAMS);
  const [from, to, count] = [0, 1, 2].map((index) => f.param(index));
  const locals = expLocals(f);
  pairs(f, count, (at) => {
    f.get(from).get(at).i32Add().v128Load().set(locals.x);
    exp(f, locals);
    f.get(to).get(at).i32Add().get(locals.e).v128Store();
  });
  return f;
}
