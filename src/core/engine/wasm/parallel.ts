import { ACTIVATION_NEURONS, ACTIVATION_ROWS } from '../activationRows';
import { DELTA_COLUMNS } from '../deltaSums';
import { COUNT_AT, type BoundKernel } from './boundKernel';
import { VECTORS } from './kernel';
import type { Multiply } from './runtime';

/**
 * Large products shared out between the calling thread and helper threads, with the same bits
 * as on one thread.
 *
 * The split is by columns of C: each thread computes whole entries C[r,c], every one of them
 * the same sum over t in the same order as on one thread, so the result does not depend on how
 * many threads there are or which one computed what (a split of the examples would instead add
 * partial sums, and change the roundings). The threads run the same WebAssembly kernel on one
 * shared memory, each packing its panels of B (and the kernel its bands of A) into a scratch
 * area of its own (blocking.ts).
 *
 * A product is cut into chunks of columns, which the threads take one at a time from a shared
 * ticket until none is left: a helper that wakes late simply takes fewer (or none), so no
 * thread waits for another to start its share. The caller posts a job (its arguments, then the ticket with the job's number), takes
 * chunks itself, and then waits only for chunks already taken by helpers to be finished.
 *
 * Besides products, a job can be a layer's gradient-descent step (engine/descent.ts), shared out
 * by the same columns, so each thread updates the weights whose gradient it has just summed; a
 * layer's activation (engine/activationRows.ts), shared out by rows, so the helpers do not idle
 * while σ runs between two products; or a layer's δ and Σ_i δ (engine/deltaSums.ts), by columns,
 * likewise between the products of the backward pass.
 *
 * The control block (bytes below the arena) holds int32 words — the ticket (job number << 16 |
 * next chunk), the chunks finished, the chunk count and width, "stop", "failed", the job's kind
 * and one "ready" word per helper — then the job's arguments (at most 13) as float64. A chunk is taken with a
 * compare-and-swap that also checks the job number, so a helper still holding an old job can
 * never take a chunk of the next; and a job's arguments are only rewritten once all its chunks
 * are finished, so a helper that took a chunk reads the arguments of that chunk's job. Waiting
 * threads spin briefly before they sleep in Atomics.wait: waking a sleeping thread takes longer
 * than the gap between two products of a pass.
 *
 * Core starts no threads itself (it has no Node): the caller passes ProductThreads, whose
 * `start` runs `serveProducts` (productHelper.ts) in a new thread; src/node/productThreads.ts is
 * the Node implementation.
 */

/** Starts helper threads for one workspace. */
export interface ProductThreads {
  /** How many helper threads to start beside the calling thread (0: it works alone). */
  readonly helpers: number;
  /** Starts one helper thread that calls `serveProducts(start)`. */
  start(start: HelperStart): HelperThread;
}

export interface HelperThread {
  /** Ends the thread (it may be waiting for a job). */
  stop(): void;
}

/** What a helper thread needs: all of it can be posted to a thread (structured clone). */
export interface HelperStart {
  /** The shared WebAssembly.Memory holding the workspace. */
  readonly memory: unknown;
  /** The compiled kernel for shared memory (a WebAssembly.Module). */
  readonly module: unknown;
  /** Byte address of the control block. */
  readonly control: number;
  /** Which helper this is (0 …), for its "ready" word. */
  readonly index: number;
  /** Byte address of this helper's packing panel. */
  readonly scratch: number;
}

/**
 * Products smaller than this many multiply-adds stay on the calling thread: posting a job and
 * taking its chunks costs a few microseconds, about what 10⁵ multiply-adds take.
 */
export const PARALLEL_MIN_MULTIPLY_ADDS = 1 << 17;
/** Chunks are whole tiles of the kernel (2·VECTORS columns), so no thread has a ragged tile but the last. */
const TILE_COLUMNS = 2 * VECTORS;
/**
 * Chunks per thread. Narrower chunks balance a slow thread better but make every thread stream
 * all of A once per chunk; on the benchmark's shapes one chunk each was fastest (four was
 * slower than one thread on 784-128-10). A helper still asleep loses its chunk to the caller,
 * which therefore never waits for a thread to wake.
 */
const CHUNKS_PER_THREAD = 1;
/** The most helpers one control block serves (one "ready" word each): 16 threads in all. */
export const MAX_HELPERS = 15;
/** Bytes of the control block: 32 int32 words, then 13 float64 arguments, rounded up. */
export const CONTROL_BYTES = 256;
const WORDS = 32;
export const ARGUMENTS = 13;
/** How often a waiting thread checks before it sleeps (tens of microseconds). */
export const SPINS = 1 << 12;
/** How often an idle helper checks for a job before it sleeps (about a millisecond). */
export const IDLE_SPINS = 1 << 17;

