import * as vscode from 'vscode';
import type { Trace } from '../../core/trace/types';
import type { Log } from '../log';
import type { Settings } from '../settings';
import { analyse, pendingAnalysis, type SpecAnalysis } from './analyse';
import { DataDependencies } from './dataDependencies';
import { LatestWins, type AnalysisRunner, type LatestWinsListener } from './latestWins';
import { placementOf, type Placement } from './placement';
import type { Toolchain } from './toolchain';
import { steppedSpecOf } from '../training/steppedUri';
import { analysisFromWorker, wireBug, type DataContext, type SpecJob, type SpecText, type WorkerOutcome } from './worker/wire';

/** The language id of `.nnet` specs. */
export const NNET_LANGUAGE = 'nnet';

export function isSpecDocument(document: vscode.TextDocument): boolean {
  return document.languageId === NNET_LANGUAGE;
}

interface Entry {
  readonly document: vscode.TextDocument;
  analysis: SpecAnalysis | undefined;
  /**
   * Counts the changes to the data files the spec reads (dataDependencies.ts): an analysis is
   * current when it is of the document's version and of this revision (`analysisRevision`).
   */
  dataRevision: number;
  analysisRevision: number;
  /** The last version and revision announced through onDidChange, as `version:revision`. */
  announced: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** `ready` requests waiting for the debounce to end (each is called once, then removed). */
  waiting: ((analysis: SpecAnalysis | undefined) => void)[];
  /** Where the document's `version` is analysed (placement.ts), decided once per version. */
  placement: { readonly version: number; readonly where: Placement } | undefined;
}

/** What the analysis worker is doing for a spec: the status bar item and the tests follow it. */
export interface WorkerActivity {
  readonly uri: vscode.Uri;
  readonly version: number;
  /** `failed`: the worker crashed, or could not be started; the spec shows `internal-error`. */
  readonly kind: 'started' | 'finished' | 'cancelled' | 'failed';
}

/**
 * The one analysis per spec document version that every feature shares.
 *
 * Where a version is analysed depends on its size (placement.ts): a small spec on the spot, on
 * this thread; anything larger in the analysis worker (worker/), so that the extension host
 * never waits on the engine.
 *
 * - `get(document)` never waits. For a small spec it returns the analysis of the document's
 *   *current* version, computing it on the spot if an edit has not been analysed yet — so a
 *   hover right after typing is never stale. For a larger one it returns the newest analysis the
 *   worker has finished, possibly of an older version (readers compare `version` with the
 *   document's to say the numbers are being recomputed), or a pending analysis (`skipped:
 *   'pending'`, no numbers) until the first one is done.
 * - `ready(document, token)` waits for the current version's analysis instead, for features
 *   VS Code re-asks on every pause in typing (code lenses, inlay hints, the outline, quick
 *   fixes): they never analyse a version the next keystroke is about to replace.
 * - Edits are re-analysed after the `debounceMs` pause; then `onDidChange(uri)` fires, once per
 *   new version (listeners call `get` to read it). Opening a spec analyses it at once.
 * - Latest version wins (latestWins.ts): an edit cancels the worker's analysis of the version it
 *   replaced at once, and a result for a version the document has left is dropped.
 *   `onWorkerActivity` reports what the worker starts, finishes and abandons.
 * - `onDidClose(uri)` fires when a spec closes (or stops being `nnet`); its analysis is dropped.
 *
 * Nothing is done for a document until it is a spec, and nothing is recomputed for a version
 * already analysed, however many hovers, lenses and hints ask.
 */
