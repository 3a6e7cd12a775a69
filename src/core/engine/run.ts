import type { Network } from '../model/network';
import { keepsEveryExample } from '../model/workload';
import { exampleReader } from './exampleValues';
import { FailureScan } from './failure';
import { passOverExamples } from './passes';
import type { EngineParts, EngineResult, NumericFailure, StoredExamples } from './types';
import { Workspace, workspaceFor, type KernelChoice } from './workspace';

export interface EngineOptions {
  /** The most examples per block (default: as many as fit in BLOCK_BYTES, see workload.ts). */
  readonly rows?: number;
  readonly kernel?: KernelChoice;
  /** Keep every example's values (default: when they fit in KEEP_BYTES, see workload.ts). */
  readonly keep?: boolean;
}

/**
 * Runs backpropagation on every example of the network and returns everything it computed:
 * c_i and c, the mean gradient, one step of gradient descent w − η∂c/∂w, b − η∂c/∂b with the
 * cost after it, the first non-finite quantity if any (those two are computed on first read),
 * and each example's forward values, ∂c_i/∂a, σ′ and δ through `example(i)`.
 *
 * The examples go through the passes in blocks (see passes.ts). While every example's values
 * fit in KEEP_BYTES the result keeps a copy of them, made block by block, so it survives the
 * workspace's next use; past that it keeps only the c_i, and `example(i)` recomputes the one
 * example asked for. Memory for per-example values is thus at most one block (BLOCK_BYTES), the
 * kept copy (KEEP_BYTES) and about 18 bytes an example.
 */
export function runEngine(network: Network, options: EngineOptions = {}): EngineResult {
  const ws = options.rows === undefined && options.kernel === undefined ? workspaceFor(network) : new Workspace(network, options.kernel, { rows: options.rows });
  const m = ws.exampleCount;
  const costs = new Float64Array(m);
  const stored = (options.keep ?? keepsEveryExample(ws.sizes, m)) ? storedArrays(ws.sizes, m) : null;
  const training = new Uint8Array(m);
  for (let q = 0; q < ws.trainingCount; q++) training[ws.order[q]] = 1;
  const scan = new FailureScan(ws.sizes, (example) => training[example] === 1);
  // Each block is copied into the kept values, or else scanned for non-finite numbers while it
  // is in the workspace (kept values are scanned when the failure is first read).
  const everActive = ws.sizes.map((n, l) => new Uint8Array(l === 0 ? 0 : n));
  const visit = (block: Workspace) => {
    markActive(block, everActive);
    if (stored === null) scan.block(block, (row) => block.order[block.first + row]);
    else copyBlock(block, stored);
  };
  const { cost, validationCost } = passOverExamples(ws, ws.weights, ws.biases, { backward: true, costs, validation: true, visit });
  const gw = ws.gw.map((g) => new Float64Array(g));
  const gb = ws.gb.map((g) => new Float64Array(g));

  const eta = network.learningRate;
  const L = ws.sizes.length - 1;
  const w: Float64Array[] = [new Float64Array(0)];
  const b: Float64Array[] = [new Float64Array(0)];
  for (let l = 1; l <= L; l++) {
    const wl = new Float64Array(ws.weights[l]);
    for (let q = 0; q < wl.length; q++) wl[q] -= eta * gw[l][q];
    const bl = new Float64Array(ws.biases[l]);
    for (let q = 0; q < bl.length; q++) bl[q] -= eta * gb[l][q];
    w.push(wl);
    b.push(bl);
  }
  // Two quantities are derived on first read and then kept: the cost after the step (a whole
  // extra forward pass) and the failure, which needs it. Stepping through the trace needs
  // neither, so building a trace costs little more than the gradient itself.
  let updatedCost: number | undefined;
  const costAfterStep = (): number => {
    updatedCost ??= passOverExamples(ws, w, b, { backward: false, costs: null }).cost;
    return updatedCost;
  };
  let failure: NumericFailure | null | undefined;
  const findFailure = (): NumericFailure | null => {
    if (stored !== null) scan.block({ sizes: ws.sizes, m, z: stored.z, a: stored.a, dcda: stored.dcda, delta: stored.delta, gw }, (row) => row);
    return scan.finish(costs, { w: gw, b: gb }, w, b, costAfterStep());
  };

  return {
    network,
    exampleCount: m,
    stored,
    example: exampleReader(network, stored),
    costs,
    cost,
    validationCost,
    gradient: { w: gw, b: gb },
    updated: {
      w,
      b,
      get cost() {
        return costAfterStep();
      },
    },
    get failure() {
      if (failure === undefined) failure = findFailure();
      return failure;
    },
    everActive,
    kernel: ws.products.kernel,
  };
}

