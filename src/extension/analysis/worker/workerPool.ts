import { Worker } from 'node:worker_threads';
import type { AnalysisRunner, RunningAnalysis } from '../latestWins';
import { sendInPieces, wireBug, type SpecJob, type WorkerOutcome, type WorkerReply } from './wire';

/**
 * The analysis worker threads (analysisWorker.ts, bundled as dist/analysisWorker.js), as an
 * AnalysisRunner for LatestWins. Each analysis gets a worker of its own for as long as it runs;
 * one finished worker is kept for the next analysis, so the common case — one big spec being
 * edited — pays for a thread once.
 *
 * The engine is one synchronous computation, so an analysis cannot stop itself half way:
 * cancelling terminates its worker, and the next analysis starts a new one (`npm run bench
 * analysis` measures what that costs). A worker that dies — an exception it could not report,
 * running out of memory — resolves its analysis as `crashed` and is replaced the same way.
 * Results never reject: everything the main thread must know is in the WorkerOutcome.
 */
export class WorkerPool implements AnalysisRunner<SpecJob, WorkerOutcome> {
  private idle: Worker | undefined;
  /** The running analyses, by worker: dispose cancels them. */
  private readonly busy = new Map<Worker, () => void>();
  private nextId = 1;
  /** Counts for tests and benchmarks. */
  readonly stats = { spawned: 0, terminated: 0 };

  /** `script` is the path of the bundled worker, dist/analysisWorker.js. */
  constructor(private readonly script: string) {}

  start(job: SpecJob): RunningAnalysis<WorkerOutcome> {
    let worker: Worker;
    try {
      worker = this.take();
    } catch (error) {
      return { result: Promise.resolve(crashed('starting the analysis worker', error)), cancel: () => {} };
    }
    const id = this.nextId++;
    let resolve!: (outcome: WorkerOutcome) => void;
    const result = new Promise<WorkerOutcome>((done) => (resolve = done));
    let settled = false;
    const finish = (outcome: WorkerOutcome, reusable: boolean) => {
      if (settled) return;
      settled = true;
      worker.off('message', onMessage).off('messageerror', onMessageError).off('error', onError).off('exit', onExit);
      this.busy.delete(worker);
      if (reusable) this.release(worker);
      else this.terminate(worker);
      resolve(outcome);
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      // A `failed` reply is an exception the worker caught: the thread itself is sound.
      finish(reply.type === 'analysed' ? { kind: 'analysed', parts: reply.parts, bugs: reply.bugs } : { kind: 'crashed', bug: reply.bug }, true);
    };
    const onMessageError = (error: unknown) => finish(crashed('reading the analysis worker’s reply', error), false);
    const onError = (error: unknown) => finish(crashed('analysing the spec in the worker', error), false);
    const onExit = (code: number) => finish(crashed('analysing the spec in the worker', new Error(`the analysis worker stopped (exit code ${code})`)), false);
    worker.on('message', onMessage).on('messageerror', onMessageError).on('error', onError).on('exit', onExit);
    this.busy.set(worker, () => finish({ kind: 'cancelled' }, false));
    // One piece per turn of the event loop (see SpecText); a cancel stops the rest.
    sendInPieces(
      (piece) => worker.postMessage(piece),
      id,
      job,
      () => settled,
      (error) => finish(crashed('sending the spec to the analysis worker', error), false),
    );
    return { result, cancel: () => finish({ kind: 'cancelled' }, false) };
  }

  /** Terminates every worker; running analyses end as cancelled. */
  dispose(): void {
    for (const cancel of [...this.busy.values()]) cancel();
    if (this.idle) this.terminate(this.idle);
    this.idle = undefined;
  }

  private take(): Worker {
    const idle = this.idle;
    this.idle = undefined;
    return idle ?? this.spawn();
  }

  private spawn(): Worker {
    // No inherited execArgv: the extension host's own flags (an --inspect port, say) are not the worker's.
    const worker = new Worker(this.script, { execArgv: [] });
    this.stats.spawned++;
    // Neither keeps the process alive (tests, benchmarks), nor dies unheard: an 'error' with no
    // listener would be thrown into the extension host.
    worker.unref();
    worker.on('error', () => {});
    worker.on('exit', () => {
      if (this.idle === worker) this.idle = undefined;
    });
    return worker;
  }

  private release(worker: Worker): void {
    if (this.idle === undefined) this.idle = worker;
    else this.terminate(worker);
  }

  private terminate(worker: Worker): void {
    this.stats.terminated++;
    worker.terminate().catch(() => {});
  }
}

function crashed(what: string, error: unknown): WorkerOutcome {
  return { kind: 'crashed', bug: wireBug(what, error) };
}
