import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { NO_BIAS } from '../../../src/core/engine/wasm/kernel';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import { forward } from '../../../src/core/engine/forward';
import { PARALLEL_MIN_ACTIVATIONS, PARALLEL_MIN_MULTIPLY_ADDS, PARALLEL_MIN_WEIGHTS, type ProductThreads } from '../../../src/core/engine/wasm/parallel';
import { Workspace } from '../../../src/core/engine/workspace';
import { wasmArena, type WasmArena } from '../../../src/core/engine/wasm/runtime';
import { parseSpec } from '../../../src/core/parser/parse';
import { Trainer } from '../../../src/core/training/trainer';
import { nodeProductThreads } from '../../../src/node/productThreads';
import { bundledWorkers, PRODUCT_THREAD_ENTRY } from '../bundledWorkers';
import { generateSpec } from '../parser/generate';
import { prng } from './networks';

/**
 * Large products shared out to helper threads (engine/wasm/parallel.ts) in real worker threads,
 * running the helper as scripts/build.mjs bundles it. The split is by columns, so every result
 * must equal the one-thread result bit for bit, whatever the number of threads and wherever the
 * split falls (ragged column counts, transposed A, accumulating into C). Each test first waits
 * until every helper has started, so the shared path is the one tested.
 */
const scripts = bundledWorkers({ productThread: PRODUCT_THREAD_ENTRY });

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** rows × depth · cols, all at or above the size that is shared out, with ragged column counts. */
const SHAPES: [number, number, number][] = [
  [64, 300, 37],
  [70, 130, 66],
  [9, 256, 513],
  [131, 140, 300],
  [5, 2000, 16],
];

/** The product on an arena: the same A, B, C start and bias for every arena of a test. */
function products(arena: WasmArena, rows: number, depth: number, cols: number): Float64Array[] {
  let offset = arena.firstFree;
  const take = (length: number) => {
    const view = new Float64Array(arena.buffer, offset, length);
    offset += 16 * Math.ceil(length / 2);
    return view;
  };
  const A = take(rows * depth);
  const B = take(depth * cols);
  const C = take(rows * cols);
  const bias = take(cols);
  const random = prng(rows * 7919 + depth * 31 + cols);
  for (const array of [A, B, bias]) for (let q = 0; q < array.length; q++) array[q] = random() * 2 - 1;
  const results: Float64Array[] = [];
  // A read as it is and transposed (as ∂c/∂w reads it), B too (as ∂c/∂a^(ℓ−1) reads (w^(ℓ))ᵀ).
  for (const transposed of [false, true]) {
    const aRow = transposed ? 8 : 8 * depth;
    const aStep = transposed ? 8 * rows : 8;
    const [bRow, bCol] = transposed ? [8, 8 * depth] : [8 * cols, 8];
    arena.multiply(A.byteOffset, aRow, aStep, B.byteOffset, bRow, bCol, C.byteOffset, rows, depth, cols, 0.3, bias.byteOffset, 0);
    results.push(new Float64Array(C));
    arena.multiply(A.byteOffset, aRow, aStep, B.byteOffset, bRow, bCol, C.byteOffset, rows, depth, cols, 1, NO_BIAS, 1);
    results.push(new Float64Array(C));
  }
  return results;
}

function bytesFor(rows: number, depth: number, cols: number): number {
  return 8 * (rows * depth + depth * cols + rows * cols + cols) + 64;
}