/** Marks the neurons whose z is above 0 for some example of the block. */
function markActive(ws: Workspace, everActive: Uint8Array[]): void {
  for (let l = 1; l < ws.sizes.length; l++) {
    const n = ws.sizes[l];
    const z = ws.z[l];
    const active = everActive[l];
    for (let row = 0, q = 0; row < ws.m; row++) for (let j = 0; j < n; j++, q++) if (z[q] > 0) active[j] = 1;
  }
}

/** An EngineResult from its plain parts (as the analysis worker sends them). */
export function engineFromParts(parts: EngineParts): EngineResult {
  return { ...parts, example: exampleReader(parts.network, parts.stored) };
}

/**
 * The result as plain data: the quantities derived on first read (the cost after the step, the
 * failure) are read here. Every field is listed, so a new one fails to compile until it is sent too.
 */
export function engineParts(result: EngineResult): EngineParts {
  return {
    network: result.network,
    exampleCount: result.exampleCount,
    stored: result.stored,
    costs: result.costs,
    cost: result.cost,
    validationCost: result.validationCost,
    gradient: { w: result.gradient.w, b: result.gradient.b },
    updated: { w: result.updated.w, b: result.updated.b, cost: result.updated.cost },
    failure: result.failure,
    everActive: result.everActive,
    kernel: result.kernel,
  };
}

/** Room for every example's values, batch-major, in one allocation. */
function storedArrays(sizes: readonly number[], m: number): StoredExamples {
  let total = m * sizes[0];
  for (let l = 1; l < sizes.length; l++) total += 5 * m * sizes[l];
  const arena = new Float64Array(total);
  let offset = 0;
  const take = (l: number, exists: boolean) => {
    const length = exists ? m * sizes[l] : 0;
    offset += length;
    return arena.subarray(offset - length, offset);
  };
  const layered = (inputs: boolean) => sizes.map((_, l) => take(l, l > 0 || inputs));
  return { z: layered(false), a: layered(true), dcda: layered(false), dadz: layered(false), delta: layered(false) };
}

/**
 * Copies the workspace's block into the kept values, at its examples' rows: the workspace may
 * live in the WebAssembly kernel's memory and is overwritten by the next block or pass.
 *
 * A block's examples are consecutive in `order`, and consecutive examples too unless some are
 * held out, so the rows go over in runs of consecutive examples, one `set` a run and quantity:
 * a `set` per row made a view per row, and the copy of a 150-example spec took four times as
 * long as computing its gradient.
 */
function copyBlock(ws: Workspace, stored: StoredExamples): void {
  const runs = exampleRuns(ws.order, ws.first, ws.m);
  const names = ['z', 'a', 'dcda', 'dadz', 'delta'] as const;
  for (const name of names)
    for (let l = 0; l < ws.sizes.length; l++) {
      const target = stored[name][l];
      if (target.length === 0) continue;
      const n = ws.sizes[l];
      const source = ws[name][l];
      for (const { row, rows, example } of runs) target.set(source.subarray(row * n, (row + rows) * n), example * n);
    }
}

/** A run of a block's rows from `row` on whose examples are `example`, `example` + 1, …: `rows` of them. */
interface ExampleRun {
  readonly row: number;
  readonly rows: number;
  readonly example: number;
}

/** The block's m rows (examples order[first …]) as runs of consecutive examples, in row order. */
export function exampleRuns(order: ArrayLike<number>, first: number, m: number): ExampleRun[] {
  const runs: ExampleRun[] = [];
  for (let row = 0; row < m; ) {
    const start = row;
    const example = order[first + row];
    for (row++; row < m && order[first + row] === example + (row - start); row++);
    runs.push({ row: start, rows: row - start, example });
  }
  return runs;
}
