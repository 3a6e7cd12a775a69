import type { Network } from '../model/network';
import { blockRows } from '../model/workload';
import { activationArguments } from './activationRows';
import { activation, type Activation } from './activations';
import { cost, type Cost } from './costs';
import { deltaArguments, deltaColumns, type Sums } from './deltaSums';
import { columnsNorm, descendColumns, descentArguments } from './descent';
import { JsProducts } from './jsProducts';
import type { KernelName, LayerBuffers, LayerProducts, Take } from './kernelTypes';
import { WasmProducts } from './wasm/wasmProducts';
import { PARALLEL_MIN_MULTIPLY_ADDS, type ProductThreads } from './wasm/parallel';
import { wasmArena, type Multiply, type WasmArena } from './wasm/runtime';

/** Which kernel a workspace should use; 'auto' picks by the amount of work (see below). */
export type KernelChoice = KernelName | 'auto';

export interface WorkspaceOptions {
  /** The most examples one block holds; by default as many as fit in BLOCK_BYTES (workload.ts). */
  readonly rows?: number;
  /**
   * Helper threads the WebAssembly kernel shares large products out to (the same bits as on one
   * thread); they are only started when some layer's product is large enough to be shared out.
   */
  readonly threads?: ProductThreads | null;
  /**
   * Carve a set of parameters (`resident`) out of the workspace's memory. A pass given those
   * arrays reads them where they are, where other arrays are first copied into the kernel's
   * memory: the trainer keeps its parameters there and saves a copy of every weight per step.
   */
  readonly residentParameters?: boolean;
  /**
   * Gradient checking only: backpropagate the slope of the cost exactly as computed
   * (Cost.flatGradient, 0 through a clamped log) in place of the cost's gradient.
   */
  readonly flatCost?: boolean;
}

/**
 * Below this many multiply-adds per pass (Σ_ℓ m·n_(ℓ−1)·n_ℓ, m the examples of one block),
 * 'auto' keeps the JavaScript kernel. Such a gradient takes a few microseconds either way, and
 * on the very smallest (the Mazur network: 8) the calls into WebAssembly cost more than they
 * save, while each WebAssembly workspace costs a memory of its own (about 45 µs to set up).
 * `npm run bench gradient` times both kernels on every shape.
 */
export const WASM_MIN_MULTIPLY_ADDS = 1024;

/**
 * Every buffer one block of a forward and backward pass writes, allocated once per network so
 * that repeated gradients (the benchmark, gradient checking, a panel re-running on each edit of
 * a number) allocate nothing. A block holds up to `rows` examples (all of them when they fit in
 * BLOCK_BYTES, see workload.ts); `load` packs the inputs and targets of the next block. Arrays
 * are batch-major (example i of the block, neuron j at i·n_ℓ + j) and indexed by layer; index 0
 * of z, dadz, dcda, delta, gw, gb is empty.
 */
export class Workspace implements LayerBuffers {
  /** n_0 … n_L */
  readonly sizes: readonly number[];
  /** All the network's examples. */
  readonly exampleCount: number;
  /** The most examples one block holds. */
  readonly rows: number;
  /**
   * The order the passes take the examples in: the training examples ascending, then the
   * validation examples ascending (see Network.validation). Identity when none are held out.
   */
  readonly order: Int32Array;
  /** How many of `order` train: the gradient is their mean alone. */
  readonly trainingCount: number;
  /** Where each example (0-based) stands in `order`. */
  readonly positions: Int32Array;
  /** The examples in the loaded block. */
  m = 0;
  /** The example numbers of the loaded block (its first `m`), null before the first load. */
  private packed: Int32Array | null = null;
  /** The position in `order` of the loaded block's first example; −1 before the first `load`. */
  first = -1;
  readonly activations: readonly (Activation | null)[];
  readonly cost: Cost;
  readonly z: Float64Array[] = [];
  /** a[0] holds the block's inputs x_i. */
  readonly a: Float64Array[] = [];
  readonly dadz: Float64Array[] = [];
  readonly dcda: Float64Array[] = [];
  readonly delta: Float64Array[] = [];
  /** The block's targets y_i, batch-major (m × n_L). */
  readonly y: Float64Array;
  /** The block's c_i. */
  readonly costs: Float64Array;
  /** Σ_i δ·a and Σ_i δ so far, then the mean gradients; laid out like Layer.weights / Layer.biases. */
  readonly gw: Float64Array[] = [];
  readonly gb: Float64Array[] = [];
  /** The layer products, on the kernel this workspace's memory was made for. */
  readonly products: LayerProducts;
  /** The network's own parameter arrays (by reference), so a pass needs no per-call lists. */
  readonly weights: readonly Float64Array[];
  readonly biases: readonly Float64Array[];

