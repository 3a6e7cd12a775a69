import { describe, expect, it } from 'vitest';
import { exampleRuns, runEngine } from '../../../src/core/engine/run';
import type { EngineResult } from '../../../src/core/engine/types';
import type { KernelChoice } from '../../../src/core/engine/workspace';
import type { Network } from '../../../src/core/model/network';
import { blockRows, keepsEveryExample, workload } from '../../../src/core/model/workload';
import { makeNetwork, randomNetwork } from './networks';

/**
 * The engine works through the examples in blocks so that its memory does not grow with m. A
 * block boundary must change nothing: every number of a blocked run, on either kernel, has the
 * bits of a run over all examples at once — the per-example values (stored or recomputed), the
 * costs, the mean gradient, the update, the cost after it and the first numeric failure.
 */

/** Bit-for-bit equality of two arrays of doubles (NaN equal to NaN, 0 not equal to −0). */
function sameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const a = new Uint32Array(actual.buffer, actual.byteOffset, 2 * actual.length);
  const b = new Uint32Array(expected.buffer, expected.byteOffset, 2 * expected.length);
  expect(a.findIndex((word, q) => word !== b[q]), `${what}: first differing word`).toBe(-1);
}

function sameResult(actual: EngineResult, expected: EngineResult): void {
  expect(actual.exampleCount).toBe(expected.exampleCount);
  sameBits(actual.costs, expected.costs, 'c_i');
  expect(Object.is(actual.cost, expected.cost), 'c').toBe(true);
  expected.gradient.w.forEach((array, l) => sameBits(actual.gradient.w[l], array, `∂c/∂w[${l}]`));
  expected.gradient.b.forEach((array, l) => sameBits(actual.gradient.b[l], array, `∂c/∂b[${l}]`));
  expected.updated.w.forEach((array, l) => sameBits(actual.updated.w[l], array, `updated w[${l}]`));
  expected.updated.b.forEach((array, l) => sameBits(actual.updated.b[l], array, `updated b[${l}]`));
  expect(Object.is(actual.updated.cost, expected.updated.cost), 'cost after the step').toBe(true);
  expect(actual.failure).toEqual(expected.failure);
  expected.everActive.forEach((flags, l) => expect(Array.from(actual.everActive[l]), `everActive[${l}]`).toEqual(Array.from(flags)));
  for (let i = 0; i < expected.exampleCount; i++) {
    const [mine, theirs] = [actual.example(i), expected.example(i)];
    for (const name of ['z', 'a', 'dcda', 'dadz', 'delta'] as const)
      theirs[name].forEach((array, l) => sameBits(mine[name][l], array, `example ${i + 1}: ${name}[${l}]`));
  }
}

const NETWORKS: Record<string, Network> = {
  'sigmoid, half-squared, 13 examples': randomNetwork(1, [7, 9, 5, 3], ['tanh', 'relu', 'sigmoid'], 'half-squared', 13),
  'softmax, cross-entropy, 11 examples': randomNetwork(2, [6, 10, 4], ['sigmoid', 'softmax'], 'cross-entropy', 11),
  'binary cross-entropy, 9 examples': randomNetwork(3, [5, 3, 2], ['linear', 'sigmoid'], 'binary-cross-entropy', 9),
  'wide enough for the WebAssembly kernel, 10 examples': randomNetwork(4, [16, 24, 16, 4], ['tanh', 'sigmoid', 'linear'], 'squared', 10),
  'a single example': randomNetwork(5, [3, 4, 2], ['relu', 'sigmoid'], 'mean-squared', 1),
};

