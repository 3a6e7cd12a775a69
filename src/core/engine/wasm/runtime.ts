import { bindKernel, COUNT_AT } from './boundKernel';
import { SCRATCH_BYTES } from './blocking';
import { kernelModule } from './kernel';
import { CONTROL_BYTES, MAX_HELPERS, ProductJobs, type HelperThread, type ProductThreads } from './parallel';

/**
 * Compiles the generated kernel once and gives each workspace its own WebAssembly memory to
 * keep all of its arrays in, so the kernel reads and writes them where they are.
 *
 * Core has no DOM or Node typings, so the few parts of the WebAssembly API used here are typed
 * locally and looked up on globalThis; where WebAssembly or its SIMD instructions are missing,
 * `wasmArena` returns null and the engine uses its JavaScript kernel.
 */

interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/**
 * See kernel.ts: C = scale·A·B (+ bias), or C += A·B; every argument a byte address, a stride
 * in bytes, a count or a flag. A(r,t) is at A + r·aRow + t·aStep and B(t,c) at B + t·bRow +
 * c·bCol, so either may be read transposed without a copy; C is row-major with `cols` numbers
 * per row.
 */
export type Multiply = (...args: [...AOperand, B: number, bRow: number, bCol: number, ...Product]) => void;
/** A and how to read it: A(r,t) at A + r·aRow + t·aStep. */
export type AOperand = [A: number, aRow: number, aStep: number];
/** C, the product's sizes, and what is done to each sum: scaled, biased (bias ≠ 0) or added to C (accumulate ≠ 0). */
export type Product = [C: number, rows: number, depth: number, cols: number, scale: number, bias: number, accumulate: number];

export interface WasmArena {
  /** The whole memory as numbers; buffers are carved out of it from `firstFree` on. */
  readonly buffer: ArrayBuffer;
  /** The first byte a buffer may use: everything below is the kernel's "no bias" address. */
  readonly firstFree: number;
  readonly multiply: Multiply;
  /** A layer's descent step (engine/descent.ts) in the kernel (descentKernel.ts), shared out to the helpers when there are any. */
  readonly descend: (args: readonly number[]) => void;
  /** A layer's activation (engine/activationRows.ts), in the kernel where it has a form there, shared out to the helpers by rows when there are any. */
  readonly activate: (args: readonly number[]) => void;
  /** A layer's δ and Σ_i δ (engine/deltaSums.ts) in the kernel, shared out to the helpers by columns when there are any. */
  readonly delta: (args: readonly number[]) => void;
  /** The threads the products run on: 1, or 1 + the helpers started (parallel.ts). */
  readonly threads: number;
  /** The helpers taking jobs now: a helper thread takes none until it has started. */
  liveHelpers(): number;
  /** Stops the helper threads; the products then must not be called again. */
  close(): void;
}

const PAGE_BYTES = 65536;
/**
 * Addresses are formed in 32-bit arithmetic inside the kernel; keeping memories under 2 GiB
 * keeps every address a positive int32. Larger workspaces use the JavaScript kernel.
 */
const MAX_BYTES = 2 ** 31;
/**
 * Byte 0 is the kernel's "no bias"; one 16-byte (f64x2) slot above it starts the scratch area
 * the product packs its panels of B and bands of A into (blocking.ts), and the arena starts after that.
 */
const SCRATCH = 16;
const FIRST_FREE = SCRATCH + SCRATCH_BYTES;

interface Compiled {
  readonly api: WasmApi;
  readonly module: object;
}
let compiled: Compiled | null | undefined;
let compiledShared: Compiled | null | undefined;

function kernel(): Compiled | null {
  if (compiled === undefined) compiled = compile(false);
  return compiled;
}

/** The kernel for a shared memory, or null where threads cannot share one (no SharedArrayBuffer). */
function sharedKernel(): Compiled | null {
  if (compiledShared === undefined) compiledShared = typeof SharedArrayBuffer === 'function' && kernel() !== null ? compile(true) : null;
  return compiledShared;
}

