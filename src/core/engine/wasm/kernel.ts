import { encodeModule, FunctionWriter, ValType, type Local } from './binary';
import { DELTA_PARAMS, deltaBody } from './deltaKernel';
import { DESCEND_PARAMS, descendBody } from './descentKernel';
import { gather } from './gather';
import { PACK_PARAMS, packBody } from './packing';
import { RELU_PARAMS, reluBody } from './reluKernel';
import { EXP_PARAMS, expBody, SIGMOID_PARAMS, sigmoidBody } from './sigmoidKernel';

/**
 * The WebAssembly matrix product behind the engine's large layers, generated instruction by
 * instruction:
 *
 *   multiply(A, aRow, aStep, B, C, rows, depth, cols, scale, bias, accumulate, stride, aBand)
 *     C[r,c] = scale · Σ_t A(r,t) · B[t,c]  (+ bias[c] when bias ≠ 0)
 *   and with accumulate ≠ 0 each sum starts from C[r,c] instead of +0 (for ∂c/∂w summed over
 *   the examples block by block, in the order of one unblocked sum; and for the depth panels of
 *   a cache-blocked product, see blocking.ts).
 *
 * All pointers are byte addresses in the imported memory. C (rows×cols) is row-major with rows
 * `stride` numbers apart (stride ≥ cols: a block of columns of a wider matrix). B (depth×cols)
 * is packed in strips (packing.ts): the 2·VECTORS columns a full tile reads, then 2, then 1,
 * each strip stored row after row, so the strip of column j starts j·depth numbers in and a
 * tile's steps through t read consecutive memory. A is given through strides, A(r,t) at
 * A + r·aRow + t·aStep, so one kernel serves a row-major operand (forward pass: aRow = 8·depth,
 * aStep = 8) and a transposed one (∂c/∂w = (a^(ℓ−1))ᵀ·δ: aRow = 8, one neuron on;
 * aStep = 8·n_(ℓ−1), one example on) without the caller copying it.
 *
 * The loop order is "broadcast A, stream B": a tile of ROWS rows × 2·VECTORS columns of C is
 * held in ROWS·VECTORS f64x2 accumulators while t runs; each step loads VECTORS pairs of B and
 * one number of A per row, splatted to both lanes, for ROWS·VECTORS two-lane multiply-adds.
 * Leftover columns use one f64x2 and then one scalar; leftover rows use tiles one row high.
 * 4×2 measured as fast as every other tile tried (2×4 … 8×1) on the benchmark's shapes;
 * 8 accumulators plus 3 operands fit the 16 vector registers of x86-64.
 *
 * The step loop is what the time goes into, so it carries as few instructions besides the
 * arithmetic as it can: it ends on a pointer comparison (no separate counter), and within a band
 * the ROWS numbers of A it reads at a step sit 8 bytes apart, so their loads take constant
 * offsets from one pointer instead of an address sum each. A transposed A (aRow = 8) is laid
 * out so already (and copied only when its terms crowd a cache set, see chooseBand); any other
 * A has each band's ROWS rows copied, interleaved, into `aBand` (a
 * scratch area of A_BAND_BYTES, at most A_BAND_TERMS terms) before the band runs, which also
 * turns its reads into one consecutive stream (the copy is ROWS numbers a term, against the
 * band's ROWS·cols multiply-adds). Against reading A through its strides in a counted loop, the
 * benchmark's gradients (c) and (d) took 11% and 7% less time on one thread. Without `aBand`
 * (0), or deeper than A_BAND_TERMS, a band reads A through its strides.
 *
 * Every C[r,c] is summed over t in increasing order from +0, with a separate multiply and add
 * (never relaxed SIMD's fused multiply-add, whose rounding differs between machines), then
 * scaled, then biased — the same operations in the same order as the JavaScript kernel, so the
 * two give bit-identical results.
 */
export const ROWS = 4;
export const VECTORS = 2;

/** Address 0 is never a buffer (the arena starts above it), so `bias = 0` means "no bias". */
export const NO_BIAS = 0;

/** The most terms of a band of A that is copied into `aBand`: the depth of the product's panels (blocking.ts). */
export const A_BAND_TERMS = 256;
/** The bytes of the `aBand` scratch area: ROWS rows × A_BAND_TERMS terms. */
export const A_BAND_BYTES = 8 * ROWS * A_BAND_TERMS;

const { I32, F64, V128 } = ValType;
const PARAMS = [I32, I32, I32, I32, I32, I32, I32, I32, F64, I32, I32, I32, I32] as const;

