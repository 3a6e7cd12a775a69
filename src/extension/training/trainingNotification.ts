import * as vscode from 'vscode';
import { thousands } from '../../core/notation/count';

/**
 * The progress notification of one training run: "Training xor.nnet — step 420 of 1,000", with
 * a bar and a Cancel button, shown from the start of the run until it stops training (finished,
 * cancelled, failed, or replaced by a newer run). Reports come with the worker's progress
 * messages, so at most about ten a second.
 */
export class TrainingNotification {
  private reporter: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  private shownDone = 0;
  private steps: number | null = null;
  private close!: () => void;
  private readonly closed = new Promise<void>((resolve) => (this.close = resolve));

  /** `cancel` runs when the person presses Cancel. */
  constructor(title: string, cancel: () => void) {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      this.reporter = progress;
      progress.report({ message: 'starting…' });
      const subscription = token.onCancellationRequested(cancel);
      return this.closed.finally(() => subscription.dispose());
    });
  }

  /** The run's N, once the worker has read it. */
  started(steps: number): void {
    this.steps = steps;
    this.report(0);
  }

  /** `done` steps of N are done. */
  report(done: number): void {
    if (this.steps === null || this.steps <= 0) return;
    const increment = (Math.max(0, done - this.shownDone) / this.steps) * 100;
    this.shownDone = Math.max(this.shownDone, done);
    this.reporter?.report({ message: `step ${thousands(done)} of ${thousands(this.steps)}`, increment });
  }

  /** The run stopped training: the notification goes. Later calls do nothing. */
  dispose(): void {
    this.close();
  }
}
