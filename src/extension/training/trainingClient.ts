import { nodeMessageThread, type MessageThread } from '../workerThread';
import type { TrainingFinished, TrainingProgress, TrainingSnapshot } from '../../shared/trainingMessages';
import { sendInPieces, wireBug, type SpecJob, type WireBug } from '../analysis/worker/wire';
import type { AnswerKind, HostToTrainingWorker, RunFacts, TrainingWorkerReply, WorkerAnswer } from './worker/trainingWire';

/**
 * The extension host's end of one training run: starts a training worker (worker/trainingWorker.ts),
 * sends it the spec, reports what it posts, and asks it for snapshots and a step's parameters.
 *
 * Cancelling a run that is still training terminates its worker at once, as the analysis worker
 * pool does (workerPool.ts): the Trainer cannot stop itself half way through a step, and a
 * step of a big network can take seconds. The history received so far stays with the listener,
 * and `finished` is reported here with outcome `cancelled`. A run that has finished keeps its
 * worker on cancel, to answer scrubs, Apply and Step through, until `dispose`.
 */

/** The part of a worker thread this uses: node's Worker (`nodeWorkerThread`), or a fake in unit tests. */
export type WorkerThread = MessageThread<HostToTrainingWorker, TrainingWorkerReply>;

export const nodeWorkerThread = (script: string): WorkerThread =>
  nodeMessageThread(script, { worker: 'training worker', task: 'training the spec in the worker' });

export interface TrainingListener {
  started(facts: RunFacts): void;
  progress(progress: TrainingProgress): void;
  snapshot(snapshot: TrainingSnapshot): void;
  finished(finished: TrainingFinished): void;
  /** The run could not start (`refused`: the spec, in words) or the worker failed (`bug`); nothing follows. */
  failed(problem: { readonly refused: string } | { readonly bug: WireBug }): void;
}

export type RunState = 'training' | 'finished' | 'ended';

export class TrainingClient {
  private phase: RunState = 'training';
  private done = 0;
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: WorkerAnswer | null) => void>();
  private readonly startedAt = performance.now();
  private exitedResolve!: () => void;
  /** Resolves when the worker thread has ended (terminated, or died). */
  readonly exited = new Promise<void>((resolve) => (this.exitedResolve = resolve));

  constructor(
    private readonly thread: WorkerThread,
    job: SpecJob,
    private readonly listener: TrainingListener,
  ) {
    thread.listen(
      (reply) => this.receive(reply),
      (error) => this.ended(error),
    );
    this.send(job);
  }

  /** `training` until the worker's `finished` (or a failure, or a cancel), then `finished` while the worker still answers, then `ended`. */
  get state(): RunState {
    return this.phase;
  }

  /** Asks for the picture at `step`; it comes through `listener.snapshot`, unless a newer scrub overtakes it. */
  snapshot(step: number): void {
    if (this.phase !== 'ended') this.thread.postMessage({ type: 'snapshot', step });
  }

  /** Asks for a step's parameters, as edits, text or numbers; null when the worker is gone. */
  ask(request: AnswerKind, step: number): Promise<WorkerAnswer | null> {
    if (this.phase === 'ended') return Promise.resolve(null);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.thread.postMessage({ ...request, type: 'answer', id, step });
    });
  }

  /** Stops a run that is still training (its worker is terminated); a finished run keeps its worker. */
  cancel(): void {
    if (this.phase !== 'training') return;
    this.end();
    this.listener.finished({ type: 'finished', done: this.done, outcome: 'cancelled', divergedAt: null, elapsedMs: performance.now() - this.startedAt });
  }

  /** Terminates the worker, whatever the run's state; nothing more is reported. */
  dispose(): void {
    this.end();
  }

  private end(): void {
    if (this.phase === 'ended') return;
    this.phase = 'ended';
    this.thread.terminate();
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }

  private ended(error: WireBug | null): void {
    const wasTraining = this.phase === 'training';
    this.end();
    this.exitedResolve();
    // A worker that dies by itself (out of memory, say) while training is a failure to report.
    if (wasTraining) this.listener.failed({ bug: error ?? wireBug('training the spec in the worker', new Error('the training worker stopped')) });
  }

  private receive(reply: TrainingWorkerReply): void {
    if (this.phase === 'ended') return;
    switch (reply.type) {
      case 'started':
        this.listener.started(reply.facts);
        break;
      case 'progress':
        this.done = reply.done;
        this.listener.progress(reply);
        break;
      case 'finished':
        this.phase = 'finished';
        this.listener.finished(reply);
        break;
      case 'snapshot':
        this.listener.snapshot(reply);
        break;
      case 'answer':
        this.waiting.get(reply.id)?.(reply.answer);
        this.waiting.delete(reply.id);
        break;
      case 'refused':
      case 'failed':
        this.end();
        this.listener.failed(reply.type === 'refused' ? { refused: reply.message } : { bug: reply.bug });
        break;
    }
  }

  /** The text in pieces, one per turn of the event loop (as workerPool.ts sends it); a cancel stops the rest. */
  private send(job: SpecJob): void {
    sendInPieces(
      (piece) => this.thread.postMessage(piece),
      1,
      job,
      () => this.phase === 'ended',
      (error) => {
        this.end();
        this.listener.failed({ bug: wireBug('sending the spec to the training worker', error) });
      },
    );
  }
}