interface Names {
  readonly A: Local;
  readonly aRow: Local;
  readonly aStep: Local;
  readonly B: Local;
  readonly C: Local;
  readonly rows: Local;
  readonly depth: Local;
  readonly cols: Local;
  readonly scale: Local;
  readonly bias: Local;
  /** Non-zero: add to C instead of overwriting it. */
  readonly accumulate: Local;
  /** Numbers from one row of C to the next. */
  readonly stride: Local;
  /** Scratch for one band of A, interleaved (A_BAND_BYTES); 0: none. */
  readonly aBand: Local;
  /** Row and column of the tile's top-left corner. */
  readonly i: Local;
  readonly j: Local;
  /** Terms still to copy, while a band of A is copied into aBand. */
  readonly t: Local;
  /** Where this band's A starts, and the bytes from one of its terms to the next. */
  readonly aBase: Local;
  readonly aNext: Local;
  /** 1 when this band's rows of A sit 8 bytes apart at each term (constant offsets), 0 when aRow apart. */
  readonly interleaved: Local;
  readonly aPtr: Local;
  readonly bPtr: Local;
  /** Where the tile's strip of B ends: the step loop stops there. */
  readonly bEnd: Local;
  readonly cPtr: Local;
  readonly biasPtr: Local;
  /** 8·stride: the bytes from one row of C to the next. */
  readonly rowBytes: Local;
  /** r·aRow for r = 0 … ROWS−1. */
  readonly aOffsets: readonly Local[];
  readonly scaleV: Local;
  readonly acc: readonly Local[];
  readonly b: readonly Local[];
  readonly x: Local;
  readonly accS: readonly Local[];
  readonly bS: Local;
}

function declare(f: FunctionWriter): Names {
  const p = (index: number) => f.param(index);
  const many = (count: number, type: ValType) => Array.from({ length: count }, () => f.local(type));
  return {
    A: p(0), aRow: p(1), aStep: p(2), B: p(3), C: p(4), rows: p(5), depth: p(6), cols: p(7), scale: p(8), bias: p(9), accumulate: p(10), stride: p(11), aBand: p(12),
    i: f.local(I32), j: f.local(I32), t: f.local(I32), aBase: f.local(I32), aNext: f.local(I32), interleaved: f.local(I32),
    aPtr: f.local(I32), bPtr: f.local(I32), bEnd: f.local(I32), cPtr: f.local(I32), biasPtr: f.local(I32), rowBytes: f.local(I32),
    aOffsets: many(ROWS, I32),
    scaleV: f.local(V128), acc: many(ROWS * VECTORS, V128), b: many(VECTORS, V128), x: f.local(V128),
    accS: many(ROWS, F64), bS: f.local(F64),
  };
}

/**
 * Points aPtr at the band's A, bPtr at the start of the tile's strip of packed B (the strips
 * left of column j hold j·depth numbers), and bEnd at the strip's end (`width` numbers a term).
 */
function startTile(f: FunctionWriter, n: Names, width: number): void {
  f.get(n.aBase).set(n.aPtr);
  f.get(n.B).get(n.j).get(n.depth).i32Mul().i32Const(3).i32Shl().i32Add().set(n.bPtr);
  f.get(n.bPtr).get(n.depth).i32Const(8 * width).i32Mul().i32Add().set(n.bEnd);
}

/** After the step loop: cPtr at C[i, j], biasPtr at bias[j]. */
function startStore(f: FunctionWriter, n: Names): void {
  f.get(n.C).get(n.i).get(n.stride).i32Mul().get(n.j).i32Add().i32Const(3).i32Shl().i32Add().set(n.cPtr);
  f.get(n.bias).get(n.j).i32Const(3).i32Shl().i32Add().set(n.biasPtr);
}

/**
 * The step loop over the tile's strip: `step(readA)` does one term, where readA(r) leaves the
 * address of A(i + r, t) and the constant offset to load it with. With `interleaved` known at
 * run time, both forms are generated and chosen once per tile.
 */
function stepLoop(f: FunctionWriter, n: Names, rows: number, width: number, step: (readA: (r: number) => number) => void): void {
  const loop = (interleaved: boolean): void =>
    void f.whileNot(
      () => f.get(n.bPtr).get(n.bEnd).i32GeS(),
      () => {
        step((r) => {
          f.get(n.aPtr);
          if (interleaved) return 8 * r;
          if (r > 0) f.get(n.aOffsets[r]).i32Add();
          return 0;
        });
        f.advance(n.aPtr, n.aNext);
        f.increment(n.bPtr, 8 * width);
      },
    );
  if (rows === 1) return loop(false); // one row: no offsets either way
  f.get(n.interleaved).if();
  loop(true);
  f.else();
  loop(false);
  f.end();
}

