import * as vscode from 'vscode';
import { NNET_LANGUAGE } from '../analysis/specAnalyses';
import { Command } from '../commandIds';
import { TRAINING_SCHEME, steppedUri } from './steppedUri';

/**
 * "Step through this step": the spec as it is after some step of a training run, as a read-only
 * document of its own (steppedUri.ts), opened in an editor with its stepping panel. Being an
 * ordinary `nnet` document, it gets everything a spec gets — its analysis, the panel, hovers,
 * lenses, the debugger — with no code of its own: only its text is provided here. The spec itself
 * is never touched (Apply does that, applyTrainedStep.ts).
 *
 * The text is computed by the training worker (the spec with the step's parameters written in
 * at full precision, so it reads back as exactly those numbers) and kept here while the document
 * is open. VS Code asks for a document's text again only when it reopens it (after a window
 * reload, say), when the run may be gone: the text then says so.
 */
const GONE = '# The parameters of this training step are no longer available: run Backprop: Train again.\n';

/** Texts kept for documents that are not open (opened and closed again): at most this many. */
const KEPT_CLOSED = 16;

export class SteppedDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(TRAINING_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === TRAINING_SCHEME) this.forgetClosed();
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? GONE;
  }

  /**
   * Opens the copy of `spec` after `step` steps of run `run`, whose text is `text`, in `column`,
   * and its stepping panel; returns the document.
   */
  async open(spec: vscode.Uri, run: string, step: number, text: string, column: vscode.ViewColumn): Promise<vscode.TextDocument> {
    const uri = steppedUri(spec, run, step);
    this.texts.set(uri.toString(), text);
    let document = await vscode.workspace.openTextDocument(uri);
    // The `.nnet` extension normally makes it a spec; a person's files.associations may not.
    if (document.languageId !== NNET_LANGUAGE) document = await vscode.languages.setTextDocumentLanguage(document, NNET_LANGUAGE);
    await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
    await vscode.commands.executeCommand(Command.openPanel, document.uri);
    return document;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.texts.clear();
  }

  /** Drops the oldest texts of documents no longer open, beyond KEPT_CLOSED. */
  private forgetClosed(): void {
    const open = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === TRAINING_SCHEME).map((d) => d.uri.toString()));
    const closed = [...this.texts.keys()].filter((key) => !open.has(key));
    for (const key of closed.slice(0, Math.max(0, closed.length - KEPT_CLOSED))) this.texts.delete(key);
  }
}
