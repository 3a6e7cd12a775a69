/**
 * One Backprop Stepper panel, tied to one spec. It owns the webview's page and conversation:
 * waits for `ready`, then posts the view of the spec's current analysis and stepping position,
 * and answers the webview's requests (actions, step-to, reveal, describe).
 *
 * The webview is not kept alive while hidden (no retainContextWhenHidden): when it is shown
 * again its page reloads and posts `ready`, and it gets the current view. After a window
 * reload the serializer hands over the state the page saved, and the position is restored.
 *
 * Answering the page's messages and building the view run behind the error boundary
 * (`services.guard`, guard.ts): a bug is logged with its stack and that one answer or view is
 * skipped. The panel owns its webview panel and subscriptions through the Disposable base
 * (dispose.ts): closing the panel or disposing this object releases everything once.
 */
import * as vscode from 'vscode';
import { Command } from '../commandIds';
import { Disposable } from '../dispose';
import { isPanelMessage, type ExtensionToPanel, type PanelState, type PanelToExtension, type QuantityRef } from '../../shared/panelMessages';
import { toVscodeRange } from '../vscodeRanges';
import { describeQuantity, revealRange } from './describe';
import { BASE_CSS_FILE, makeNonce, panelHtml } from './panelHtml';
import type { PanelServices } from './services';
import { specEditorColumn } from './specHistory';
import { buildPanelMessage } from './viewMessage';

export const PANEL_VIEW_TYPE = 'backpropStepper.panel';