/** A tile of `rows` × 2·`vectors` columns at (i, j), vectorised. */
function vectorTile(f: FunctionWriter, n: Names, rows: number, vectors: number): void {
  const acc = (r: number, v: number) => n.acc[r * VECTORS + v];
  f.get(n.accumulate).if();
  startStore(f, n);
  for (let r = 0; r < rows; r++) {
    for (let v = 0; v < vectors; v++) f.get(n.cPtr).v128Load(16 * v).set(acc(r, v));
    if (r + 1 < rows) f.advance(n.cPtr, n.rowBytes);
  }
  f.else();
  for (let r = 0; r < rows; r++) for (let v = 0; v < vectors; v++) f.v128Zero().set(acc(r, v));
  f.end();
  startTile(f, n, 2 * vectors);
  stepLoop(f, n, rows, 2 * vectors, (readA) => {
    for (let v = 0; v < vectors; v++) f.get(n.bPtr).v128Load(16 * v).set(n.b[v]);
    for (let r = 0; r < rows; r++) {
      f.v128Load64Splat(readA(r)).set(n.x);
      for (let v = 0; v < vectors; v++) f.get(acc(r, v)).get(n.x).get(n.b[v]).f64x2Mul().f64x2Add().set(acc(r, v));
    }
  });
  startStore(f, n);
  const store = (withBias: boolean) => {
    for (let r = 0; r < rows; r++) {
      for (let v = 0; v < vectors; v++) {
        f.get(n.cPtr).get(acc(r, v)).get(n.scaleV).f64x2Mul();
        if (withBias) f.get(n.biasPtr).v128Load(16 * v).f64x2Add();
        f.v128Store(16 * v);
      }
      if (r + 1 < rows) f.advance(n.cPtr, n.rowBytes);
    }
  };
  f.get(n.bias).if();
  store(true);
  f.else();
  store(false);
  f.end();
}

/** The last single column at (i, j), in scalar f64. */
function scalarTile(f: FunctionWriter, n: Names, rows: number): void {
  f.get(n.accumulate).if();
  startStore(f, n);
  for (let r = 0; r < rows; r++) {
    f.get(n.cPtr).f64Load().set(n.accS[r]);
    if (r + 1 < rows) f.advance(n.cPtr, n.rowBytes);
  }
  f.else();
  for (let r = 0; r < rows; r++) f.f64Zero().set(n.accS[r]);
  f.end();
  startTile(f, n, 1);
  stepLoop(f, n, rows, 1, (readA) => {
    f.get(n.bPtr).f64Load().set(n.bS);
    for (let r = 0; r < rows; r++) {
      f.get(n.accS[r]);
      const offset = readA(r);
      f.f64Load(offset).get(n.bS).f64Mul().f64Add().set(n.accS[r]);
    }
  });
  startStore(f, n);
  for (let r = 0; r < rows; r++) {
    const sum = n.accS[r];
    f.get(sum).get(n.scale).f64Mul().set(sum);
    f.get(n.bias).if().get(sum).get(n.biasPtr).f64Load().f64Add().set(sum).end();
    f.get(n.cPtr).get(sum).f64Store();
    if (r + 1 < rows) f.advance(n.cPtr, n.rowBytes);
  }
}

/**
 * Term steps of a transposed A that are a multiple of this many bytes are copied too (see chooseBand).
 */
export const CROWDED_STEP_BYTES = 1024;

/**
 * How the band of ROWS rows starting at row i reads A: copied into aBand, interleaved, when
 * there is one, the depth fits and the copy pays; else in place (interleaved when its rows are
 * 8 bytes apart, through aRow otherwise). Sets aBase, aNext and interleaved.
 *
 * A row-major A is always worth copying (its ROWS rows are four streams, read at a sum each).
 * A transposed A (aRow = 8) already reads at constant offsets, one cache line a term, and stays
 * in place, unless its terms are a multiple of CROWDED_STEP_BYTES apart: then every term of the
 * band falls into the same few sets of a first-level cache (4 KiB a way: a step of 4 KiB puts all
 * of them in one set), and each tile of the band misses them again. ∂c/∂w of a 512-neuron layer
 * reads a^(ℓ−1) so (its examples 4 KiB apart); copied, that product took 45% less time, while
 * copying the bands of 784-neuron inputs (6,272 bytes a term, spread over 32 sets) cost 4%.
 */