describe('blocks of examples', () => {
  for (const [name, network] of Object.entries(NETWORKS)) {
    const m = network.examples.length;
    for (const kernel of ['js', 'wasm'] as KernelChoice[]) {
      it(`${name}, ${kernel} kernel: every block size gives the bits of one block`, () => {
        const whole = runEngine(network, { kernel, rows: m, keep: true });
        expect(whole.stored).not.toBeNull();
        for (const rows of [1, 2, 3, 4, 5, m - 1].filter((r) => r >= 1 && r < m)) {
          // Values kept block by block, or recomputed for each example read.
          const kept = runEngine(network, { kernel, rows, keep: true });
          const recomputed = runEngine(network, { kernel, rows, keep: false });
          expect(recomputed.stored, `rows ${rows}`).toBeNull();
          sameResult(kept, whole);
          sameResult(recomputed, whole);
        }
        // And the two kernels agree with each other, blocked or not.
        sameResult(runEngine(network, { kernel: kernel === 'js' ? 'wasm' : 'js', rows: 2, keep: false }), whole);
      });
    }
  }

  it('recomputes a shown example the same way however often it is read, keeping a few', () => {
    const network = NETWORKS['softmax, cross-entropy, 11 examples'];
    const blocked = runEngine(network, { rows: 2, keep: false });
    const first = blocked.example(7);
    expect(blocked.example(7)).toBe(first);
    // Ten other examples push it out of the few kept; it comes back recomputed, with the same bits.
    for (let i = 0; i < 11; i++) if (i !== 7) blocked.example(i);
    const again = blocked.example(7);
    expect(again).not.toBe(first);
    for (const name of ['z', 'a', 'dcda', 'dadz', 'delta'] as const) first[name].forEach((array, l) => sameBits(again[name][l], array, `${name}[${l}]`));
  });

  it('finds the same first failure when it lies in a later block', () => {
    const examples = Array.from({ length: 9 }, (_, i) => ({ x: [i === 6 ? 1e10 : 0.1 * i, 1], y: [1] }));
    const network = makeNetwork({
      cost: 'squared',
      sizes: [2, 2, 1],
      activations: ['linear', 'linear'],
      weights: [[1e300, 1, 1e300, 1], [1, 1]],
      biases: [[0, 0], [0]],
      examples,
    });
    const whole = runEngine(network, { rows: 9 });
    expect(whole.failure).toMatchObject({ quantity: 'z', example: 7, layer: 1, neuron: 1 });
    for (const rows of [1, 2, 4, 8])
      for (const keep of [true, false]) expect(runEngine(network, { rows, keep }).failure, `rows ${rows}, keep ${keep}`).toEqual(whole.failure);
  });

  it('finds the same overflowing product δ·a when only the sum over the examples shows it', () => {
    // δ⁽¹⁾ and a⁽⁰⁾ are finite for every example, but in example 5 their product is not.
    // δ⁽¹⁾ = a − y = −1e150 and x = 1e200: the cost ½·1e300 is finite, δ⁽¹⁾·a⁽⁰⁾ = −1e350 is not.
    const examples = Array.from({ length: 7 }, (_, i) => ({ x: [i === 4 ? 1e200 : 1], y: [i === 4 ? 1e150 : 0] }));
    const network = makeNetwork({ cost: 'half-squared', sizes: [1, 1, 1], activations: ['linear', 'linear'], weights: [[0], [1]], biases: [[0], [0]], examples });
    const whole = runEngine(network, { rows: 7 });
    expect(whole.failure).toMatchObject({ quantity: 'dw', example: 5, layer: 1 });
    for (const rows of [1, 2, 3, 6])
      for (const keep of [true, false]) expect(runEngine(network, { rows, keep }).failure, `rows ${rows}, keep ${keep}`).toEqual(whole.failure);
  });

  it('records which neurons are ever active, as a look at every example finds', () => {
    const network = randomNetwork(9, [3, 12, 2], ['relu', 'linear'], 'squared', 7, 2);
    // Neuron 5 can never be active: its bias outweighs every input.
    network.layers[1].biases[4] = -1e3;
    const result = runEngine(network, { rows: 3, keep: false });
    for (let j = 0; j < 12; j++) {
      let active = 0;
      for (let i = 0; i < 7; i++) if (result.example(i).z[1][j] > 0) active = 1;
      expect(result.everActive[1][j], `neuron ${j + 1}`).toBe(active);
    }
    expect(result.everActive[1][4]).toBe(0);
  });

  it('has no examples to block: a zero gradient and cost', () => {
    const network = randomNetwork(6, [3, 2], ['sigmoid'], 'squared', 0);
    const result = runEngine(network);
    expect(result.cost).toBe(0);
    expect(Array.from(result.gradient.w[1])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result.failure).toBeNull();
  });
});

