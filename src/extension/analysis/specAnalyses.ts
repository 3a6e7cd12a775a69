import * as vscode from 'vscode';
import type { Trace } from '../../core/trace/types';
import type { Log } from '../log';
import type { Settings } from '../settings';
import { analyse, type SpecAnalysis } from './analyse';
import type { Toolchain } from './toolchain';

/** The language id of `.nnet` specs. */
export const NNET_LANGUAGE = 'nnet';

export function isSpecDocument(document: vscode.TextDocument): boolean {
  return document.languageId === NNET_LANGUAGE;
}

interface Entry {
  readonly document: vscode.TextDocument;
  analysis: SpecAnalysis | undefined;
  /** The last version announced through onDidChange. */
  announced: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** `ready` requests waiting for the debounce to end (each is called once, then removed). */
  waiting: ((analysis: SpecAnalysis | undefined) => void)[];
}

/**
 * The one analysis per spec document version that every feature shares.
 *
 * - `get(document)` returns the analysis of the document's *current* version, computing it on
 *   the spot if an edit has not been analysed yet — so a hover right after typing is never stale.
 * - `ready(document, token)` waits for the debounce instead, for features VS Code re-asks on
 *   every pause in typing (code lenses, inlay hints, the outline, quick fixes): they never
 *   analyse a version the next keystroke is about to replace.
 * - Edits are re-analysed after the `debounceMs` pause; then `onDidChange(uri)` fires, once per
 *   new version (listeners call `get` to read it). Opening a spec analyses it at once.
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

  constructor(
    private readonly toolchain: Toolchain,
    private readonly settings: Settings,
    private readonly log: Log,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.opened(document)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isSpecDocument(event.document) && event.contentChanges.length > 0) this.schedule(event.document, this.settings.current.debounceMs);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.drop(document)),
    ];
    // Specs already open when the extension activates (the one that activated it, at least):
    // analysed right after activation returns, so activation itself stays cheap.
    for (const document of vscode.workspace.textDocuments) this.opened(document);
  }

  /** The analysis of `document`'s current version (computed now if needed). */
  get(document: vscode.TextDocument): SpecAnalysis {
    // A closed document gets no entry: nothing would ever drop it.
    if (document.isClosed) return this.compute(document);
    const entry = this.entryFor(document);
    if (!entry.analysis || entry.analysis.version !== document.version) {
      entry.analysis = this.compute(document);
      // Computed ahead of the debounce (say for a hover): listeners still hear of it.
      if (entry.timer === undefined && entry.announced !== document.version) this.schedule(document, 0);
    }
    return entry.analysis;
  }

  /**
   * The analysis of `document`'s current version once the debounce has produced it (at once
   * when it already has, or when nothing is pending). Undefined when the request is cancelled,
   * as VS Code does when the text changes again, or the spec closes first.
   */
  ready(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<SpecAnalysis | undefined> {
    if (document.isClosed || token.isCancellationRequested) return Promise.resolve(undefined);
    const entry = this.entryFor(document);
    if (entry.timer === undefined || entry.analysis?.version === document.version) return Promise.resolve(this.get(document));
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

  /** The trace of example `example` (0-based) at the `significantDigits` setting; null if none. */
  trace(document: vscode.TextDocument, example: number): Trace | null {
    return this.get(document).trace(example, this.settings.current.significantDigits);
  }

  /** Every spec currently tracked. */
  get documents(): readonly vscode.TextDocument[] {
    return [...this.entries.values()].map((entry) => entry.document);
  }

  dispose(): void {
    for (const entry of this.entries.values()) {
      clearTimeout(entry.timer);
      settle(entry, undefined);
    }
    this.entries.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.closed.dispose();
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
      }
      entry = { document, analysis: undefined, announced: -1, timer: undefined, waiting: [] };
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** (Re)starts the document's debounce timer; when it ends, analyse and announce. */
  private schedule(document: vscode.TextDocument, delayMs: number): void {
    const entry = this.entryFor(document);
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (document.isClosed || this.entries.get(document.uri.toString()) !== entry) {
        settle(entry, undefined);
        return;
      }
      const analysis = this.get(document);
      settle(entry, analysis);
      if (entry.announced === analysis.version) return;
      entry.announced = analysis.version;
      this.changed.fire(document.uri);
    }, delayMs);
  }

  private compute(document: vscode.TextDocument): SpecAnalysis {
    const uri = document.uri.toString();
    return analyse(document.getText(), document.version, this.toolchain, (what, error) => this.log.bug(`${what} (${uri})`, error));
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
    this.entries.delete(key);
    this.closed.fire(document.uri);
  }
}

/** Answers every `ready` request waiting on the entry. */
function settle(entry: Entry, analysis: SpecAnalysis | undefined): void {
  for (const waiter of [...entry.waiting]) waiter(analysis);
}
