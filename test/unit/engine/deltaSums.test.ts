import { describe, expect, it } from 'vitest';
import { ACCUMULATE, deltaArguments, deltaColumns, FIRST, NO_SUMS, type Sums } from '../../../src/core/engine/deltaSums';
import { deltaIn, type DeltaKernel } from '../../../src/core/engine/wasm/deltaKernel';
import { kernelModule } from '../../../src/core/engine/wasm/kernel';
import { prng } from './networks';

/**
 * δ = ∂c/∂a ⊙ σ′(z) with the bias sums Σ_i δ (engine/deltaSums.ts) against the two loops
 * written out as backward.ts had them; the same bits however the columns are split, as helper
 * threads split them; and the WebAssembly form (wasm/deltaKernel.ts) against the JavaScript.
 */
function block(rows: number, n: number, seed: number, buffer?: ArrayBuffer) {
  const random = prng(seed);
  const size = 3 * rows * n + n;
  const memory = buffer ? new Float64Array(buffer, 0, size) : new Float64Array(size);
  const view = (from: number, length: number) => memory.subarray(from, from + length);
  const at = { dcda: view(0, rows * n), dadz: view(rows * n, rows * n), delta: view(2 * rows * n, rows * n), gb: view(3 * rows * n, n) };
  for (const array of [at.dcda, at.dadz, at.gb]) for (let q = 0; q < array.length; q++) array[q] = 4 * random() - 2;
  // σ′ of a relu: some exact zeros and ones among them.
  for (let q = 0; q < at.dadz.length; q += 3) at.dadz[q] = q % 2;
  at.delta.fill(NaN);
  return { memory, at };
}

/** The loops backward.ts ran before: δ element by element, then gb row by row. */
function expected(at: ReturnType<typeof block>['at'], rows: number, n: number, sums: Sums): { delta: Float64Array; gb: Float64Array } {
  const delta = at.dcda.map((g, q) => g * at.dadz[q]);
  const gb = Float64Array.from(at.gb);
  if (sums !== NO_SUMS) {
    let from = 0;
    if (sums === FIRST) {
      for (let j = 0; j < n; j++) gb[j] = delta[j];
      from = 1;
    }
    for (let i = from; i < rows; i++) for (let j = 0; j < n; j++) gb[j] += delta[i * n + j];
  }
  return { delta, gb };
}

const SHAPES = [
  [1, 1],
  [5, 7],
  [13, 9],
  [64, 128],
  [3, 2],
] as const;
const MODES = [NO_SUMS, FIRST, ACCUMULATE] as const;

describe('δ and the bias sums', () => {
  it.each(SHAPES)('%i × %i: the loops of the backward pass, in every mode', (rows, n) => {
    for (const sums of MODES) {
      const { memory, at } = block(rows, n, rows * 31 + n);
      const want = expected(at, rows, n, sums);
      deltaColumns(memory, deltaArguments(at, rows, n, sums), 0, n);
      expect(at.delta, `sums ${sums}`).toEqual(want.delta);
      expect(at.gb, `sums ${sums}`).toEqual(want.gb);
    }
  });

  it('gives the same bits however its columns are split into chunks', () => {
    const [rows, n] = [11, 45];
    const whole = block(rows, n, 3);
    deltaColumns(whole.memory, deltaArguments(whole.at, rows, n, ACCUMULATE), 0, n);
    for (const cuts of [[16], [8, 24, 40], [1, 2, 3, 44]]) {
      const split = block(rows, n, 3);
      const edges = [0, ...cuts, n];
      for (let c = edges.length - 2; c >= 0; c--) deltaColumns(split.memory, deltaArguments(split.at, rows, n, ACCUMULATE), edges[c], edges[c + 1]);
      expect(split.memory, `cut at ${cuts.join(', ')}`).toEqual(whole.memory);
    }
  });

  it.each(SHAPES)('%i × %i: the WebAssembly form gives the JavaScript\'s bits, whole and in chunks, in every mode', (rows, n) => {
    const memory = new WebAssembly.Memory({ initial: 1 + Math.ceil((8 * (3 * rows * n + n)) / 65536) });
    const kernel = deltaIn(new WebAssembly.Instance(new WebAssembly.Module(kernelModule()), { env: { memory } }).exports.delta as DeltaKernel);
    for (const sums of MODES) {
      const js = block(rows, n, rows + n);
      deltaColumns(js.memory, deltaArguments(js.at, rows, n, sums), 0, n);
      for (const cuts of [[], [Math.floor(n / 2)], [1, n - 1]]) {
        const wasm = block(rows, n, rows + n, memory.buffer);
        const edges = [0, ...cuts.filter((c) => c > 0 && c < n), n];
        for (let c = 0; c + 1 < edges.length; c++) kernel(deltaArguments(wasm.at, rows, n, sums), edges[c], edges[c + 1]);
        expect(wasm.at.delta, `sums ${sums}, cut at ${cuts.join(', ')}`).toEqual(js.at.delta);
        expect(wasm.at.gb, `sums ${sums}, cut at ${cuts.join(', ')}`).toEqual(js.at.gb);
      }
    }
  });
});
