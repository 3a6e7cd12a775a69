import * as vscode from 'vscode';
import { NNET_LANGUAGE } from '../analysis/specAnalyses';
import { Command } from '../commandIds';
import { fileName } from '../panel/stepperPanel';
import { TRAINING_SCHEME, steppedHeader, steppedUri } from './steppedUri';

/**
 * "Step through this step": the spec as it is after some step of a training run, as a read-only
 * document of its own (steppedUri.ts), opened in an editor with its stepping panel. Being an
 * ordinary `nnet` document, it gets everything a spec gets — its analysis, the panel, hovers,
 * lenses, the debugger — with no code of its own: only its text is provided here. The spec itself
 * is never touched (Apply does that, applyTrainedStep.ts).
 *
 * There is one copy per run, and it moves between steps: `show` (Step through) and `update` (the
 * scrubber, followingCopy.ts) give it a new step's text and tell VS Code, which reads the text
 * again and changes the open document in place. Its analysis, stepping panel and any debug
 * session on it then follow as they follow any edit, keeping their stepping position.
 *
 * The text is computed by the training worker (the spec with the step's parameters written in
 * at full precision, so it reads back as exactly those numbers), opened by a comment naming the
 * step, and kept here while the document is open. VS Code asks for a document's text again when
 * it reopens it (after a window reload, say), when the run may be gone: the text then says so.
 */
const GONE = '# The parameters of this training run are no longer available: run Backprop: Train again.\n';

/** Texts kept for documents that are not open (opened and closed again): at most this many. */
const KEPT_CLOSED = 16;

interface Copy {
  readonly text: string;
  readonly step: number;
}

export class SteppedDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly copies = new Map<string, Copy>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(TRAINING_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === TRAINING_SCHEME) this.forgetClosed();
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.copies.get(uri.toString())?.text ?? GONE;
  }

  /** The step the copy of run `run` of `spec` shows, while it is an open document; undefined otherwise. */
  openStep(spec: vscode.Uri, run: string): number | undefined {
    const uri = steppedUri(spec, run);
    const open = vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    return open ? this.copies.get(uri.toString())?.step : undefined;
  }

  /**
   * The copy of run `run` of `spec` now shows `step`, whose text (from the worker) is `text`: an
   * open copy changes in place. Returns its URI.
   */
  update(spec: vscode.Uri, run: string, step: number, text: string): vscode.Uri {
    const uri = steppedUri(spec, run);
    const key = uri.toString();
    const full = steppedHeader(fileName(spec), step) + text;
    if (this.copies.get(key)?.text === full) return uri;
    this.copies.set(key, { text: full, step });
    this.changed.fire(uri);
    return uri;
  }

  /**
   * Step through: the copy of run `run` of `spec` at `step`, opened (or changed in place, if it
   * is open) and shown in `column` with its stepping panel; returns the document.
   */
  async show(spec: vscode.Uri, run: string, step: number, text: string, column: vscode.ViewColumn): Promise<vscode.TextDocument> {
    const uri = this.update(spec, run, step, text);
    let document = await vscode.workspace.openTextDocument(uri);
    // The `.nnet` extension normally makes it a spec; a person's files.associations may not.
    if (document.languageId !== NNET_LANGUAGE) document = await vscode.languages.setTextDocumentLanguage(document, NNET_LANGUAGE);
    await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
    await vscode.commands.executeCommand(Command.openPanel, document.uri);
    return document;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.copies.clear();
  }

  /** Drops the oldest texts of documents no longer open, beyond KEPT_CLOSED. */
  private forgetClosed(): void {
    const open = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === TRAINING_SCHEME).map((d) => d.uri.toString()));
    const closed = [...this.copies.keys()].filter((key) => !open.has(key));
    for (const key of closed.slice(0, Math.max(0, closed.length - KEPT_CLOSED))) this.copies.delete(key);
  }
}
