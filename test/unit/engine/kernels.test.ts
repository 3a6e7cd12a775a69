import { describe, expect, it } from 'vitest';
import { gradientCheck } from '../../../src/core/engine/gradientCheck';
import { multiplyTransposed } from '../../../src/core/engine/matmul';
import { passOverExamples } from '../../../src/core/engine/passes';
import { DEPTH_BLOCK, evenDepth } from '../../../src/core/engine/wasm/blocking';
import { A_BAND_BYTES, A_BAND_TERMS, kernelModule, NO_BIAS } from '../../../src/core/engine/wasm/kernel';
import { wasmArena, wasmAvailable } from '../../../src/core/engine/wasm/runtime';
import { WASM_MIN_MULTIPLY_ADDS, Workspace, type KernelChoice } from '../../../src/core/engine/workspace';
import { ACTIVATIONS, type ActivationName, type CostName } from '../../../src/core/model/network';
import { prng, randomNetwork } from './networks';

/**
 * The two matrix kernels against a plain triple loop that sums in the same order, and against
 * each other on whole passes. Both promise the same operations in the same order, so every
 * comparison here is exact: a kernel that reorders a sum, drops a leftover row or column, or
 * reads one element off its stride fails at once.
 */

/**
 * C[r,c] = scale·Σ_t A(r,t)·B(t,c) (+ bias[c]), summed over t in increasing order from +0, or
 * from `start[r·cols + c]` when given (the kernels' accumulating form).
 */
function reference(
  A: (r: number, t: number) => number,
  B: (t: number, c: number) => number,
  rows: number,
  depth: number,
  cols: number,
  scale: number,
  bias: Float64Array | null,
  start: Float64Array | null = null,
): Float64Array {
  const C = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      let sum = start === null ? 0 : start[r * cols + c];
      for (let t = 0; t < depth; t++) sum += A(r, t) * B(t, c);
      if (scale !== 1) sum *= scale;
      C[r * cols + c] = bias === null ? sum : sum + bias[c];
    }
  return C;
}

function expectIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let q = 0; q < expected.length; q++) {
    const same = actual[q] === expected[q] || (Number.isNaN(actual[q]) && Number.isNaN(expected[q]));
    if (!same) expect.fail(`${what}: element ${q} is ${actual[q]}, expected ${expected[q]}`);
  }
}

const random = prng(7);
const fill = (array: Float64Array) => array.forEach((_, q) => (array[q] = random() - 0.5));

/** Every leftover path of a 4-row × 4-column tile, and depths down to 0. */
const SHAPES: [number, number, number][] = [];
for (let rows = 1; rows <= 9; rows++) for (let cols = 1; cols <= 11; cols += rows % 2 ? 1 : 2) SHAPES.push([rows, [0, 1, 3, 8][(rows + cols) % 4], cols]);
SHAPES.push([64, 784, 10], [13, 37, 129]);
// Across the WebAssembly product's cache panels (wasm/blocking.ts: at most 256 terms × 256 columns, a deeper
// product's terms split evenly), with ragged last columns: depths of one full panel, two, three, and none.
SHAPES.push([9, 300, 530], [6, 257, 257], [5, 256, 512], [5, 513, 260], [3, 0, 300]);
// Transposed, their terms 1 KiB and 2 KiB apart: the kernel copies such bands of A too (kernel.ts, CROWDED_STEP_BYTES); 130 rows are 1,040 bytes apart and read in place.
SHAPES.push([128, 100, 20], [256, 130, 6], [130, 200, 9]);

describe('the JavaScript kernel', () => {
  it.each(SHAPES)('%i×%i·%i matches the reference exactly, with and without scale and bias', (m, p, n) => {
    const A = new Float64Array(m * p);
    const B = new Float64Array(n * p);
    const bias = new Float64Array(n);
    [A, B, bias].forEach(fill);
    for (const [scale, b] of [[1, null], [0.25, null], [1, bias], [0.3, bias]] as const) {
      const C = new Float64Array(m * n).fill(NaN);
      multiplyTransposed(A, B, C, m, p, n, scale, b);
      expectIdentical(C, reference((r, t) => A[r * p + t], (t, c) => B[c * p + t], m, p, n, scale, b), `scale ${scale}, bias ${b !== null}`);
    }
    // Accumulating: every sum continues from what C holds.
    const C = new Float64Array(m * n);
    fill(C);
    const start = new Float64Array(C);
    multiplyTransposed(A, B, C, m, p, n, 1, null, true);
    expectIdentical(C, reference((r, t) => A[r * p + t], (t, c) => B[c * p + t], m, p, n, 1, null, start), 'accumulating');
  });
});

