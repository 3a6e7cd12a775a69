import { thousands } from '../../core/notation/count';
import { ProgressNotification } from '../progressNotification';

/**
 * The progress notification of one training run: "Training xor.nnet — step 420 of 1,000", with
 * a bar and a Cancel button, from a moment into the run (progressNotification.ts) until it stops
 * training (finished, cancelled, failed, or replaced by a newer run). Reports come with the
 * worker's progress messages, so at most about ten a second.
 */
export class TrainingNotification {
  private readonly notification: ProgressNotification;
  private steps: number | null = null;

  /** `cancel` runs when the person presses Cancel. */
  constructor(title: string, cancel: () => void) {
    this.notification = new ProgressNotification(title, cancel);
  }

  /** The run's N, once the worker has read it. */
  started(steps: number): void {
    this.steps = steps;
    this.report(0);
  }

  /** `done` steps of N are done. */
  report(done: number): void {
    if (this.steps === null || this.steps <= 0) return;
    this.notification.report(`step ${thousands(done)} of ${thousands(this.steps)}`, done / this.steps);
  }

  /** The run stopped training: the notification goes. Later calls do nothing. */
  dispose(): void {
    this.notification.dispose();
  }
}