export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class StepperPanel extends Disposable {
  private ready = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private target: vscode.Uri,
    private readonly services: PanelServices,
    /** State saved by the page before a window reload, applied once at the first `ready`. */
    private restored: PanelState | null,
    /** Called once when the panel goes (closed by the person or disposed): the manager forgets it. */
    onDispose: () => void,
  ) {
    super();
    // Disposed last registered first: the subscriptions, then the webview panel, then the manager is told.
    this.register({ dispose: onDispose });
    this.register(panel);
    panel.webview.options = panelOptions(services.extensionUri);
    this.setTitle();
    panel.webview.html = this.html();
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => void this.handleMessage(message)));
    // A hidden webview's page is discarded; it posts `ready` again when shown.
    this.register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
    // Closed by the person: release the rest (disposing twice is harmless).
    this.register(panel.onDidDispose(() => this.dispose()));
  }

  get uri(): vscode.Uri {
    return this.target;
  }

  /** Whether the page has loaded and been sent its view (it loads again each time the panel is shown). */
  get pageReady(): boolean {
    return this.ready;
  }

  /** Points the panel at a renamed spec. */
  retarget(uri: vscode.Uri): void {
    this.target = uri;
    this.setTitle();
    this.update();
  }

  reveal(preserveFocus: boolean): void {
    this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, preserveFocus);
  }

  /**
   * Answers one message from the page (anything malformed is ignored); never rejects — a bug is
   * logged and the message goes unanswered. Public so the in-editor tests can act as the page
   * does, e.g. send the `undo` that Ctrl+Z in the panel sends.
   */
  handleMessage(message: unknown): Promise<void> {
    return this.services.guard.run(
      () => `answering the ${messageType(message)} message from the panel of ${this.target}`,
      noAnswer,
      () => (isPanelMessage(message) ? this.receive(message) : Promise.resolve()),
    );
  }

  /** Re-sends the view (the analysis, the position or a setting changed); a bug sends nothing and is logged. */
  update(): void {
    if (this.isDisposed || !this.ready) return;
    this.services.guard.run(`building the panel's view of ${this.target}`, noAnswer, () => this.postView());
  }

  private postView(): void {
    const document = this.services.analyses.documentFor(this.target);
    if (!document) return;
    const position = this.services.positions.get(document);
    this.post(
      buildPanelMessage({
        uri: this.target.toString(),
        fileName: fileName(this.target),
        analysis: this.services.analyses.get(document),
        position,
        digits: this.services.settings.current.significantDigits,
        weightOrder: this.services.settings.current.weightOrder,
        exercise: this.services.exercises.session(this.target),
      }),
    );
  }

  private post(message: ExtensionToPanel): void {
    void this.panel.webview.postMessage(message);
  }

  private setTitle(): void {
    this.panel.title = `Backprop · ${fileName(this.target)}`;
  }

  private html(): string {
    const webview = this.panel.webview;
    const asUri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.services.extensionUri, ...path)).toString();
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: asUri('dist', 'webview.js'),
      katexCssUri: asUri('dist', 'katex', 'katex.min.css'),
      baseCssUri: asUri(...BASE_CSS_FILE),
      panelCssUri: asUri('media', 'panel.css'),
      title: `Backprop · ${fileName(this.target)}`,
    });
  }

  private async receive(message: PanelToExtension): Promise<void> {
    const document = this.services.analyses.documentFor(this.target);
    if (message.type === 'ready') {
      this.ready = true;
      const state = this.restored;
      this.restored = null;
      if (document && state && state.uri === this.target.toString()) {
        this.services.positions.set(document, { example: state.example, step: state.step });
      }
      this.update();
      return;
    }
    if (!document) return;
    switch (message.type) {
      case 'action':
        await this.services.runAction(document, message.action);
        break;
      case 'stepTo':
        if (validRef(message.address)) this.services.positions.stepTo(document, message.address);
        break;
      case 'reveal':
        if (validRef(message.ref)) await this.revealQuantity(document, message.ref);
        break;
      case 'revealProblem': {
        const at = new vscode.Position(Math.max(0, message.line | 0), Math.max(0, message.character | 0));
        await this.showInEditor(document, new vscode.Range(at, at));
        break;
      }
      case 'describe':
        if (validRef(message.ref)) this.describe(document, message.ref);
        break;
      case 'exercise':
        await this.services.exercises.command(document, message.command, message.text);
        break;
      case 'export':
        await vscode.commands.executeCommand(Command.exportSolution, document.uri);
        break;
    }
  }

  private describe(document: vscode.TextDocument, ref: QuantityRef): void {
    const analysis = this.services.analyses.get(document);
    const position = this.services.positions.get(document);
    const trace = this.services.analyses.trace(document, position.example);
    if (!analysis.network || !trace) return;
    const digits = this.services.settings.current.significantDigits;
    this.post(describeQuantity(ref, analysis.version, analysis.network, analysis.source, trace, position.step, digits));
  }

  private async revealQuantity(document: vscode.TextDocument, ref: QuantityRef): Promise<void> {
    const analysis = this.services.analyses.get(document);
    if (!analysis.network) return;
    const trace = this.services.analyses.trace(document, this.services.positions.get(document).example);
    const range = revealRange(ref, analysis.source, trace, analysis.network);
    if (range) await this.showInEditor(document, toVscodeRange(range));
  }

  /** Selects `range` in the spec's editor, opening it in another column than the panel's. */
  private async showInEditor(document: vscode.TextDocument, range: vscode.Range): Promise<void> {
    const column = specEditorColumn(document, this.panel.viewColumn);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** The empty answer of a guarded handler: nothing is posted. */
function noAnswer(): void {}

/** The `type` of a message from the page, for the log; the message itself may be malformed. */
function messageType(message: unknown): string {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? JSON.stringify(type) : 'untyped';
}

/** Addresses from the page are input: whole, non-negative numbers only. */
function validRef(ref: { kind?: unknown; layer?: unknown; j?: unknown; k?: unknown } | null | undefined): boolean {
  return !!ref && typeof ref.kind === 'string' && [ref.layer, ref.j, ref.k].every((n) => Number.isInteger(n) && (n as number) >= 0);
}

/** The spec's file name, for titles and messages. */
export function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