  /** How many threads the products run on (1 unless `threads` started helpers, wasm/parallel.ts). */
  readonly threads: number;
  /** The helper threads taking jobs now (each starts taking them once its thread runs). */
  readonly liveHelpers: () => number;
  /** Stops the helper threads, if any; the workspace must not be used after. */
  readonly close: () => void;

  /**
   * Parameters kept in the kernel's own memory (WorkspaceOptions.residentParameters), laid out
   * like Layer.weights and Layer.biases, holding zeros until the owner writes them; null unless asked.
   */
  readonly resident: { readonly w: readonly Float64Array[]; readonly b: readonly Float64Array[] } | null;
  /** Per layer, n_ℓ sums of squares for `descend`; with `resident` only. */
  private readonly squares: readonly Float64Array[] | null;
  /** The workspace's whole memory as numbers: every array above is a view into it. */
  private readonly memory: Float64Array;
  /** The arena's descent step in its kernel (shared out when it has helper threads); null in JavaScript. */
  private readonly kernelDescent: ((args: readonly number[]) => void) | null;
  /** The arena's activation (in its kernel where it can be, shared out by rows when it has helper threads); null in JavaScript. */
  private readonly arenaActivation: ((args: readonly number[]) => void) | null;
  /** The arena's δ and Σ_i δ in its kernel (shared out by columns when it has helper threads); null in JavaScript. */
  private readonly arenaDelta: ((args: readonly number[]) => void) | null;

  constructor(
    private readonly network: Network,
    kernel: KernelChoice = 'auto',
    { rows, threads = null, residentParameters = false, flatCost = false }: WorkspaceOptions = {},
  ) {
    const layers = network.layers;
    const L = layers.length - 1;
    this.exampleCount = network.examples.length;
    ({ order: this.order, trainingCount: this.trainingCount } = passOrder(this.exampleCount, network.validation));
    this.positions = new Int32Array(this.exampleCount);
    this.order.forEach((example, position) => (this.positions[example] = position));
    this.sizes = layers.map((layer) => layer.size);
    const sizes = this.sizes;
    this.rows = Math.max(1, Math.min(rows ?? blockRows(sizes, this.exampleCount), Math.max(1, this.exampleCount)));
    const m = this.rows;
    this.weights = layers.map((layer) => layer.weights);
    this.biases = layers.map((layer) => layer.biases);
    this.activations = layers.map((layer) => (layer.activation === null ? null : activation(layer.activation)));
    const entry = cost(network.cost);
    this.cost = flatCost && entry.flatGradient ? { ...entry, gradient: entry.flatGradient } : entry;

    // Every buffer is a view into one allocation: dozens of separate typed arrays, each with its
    // own backing store, cost more to create than a whole gradient of a small network. For the
    // WebAssembly kernel that allocation is the kernel's own memory, so it reads the arrays in place.
    const layout = (take: Take) => {
      for (let l = 0; l <= L; l++) {
        const n = sizes[l];
        this.a[l] = take(m * n);
        const inner = l === 0 ? 0 : m * n;
        this.z[l] = take(inner);
        this.dadz[l] = take(inner);
        this.dcda[l] = take(inner);
        this.delta[l] = take(inner);
        this.gw[l] = take(l === 0 ? 0 : sizes[l - 1] * n);
        this.gb[l] = take(l === 0 ? 0 : n);
      }
      const resident = residentParameters
        ? {
            w: sizes.map((n, l) => take(l === 0 ? 0 : sizes[l - 1] * n)),
            b: sizes.map((n, l) => take(l === 0 ? 0 : n)),
            squares: sizes.map((n, l) => take(l === 0 ? 0 : n)),
          }
        : null;
      return { y: take(m * sizes[L]), costs: take(m), resident };
    };
    // Each layout runs twice: once only counting bytes, then into memory of exactly that size.
    const build = (take: Take, multiply: Multiply | null) => ({
      own: layout(take),
      products: multiply === null ? new JsProducts(sizes, m, take) : new WasmProducts(sizes, take, multiply),
    });
    const wantWasm = kernel === 'wasm' || (kernel === 'auto' && multiplyAdds(sizes, m) >= WASM_MIN_MULTIPLY_ADDS);
    let built: ReturnType<typeof build> | null = null;
    let arena: WasmArena | null = null;
    if (wantWasm) {
      const counting = carver(null, 0);
      build(counting.take, NEVER_CALLED);
      // The arena's first free byte may fall inside a cache line: room to start on the next one.
      arena = wasmArena(counting.bytes() + CACHE_LINE, largestProduct(sizes, m) >= PARALLEL_MIN_MULTIPLY_ADDS ? threads : null);
      if (arena !== null) built = build(carver(arena.buffer, arena.firstFree).take, arena.multiply);
    }
    this.threads = arena?.threads ?? 1;
    this.liveHelpers = arena?.liveHelpers ?? (() => 0);
    this.close = arena?.close ?? (() => undefined);
    if (built === null) {
      const counting = carver(null, 0);
      build(counting.take, null);
      built = build(carver(new ArrayBuffer(counting.bytes()), 0).take, null);
    }
    const { own, products } = built;
    this.products = products;
    this.y = own.y;
    this.costs = own.costs;
    this.resident = own.resident;
    this.squares = own.resident?.squares ?? null;
    this.memory = new Float64Array(own.costs.buffer);
    this.kernelDescent = arena?.descend ?? null;
    this.arenaActivation = arena?.activate ?? null;
    this.arenaDelta = arena?.delta ?? null;
  }

