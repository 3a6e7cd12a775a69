import { engineFromParts, engineParts } from '../../../core/engine/run';
import type { EngineParts } from '../../../core/engine/types';
import { crashedAnalysis, fromParts, type AnalysisParts, type SpecAnalysis } from '../analyse';
import type { BugReporter, Toolchain } from '../toolchain';
import { PACK_MIN_EXAMPLES, packExamples, packedSource, unpackExamples, unpackSources, type PackedExamples, type PackedSources } from './packedExamples';

/**
 * The messages between the extension host and the analysis worker (analysisWorker.ts), and how
 * an analysis crosses between them. Everything here is plain data that the structured clone
 * algorithm copies as it is: the parse (network, source, diagnostics) and the engine's result.
 * Its typed arrays are never copied on the main thread: small buffers are transferred, large
 * ones are handed over as shared memory (see SHARE_MIN_BYTES). One message carries the whole
 * analysis, so `engine.network` and `network` arrive as the same object, and views that shared
 * a buffer in the worker share one on the main thread.
 */

/**
 * A spec's text as it is sent to the worker: in pieces of TEXT_CHUNK_CHARS, one per turn of the
 * main thread's event loop, so that no task there builds or copies more than that. A spec within
 * the limits can hold tens of megabytes; as one string, reading it out of the document and
 * copying it into the message would block the extension host for tens of milliseconds.
 */
export interface SpecText {
  readonly length: number;
  /** The characters [start, end). A string is a SpecText too (tests, benchmarks). */
  slice(start: number, end: number): string;
}

export const TEXT_CHUNK_CHARS = 256 * 1024;

/**
 * Posts job `id`'s text as TextPieces of TEXT_CHUNK_CHARS, one per turn of the event loop, the
 * data context with the first (every worker that reads a spec takes it this way). `stopped` is
 * asked before each piece, so a cancel stops the rest; an exception from `post` goes to `failed`,
 * and nothing more is sent after it.
 */
export function sendInPieces(
  post: (piece: TextPiece) => void,
  id: number,
  job: SpecJob,
  stopped: () => boolean,
  failed: (error: unknown) => void,
): void {
  const { text } = job;
  let sent = 0;
  const sendPiece = () => {
    if (stopped()) return;
    const end = Math.min(text.length, sent + TEXT_CHUNK_CHARS);
    const last = end === text.length;
    try {
      post({ type: 'text', id, text: text.slice(sent, end), last, ...(sent === 0 ? { data: job.data } : {}) });
    } catch (error) {
      failed(error);
      return;
    }
    sent = end;
    if (!last) setImmediate(sendPiece);
  };
  sendPiece();
}

/**
 * Where a spec's data files are (core/data/files.ts): the worker reads them from disk relative
 * to `specPath` (null for an unsaved spec), except those open in an editor with unsaved edits,
 * whose text the main thread sends in `overlay` as [absolute path, text] pairs.
 */
export interface DataContext {
  readonly specPath: string | null;
  readonly overlay: readonly (readonly [string, string])[];
}

/** One analysis the worker pool is asked for: the spec's text and where its data files are. */
export interface SpecJob {
  readonly text: SpecText;
  readonly data: DataContext;
}

/** A job for a spec that is no file (a string in a test or a benchmark): its data files cannot be read. */
export function specJob(text: SpecText, data: DataContext = { specPath: null, overlay: [] }): SpecJob {
  return { text, data };
}

/** Main thread → worker: the next piece of the text of analysis `id`; the `last` one starts it. */
export interface TextPiece {
  readonly type: 'text';
  readonly id: number;
  readonly text: string;
  readonly last: boolean;
  /** On the first piece only. */
  readonly data?: DataContext;
}

/** Worker → main thread. */
export type WorkerReply = AnalysedReply | FailedReply;

/**
 * An analysis' parts as plain data: the engine's result without its reader of one example's
 * values (a function does not cross threads); the main thread makes that reader anew.
 */