export class SpecAnalyses implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly closed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[];

  /** A new analysis is ready for this spec: re-read it with `get`. */
  readonly onDidChange = this.changed.event;
  /** This spec was closed (or its language changed): forget anything kept for it. */
  readonly onDidClose = this.closed.event;
  private readonly activity = new vscode.EventEmitter<WorkerActivity>();
  /** The worker started, finished or abandoned an analysis. */
  readonly onWorkerActivity = this.activity.event;
  private readonly work: LatestWins<SpecJob, WorkerOutcome>;
  private readonly data: DataDependencies;
  /** What `get` returns for a spec the worker has not finished once yet. */
  private readonly pending = pendingAnalysis();

  constructor(
    private readonly toolchain: Toolchain,
    private readonly settings: Settings,
    private readonly log: Log,
    runner: AnalysisRunner<SpecJob, WorkerOutcome>,
  ) {
    // One worker analysis at a time, across all specs: each may use up to the 1 GiB the work
    // limit allows (core/model/workload.ts), and the extension host shares the machine.
    this.work = new LatestWins(runner, this.workerListener(), 1);
    this.data = new DataDependencies((specs) => this.dataChanged(specs));
    this.subscriptions = [
      this.data,
      vscode.workspace.onDidOpenTextDocument((document) => this.opened(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!isSpecDocument(event.document) || event.contentChanges.length === 0) return;
        // From this keystroke on, the version the worker may be analysing is one nobody will see.
        this.work.cancel(event.document.uri.toString());
        this.schedule(event.document, this.settings.current.debounceMs);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.drop(document)),
    ];
    // Specs already open when the extension activates (the one that activated it, at least):
    // analysed right after activation returns, so activation itself stays cheap.
    for (const document of vscode.workspace.textDocuments) this.opened(document);
  }

  /**
   * The analysis of `document`'s current version when it is cheap (computed now if needed),
   * else the newest one the worker has finished, or the pending analysis. Never waits.
   */
  get(document: vscode.TextDocument): SpecAnalysis {
    // A closed document gets no entry: nothing would ever drop it.
    if (document.isClosed) return placementFor(document) === 'inline' ? this.compute(document) : this.pending;
    const entry = this.entryFor(document);
    if (isCurrent(entry)) return entry.analysis!;
    if (this.whereToAnalyse(entry) === 'inline') {
      entry.analysis = this.compute(document);
      entry.analysisRevision = entry.dataRevision;
      // Computed ahead of the debounce (say for a hover): listeners still hear of it.
      if (entry.timer === undefined && entry.announced !== `${document.version}:${entry.dataRevision}`) this.schedule(document, 0);
      return entry.analysis;
    }
    // The debounce, or the worker, is normally on its way to this version already.
    if (entry.timer === undefined && !this.work.has(document.uri.toString(), document.version)) this.schedule(document, 0);
    // An analysis of this version on older data is still this text's: readers show it meanwhile.
    return entry.analysis ?? this.pending;
  }

  /**
   * The analysis of `document`'s current version once the debounce (and, for a larger spec, the
   * worker) has produced it; at once when it already has. Undefined when the request is
   * cancelled, as VS Code does when the text changes again, or the spec closes first.
   */
  ready(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<SpecAnalysis | undefined> {
    if (document.isClosed || token.isCancellationRequested) return Promise.resolve(undefined);
    const entry = this.entryFor(document);
    if (isCurrent(entry)) return Promise.resolve(entry.analysis);
    if (entry.timer === undefined) {
      // No debounce pending: a small spec is analysed now; a larger one is sent to the worker.
      const analysis = this.get(document);
      if (isCurrent(entry)) return Promise.resolve(analysis);
    }
    return new Promise((resolve) => {
      let cancelled: vscode.Disposable | undefined;
      const finish = (analysis: SpecAnalysis | undefined) => {
        cancelled?.dispose();
        entry.waiting = entry.waiting.filter((waiter) => waiter !== finish);
        resolve(analysis);
      };
      entry.waiting.push(finish);
      cancelled = token.onCancellationRequested(() => finish(undefined));
    });
  }

  /** The newest analysis already made for `document`, of whatever version; never analyses. */
  peek(document: vscode.TextDocument): SpecAnalysis | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry?.document === document ? entry.analysis : undefined;
  }

  /** The analysis of the open spec at `uri`, or undefined when no such spec is open. */
  getByUri(uri: vscode.Uri | string): SpecAnalysis | undefined {
    const document = this.documentFor(uri);
    return document ? this.get(document) : undefined;
  }

  /** The open spec document at `uri`, if any. */
  documentFor(uri: vscode.Uri | string): vscode.TextDocument | undefined {
    const key = uri.toString();
    return (
      this.entries.get(key)?.document ??
      vscode.workspace.textDocuments.find((document) => isSpecDocument(document) && document.uri.toString() === key)
    );
  }

  /** The trace of example `example` (0-based) at the `significantDigits` and `weightIndexOrder` settings; null if none. */
  trace(document: vscode.TextDocument, example: number): Trace | null {
    const { significantDigits, weightOrder } = this.settings.current;
    return this.get(document).trace(example, significantDigits, weightOrder);
  }

  /**
   * Where `document`'s data files are, for a worker that reads them (the analysis worker, the
   * training worker): the spec's path, and the unsaved text of those files open in editors.
   */
  dataContext(document: vscode.TextDocument): DataContext {
    return { specPath: specPathOf(document), overlay: this.data.overlay(document.uri.toString()) };
  }

  /** Every spec currently tracked. */
  get documents(): readonly vscode.TextDocument[] {
    return [...this.entries.values()].map((entry) => entry.document);
  }

  dispose(): void {
    this.work.dispose();
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
      settle(entry, undefined);
    }
    this.entries.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.closed.dispose();
    this.activity.dispose();
  }

  private opened(document: vscode.TextDocument): void {
    if (isSpecDocument(document) && !document.isClosed) this.schedule(document, 0);
  }

  private entryFor(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    let entry = this.entries.get(key);
    if (!entry || entry.document !== document) {
      if (entry) {
        clearTimeout(entry.timer);
        settle(entry, undefined);
        this.work.cancel(key);
      }
      entry = { document, analysis: undefined, dataRevision: 0, analysisRevision: 0, announced: '', timer: undefined, waiting: [], placement: undefined };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /**
   * (Re)starts the document's debounce timer; when it ends, analyse and announce — or, for a
   * larger spec, hand the version to the worker, and announce when it answers.
   */
  private schedule(document: vscode.TextDocument, delayMs: number): void {
    const entry = this.entryFor(document);
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      const key = document.uri.toString();
      if (document.isClosed || this.entries.get(key) !== entry) {
        settle(entry, undefined);
        return;
      }
      if (!isCurrent(entry) && this.whereToAnalyse(entry) === 'worker') {
        this.work.submit(key, document.version, { text: documentText(document), data: this.dataContext(document) });
        return;
      }
      this.store(entry, this.get(document));
    }, delayMs);
  }

  /** Keeps `analysis` as the entry's newest, answers the waiting `ready` requests, and announces a new version once. */
  private store(entry: Entry, analysis: SpecAnalysis): void {
    entry.analysis = analysis;
    entry.analysisRevision = entry.dataRevision;
    const key = entry.document.uri.toString();
    const files = analysis.files.flatMap((file) => (file.id === null ? [] : [file.id]));
    // A file first read by this analysis may be open with unsaved edits it did not see.
    if (this.data.set(key, files) && this.data.readsUnsaved(key)) this.dataChanged([key]);
    else settle(entry, analysis);
    const stamp = `${analysis.version}:${entry.analysisRevision}`;
    if (entry.announced === stamp) return;
    entry.announced = stamp;
    this.changed.fire(entry.document.uri);
  }

  /** Data files that `specs` read changed: their analyses are out of date, whatever their version. */
  private dataChanged(specs: readonly string[]): void {
    for (const key of specs) {
      const entry = this.entries.get(key);
      if (!entry || entry.document.isClosed) continue;
      entry.dataRevision++;
      this.work.cancel(key);
      this.schedule(entry.document, this.settings.current.debounceMs);
    }
  }

  /** Where the document's current version is analysed, decided once per version. */
  private whereToAnalyse(entry: Entry): Placement {
    const { document } = entry;
    if (entry.placement?.version !== document.version) entry.placement = { version: document.version, where: placementFor(document) };
    return entry.placement.where;
  }

  /** The inline analysis, on this thread. */
  private compute(document: vscode.TextDocument): SpecAnalysis {
    return analyse(document.getText(), document.version, this.toolchain, this.bugReporter(document.uri.toString()));
  }

  private bugReporter(uri: string): (what: string, error: unknown) => void {
    return (what, error) => this.log.bug(`${what} (${uri})`, error);
  }

  /** How the worker's progress reaches the documents: results are stored only for the version the document is at. */
  private workerListener(): LatestWinsListener<WorkerOutcome> {
    const report = (kind: WorkerActivity['kind'], key: string, version: number) =>
      this.activity.fire({ uri: this.entries.get(key)?.document.uri ?? vscode.Uri.parse(key), version, kind });
    const answered = (key: string, version: number, outcome: WorkerOutcome) => {
      if (outcome.kind === 'cancelled') return;
      const entry = this.entries.get(key);
      report(outcome.kind === 'analysed' ? 'finished' : 'failed', key, version);
      // An edit cancels a stale version first; a result that still arrives for one is dropped.
      if (!entry || entry.document.isClosed || entry.document.version !== version) return;
      this.store(entry, analysisFromWorker(version, outcome, this.toolchain, this.bugReporter(key)));
    };
    return {
      started: (key, version) => report('started', key, version),
      cancelled: (key, version) => report('cancelled', key, version),
      finished: answered,
      failed: (key, version, error) => answered(key, version, { kind: 'crashed', bug: wireBug('analysing the spec in the worker', error) }),
      bug: (what, error) => this.log.bug(what, error),
    };
  }

  /**
   * Forgets a closed spec. VS Code may announce the close of a document after another document
   * has opened at the same URI (untitled specs reuse `Untitled-1`), so only the document that
   * owns the entry may drop it; a late close of its predecessor must not clear its problems.
   */
  private drop(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (!entry || entry.document !== document) return;
    clearTimeout(entry.timer);
    settle(entry, undefined);
    this.work.cancel(key);
    this.data.delete(key);
    this.entries.delete(key);
    this.closed.fire(document.uri);
  }
}

