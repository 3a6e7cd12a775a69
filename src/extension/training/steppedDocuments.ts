import * as vscode from 'vscode';
import { NNET_LANGUAGE } from '../analysis/specAnalyses';
import { Command } from '../commandIds';
import { fileName } from '../panel/stepperPanel';
import type { CopyState } from './steppedNames';
import { steppedHeader } from './steppedNames';
import { TRAINING_SCHEME, steppedSpecOf, steppedUri } from './steppedUri';

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
 * When its run ends (a newer run replaces it, it is cancelled, or its panel closes) the copy stays
 * as it is, a snapshot: its opening comment says it no longer follows the scrubber (`retire`).
 * A newer run's copy never shares an open copy's name (`name`), so their tabs can be told apart.
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
  /** The spec with the step's parameters written in; the opening comment is not part of it. */
  readonly body: string;
  readonly step: number;
  readonly state: CopyState;
}

const textOf = (uri: vscode.Uri, copy: Copy) => steppedHeader(fileName(steppedSpecOf(uri) ?? uri), copy.step, copy.state) + copy.body;

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
    const copy = this.copies.get(uri.toString());
    return copy ? textOf(uri, copy) : GONE;
  }

  /**
   * The URI of the copy of a new run `run` of `spec`: named `xor (training).nnet`, unless an open
   * copy (of an earlier run) has that name, then `xor (training 2).nnet`, and so on.
   */
  name(spec: vscode.Uri, run: string): vscode.Uri {
    const taken = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === TRAINING_SCHEME).map((d) => d.uri.path));
    for (let ordinal = 1; ; ordinal++) {
      const uri = steppedUri(spec, run, ordinal);
      if (!taken.has(uri.path)) return uri;
    }
  }

  /** The step the copy at `uri` shows, while it is an open document that follows its run; undefined otherwise. */
  openStep(uri: vscode.Uri): number | undefined {
    const copy = this.copies.get(uri.toString());
    const open = vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    return open && copy?.state === 'following' ? copy.step : undefined;
  }

  /** The copy at `uri` now shows `step`, whose text (from the worker) is `body`: an open copy changes in place. */
  update(uri: vscode.Uri, step: number, body: string): void {
    this.set(uri, { body, step, state: 'following' });
  }

  /**
   * The run of the copy at `uri` has ended: the copy stays at its step, and its opening comment
   * says so. Nothing happens to a run that never had a copy.
   */
  retire(uri: vscode.Uri): void {
    const copy = this.copies.get(uri.toString());
    if (copy) this.set(uri, { ...copy, state: 'ended' });
  }

  /**
   * Step through: the copy at `uri` (named by `name`) at `step`, opened (or changed in place, if
   * it is open) and shown in `column` with its stepping panel; returns the document.
   */
  async show(uri: vscode.Uri, step: number, body: string, column: vscode.ViewColumn): Promise<vscode.TextDocument> {
    this.update(uri, step, body);
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

  private set(uri: vscode.Uri, copy: Copy): void {
    const key = uri.toString();
    const before = this.copies.get(key);
    if (before && before.body === copy.body && before.step === copy.step && before.state === copy.state) return;
    this.copies.set(key, copy);
    this.changed.fire(uri);
  }

  /** Drops the oldest texts of documents no longer open, beyond KEPT_CLOSED. */
  private forgetClosed(): void {
    const open = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === TRAINING_SCHEME).map((d) => d.uri.toString()));
    const closed = [...this.copies.keys()].filter((key) => !open.has(key));
    for (const key of closed.slice(0, Math.max(0, closed.length - KEPT_CLOSED))) this.copies.delete(key);
  }
}