export const TICKET = 0;
export const FINISHED = 1;
export const CHUNKS = 2;
export const WIDTH = 3;
export const STOP = 4;
export const FAILED = 5;
/** What the job is: PRODUCT (its arguments those of Multiply), DESCENT (engine/descent.ts), ACTIVATE (engine/activationRows.ts) or DELTA (engine/deltaSums.ts). */
export const KIND = 6;
export const READY = 16;

export const PRODUCT = 0;
export const DESCENT = 1;
export const ACTIVATE = 2;
export const DELTA = 3;
/**
 * A layer's descent step (engine/descent.ts) is shared out from this many weights on: below,
 * posting it costs about what it saves.
 */
export const PARALLEL_MIN_WEIGHTS = 1 << 14;
/**
 * A layer's activation, or its δ and Σ_i δ, is shared out from this many numbers (rows ×
 * neurons) on: 8,192 sigmoids take tens of microseconds, far more than posting a job.
 */
export const PARALLEL_MIN_ACTIVATIONS = 1 << 13;

/** The int32 words and the float64 arguments of the control block at byte `control`. */
export function controlViews(buffer: ArrayBuffer, control: number): { words: Int32Array; args: Float64Array } {
  return { words: new Int32Array(buffer, control, WORDS), args: new Float64Array(buffer, control + 4 * WORDS, ARGUMENTS) };
}

/** The job number a ticket belongs to. */
export const jobOf = (ticket: number) => ticket >>> 16;

/**
 * Takes the next chunk of job `job`: its index, or −1 when none is left (or the job is over).
 * The compare-and-swap fails only when another thread took a chunk meanwhile: then try again.
 */
export function takeChunk(words: Int32Array, job: number): number {
  for (;;) {
    const ticket = Atomics.load(words, TICKET);
    const chunk = ticket & 0xffff;
    if (jobOf(ticket) !== job || chunk >= Atomics.load(words, CHUNKS)) return -1;
    if (Atomics.compareExchange(words, TICKET, ticket, ticket + 1) === ticket) return chunk;
  }
}

/** Records one finished chunk, waking the caller if it was the last. */
export function finishChunk(words: Int32Array): void {
  if (Atomics.add(words, FINISHED, 1) + 1 === Atomics.load(words, CHUNKS)) Atomics.notify(words, FINISHED);
}

/** The columns of chunk `chunk`: [from, to). */
export function chunkColumns(words: Int32Array, chunk: number, cols: number): [number, number] {
  const width = Atomics.load(words, WIDTH);
  return [chunk * width, Math.min(cols, (chunk + 1) * width)];
}

/** The calling thread's side: posts each large product as a job, takes chunks of it too, and waits for the rest. */
export class ProductJobs {
  private readonly words: Int32Array;
  private readonly args: Float64Array;
  private job = 0;

  constructor(
    buffer: ArrayBuffer,
    control: number,
    private readonly helpers: number,
    /** This thread's instance of the kernel (boundKernel.ts). */
    private readonly own: BoundKernel,
  ) {
    ({ words: this.words, args: this.args } = controlViews(buffer, control));
  }

  /** The helpers that have started and not failed. */
  live(): number {
    if (Atomics.load(this.words, FAILED) !== 0) return 0;
    let ready = 0;
    for (let h = 0; h < this.helpers; h++) ready += Atomics.load(this.words, READY + h) !== 0 ? 1 : 0;
    return ready;
  }

  /** `multiply` with large products shared out; small ones, or any while no helper is ready, on this thread alone. */
  readonly multiply: Multiply = (A, aRow, aStep, B, bRow, bCol, C, rows, depth, cols, scale, bias, accumulate) => {
    if (rows * depth * cols < PARALLEL_MIN_MULTIPLY_ADDS) {
      this.own.columns(A, aRow, aStep, B, bRow, bCol, C, rows, depth, cols, scale, bias, accumulate, 0, cols);
      return;
    }
    this.share(PRODUCT, [A, aRow, aStep, B, bRow, bCol, C, rows, depth, cols, scale, bias, accumulate], cols, (from, to) =>
      this.own.columns(A, aRow, aStep, B, bRow, bCol, C, rows, depth, cols, scale, bias, accumulate, from, to),
    );
  };