describe('the WebAssembly kernel', () => {
  it('is available here, so CI exercises it', () => {
    expect(wasmAvailable()).toBe(true);
  });

  it('splits a deep product into as few panels as DEPTH_BLOCK allows, of even depth', () => {
    expect([0, 1, 256, 257, 300, 512, 513, 784].map(evenDepth)).toEqual([1, 1, 256, 129, 150, 256, 171, 196]);
    for (let depth = 1; depth <= 3000; depth++) {
      const terms = evenDepth(depth);
      const panels = Math.ceil(depth / terms);
      expect(terms <= DEPTH_BLOCK && panels === Math.ceil(depth / DEPTH_BLOCK) && terms * (panels - 1) < depth).toBe(true);
    }
  });

  it('refuses memories it could not address, leaving the JavaScript kernel to take over', () => {
    expect(wasmArena(2 ** 31)).toBeNull();
  });

  it.each(SHAPES)('%i×%i·%i matches the reference exactly, row-major and transposed A and B', (rows, depth, cols) => {
    const arena = wasmArena(8 * (2 * rows * depth + depth * cols + rows * cols + cols) + 64)!;
    let offset = arena.firstFree;
    const take = (length: number) => {
      const view = new Float64Array(arena.buffer, offset, length);
      offset += 8 * length;
      return view;
    };
    const A = take(rows * depth);
    const B = take(depth * cols);
    const C = take(rows * cols);
    const bias = take(cols);
    [A, B, bias].forEach(fill);
    for (const [transposed, bTransposed] of [[false, false], [true, false], [false, true], [true, true]]) {
      // Transposed: A holds depth×rows and is read down its columns, as ∂c/∂w reads a^(ℓ−1);
      // B holds cols×depth and is read down its columns, as ∂c/∂a^(ℓ−1) reads (w^(ℓ))ᵀ.
      const aRow = transposed ? 8 : 8 * depth;
      const aStep = transposed ? 8 * rows : 8;
      const bRow = bTransposed ? 8 : 8 * cols;
      const bCol = bTransposed ? 8 * depth : 8;
      const at = (r: number, t: number) => A[(r * aRow + t * aStep) / 8];
      const bt = (t: number, c: number) => B[(t * bRow + c * bCol) / 8];
      const what = `A transposed ${transposed}, B transposed ${bTransposed}`;
      for (const [scale, b] of [[1, null], [0.25, null], [1, bias], [0.3, bias]] as const) {
        C.fill(NaN);
        arena.multiply(A.byteOffset, aRow, aStep, B.byteOffset, bRow, bCol, C.byteOffset, rows, depth, cols, scale, b === null ? NO_BIAS : b.byteOffset, 0);
        expectIdentical(C, reference(at, bt, rows, depth, cols, scale, b), `${what}, scale ${scale}, bias ${b !== null}`);
      }
      fill(C);
      const start = new Float64Array(C);
      arena.multiply(A.byteOffset, aRow, aStep, B.byteOffset, bRow, bCol, C.byteOffset, rows, depth, cols, 1, NO_BIAS, 1);
      expectIdentical(C, reference(at, bt, rows, depth, cols, 1, null, start), `${what}, accumulating`);
    }
  });
});

describe('the WebAssembly kernel on its own', () => {
  // The product always gives the kernel a band scratch and panels no deeper than A_BAND_TERMS
  // (blocking.ts), so only direct calls reach its other way of reading a row-major A: in place.
  it.each([
    ['without a band scratch', 9, 40, 11, false],
    ['deeper than a band holds', 6, A_BAND_TERMS + 5, 5, true],
    ['with a band scratch', 7, A_BAND_TERMS, 9, true],
  ] as const)('reads a row-major A %s, and matches the reference exactly', (_, rows, depth, cols, withBand) => {
    const memory = new WebAssembly.Memory({ initial: 16 });
    const { multiply, pack } = new WebAssembly.Instance(new WebAssembly.Module(kernelModule()), { env: { memory } }).exports as Record<string, (...args: number[]) => void>;
    let offset = 64;
    const take = (length: number) => {
      const view = new Float64Array(memory.buffer, offset, length);
      offset += 8 * length + 64;
      return view;
    };
    const [A, B, packed, C, bias, band] = [take(rows * depth), take(depth * cols), take(depth * cols), take(rows * cols), take(cols), take(A_BAND_BYTES / 8)];
    [A, B, bias].forEach(fill);
    pack(B.byteOffset, 8 * cols, 8, packed.byteOffset, depth, cols);
    C.fill(NaN);
    multiply(A.byteOffset, 8 * depth, 8, packed.byteOffset, C.byteOffset, rows, depth, cols, 0.5, bias.byteOffset, 0, cols, withBand ? band.byteOffset : 0);
    expectIdentical(C, reference((r, t) => A[r * depth + t], (t, c) => B[t * cols + c], rows, depth, cols, 0.5, bias), 'C');
  });
});