function chooseBand(f: FunctionWriter, n: Names): void {
  // The copy's condition: aBand ≠ 0, depth ≤ A_BAND_TERMS, and (aRow ≠ 8 or aStep crowded).
  f.get(n.aBand).i32Eqz().get(n.depth).i32Const(A_BAND_TERMS).i32GtS().i32Or().i32Eqz();
  f.get(n.aRow).i32Const(8).i32Ne().get(n.aStep).i32Const(CROWDED_STEP_BYTES - 1).i32And().i32Eqz().i32Or();
  f.i32And().if();
  copyBand(f, n);
  f.get(n.aBand).set(n.aBase);
  f.i32Const(8 * ROWS).set(n.aNext);
  f.i32Const(1).set(n.interleaved);
  f.else();
  f.get(n.A).get(n.i).get(n.aRow).i32Mul().i32Add().set(n.aBase);
  f.get(n.aStep).set(n.aNext);
  f.get(n.aRow).i32Const(8).i32Ne().i32Eqz().set(n.interleaved);
  f.end();
}

/**
 * Copies A(i + r, t) for r < ROWS, t < depth to aBand[t·ROWS + r]: moved, not computed, so no
 * result changes. A transposed A's ROWS numbers of a term are consecutive: two f64x2 moves.
 */
function copyBand(f: FunctionWriter, n: Names): void {
  f.get(n.A).get(n.i).get(n.aRow).i32Mul().i32Add().set(n.aPtr);
  f.get(n.aBand).set(n.bPtr);
  f.get(n.depth).set(n.t);
  const copy = (pairs: boolean) => gather(f, { from: n.aPtr, step: n.aStep, offsets: n.aOffsets, to: n.bPtr, count: n.t, width: ROWS, pairs });
  f.get(n.aRow).i32Const(8).i32Ne().if();
  copy(false);
  f.else();
  copy(true);
  f.end();
}

/** Every column of the band of `rows` rows starting at row i. */
function band(f: FunctionWriter, n: Names, rows: number): void {
  if (rows === ROWS) chooseBand(f, n);
  else {
    f.get(n.A).get(n.i).get(n.aRow).i32Mul().i32Add().set(n.aBase);
    f.get(n.aStep).set(n.aNext);
  }
  f.i32Const(0).set(n.j);
  const columnsLeftBelow = (width: number) => () => f.get(n.cols).get(n.j).i32Sub().i32Const(width).i32LtS();
  f.whileNot(columnsLeftBelow(2 * VECTORS), () => {
    vectorTile(f, n, rows, VECTORS);
    f.increment(n.j, 2 * VECTORS);
  });
  f.whileNot(columnsLeftBelow(2), () => {
    vectorTile(f, n, rows, 1);
    f.increment(n.j, 2);
  });
  f.get(n.cols).get(n.j).i32GtS().if();
  scalarTile(f, n, rows);
  f.end();
}

function multiplyBody(): FunctionWriter {
  const f = new FunctionWriter(PARAMS);
  const n = declare(f);
  f.get(n.stride).i32Const(3).i32Shl().set(n.rowBytes);
  for (let r = 0; r < ROWS; r++) f.get(n.aRow).i32Const(r).i32Mul().set(n.aOffsets[r]);
  f.get(n.scale).f64x2Splat().set(n.scaleV);
  f.i32Const(0).set(n.i);
  const rowsLeftBelow = (height: number) => () => f.get(n.rows).get(n.i).i32Sub().i32Const(height).i32LtS();
  f.whileNot(rowsLeftBelow(ROWS), () => {
    band(f, n, ROWS);
    f.increment(n.i, ROWS);
  });
  f.whileNot(rowsLeftBelow(1), () => {
    band(f, n, 1);
    f.increment(n.i, 1);
  });
  return f;
}

/** The module's bytes: its exported functions `multiply`, `pack` (packing.ts), `descend` (descentKernel.ts), `delta` (deltaKernel.ts), `sigmoid` and `expNonPositive` (sigmoidKernel.ts), `relu` (reluKernel.ts). */
export function kernelModule(shared = false): Uint8Array<ArrayBuffer> {
  return encodeModule(
    [
      { name: 'multiply', params: PARAMS, body: multiplyBody() },
      { name: 'pack', params: PACK_PARAMS, body: packBody(2 * VECTORS) },
      { name: 'descend', params: DESCEND_PARAMS, body: descendBody() },
      { name: 'delta', params: DELTA_PARAMS, body: deltaBody() },
      { name: 'sigmoid', params: SIGMOID_PARAMS, body: sigmoidBody() },
      { name: 'relu', params: RELU_PARAMS, body: reluBody() },
      { name: 'expNonPositive', params: EXP_PARAMS, body: expBody() },
    ],
    shared,
  );
}
