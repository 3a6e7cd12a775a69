import * as vscode from 'vscode';

/**
 * How long work runs before its progress notification shows. A gradient check of a small spec,
 * or a short training run, is over well within it: shown at once, its notification flashed up
 * saying "starting…" and then stayed for VS Code's minimum time after the work was done.
 */
export const SHOW_AFTER_MS = 400;

/**
 * The progress notification of work that may take long (a training run, a gradient check): its
 * title, a message saying how far it is, a bar and Cancel, shown only once the work has lasted
 * SHOW_AFTER_MS and closed with `dispose`. What was reported before it shows is shown with it.
 */
export class ProgressNotification {
  private reporter: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  /** The latest report: its message and how much of the bar it fills (0 … 100). */
  private latest: { readonly message: string; readonly percent: number } | null = null;
  /** How much of the bar VS Code shows: it takes increments, not totals. */
  private shownPercent = 0;
  private close: (() => void) | undefined;
  private disposed = false;
  private readonly timer: ReturnType<typeof setTimeout>;

  /** `cancel` runs when the person presses Cancel. */
  constructor(
    private readonly title: string,
    private readonly cancel: () => void,
    delayMs: number = SHOW_AFTER_MS,
  ) {
    this.timer = setTimeout(() => this.show(), delayMs);
  }

  /** The work is `fraction` (0 … 1) done; `message` says how far, as "step 420 of 1,000". */
  report(message: string, fraction: number): void {
    this.latest = { message, percent: 100 * Math.min(1, Math.max(0, fraction)) };
    this.push();
  }

  /** The work is over: the notification goes, or never shows. Later calls do nothing. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.close?.();
  }

  private show(): void {
    if (this.disposed) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: this.title, cancellable: true }, (progress, token) => {
      if (this.disposed) return Promise.resolve();
      this.reporter = progress;
      if (this.latest === null) progress.report({ message: 'starting…' });
      this.push();
      const subscription = token.onCancellationRequested(() => this.cancel());
      return new Promise<void>((resolve) => (this.close = resolve)).finally(() => subscription.dispose());
    });
  }

  private push(): void {
    if (this.reporter === undefined || this.latest === null || this.disposed) return;
    const increment = Math.max(0, this.latest.percent - this.shownPercent);
    this.shownPercent = Math.max(this.shownPercent, this.latest.percent);
    this.reporter.report({ message: this.latest.message, increment });
  }
}
