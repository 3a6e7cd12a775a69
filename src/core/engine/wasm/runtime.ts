import { blockedMultiply, PANEL_BYTES, type PackedMultiply, type Pack } from './blocking';
import { kernelModule } from './kernel';

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
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum?: number }) => WasmMemory;
}

/** See kernel.ts: C = scale·A·B (+ bias), or C += A·B; every argument a byte address, a count or a flag. B and C are row-major with `cols` numbers per row. */
export type Multiply = (
  A: number,
  aRow: number,
  aStep: number,
  B: number,
  C: number,
  rows: number,
  depth: number,
  cols: number,
  scale: number,
  bias: number,
  accumulate: number,
) => void;

export interface WasmArena {
  /** The whole memory as numbers; buffers are carved out of it from `firstFree` on. */
  readonly buffer: ArrayBuffer;
  /** The first byte a buffer may use: everything below is the kernel's "no bias" address. */
  readonly firstFree: number;
  readonly multiply: Multiply;
}

const PAGE_BYTES = 65536;
/**
 * Addresses are formed in 32-bit arithmetic inside the kernel; keeping memories under 2 GiB
 * keeps every address a positive int32. Larger workspaces use the JavaScript kernel.
 */
const MAX_BYTES = 2 ** 31;
/**
 * Byte 0 is the kernel's "no bias"; one 16-byte (f64x2) slot above it starts the scratch area
 * the product packs its panels of B into (blocking.ts), and the arena starts after that.
 */
const SCRATCH = 16;
const FIRST_FREE = SCRATCH + PANEL_BYTES;

let compiled: { readonly api: WasmApi; readonly module: object } | null | undefined;

function kernel(): { readonly api: WasmApi; readonly module: object } | null {
  if (compiled === undefined) {
    compiled = null;
    const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
    if (api !== undefined) {
      const bytes = kernelModule();
      // validate() is false where the engine lacks SIMD: then we quietly stay in JavaScript.
      if (api.validate(bytes)) compiled = { api, module: new api.Module(bytes) };
    }
  }
  return compiled;
}

/** Whether this runtime can run the WebAssembly kernel at all. */
export function wasmAvailable(): boolean {
  return kernel() !== null;
}

/**
 * A fresh memory of at least `bytes` usable bytes with the kernel bound to it, or null when the
 * kernel is unavailable or the memory cannot be had (too large, or the engine refuses).
 */
export function wasmArena(bytes: number): WasmArena | null {
  const k = kernel();
  const total = FIRST_FREE + bytes;
  if (k === null || total > MAX_BYTES) return null;
  let memory: WasmMemory;
  let multiply: Multiply;
  try {
    // The memory never grows, so views into it stay valid for the workspace's whole life.
    const pages = Math.ceil(total / PAGE_BYTES);
    memory = new k.api.Memory({ initial: pages, maximum: pages });
    const { exports } = new k.api.Instance(k.module, { env: { memory } });
    multiply = blockedMultiply(exports.multiply as PackedMultiply, exports.pack as Pack, SCRATCH);
  } catch {
    return null;
  }
  return { buffer: memory.buffer, firstFree: FIRST_FREE, multiply };
}
