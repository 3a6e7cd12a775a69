import { ACTIVATION_ENTRIES, type ActivationName } from '../activations/registry';
import type { ReluKernel } from './wasm/reluKernel';
import type { SigmoidKernel } from './wasm/sigmoidKernel';

/**
 * A layer's activation a = σ(z), σ′(z) applied to a range of its rows (examples), so that a large
 * block can be shared out by rows between threads (wasm/parallel.ts, job kind ACTIVATE).
 *
 * Every activation's batched `apply` works example by example: an element-wise σ element by
 * element, softmax one row at a time. So any split into ranges of rows computes each number by
 * the same operations as one call over the whole block, and gives the same bits.
 *
 * A job's arguments are numbers only (they are written into the shared control block):
 *   [activation's index in ACTIVATION_ENTRIES, z, a, σ′(z) (byte addresses), rows, n].
 */

/** Where the rows count is in the arguments: the jobs are cut by it. */
export const ACTIVATION_ROWS = 4;
/** Where the layer's neuron count n is in the arguments. */
export const ACTIVATION_NEURONS = 5;

/** Each activation's index in ACTIVATION_ENTRIES, looked up once per job on the training's hot path. */
const INDEX_OF = new Map<string, number>(ACTIVATION_ENTRIES.map((entry, index) => [entry.name, index]));

export interface ActivationBuffers {
  readonly z: Float64Array;
  readonly a: Float64Array;
  readonly dadz: Float64Array;
}

/** The job's arguments for applying `name` to `rows` examples of `n` neurons held in `buffers`. */
export function activationArguments(name: ActivationName, buffers: ActivationBuffers, rows: number, n: number): number[] {
  const index = INDEX_OF.get(name);
  if (index === undefined) throw new Error(`unknown activation ${name}`);
  return [index, buffers.z.byteOffset, buffers.a.byteOffset, buffers.dadz.byteOffset, rows, n];
}

/** The WebAssembly kernel's element-wise activations (Activation.kernel), bound to the memory `memory` views. */
export interface ActivationKernels {
  readonly sigmoid: SigmoidKernel;
  readonly relu: ReluKernel;
}

/**
 * Applies the activation of `args` to rows from … to − 1; `memory` views the whole buffer the
 * addresses point into. With `kernels`, an activation that has a kernel form runs there, its
 * numbers two at a time (an odd last one through `apply`): the same bits, faster.
 */
export function activateRows(memory: Float64Array, args: ArrayLike<number>, from: number, to: number, kernels: ActivationKernels | null): void {
  const n = args[ACTIVATION_NEURONS];
  const activation = ACTIVATION_ENTRIES[args[0]];
  let first = from * n;
  const end = to * n;
  if (kernels !== null && activation.kernel !== undefined) {
    const pairs = (end - first) & ~1;
    kernels[activation.kernel](args[1] + 8 * first, args[2] + 8 * first, args[3] + 8 * first, pairs);
    first += pairs;
    if (first === end) return;
  }
  const view = (address: number) => memory.subarray(address / 8 + first, address / 8 + end);
  // After the kernel's pairs, the odd last number (its activation is element-wise).
  if (first > from * n) activation.apply(view(args[1]), view(args[2]), view(args[3]), 1, end - first);
  else activation.apply(view(args[1]), view(args[2]), view(args[3]), to - from, n);
}
