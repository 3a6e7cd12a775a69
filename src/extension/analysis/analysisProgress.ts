import * as vscode from 'vscode';
import type { WorkerActivity } from './specAnalyses';

/** How long an analysis runs in the worker before the status bar says so. */
export const PROGRESS_DELAY_MS = 500;

interface Running {
  readonly name: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  shown: boolean;
}

/**
 * A status bar item, "$(sync~spin) Analysing big.nnet…", while the analysis worker spends more
 * than half a second on a spec: short analyses never flash it. It goes when the analysis is
 * done, fails, or is superseded by an edit (the next version's analysis starts its own delay).
 */
export class AnalysisProgress implements vscode.Disposable {
  private readonly running = new Map<string, Running>();
  private readonly item = vscode.window.createStatusBarItem('backpropStepper.analysis', vscode.StatusBarAlignment.Left);
  private readonly subscription: vscode.Disposable;

  constructor(activity: vscode.Event<WorkerActivity>, private readonly delayMs = PROGRESS_DELAY_MS) {
    this.item.name = 'Backprop Stepper analysis';
    this.subscription = activity((event) => (event.kind === 'started' ? this.started(event.uri) : this.ended(event.uri)));
  }

  /** What the status bar shows now, or undefined while nothing is shown (read by the in-editor tests). */
  get text(): string | undefined {
    return this.names().length > 0 ? this.item.text : undefined;
  }

  dispose(): void {
    for (const running of this.running.values()) clearTimeout(running.timer);
    this.running.clear();
    this.subscription.dispose();
    this.item.dispose();
  }

  private started(uri: vscode.Uri): void {
    this.ended(uri);
    const running: Running = { name: uri.path.slice(uri.path.lastIndexOf('/') + 1), timer: undefined, shown: false };
    running.timer = setTimeout(() => {
      running.timer = undefined;
      running.shown = true;
      this.render();
    }, this.delayMs);
    this.running.set(uri.toString(), running);
  }

  private ended(uri: vscode.Uri): void {
    const running = this.running.get(uri.toString());
    if (!running) return;
    clearTimeout(running.timer);
    this.running.delete(uri.toString());
    this.render();
  }

  private names(): string[] {
    return [...this.running.values()].filter((running) => running.shown).map((running) => running.name);
  }

  private render(): void {
    const names = this.names();
    if (names.length === 0) {
      this.item.hide();
      return;
    }
    const list = names.length === 1 ? names[0] : `${names[0]} and ${names.length - 1} more`;
    this.item.text = `$(sync~spin) Analysing ${list}…`;
    this.item.tooltip = `Backprop Stepper is running backpropagation on ${names.join(', ')} in the background. Until it is done, hovers show the numbers from before your last edit.`;
    this.item.show();
  }
}