export type WireParts = Omit<AnalysisParts, 'engine'> & {
  readonly engine: EngineParts | null;
  /**
   * With PACK_MIN_EXAMPLES examples or more, network.examples and source.examples cross empty
   * and their contents cross packed here (packedExamples.ts); null otherwise.
   */
  readonly packedExamples: PackedExamples | null;
  readonly packedSources: PackedSources | null;
};

/** The analysis' parts, and the bugs the analysis boundary caught on the way (see analyse.ts). */
export interface AnalysedReply {
  readonly type: 'analysed';
  readonly id: number;
  readonly parts: WireParts;
  readonly bugs: readonly WireBug[];
}

/** An exception outside the analysis boundary, e.g. while sending the reply. */
export interface FailedReply {
  readonly type: 'failed';
  readonly id: number;
  readonly bug: WireBug;
}

/** An exception, as text: Error objects lose their stack (and class) in a structured clone. */
export interface WireBug {
  /** What the worker was doing, as BugReporter's `what`. */
  readonly what: string;
  readonly message: string;
  readonly stack: string | undefined;
}

/**
 * What one run of the worker came to, as the main thread sees it. `crashed` covers everything
 * that is not an answer: an exception the worker reported, the worker dying (out of memory, say)
 * or a message that could not be read.
 */
export type WorkerOutcome =
  | { readonly kind: 'analysed'; readonly parts: WireParts; readonly bugs: readonly WireBug[] }
  | { readonly kind: 'crashed'; readonly bug: WireBug }
  | { readonly kind: 'cancelled' };

export function wireBug(what: string, error: unknown): WireBug {
  if (error instanceof Error) return { what, message: `${error.name}: ${error.message}`, stack: error.stack };
  return { what, message: String(error), stack: undefined };
}

/**
 * Buffers of at least this many bytes reach the main thread as SharedArrayBuffers, copied once
 * in the worker, instead of being transferred. A transferred buffer is new memory to the
 * receiving thread's garbage collector: a result of a few hundred megabytes (a 1-1000-1000-1
 * network with 1,000 examples sends 190 MB) made V8 collect the whole heap of the receiving
 * thread once per result (node --trace-gc, with 135 MB of objects on that heap: pauses of 16 to
 * 120 ms), while the same result in shared memory made it collect nothing. The price is paid in
 * the worker: the copy's time, and memory for both while it is made. Smaller buffers are
 * transferred: they add up to little.
 */
export const SHARE_MIN_BYTES = 2 ** 20;

/**
 * The worker's reply for `parts`: large buffers on shared memory, every other non-empty buffer
 * listed for transfer. The quantities the engine derives on first read (the cost after the step,
 * the numeric failure) are read here, in the worker, so the main thread never computes them.
 */
export function analysedReply(id: number, parts: AnalysisParts, bugs: readonly WireBug[]): { reply: AnalysedReply; transfer: ArrayBuffer[] } {
  const sent = onSharedMemory<WireParts>(packed(parts));
  return { reply: { type: 'analysed', id, parts: sent, bugs }, transfer: transferables(sent) };
}

/** The parts as they cross: many examples packed, and engine.network still the same object as network. */
function packed(parts: AnalysisParts): WireParts {
  const engine = parts.engine && engineParts(parts.engine);
  const { source, packed: packedSources } = packedSource(parts.source);
  const many = parts.network !== null && parts.network.examples.length >= PACK_MIN_EXAMPLES;
  const network = many ? { ...parts.network!, examples: [] } : parts.network;
  return {
    ...parts,
    network,
    source,
    engine: engine && { ...engine, network: network ?? engine.network },
    packedExamples: many ? packExamples(parts.network!) : null,
    packedSources,
  };
}

/** The parts as the worker had them: packed examples become lazy arrays again, read as they are needed. */
function unpacked(wire: WireParts): AnalysisParts {
  const { packedExamples, packedSources, ...parts } = wire;
  const network = parts.network && packedExamples ? { ...parts.network, examples: unpackExamples(packedExamples) } : parts.network;
  const source = packedSources ? { ...parts.source, examples: unpackSources(packedSources) } : parts.source;
  const engine = parts.engine && engineFromParts({ ...parts.engine, network: network ?? parts.engine.network });
  return { ...parts, network, source, engine };
}