  /**
   * a^(ℓ) = σ(z^(ℓ)) and σ′(z^(ℓ)) for the loaded block: on a WebAssembly workspace in the kernel
   * where the activation has a form there, and shared out to the helper threads by rows when
   * there are any (engine/activationRows.ts), with the same bits every way.
   */
  activate(l: number): void {
    const activation = this.activations[l]!;
    const z = this.z[l];
    const a = this.a[l];
    const dadz = this.dadz[l];
    // In JavaScript nothing is built per call: every forward pass of every small analysis comes here.
    if (this.arenaActivation === null) activation.apply(z, a, dadz, this.m, this.sizes[l]);
    else this.arenaActivation(activationArguments(activation.name, { z, a, dadz }, this.m, this.sizes[l]));
  }

  /**
   * δ^(ℓ) = ∂c/∂a^(ℓ) ⊙ σ′(z^(ℓ)) for the loaded block (σ element-wise), with Σ_i δ^(ℓ) into gb^(ℓ)
   * as `sums` says (engine/deltaSums.ts): in the WebAssembly kernel when the workspace lives in
   * its memory, shared out to the helper threads by columns when there are any; the same bits
   * every way.
   */
  deltas(l: number, sums: Sums): void {
    const n = this.sizes[l];
    const args = deltaArguments({ dcda: this.dcda[l], dadz: this.dadz[l], delta: this.delta[l], gb: this.gb[l] }, this.m, n, sums);
    if (this.arenaDelta !== null) this.arenaDelta(args);
    else deltaColumns(this.memory, args, 0, n);
  }

  /**
   * One gradient-descent step on layer ℓ's resident parameters from the sums the last pass left
   * (engine/descent.ts: g = inverseM·Σ, w ← w − η·g, b ← b − η·g_b), in the WebAssembly kernel
   * when the workspace lives in its memory (wasm/descentKernel.ts), shared out to the helper
   * threads by columns when there are any; returns ‖g‖ over the weights, the same bits every way.
   */
  descend(l: number, eta: number, inverseM: number): number {
    const { resident, squares } = this;
    if (resident === null || squares === null) throw new Error('descend needs a workspace with resident parameters');
    const n = this.sizes[l];
    const args = descentArguments({ gw: this.gw[l], w: resident.w[l], gb: this.gb[l], b: resident.b[l], squares: squares[l] }, this.sizes[l - 1], n, eta, inverseM);
    if (this.kernelDescent !== null) this.kernelDescent(args);
    else descendColumns(this.memory, args, 0, n);
    return columnsNorm(this.memory, args[4], n);
  }

  /**
   * Makes the block of `count` examples from position `first` of `order` the loaded one: packs
   * their inputs into a[0] and their targets into y. Nothing to do when that block is loaded
   * already (a network whose examples fit in one block packs them once for all its passes).
   */
  load(first: number, count: number = Math.min(this.rows, this.exampleCount - first)): void {
    if (first === this.first && count === this.m) return;
    this.pack(this.order, first, count);
    this.first = first;
  }

