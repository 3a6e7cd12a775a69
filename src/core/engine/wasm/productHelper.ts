import { bindKernel } from './boundKernel';
import { controlViews, FAILED, FINISHED, finishChunk, IDLE_SPINS, jobOf, KIND, READY, runChunk, STOP, takeChunk, TICKET, type HelperStart } from './parallel';
import type { WasmApi } from './runtime';

/**
 * A helper thread's whole life (parallel.ts): binds the shared kernel to the shared memory, says
 * it is ready, then takes chunks of each job posted (a product, a layer's descent step or its
 * activation, or its δ) until none is left, until told to stop.
 * It is the body of the thread that ProductThreads.start begins; it returns only on `stop`.
 */
export function serveProducts(start: HelperStart): void {
  const memory = start.memory as { readonly buffer: ArrayBuffer };
  const { words, args } = controlViews(memory.buffer, start.control);
  try {
    serve(start, memory, words, args);
  } catch (error) {
    // The caller is told, so it neither waits for this thread's chunk nor counts on it again.
    Atomics.store(words, FAILED, 1);
    Atomics.notify(words, FINISHED);
    throw error;
  }
}

function serve(start: HelperStart, memory: { readonly buffer: ArrayBuffer }, words: Int32Array, args: Float64Array): void {
  const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const { exports } = new api.Instance(start.module as object, { env: { memory } });
  const kernel = bindKernel(exports, memory.buffer, start.scratch);
  let seen = Atomics.load(words, TICKET);
  Atomics.store(words, READY + start.index, 1);
  for (;;) {
    if (Atomics.load(words, STOP) !== 0) return;
    // Wait for a new job: a ticket with another job number (within a job it moves as chunks are taken).
    for (let spins = 0; ; spins++) {
      const ticket = Atomics.load(words, TICKET);
      if (jobOf(ticket) !== jobOf(seen)) {
        seen = ticket;
        break;
      }
      if (spins >= IDLE_SPINS) Atomics.wait(words, TICKET, ticket);
    }
    const job = jobOf(seen);
    if (Atomics.load(words, STOP) !== 0) return;
    for (let chunk = takeChunk(words, job); chunk >= 0; chunk = takeChunk(words, job)) {
      // Read after the chunk is taken: the job's kind and arguments stay until its every chunk is finished.
      runChunk(kernel, Atomics.load(words, KIND), args, words, chunk);
      finishChunk(words);
    }
  }
}