describe('memory bounded by the block', () => {
  /** Bytes of ArrayBuffers (and WebAssembly memories) a run allocates and keeps, reading every lazy part. */
  function allocated(network: Network, rows?: number): { bytes: number; result: EngineResult } {
    const before = process.memoryUsage();
    const result = runEngine(network, rows === undefined ? {} : { rows, keep: false });
    expect(result.failure).toBeNull();
    const after = process.memoryUsage();
    return { bytes: Math.max(after.external - before.external, after.arrayBuffers - before.arrayBuffers), result };
  }

  it('grows by about 18 bytes an example (its cᵢ, its place in the passes’ order), not by its values', () => {
    const sizes = [4, 64, 64, 2];
    const small = allocated(randomNetwork(7, sizes, ['tanh', 'tanh', 'sigmoid'], 'squared', 200), 16).bytes;
    const large = allocated(randomNetwork(7, sizes, ['tanh', 'tanh', 'sigmoid'], 'squared', 2000), 16).bytes;
    // Kept for every example they would be 1,800 × (4 + 5·130 + 1) doubles ≈ 9.4 MB more.
    expect(large - small).toBeLessThan(24 * 1800 + 64 * 1024);
  });

  it('holds no more than the estimate when the examples need several blocks', () => {
    // One example of this shape fills 2.4 MB of workspace: 27 fit in a block, 90 need four;
    // its values (0.8 MB) are too many to keep for 90 examples.
    const sizes = [100_000, 1, 1];
    const network = randomNetwork(8, sizes, ['sigmoid', 'linear'], 'squared', 90, 0.001);
    expect(blockRows(sizes, 90)).toBe(27);
    expect(keepsEveryExample(sizes, 90)).toBe(false);
    const { bytes, result } = allocated(network);
    expect(bytes).toBeLessThanOrEqual(workload(sizes, 90).bytes);
    expect(result.stored).toBeNull();
  }, 30_000);
});

describe('examples held out for validation', () => {
  const all = randomNetwork(31, [5, 7, 3], ['tanh', 'softmax'], 'cross-entropy', 11);
  const held = Int32Array.from([2, 5, 6, 10]);
  const withValidation: Network = { ...all, validation: held };
  const trainingOnly: Network = { ...all, examples: all.examples.filter((_, i) => !held.includes(i)) };

  it('leave the gradient, the cost and the step exactly those of the training examples alone', () => {
    const reference = runEngine(trainingOnly, { rows: 7 });
    for (const kernel of ['js', 'wasm'] as KernelChoice[])
      for (const rows of [1, 2, 3, 11])
        for (const keep of [true, false]) {
          const result = runEngine(withValidation, { kernel, rows, keep });
          expect(Object.is(result.cost, reference.cost), `c, ${kernel} ${rows} ${keep}`).toBe(true);
          reference.gradient.w.forEach((array, l) => sameBits(result.gradient.w[l], array, `∂c/∂w[${l}], ${kernel} ${rows} ${keep}`));
          reference.gradient.b.forEach((array, l) => sameBits(result.gradient.b[l], array, `∂c/∂b[${l}]`));
          reference.updated.w.forEach((array, l) => sameBits(result.updated.w[l], array, `updated w[${l}]`));
          expect(Object.is(result.updated.cost, reference.updated.cost)).toBe(true);
        }
  });

  it('are copied out of a block in runs of consecutive examples', () => {
    // The passes' order: training examples first, then the held-out ones (2, 5, 6, 10 of 0 … 10).
    const order = Int32Array.from([0, 1, 3, 4, 7, 8, 9, 2, 5, 6, 10]);
    expect(exampleRuns(order, 0, 7)).toEqual([
      { row: 0, rows: 2, example: 0 },
      { row: 2, rows: 2, example: 3 },
      { row: 4, rows: 3, example: 7 },
    ]);
    expect(exampleRuns(order, 7, 4)).toEqual([
      { row: 0, rows: 1, example: 2 },
      { row: 1, rows: 2, example: 5 },
      { row: 3, rows: 1, example: 10 },
    ]);
    expect(exampleRuns(order, 3, 0)).toEqual([]);
  });

  it('are computed and costed like the others, with their own mean cost', () => {
    const plain = runEngine(all, { rows: 11 });
    for (const rows of [1, 4, 11])
      for (const keep of [true, false]) {
        const result = runEngine(withValidation, { rows, keep });
        sameBits(result.costs, plain.costs, `c_i, rows ${rows}, keep ${keep}`);
        for (let i = 0; i < 11; i++)
          for (const name of ['z', 'a', 'dcda', 'dadz', 'delta'] as const)
            plain.example(i)[name].forEach((array, l) => sameBits(result.example(i)[name][l], array, `example ${i + 1}: ${name}[${l}]`));
        let sum = 0;
        for (const i of held) sum += plain.costs[i];
        expect(result.validationCost).toBe(sum / held.length);
      }
    expect(plain.validationCost).toBeNull();
  });
});