/**
 * A copy of the plain data `value` in which every Float64Array and Int32Array on a buffer of at
 * least SHARE_MIN_BYTES is a view, at the same offset, of a SharedArrayBuffer copy of that
 * buffer (one copy per buffer). Objects are rebuilt, each once, so shared references stay shared.
 * Where shared memory is missing, `value` is returned as it is, to be transferred whole.
 */
export function onSharedMemory<T>(value: T): T {
  if (typeof SharedArrayBuffer === 'undefined') return value;
  const copies = new Map<ArrayBuffer, SharedArrayBuffer>();
  const rebuilt = new Map<object, unknown>();
  const shared = (buffer: ArrayBuffer): SharedArrayBuffer => {
    let copy = copies.get(buffer);
    if (copy === undefined) {
      copy = new SharedArrayBuffer(buffer.byteLength);
      new Uint8Array(copy).set(new Uint8Array(buffer));
      copies.set(buffer, copy);
    }
    return copy;
  };
  const view = (array: ArrayBufferView): ArrayBufferView => {
    const { buffer } = array;
    if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < SHARE_MIN_BYTES) return array;
    if (array instanceof Float64Array) return new Float64Array(shared(buffer), array.byteOffset, array.length);
    if (array instanceof Int32Array) return new Int32Array(shared(buffer), array.byteOffset, array.length);
    return array;
  };
  const visit = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    if (rebuilt.has(item)) return rebuilt.get(item);
    if (ArrayBuffer.isView(item)) {
      const copy = view(item);
      rebuilt.set(item, copy);
      return copy;
    }
    if (Array.isArray(item)) {
      const copy: unknown[] = [];
      rebuilt.set(item, copy);
      for (const element of item) copy.push(visit(element));
      return copy;
    }
    const copy: Record<string, unknown> = {};
    rebuilt.set(item, copy);
    for (const [key, field] of Object.entries(item)) copy[key] = visit(field);
    return copy;
  };
  return visit(value) as T;
}

/**
 * Every distinct non-empty ArrayBuffer under `value` (typed arrays in objects and arrays, at
 * any depth). Empty buffers are left to the clone: copying them costs nothing, and one may be a
 * module's shared constant that must not be detached in the worker.
 */
export function transferables(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (item: unknown): void => {
    if (typeof item !== 'object' || item === null || seen.has(item)) return;
    seen.add(item);
    if (ArrayBuffer.isView(item)) {
      if (item.buffer instanceof ArrayBuffer && item.buffer.byteLength > 0) buffers.add(item.buffer);
      return;
    }
    for (const child of Array.isArray(item) ? item : Object.values(item)) visit(child);
  };
  visit(value);
  return [...buffers];
}

/**
 * The SpecAnalysis of `version` from what the worker sent. Bugs the worker caught, and a crash,
 * go to `reportBug` (the log); a crash becomes the `internal-error` analysis. Traces are built
 * here, on the main thread, one example at a time as they are asked for; past the engine's block
 * (see workload.ts) so are the values of the example a view shows.
 */
export function analysisFromWorker(version: number, outcome: Exclude<WorkerOutcome, { kind: 'cancelled' }>, toolchain: Toolchain, reportBug: BugReporter): SpecAnalysis {
  if (outcome.kind === 'crashed') {
    reportBug(outcome.bug.what, errorOf(outcome.bug));
    return crashedAnalysis(version);
  }
  for (const bug of outcome.bugs) reportBug(bug.what, errorOf(bug));
  return fromParts(version, unpacked(outcome.parts), toolchain, reportBug);
}

/** An Error carrying the worker's message and stack, for the log. */
function errorOf(bug: WireBug): Error {
  const error = new Error(bug.message);
  error.stack = bug.stack ?? bug.message;
  return error;
}