function compile(shared: boolean): Compiled | null {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) return null;
  const bytes = kernelModule(shared);
  // validate() is false where the engine lacks SIMD: then we quietly stay in JavaScript.
  try {
    return api.validate(bytes) ? { api, module: new api.Module(bytes) } : null;
  } catch {
    return null;
  }
}

/** Whether this runtime can run the WebAssembly kernel at all. */
export function wasmAvailable(): boolean {
  return kernel() !== null;
}

/**
 * A fresh memory of at least `bytes` usable bytes with the kernel bound to it, or null when the
 * kernel is unavailable or the memory cannot be had (too large, or the engine refuses). With
 * `threads` that start helpers, the memory is shared and large products run on them too; where
 * memory cannot be shared the arena quietly has one thread.
 */
export function wasmArena(bytes: number, threads: ProductThreads | null = null): WasmArena | null {
  const helpers = threads === null ? 0 : Math.max(0, Math.min(MAX_HELPERS, Math.trunc(threads.helpers)));
  if (helpers > 0 && threads !== null) {
    const shared = sharedArena(bytes, helpers, threads);
    if (shared !== null) return shared;
  }
  const k = kernel();
  const bound = k && bind(k, FIRST_FREE + bytes, false);
  if (!bound) return null;
  const own = bindKernel(bound.exports, bound.memory.buffer, SCRATCH);
  return {
    buffer: bound.memory.buffer,
    firstFree: FIRST_FREE,
    multiply: (A, aRow, aStep, B, bRow, bCol, C, rows, depth, cols, scale, bias, accumulate) =>
      own.columns(A, aRow, aStep, B, bRow, bCol, C, rows, depth, cols, scale, bias, accumulate, 0, cols),
    descend: (args) => own.descend(args, 0, args[COUNT_AT.descend]),
    activate: (args) => own.activate(args, 0, args[COUNT_AT.activate]),
    delta: (args) => own.delta(args, 0, args[COUNT_AT.delta]),
    threads: 1,
    liveHelpers: () => 0,
    close: () => undefined,
  };
}

/**
 * A memory of `total` bytes (within MAX_BYTES) with the kernel instantiated on it, or null when
 * the engine refuses. The memory never grows, so views into it stay valid for the workspace's
 * whole life.
 */
function bind(k: Compiled, total: number, shared: boolean): { memory: WasmMemory; exports: Record<string, unknown> } | null {
  if (total > MAX_BYTES) return null;
  try {
    const pages = Math.ceil(total / PAGE_BYTES);
    const memory = new k.api.Memory({ initial: pages, maximum: pages, shared });
    return { memory, exports: new k.api.Instance(k.module, { env: { memory } }).exports };
  } catch {
    return null;
  }
}

/**
 * A shared memory laid out as: "no bias" (16 bytes), the control block, a packing panel per
 * thread (the caller's first), then the arena; `helpers` threads started on it.
 */
function sharedArena(bytes: number, helpers: number, threads: ProductThreads): WasmArena | null {
  const k = sharedKernel();
  const control = SCRATCH;
  const scratch = control + CONTROL_BYTES;
  const firstFree = scratch + (helpers + 1) * SCRATCH_BYTES;
  const bound = k && bind(k, firstFree + bytes, true);
  if (!k || !bound) return null;
  const { memory, exports } = bound;
  const jobs = new ProductJobs(memory.buffer, control, helpers, bindKernel(exports, memory.buffer, scratch));
  const started: HelperThread[] = [];
  for (let index = 0; index < helpers; index++) {
    try {
      started.push(threads.start({ memory, module: k.module, control, index, scratch: scratch + (index + 1) * SCRATCH_BYTES }));
    } catch {
      break; // fewer threads than asked: the products share out among those there are
    }
  }
  const close = () => {
    jobs.stop();
    for (const thread of started) thread.stop();
  };
  return {
    buffer: memory.buffer,
    firstFree,
    multiply: jobs.multiply,
    descend: (args) => jobs.descend(args),
    activate: (args) => jobs.activate(args),
    delta: (args) => jobs.delta(args),
    threads: 1 + started.length,
    liveHelpers: () => jobs.live(),
    close,
  };
}