/** One full pass: forward, costs, backward; returns every array it wrote. */
function pass(ws: Workspace): Float64Array[] {
  const costs = new Float64Array(ws.exampleCount);
  const { cost } = passOverExamples(ws, ws.weights, ws.biases, { backward: true, costs });
  return [Float64Array.of(cost), costs, ...ws.z, ...ws.a, ...ws.dadz, ...ws.dcda, ...ws.delta, ...ws.gw, ...ws.gb];
}

describe('whole passes on both kernels', () => {
  const cases: { sizes: number[]; activations: ActivationName[]; cost: CostName; m: number }[] = [];
  for (const hidden of ACTIVATIONS.filter((a) => a !== 'softmax'))
    cases.push({ sizes: [7, 9, 5, 3], activations: [hidden, hidden, 'sigmoid'], cost: 'half-squared', m: 13 });
  cases.push({ sizes: [6, 10, 4], activations: ['softmax', 'softmax'], cost: 'cross-entropy', m: 9 });
  cases.push({ sizes: [5, 3, 2], activations: ['tanh', 'sigmoid'], cost: 'binary-cross-entropy', m: 1 });

  it.each(cases.map((c, index) => ({ ...c, index })))('$sizes $activations, $cost: bit-identical', (c) => {
    const network = randomNetwork(200 + c.index, c.sizes, c.activations, c.cost, c.m);
    const js = new Workspace(network, 'js');
    const wasm = new Workspace(network, 'wasm');
    expect([js.products.kernel, wasm.products.kernel]).toEqual(['js', 'wasm']);
    const expected = pass(js);
    const actual = pass(wasm);
    expected.forEach((array, q) => expectIdentical(actual[q], array, `array ${q}`));
  });

  it('reads resident parameters in place, with the bits of the network\'s own, and never writes them', () => {
    const network = randomNetwork(250, [7, 9, 5, 3], ['tanh', 'relu', 'sigmoid'], 'half-squared', 11);
    const expected = pass(new Workspace(network, 'js'));
    for (const kernel of ['js', 'wasm'] as const) {
      const ws = new Workspace(network, kernel, { residentParameters: true });
      const resident = ws.resident!;
      expect(new Workspace(network, kernel).resident, 'only when asked').toBeNull();
      network.layers.forEach((layer, l) => {
        resident.w[l].set(layer.weights);
        resident.b[l].set(layer.biases);
      });
      // On WebAssembly they share the kernel's memory, which is what lets a pass skip the copy.
      if (kernel === 'wasm') expect(resident.w[1].buffer).toBe(ws.a[0].buffer);
      const costs = new Float64Array(ws.exampleCount);
      const { cost } = passOverExamples(ws, resident.w, resident.b, { backward: true, costs });
      const actual = [Float64Array.of(cost), costs, ...ws.z, ...ws.a, ...ws.dadz, ...ws.dcda, ...ws.delta, ...ws.gw, ...ws.gb];
      expected.forEach((array, q) => expectIdentical(actual[q], array, `${kernel}, array ${q}`));
      // A pass over other parameters (a nudged copy) leaves the resident ones as they were.
      const nudged = network.layers.map((layer) => layer.weights.map((v) => v + 0.25));
      passOverExamples(ws, nudged, ws.biases, { backward: true, costs: null });
      network.layers.forEach((layer, l) => expectIdentical(resident.w[l], layer.weights, `${kernel}, w(${l}) after another pass`));
    }
  });

  it('agrees with central finite differences on the WebAssembly kernel', () => {
    const network = randomNetwork(300, [6, 9, 5, 4], ['tanh', 'relu', 'softmax'], 'cross-entropy', 7);
    expect(gradientCheck(network, { kernel: 'wasm' }).maxRelativeError).toBeLessThan(1e-6);
  });

  it('picks WebAssembly by the amount of work when left to choose', () => {
    const kernelFor = (sizes: number[], m: number, choice: KernelChoice = 'auto') =>
      new Workspace(randomNetwork(1, sizes, sizes.slice(1).map(() => 'sigmoid' as const), 'half-squared', m), choice).products.kernel;
    expect(kernelFor([2, 2, 2], 1)).toBe('js');
    expect(kernelFor([2, 2, 2], 1, 'wasm')).toBe('wasm');
    expect(kernelFor([16, 16, 16], 8, 'js')).toBe('js');
    // 8·(16·16 + 16·16) = 4096 multiply-adds per pass.
    expect(WASM_MIN_MULTIPLY_ADDS).toBeLessThan(4096);
    expect(kernelFor([16, 16, 16], 8)).toBe('wasm');
  });
});
