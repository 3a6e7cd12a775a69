import { describe, expect, it } from 'vitest';
import { columnsNorm, descendColumns, descentArguments } from '../../../src/core/engine/descent';
import { descendIn, type DescendKernel } from '../../../src/core/engine/wasm/descentKernel';
import { kernelModule } from '../../../src/core/engine/wasm/kernel';
import { prng } from './networks';

/**
 * One layer's descent step (engine/descent.ts) against the update written out element by element,
 * and its norm against √Σg² summed independently; and the same bits however the columns are
 * split into chunks, as helper threads split them, and in the WebAssembly kernel's form
 * (wasm/descentKernel.ts), which walks the layer in another order.
 */
function layer(p: number, n: number, seed: number, buffer?: ArrayBuffer) {
  const random = prng(seed);
  // Laid out in one memory as a workspace lays them out: sums, weights, biases, squares.
  const memory = buffer ? new Float64Array(buffer, 0, 3 * p * n + 3 * n) : new Float64Array(3 * p * n + 3 * n);
  const view = (from: number, length: number) => memory.subarray(from, from + length);
  const at = { gw: view(0, p * n), w: view(p * n, p * n), gb: view(2 * p * n, n), b: view(2 * p * n + n, n), squares: view(2 * p * n + 2 * n, n) };
  for (const array of [at.gw, at.w, at.gb, at.b]) for (let q = 0; q < array.length; q++) array[q] = 4 * random() - 2;
  return { memory, at };
}

describe('a layer\'s descent step', () => {
  it.each([
    [7, 5],
    [33, 17],
    [1, 1],
    [40, 64],
  ])('%i × %i: the update element by element, and the norm of the mean gradient', (p, n) => {
    const { memory, at } = layer(p, n, 100 + p + n);
    const eta = 0.3;
    const inverseM = 1 / 7;
    const expectedW = at.w.map((w, q) => w - eta * (at.gw[q] * inverseM));
    const expectedB = at.b.map((b, j) => b - eta * (at.gb[j] * inverseM));
    const expectedNorm = Math.hypot(...Array.from(at.gw, (g) => g * inverseM));
    const args = descentArguments(at, p, n, eta, inverseM);
    descendColumns(memory, args, 0, n);
    expect(at.w).toEqual(expectedW);
    expect(at.b).toEqual(expectedB);
    expect(columnsNorm(memory, args[4], n)).toBeCloseTo(expectedNorm, 12);
  });

  it('gives the same bits however its columns are split into chunks', () => {
    const p = 29;
    const n = 45;
    const whole = layer(p, n, 7);
    const args = descentArguments(whole.at, p, n, 0.05, 1 / 3);
    descendColumns(whole.memory, args, 0, n);
    const norm = columnsNorm(whole.memory, args[4], n);
    for (const cuts of [[16], [8, 24, 40], [1, 2, 3, 44]]) {
      const split = layer(p, n, 7);
      const edges = [0, ...cuts, n];
      // Chunks in any order: threads finish them in any order.
      for (let c = edges.length - 2; c >= 0; c--) descendColumns(split.memory, args, edges[c], edges[c + 1]);
      expect(split.memory, `cut at ${cuts.join(', ')}`).toEqual(whole.memory);
      expect(Object.is(columnsNorm(split.memory, args[4], n), norm)).toBe(true);
    }
  });

  it.each([
    [7, 5],
    [33, 17],
    [1, 1],
    [40, 64],
    [29, 45],
  ])('%i × %i: the WebAssembly kernel gives the JavaScript’s bits, whole and in chunks', (p, n) => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const { descend } = new WebAssembly.Instance(new WebAssembly.Module(kernelModule()), { env: { memory } }).exports as { descend: DescendKernel };
    const run = descendIn(descend);
    const expected = layer(p, n, 300 + n);
    // Gradients of every size, so that the squares' order of addition matters to the last bit.
    expected.at.gw.forEach((_, q) => (expected.at.gw[q] *= 10 ** ((q % 7) - 3)));
    const args = descentArguments(expected.at, p, n, 0.07, 1 / 9);
    const sums = Float64Array.from(expected.at.gw);
    descendColumns(expected.memory, args, 0, n);
    for (const cuts of [[], [3], [1, 2, n - 1]].map((list) => [...new Set(list)].filter((c) => c > 0 && c < n))) {
      const actual = layer(p, n, 300 + n, memory.buffer);
      actual.at.gw.set(sums);
      const edges = [0, ...cuts, n];
      for (let c = edges.length - 2; c >= 0; c--) run(args, edges[c], edges[c + 1]);
      const same = actual.memory.every((value, q) => Object.is(value, expected.memory[q]));
      expect(same, `cut at ${cuts.join(', ') || 'nothing'}`).toBe(true);
    }
  });
});
