import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { MAX_HELPERS, type HelperStart, type HelperThread, type ProductThreads } from '../core/engine/wasm/parallel';

/**
 * The ProductThreads of a Node host (the CLI, the training worker, the benchmarks): each helper
 * is a worker thread running dist/productThread.js (productThreadMain.ts), which serves its
 * share of the large products until it is stopped (core/engine/wasm/parallel.ts).
 *
 * Helpers are unref'd, so a finished program exits without stopping them; a host that lives on
 * calls the workspace's `close`. They start with the priority of the thread that creates them
 * (Linux gives a new thread its creator's nice value), so the training worker's helpers yield to
 * the editor as it does.
 */

/** The most threads a run uses by default: the benchmark shapes gain little past this. */
export const DEFAULT_MAX_THREADS = 4;
/** The most threads a run may be given at all. */
export const MAX_THREADS = 1 + MAX_HELPERS;

/** The default: every core up to DEFAULT_MAX_THREADS. */
export function defaultThreadCount(): number {
  return Math.max(1, Math.min(DEFAULT_MAX_THREADS, availableParallelism()));
}

/**
 * Threads for products on `count` threads in all (the caller's and count − 1 helpers); null for
 * one. `script` is the helper's bundle, by default beside this one in dist/.
 */
export function nodeProductThreads(count: number, script: string = join(__dirname, 'productThread.js')): ProductThreads | null {
  const helpers = Math.max(0, Math.min(MAX_THREADS, Math.trunc(count)) - 1);
  if (helpers === 0) return null;
  return {
    helpers,
    start(start: HelperStart): HelperThread {
      const worker = new Worker(script, { workerData: start });
      // A helper that fails says so in the shared memory itself (productHelper.ts), where the
      // training thread, busy in its products, sees it: here there is nothing left to do.
      worker.on('error', () => undefined);
      worker.unref();
      return {
        stop() {
          // It returns on its own once it reads the stop word; terminate is for one stuck in a product.
          void worker.terminate();
        },
      };
    },
  };
}
