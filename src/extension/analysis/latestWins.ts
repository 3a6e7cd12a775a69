/**
 * Runs analyses somewhere else (the analysis worker), one document version at a time per
 * document, so that the newest version always wins:
 * - submitting a version of a document cancels whatever is queued or running for an older one,
 *   so no thread spends time on a version nobody will see;
 * - a result that arrives for a job no longer current (cancelled, superseded) is dropped;
 * - at most `concurrency` jobs run at once, across documents; the rest wait in submission order.
 *
 * It knows nothing of VS Code or of worker threads: the runner is injected (workerPool.ts in the
 * extension, fakes in test/unit/extension/latestWins.test.ts), and so are the listeners. What a
 * job analyses (`I`, the spec's text) is handed to the runner untouched.
 */

/** Starts one analysis of `input` somewhere; it may be cancelled before it settles. */
export interface AnalysisRunner<I, R> {
  start(input: I): RunningAnalysis<R>;
}

export interface RunningAnalysis<R> {
  /** Settles once: with the result, or rejected when the runner itself failed. */
  readonly result: Promise<R>;
  /** Stops the analysis; its result, if any still comes, is ignored. */
  cancel(): void;
}

/** What LatestWins reports; `key` identifies the document (its URI), `version` its version. */
export interface LatestWinsListener<R> {
  /** A job began to run (after waiting its turn, maybe). */
  started(key: string, version: number): void;
  /** The current job of `key` finished with `result`. */
  finished(key: string, version: number, result: R): void;
  /** The current job of `key` failed: its runner threw or rejected. */
  failed(key: string, version: number, error: unknown): void;
  /** A running job was stopped before it finished: a newer version, or the document closed. */
  cancelled(key: string, version: number): void;
  /** A listener above threw: reported here instead of becoming an unhandled rejection. */
  bug(what: string, error: unknown): void;
}

interface Job<I> {
  readonly key: string;
  readonly version: number;
  readonly input: I;
}

interface Running<I, R> extends Job<I> {
  readonly analysis: RunningAnalysis<R>;
}

export class LatestWins<I, R> {
  private readonly running = new Map<string, Running<I, R>>();
  /** At most one job per key; a Map iterates in insertion order, so the oldest goes first. */
  private readonly queued = new Map<string, Job<I>>();

  constructor(
    private readonly runner: AnalysisRunner<I, R>,
    private readonly listener: LatestWinsListener<R>,
    private readonly concurrency = 1,
  ) {}

  /** Analyse `version` of `key`: replaces anything queued or running for the key, unless it is this very version. */
  submit(key: string, version: number, input: I): void {
    if (this.has(key, version)) return;
    this.cancel(key);
    this.queued.set(key, { key, version, input });
    this.pump();
  }

  /** Stops whatever is queued or running for `key`: an edit made its version stale, or it closed. */
  cancel(key: string): void {
    this.queued.delete(key);
    const job = this.running.get(key);
    if (!job) return;
    this.running.delete(key);
    job.analysis.cancel();
    this.report('cancelling an analysis', () => this.listener.cancelled(key, job.version));
    this.pump();
  }

  /** Whether `version` of `key` is queued or running. */
  has(key: string, version: number): boolean {
    return this.running.get(key)?.version === version || this.queued.get(key)?.version === version;
  }

  /** How many jobs are running now. */
  get busy(): number {
    return this.running.size;
  }

  dispose(): void {
    this.queued.clear();
    for (const key of [...this.running.keys()]) this.cancel(key);
  }

  private pump(): void {
    for (const [key, job] of this.queued) {
      if (this.running.size >= this.concurrency) return;
      this.queued.delete(key);
      this.launch(job);
    }
  }

  private launch(job: Job<I>): void {
    let analysis: RunningAnalysis<R>;
    try {
      analysis = this.runner.start(job.input);
    } catch (error) {
      this.report('reporting a failed analysis', () => this.listener.failed(job.key, job.version, error));
      return;
    }
    const running: Running<I, R> = { ...job, analysis };
    this.running.set(job.key, running);
    this.report('starting an analysis', () => this.listener.started(job.key, job.version));
    analysis.result.then(
      (result) => this.settle(running, 'reporting a finished analysis', () => this.listener.finished(job.key, job.version, result)),
      (error: unknown) => this.settle(running, 'reporting a failed analysis', () => this.listener.failed(job.key, job.version, error)),
    );
  }

  /** Reports the end of `job` if it is still its key's current job; a stale one is dropped. */
  private settle(job: Running<I, R>, what: string, report: () => void): void {
    if (this.running.get(job.key) !== job) return;
    this.running.delete(job.key);
    this.report(what, report);
    this.pump();
  }

  private report(what: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.listener.bug(what, error);
    }
  }
}
