import type { TrainingProgress } from '../../shared/trainingMessages';

/**
 * The whole history of a run as the progress messages brought it, kept on the host so that a
 * Training panel whose page reloads (it is hidden and shown again: webviews are not kept alive
 * while hidden) gets it all back, and so that a cancelled run, whose worker is gone, can still
 * say what the cost was at a step. A million steps keep a few megabytes per curve.
 */

/** The most entries one catch-up message carries: a long history is sent in a few messages rather than one huge one. */
export const CATCH_UP_ENTRIES = 100_000;

export class HistoryLog {
  private cost: number[] = [];
  private validationCost: number[] = [];
  private norms: number[][] = [];
  private done = 0;

  clear(): void {
    this.cost = [];
    this.validationCost = [];
    this.norms = [];
    this.done = 0;
  }

  /** Records a progress message; one that does not follow on from the history so far is a bug in the sender. */
  add(progress: TrainingProgress): void {
    if (progress.from !== this.cost.length) throw new Error(`training progress from step ${progress.from} does not follow the ${this.cost.length} entries received`);
    this.done = progress.done;
    append(this.cost, progress.cost);
    append(this.validationCost, progress.validationCost);
    progress.gradientNorms.forEach((norms, l) => append((this.norms[l] ??= []), norms));
  }

  /** Steps done, as of the last progress message. */
  get steps(): number {
    return this.done;
  }

  /** The training and validation cost with the parameters after `step` steps, as far as recorded (NaN beyond). */
  costAt(step: number): { cost: number; validationCost: number | null; step: number } {
    const at = Math.max(0, Math.min(Math.trunc(step), this.cost.length - 1));
    const hasValidation = this.validationCost.length > 0;
    return { step: at, cost: this.cost[at] ?? Number.NaN, validationCost: hasValidation ? (this.validationCost[at] ?? Number.NaN) : null };
  }

  /** Everything recorded, as progress messages from step 0 of at most CATCH_UP_ENTRIES entries each; none before the first progress. */
  catchUp(throughput: number, limit = CATCH_UP_ENTRIES): TrainingProgress[] {
    const messages: TrainingProgress[] = [];
    for (let from = 0; from < this.cost.length; from += limit) {
      const to = Math.min(this.cost.length, from + limit);
      messages.push({
        type: 'progress',
        // Until the last piece, the entries sent stop short of the steps done.
        done: to === this.cost.length ? this.done : to,
        from,
        cost: this.cost.slice(from, to),
        validationCost: this.validationCost.slice(from, to),
        gradientNorms: this.norms.map((norms) => norms.slice(from, Math.min(to, norms.length))),
        throughput,
      });
    }
    return messages;
  }
}

/** Appends in a loop: push(...values) with a hundred thousand values would overflow the stack. */
function append(target: number[], values: readonly number[]): void {
  for (const value of values) target.push(value);
}
