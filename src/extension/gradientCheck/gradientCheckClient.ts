import { nodeMessageThread, type MessageThread } from '../workerThread';
import type { CheckReport } from '../../core/gradientCheck/report';
import type { WeightOrder } from '../../core/notation/symbols';
import { sendInPieces, wireBug, type SpecJob, type WireBug } from '../analysis/worker/wire';
import type { GradientWorkerReply, HostToGradientWorker } from './worker/gradientCheckWire';

/**
 * The extension host's end of one gradient check: starts a gradient-check worker
 * (worker/gradientCheckWorker.ts), sends it the spec, and passes on what it posts. The worker
 * is terminated once the report arrives, on cancel (at once: a probe cannot be interrupted any
 * other way), and when the check fails; after that nothing more is reported.
 */

/** The part of a worker thread this uses: node's Worker (`nodeGradientWorker`), or a fake in tests. */
export type GradientWorkerThread = MessageThread<HostToGradientWorker, GradientWorkerReply>;

export const nodeGradientWorker = (script: string): GradientWorkerThread =>
  nodeMessageThread(script, { worker: 'gradient-check worker', task: 'checking the gradient in the worker' });

export interface GradientCheckListener {
  planned(planned: number, total: number, sampled: boolean): void;
  progress(done: number): void;
  finished(report: CheckReport): void;
  /** The check could not start (`refused`: the spec, in words) or the worker failed (`bug`); nothing follows. */
  failed(problem: { readonly refused: string } | { readonly bug: WireBug }): void;
}

export class GradientCheckClient {
  private ended = false;

  constructor(
    private readonly thread: GradientWorkerThread,
    job: SpecJob,
    weightOrder: WeightOrder,
    private readonly listener: GradientCheckListener,
  ) {
    thread.listen(
      (reply) => this.receive(reply),
      (error) => {
        if (this.ended) return;
        this.end();
        listener.failed({ bug: error ?? wireBug('checking the gradient in the worker', new Error('the gradient-check worker stopped')) });
      },
    );
    thread.postMessage({ type: 'options', weightOrder });
    this.send(job);
  }

  /** True once the check has reported, failed or been cancelled. */
  get isOver(): boolean {
    return this.ended;
  }

  /** Stops the check: the worker is terminated and nothing more is reported. */
  cancel(): void {
    this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.thread.terminate();
  }

  private receive(reply: GradientWorkerReply): void {
    if (this.ended) return;
    switch (reply.type) {
      case 'planned':
        this.listener.planned(reply.planned, reply.total, reply.sampled);
        return;
      case 'progress':
        this.listener.progress(reply.done);
        return;
      case 'report':
        this.end();
        this.listener.finished(reply.report);
        return;
      case 'refused':
      case 'failed':
        this.end();
        this.listener.failed(reply.type === 'refused' ? { refused: reply.message } : { bug: reply.bug });
        return;
    }
  }

  /** The text in pieces, one per turn of the event loop (as the other workers get it); a cancel stops the rest. */
  private send(job: SpecJob): void {
    sendInPieces(
      (piece) => this.thread.postMessage(piece),
      1,
      job,
      () => this.ended,
      (error) => {
        this.end();
        this.listener.failed({ bug: wireBug('sending the spec to the gradient-check worker', error) });
      },
    );
  }
}