function expectSameBits(actual: readonly Float64Array[], expected: readonly Float64Array[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((array, k) => {
    const same = array.length === expected[k].length && array.every((value, q) => Object.is(value, expected[k][q]));
    expect(same, `result ${k} differs`).toBe(true);
  });
}

describe('products shared out to helper threads', () => {
  it.each(SHAPES)('%i×%i·%i gives the one-thread bits on 2 and 3 threads', async (rows, depth, cols) => {
    expect(rows * depth * cols).toBeGreaterThanOrEqual(PARALLEL_MIN_MULTIPLY_ADDS);
    const alone = wasmArena(bytesFor(rows, depth, cols))!;
    const expected = products(alone, rows, depth, cols);
    for (const threads of [2, 3]) {
      const arena = wasmArena(bytesFor(rows, depth, cols), nodeProductThreads(threads, scripts.path('productThread')))!;
      try {
        expect(arena.threads).toBe(threads);
        await until(() => arena.liveHelpers() === threads - 1, `${threads - 1} helpers have started`);
        expectSameBits(products(arena, rows, depth, cols), expected);
      } finally {
        arena.close();
      }
    }
  });

  it('works alone until its helpers start, and alone for good when one cannot', () => {
    const [rows, depth, cols] = SHAPES[1];
    const expected = products(wasmArena(bytesFor(rows, depth, cols))!, rows, depth, cols);
    // Straight after creation no helper thread has run yet: the caller computes everything.
    const early = wasmArena(bytesFor(rows, depth, cols), nodeProductThreads(2, scripts.path('productThread')))!;
    expect(early.liveHelpers()).toBe(0);
    expectSameBits(products(early, rows, depth, cols), expected);
    early.close();
    // A helper whose script is missing never starts.
    const missing = wasmArena(bytesFor(rows, depth, cols), nodeProductThreads(2, join(scripts.folder, 'missing.js')))!;
    expectSameBits(products(missing, rows, depth, cols), expected);
    missing.close();
  });

  it('a helper that fails as it starts says so, and never gets a job', async () => {
    const [rows, depth, cols] = SHAPES[0];
    const failing: ProductThreads = {
      helpers: 1,
      start: (start) => {
        // A kernel that is not a module: the helper's set-up throws, inside its thread.
        const worker = new Worker(scripts.path('productThread'), { workerData: { ...start, module: null } });
        worker.on('error', () => undefined);
        return { stop: () => void worker.terminate() };
      },
    };
    const arena = wasmArena(bytesFor(rows, depth, cols), failing)!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(arena.liveHelpers()).toBe(0);
    expectSameBits(products(arena, rows, depth, cols), products(wasmArena(bytesFor(rows, depth, cols))!, rows, depth, cols));
    arena.close();
  });

  it('a helper asked to stop ends its thread by itself', async () => {
    let exited: Promise<number> | null = null;
    const watched: ProductThreads = {
      helpers: 1,
      start: (start) => {
        const worker = new Worker(scripts.path('productThread'), { workerData: start });
        exited = new Promise((resolve) => worker.once('exit', resolve));
        // No terminate: the stop flag alone must end it.
        return { stop: () => undefined };
      },
    };
    const arena = wasmArena(bytesFor(64, 300, 37), watched)!;
    await until(() => arena.liveHelpers() === 1, 'the helper has started');
    products(arena, 64, 300, 37);
    arena.close();
    expect(await exited).toBe(0);
  });
});

describe('activations shared out by rows', () => {
  // 3-140-130-2 on 70 examples: 70 × 140 and 70 × 130 numbers, both shared out, cut at row 36.
  const spec = (activation: string) =>
    `${generateSpec({ sizes: [3, 140, 130, 2], activations: [activation, activation, activation], examples: 70, seed: 11 })}\n`;

  it.each(ACTIVATIONS)('%s: a forward pass on 2 and 3 threads gives the one-thread a and σ′ to the bit', async (activation) => {
    const { network, diagnostics } = parseSpec(spec(activation));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(70 * 130).toBeGreaterThanOrEqual(PARALLEL_MIN_ACTIVATIONS);
    const pass = async (threads: number) => {
      const ws = new Workspace(network!, 'wasm', { threads: threads > 1 ? nodeProductThreads(threads, scripts.path('productThread')) : null });
      try {
        await until(() => ws.threads === threads && ws.liveHelpers() === threads - 1, `${threads - 1} helpers have started`);
        ws.load(0);
        expect(ws.m).toBe(70);
        forward(ws, network!.layers.map((layer) => layer.weights), network!.layers.map((layer) => layer.biases));
        return [1, 2, 3].flatMap((l) => [new Float64Array(ws.a[l]), new Float64Array(ws.dadz[l])]);
      } finally {
        ws.close();
      }
    };
    const one = await pass(1);
    expect(one.every((values) => values.every(Number.isFinite))).toBe(true);
    expectSameBits(await pass(2), one);
    expectSameBits(await pass(3), one);
  });
});

describe('training on several threads', () => {
  // Layer 2's 140 × 130 weights are enough for its descent step to be shared out too.
  const spec = (activation: string) =>
    `${generateSpec({ sizes: [3, 140, 130, 2], activations: [activation, activation, 'sigmoid'], examples: 120, seed: 5 })}\n`;

  it.each(['sigmoid', 'relu', 'tanh'])('%s: 2 and 3 threads take the one-thread steps to the bit, full batch and mini-batch', async (activation) => {
    const { network } = parseSpec(spec(activation));
    expect(140 * 130).toBeGreaterThanOrEqual(PARALLEL_MIN_WEIGHTS);
    for (const batchSize of [null, 50]) {
      const run = async (threads: number) => {
        const trainer = new Trainer(network!, { steps: 12, batchSize, shuffle: 4, threads: nodeProductThreads(threads, scripts.path('productThread')) });
        try {
          expect(trainer.threads).toBe(threads);
          await until(() => trainer.liveThreads === threads, `${threads} threads take work`);
          trainer.run(12);
          const { w, b } = trainer.parameters();
          const history = trainer.history();
          return [history.cost, ...history.gradientNorms, ...w, ...b, ...trainer.parametersAt(7).w];
        } finally {
          trainer.close();
        }
      };
      const one = await run(1);
      expectSameBits(await run(2), one);
      expectSameBits(await run(3), one);
    }
  });

  it('starts no thread for a network whose products are all small', () => {
    const { network } = parseSpec(`${generateSpec({ sizes: [2, 4, 1], examples: 8 })}\n`);
    const trainer = new Trainer(network!, { steps: 3, threads: nodeProductThreads(4, scripts.path('productThread')) });
    expect(trainer.threads).toBe(1);
    trainer.close();
  });
});