/** Whether the entry's analysis is of its document's current version and data. */
function isCurrent(entry: Entry): boolean {
  return entry.analysis !== undefined && entry.analysis.version === entry.document.version && entry.analysisRevision === entry.dataRevision;
}

/**
 * Where a spec's data files are found from: a spec that is no file on this machine has no folder.
 * A training step's copy (training/steppedUri.ts) reads the data files of the spec it came from.
 */
function specPathOf(document: vscode.TextDocument): string | null {
  const uri = steppedSpecOf(document.uri) ?? document.uri;
  return uri.scheme === 'file' ? uri.fsPath : null;
}

/** Answers every `ready` request waiting on the entry. */
function settle(entry: Entry, analysis: SpecAnalysis | undefined): void {
  for (const waiter of [...entry.waiting]) waiter(analysis);
}

/** Where `document`'s current text is analysed: a long text is not built just to be measured. */
function placementFor(document: vscode.TextDocument): Placement {
  return placementOf(textLength(document), () => document.getText());
}

/** The document's length in characters, from VS Code's line index. */
function textLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/**
 * The document's current text, read a piece at a time as the worker pool sends it. An edit
 * cancels the job first (see the constructor), so every piece is read from the same version.
 */
function documentText(document: vscode.TextDocument): SpecText {
  return {
    length: textLength(document),
    slice: (start, end) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))),
  };
}
