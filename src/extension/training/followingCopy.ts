import type * as vscode from 'vscode';
import type { Guard } from '../guard';
import type { SteppedDocuments } from './steppedDocuments';
import type { WorkerAnswer } from './worker/trainingWire';

/**
 * Keeps a run's Step through copy (steppedDocuments.ts) on the step the Training panel's scrubber
 * rests on, so the copy's stepping panel — its diagram and tables — and any debug session on it
 * show the network at that step. Only a copy that is open follows, and only once the scrubber has
 * rested for FOLLOW_DELAY_MS: each new text is analysed again, and a drag across a thousand steps
 * must not queue a thousand analyses (the newest wins, and an answer overtaken by a later scrub or
 * Step through is dropped).
 */
export const FOLLOW_DELAY_MS = 300;

/** What the follower needs of a run: its copy's URI and its worker's answers. */
export interface FollowedRun {
  readonly copy: vscode.Uri;
  steppedText(step: number): Promise<WorkerAnswer | null>;
}

export class FollowingCopy implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every scrub and Step through: an answer for an older one is not shown. */
  private ticket = 0;

  constructor(
    private readonly stepped: SteppedDocuments,
    private readonly guard: Guard,
  ) {}

  /** The scrubber moved to `step` of `run`. */
  scrubbed(run: FollowedRun, step: number): void {
    const ticket = ++this.ticket;
    this.cancelTimer();
    const shown = this.stepped.openStep(run.copy);
    if (shown === undefined || shown === step) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.guard.run(
        () => `moving the training copy ${run.copy} to step ${step}`,
        () => undefined,
        () => this.follow(run, step, ticket),
      );
    }, FOLLOW_DELAY_MS);
  }

  /** Step through took the copy to a step itself: a pending scrub no longer applies. */
  overtaken(): void {
    this.ticket++;
    this.cancelTimer();
  }

  dispose(): void {
    this.overtaken();
  }

  private async follow(run: FollowedRun, step: number, ticket: number): Promise<void> {
    const answer = await run.steppedText(step);
    // Still the newest scrub, and the copy still open (it may have closed while the worker answered).
    if (ticket !== this.ticket || answer?.kind !== 'steppedText' || this.stepped.openStep(run.copy) === undefined) return;
    this.stepped.update(run.copy, answer.step, answer.text);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
