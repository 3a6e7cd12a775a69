import { Worker } from 'node:worker_threads';
import { wireBug, type WireBug } from './analysis/worker/wire';

/**
 * One worker thread that runs one long job (a training run, a gradient check) and talks in
 * messages: the part of node's Worker that the clients use, so unit tests can hand them a fake.
 */
export interface MessageThread<ToWorker, FromWorker> {
  postMessage(message: ToWorker): void;
  /** Every reply; then, once, the end of the thread: `error` when it died rather than was terminated. */
  listen(onReply: (reply: FromWorker) => void, onExit: (error: WireBug | null) => void): void;
  terminate(): void;
}

/** How a thread's failures are worded: `worker` names it ("training worker"), `task` says what it was doing. */
export interface ThreadWords {
  readonly worker: string;
  readonly task: string;
}

/** A node worker thread on the bundled `script`. */
export function nodeMessageThread<ToWorker, FromWorker>(script: string, words: ThreadWords): MessageThread<ToWorker, FromWorker> {
  // No inherited execArgv: the extension host's own flags (an --inspect port, say) are not the worker's.
  const worker = new Worker(script, { execArgv: [] });
  // It never keeps the process alive (tests), and an 'error' always has a listener.
  worker.unref();
  let failure: WireBug | null = null;
  return {
    postMessage: (message) => worker.postMessage(message),
    listen(onReply, onExit) {
      worker.on('message', onReply);
      worker.on('messageerror', (error: unknown) => (failure ??= wireBug(`reading the ${words.worker}’s reply`, error)));
      worker.on('error', (error: unknown) => (failure ??= wireBug(words.task, error)));
      worker.on('exit', (code: number) => onExit(failure ?? (code === 0 || code === 1 ? null : wireBug(words.task, new Error(`the ${words.worker} stopped (exit code ${code})`)))));
    },
    terminate: () => void worker.terminate().catch(() => undefined),
  };
}