  /**
   * Makes examples list[from], list[from + 1], … (0-based example numbers, `count` of them, at
   * most `rows`) the loaded block, in that order: a training batch (core/training).
   */
  loadList(list: Int32Array, from: number, count: number): void {
    this.pack(list, from, count);
    // Not a block of `order`: the next `load` must pack its block again.
    this.first = -1;
  }

  private pack(list: Int32Array, from: number, count: number): void {
    count = Math.max(0, Math.min(this.rows, count));
    // The same examples as the block loaded now (every step of a full-batch run): nothing to
    // pack. Comparing their numbers costs a small part of copying their inputs and targets.
    if (count === this.m && this.packed !== null && sameExamples(this.packed, list, from, count)) return;
    this.packed ??= new Int32Array(this.rows);
    for (let i = 0; i < count; i++) this.packed[i] = list[from + i];
    const n0 = this.sizes[0];
    const nL = this.sizes[this.sizes.length - 1];
    // Plain loops: subarray() costs more than copying a handful of numbers.
    const x = this.a[0];
    const y = this.y;
    for (let i = 0; i < count; i++) {
      const example = this.network.examples[list[from + i]];
      for (let k = 0; k < n0; k++) x[i * n0 + k] = example.x[k];
      for (let j = 0; j < nL; j++) y[i * nL + j] = example.y[j];
    }
    this.m = count;
  }
}

function sameExamples(packed: Int32Array, list: Int32Array, from: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (packed[i] !== list[from + i]) return false;
  return true;
}

/** The training examples ascending, then the held-out ones ascending. */
function passOrder(m: number, validation: Int32Array | undefined): { order: Int32Array; trainingCount: number } {
  const order = new Int32Array(m);
  const held = new Uint8Array(m);
  let count = 0;
  for (const i of validation ?? []) if (i >= 0 && i < m && held[i] === 0) (held[i] = 1), count++;
  let train = 0;
  let hold = m - count;
  for (let i = 0; i < m; i++) order[held[i] ? hold++ : train++] = i;
  return { order, trainingCount: m - count };
}

/** max_ℓ m·n_(ℓ−1)·n_ℓ: the multiply-adds of the largest layer's forward product (its others have as many). */
function largestProduct(sizes: readonly number[], m: number): number {
  let largest = 0;
  for (let l = 1; l < sizes.length; l++) largest = Math.max(largest, m * sizes[l - 1] * sizes[l]);
  return largest;
}

/** Σ_ℓ m·n_(ℓ−1)·n_ℓ: the multiply-adds of one forward product per layer. */
function multiplyAdds(sizes: readonly number[], m: number): number {
  let total = 0;
  for (let l = 1; l < sizes.length; l++) total += m * sizes[l - 1] * sizes[l];
  return total;
}

const EMPTY = new Float64Array(0);
const NEVER_CALLED: Multiply = () => undefined;

/** Bytes in a cache line of the processors we run on. */
const CACHE_LINE = 64;

/**
 * Hands out consecutive views of `buffer` from the first cache line at or after byte `start`,
 * each starting on a cache line: threads that write neighbouring arrays, or the two sides of a
 * split that falls on a line's edge, then never write the same line (which would make the cores
 * pass it back and forth). With no buffer it only counts, so a layout can be measured by running
 * it once before the memory it needs exists; the count leaves out the rounding of `start`.
 */
function carver(buffer: ArrayBuffer | null, start: number): { take: Take; bytes(): number } {
  let offset = CACHE_LINE * Math.ceil(start / CACHE_LINE);
  return {
    take(length: number): Float64Array {
      const view = buffer === null ? EMPTY : new Float64Array(buffer, offset, length);
      offset += CACHE_LINE * Math.ceil((8 * length) / CACHE_LINE);
      return view;
    },
    bytes: () => offset,
  };
}

const cache = new WeakMap<Network, Workspace>();

/**
 * The workspace kept for this network object. Networks are immutable values (a new parse gives
 * a new object), so the examples packed into it stay right; weights are read afresh each pass.
 */
export function workspaceFor(network: Network): Workspace {
  let workspace = cache.get(network);
  if (workspace === undefined) {
    workspace = new Workspace(network);
    cache.set(network, workspace);
  }
  return workspace;
}
