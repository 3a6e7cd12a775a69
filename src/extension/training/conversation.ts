import type { ExtensionToTraining, TrainingFinished, TrainingProgress, TrainingRun, TrainingSnapshot } from '../../shared/trainingMessages';
import { HistoryLog } from './historyLog';

/**
 * The extension's side of the Training panel's conversation (shared/trainingMessages.ts), apart
 * from the webview and the worker, so it is unit-tested alone: nothing is posted before the page
 * says `ready`; at `ready` the page gets the run, its whole history so far and how it ended, if
 * it has; after that each message is passed on as it comes. A page that reloads (hidden and
 * shown again) posts `ready` again and is caught up the same way.
 *
 * A new run replaces the old one entirely: its `run` message tells the page to start over.
 */
export class TrainingConversation {
  private ready = false;
  private run: TrainingRun | null = null;
  private readonly history = new HistoryLog();
  private end: TrainingFinished | null = null;
  private throughput = 0;

  constructor(private readonly post: (message: ExtensionToTraining) => void) {}

  /** The page loaded (or loaded again): it gets everything so far. */
  pageReady(): void {
    this.ready = true;
    if (!this.run) return;
    this.post(this.run);
    for (const progress of this.history.catchUp(this.throughput)) this.post(progress);
    if (this.end) this.post(this.end);
  }

  /** The page was discarded (the panel is hidden): nothing is posted until it is `ready` again. */
  pageGone(): void {
    this.ready = false;
  }

  get isPageReady(): boolean {
    return this.ready;
  }

  /** A new run is on its way: until it starts, a page that loads is sent nothing of the old one. */
  clear(): void {
    this.run = null;
    this.history.clear();
    this.end = null;
    this.throughput = 0;
  }

  /** A run started: the old one's history is dropped. */
  started(run: TrainingRun): void {
    this.clear();
    this.run = run;
    this.send(run);
  }

  progress(progress: TrainingProgress): void {
    if (!this.run) return;
    this.history.add(progress);
    this.throughput = progress.throughput;
    this.send(progress);
  }

  finished(finished: TrainingFinished): void {
    if (!this.run || this.end) return;
    this.end = finished;
    this.send(finished);
  }

  snapshot(snapshot: TrainingSnapshot): void {
    if (this.run) this.send(snapshot);
  }

  /**
   * The spec was renamed: the run is the same, under its new URI and name. A page loaded later
   * gets the run with them; a page loaded now is told.
   */
  renamed(uri: string, fileName: string): void {
    if (!this.run) return;
    this.run = { ...this.run, uri, fileName };
    this.send({ type: 'renamed', uri, fileName });
  }

  /** The snapshot of a step without its picture, from the history alone: for a run whose worker is gone. */
  snapshotFromHistory(step: number): TrainingSnapshot {
    return { type: 'snapshot', picture: null, ...this.history.costAt(step) };
  }

  /** The run in progress or last finished, if any. */
  get current(): TrainingRun | null {
    return this.run;
  }

  /** How the run ended, or null while it trains. */
  get outcome(): TrainingFinished | null {
    return this.end;
  }

  /** Steps done, as of the last progress message. */
  get done(): number {
    return this.history.steps;
  }

  private send(message: ExtensionToTraining): void {
    if (this.ready) this.post(message);
  }
}