  /** A layer's descent step (engine/descent.ts, `args` from descentArguments), shared out by columns when the layer is large. */
  descend(args: readonly number[]): void {
    const cols = args[6];
    const run = (from: number, to: number) => this.own.descend(args, from, to);
    if (args[5] * cols < PARALLEL_MIN_WEIGHTS) run(0, cols);
    else this.share(DESCENT, args, cols, run);
  }

  /** A layer's activation (engine/activationRows.ts, `args` from activationArguments), shared out by rows when the block is large. */
  activate(args: readonly number[]): void {
    const rows = args[ACTIVATION_ROWS];
    const run = (from: number, to: number) => this.own.activate(args, from, to);
    if (rows * args[ACTIVATION_NEURONS] < PARALLEL_MIN_ACTIVATIONS) run(0, rows);
    else this.share(ACTIVATE, args, rows, run);
  }

  /** A layer's δ and Σ_i δ (engine/deltaSums.ts, `args` from deltaArguments), shared out by columns when the block is large. */
  delta(args: readonly number[]): void {
    const cols = args[DELTA_COLUMNS];
    const run = (from: number, to: number) => this.own.delta(args, from, to);
    if (args[4] * cols < PARALLEL_MIN_ACTIVATIONS) run(0, cols);
    else this.share(DELTA, args, cols, run);
  }

  /**
   * Runs a job of `cols` columns (rows, for ACTIVATE): with a helper ready, posted to the helpers
   * and shared out by chunks of them (`run` does this thread's chunks), else all on this thread.
   */
  private share(kind: number, args: readonly number[], cols: number, run: (from: number, to: number) => void): void {
    const threads = 1 + this.live();
    const width = TILE_COLUMNS * Math.ceil(cols / (threads * CHUNKS_PER_THREAD) / TILE_COLUMNS);
    const chunks = Math.ceil(cols / width);
    if (threads < 2 || chunks < 2) {
      run(0, cols);
      return;
    }
    const { words } = this;
    this.args.set(args);
    Atomics.store(words, KIND, kind);
    Atomics.store(words, FINISHED, 0);
    Atomics.store(words, CHUNKS, chunks);
    Atomics.store(words, WIDTH, width);
    // Job numbers run 1 … 0x7fff, so the ticket stays a positive int32 and never repeats the last.
    this.job = (this.job % 0x7fff) + 1;
    Atomics.store(words, TICKET, this.job << 16);
    Atomics.notify(words, TICKET);
    for (let chunk = takeChunk(words, this.job); chunk >= 0; chunk = takeChunk(words, this.job)) {
      const [from, to] = chunkColumns(words, chunk, cols);
      run(from, to);
      finishChunk(words);
    }
    this.awaitChunks(chunks);
  }

  /** Asks every helper to return (they may be asleep waiting for a job). */
  stop(): void {
    Atomics.store(this.words, STOP, 1);
    this.job = (this.job % 0x7fff) + 1;
    Atomics.store(this.words, TICKET, this.job << 16);
    Atomics.notify(this.words, TICKET);
  }

  /**
   * Waits until every chunk is finished: only chunks helpers took are left. Throws if a helper
   * failed meanwhile: it may have written part of its chunk, so the chunk cannot simply be redone.
   */
  private awaitChunks(chunks: number): void {
    for (let spins = 0; ; spins++) {
      const finished = Atomics.load(this.words, FINISHED);
      if (finished === chunks) return;
      if (Atomics.load(this.words, FAILED) !== 0) throw new Error('a product thread stopped in the middle of a product');
      // The timeout only bounds the sleep, so that a failure reported meanwhile is seen.
      if (spins >= SPINS) Atomics.wait(this.words, FINISHED, finished, 100);
    }
  }
}

/** A helper's share of a job: chunk `chunk` of the job of kind `kind` (KIND) with arguments `args`, on `kernel`. */
export function runChunk(kernel: BoundKernel, kind: number, args: Float64Array, words: Int32Array, chunk: number): void {
  if (kind === PRODUCT) {
    const [A, aRow, aStep, B, bRow, bCol, C, rows, depth, cols, scale, bias, accumulate] = args;
    const [from, to] = chunkColumns(words, chunk, cols);
    kernel.columns(A, aRow, aStep, B, bRow, bCol, C, rows, depth, cols, scale, bias, accumulate, from, to);
    return;
  }
  const which = kind === DESCENT ? 'descend' : kind === DELTA ? 'delta' : 'activate';
  const [from, to] = chunkColumns(words, chunk, args[COUNT_AT[which]]);
  kernel[which](args, from, to);
}
