/**
 * One Check Gradients panel, tied to one spec: its webview page (gradientCheckHtml.ts, drawn by
 * webview/gradientCheck/) and the spec's current check, run in a worker thread
 * (gradientCheckClient.ts) with a progress notification and Cancel. The host computes nothing:
 * it passes on the worker's progress and report, and answers the page's `reveal` by selecting
 * the parameter's number in the spec.
 *
 * One check at a time, the newest: checking again ends the one before, worker and all. The
 * newest state is kept and sent again whenever the page says `ready` (VS Code discards a hidden
 * page). Message handling runs behind the error boundary (`guard`).
 */
import * as vscode from 'vscode';
import type { CheckReport } from '../../core/gradientCheck/report';
import { thousands } from '../../core/notation/count';
import { isGradientCheckMessage, type ExtensionToGradientCheck, type GradientCheckState, type GradientCheckToExtension } from '../../shared/gradientCheckMessages';
import type { DataContext, WireBug } from '../analysis/worker/wire';
import { Disposable } from '../dispose';
import { ProgressNotification } from '../progressNotification';
import type { Services } from '../services';
import { revealRange } from '../panel/describe';
import { BASE_CSS_FILE, makeNonce } from '../panel/panelHtml';
import { specEditorColumn } from '../panel/specHistory';
import { fileName } from '../panel/stepperPanel';
import { toVscodeRange } from '../vscodeRanges';
import { GradientCheckClient, type GradientWorkerThread } from './gradientCheckClient';
import { GRADIENT_CHECK_PAGE_FILES, gradientCheckHtml } from './gradientCheckHtml';

export const GRADIENT_CHECK_VIEW_TYPE = 'backpropStepper.gradientCheck';

export interface GradientCheckPanelServices {
  readonly extensionUri: vscode.Uri;
  readonly services: Services;
  /** Starts a gradient-check worker thread (dist/gradientCheckWorker.js). */
  spawn(): GradientWorkerThread;
}

export function gradientCheckPanelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

export class GradientCheckPanel extends Disposable {
  private state: GradientCheckState = { phase: 'checking', done: 0, planned: 0 };
  private client: GradientCheckClient | undefined;
  private closeNotification: (() => void) | undefined;
  private readonly postedEmitter = this.register(new vscode.EventEmitter<ExtensionToGradientCheck>());
  /** Every message posted to the page, for the in-editor tests. */
  readonly onDidPost = this.postedEmitter.event;
  private readonly endedEmitter = this.register(new vscode.EventEmitter<GradientCheckState>());
  /** The current check ended: finished, or stopped (cancelled, refused, failed). */
  readonly onDidEnd = this.endedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly needs: GradientCheckPanelServices,
    onDispose: () => void,
  ) {
    super();
    this.register({ dispose: onDispose });
    this.register(panel);
    panel.title = `Gradient check: ${fileName(uri)}`;
    panel.webview.options = gradientCheckPanelOptions(needs.extensionUri);
    panel.webview.html = this.html();
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => void this.handleMessage(message)));
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register({ dispose: () => this.endCheck() });
  }

  /** The newest state: checking, finished with its report, or stopped. */
  get current(): GradientCheckState {
    return this.state;
  }

  /** The finished check's report, if the newest check has finished. */
  get report(): CheckReport | undefined {
    return this.state.phase === 'finished' ? this.state.report : undefined;
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
  }

  /** Checks `document` as it is now, ending any check before (latest wins). `data` is where its data files are. */
  check(document: vscode.TextDocument, data: DataContext): void {
    if (this.isDisposed) return;
    this.endCheck();
    const name = fileName(this.uri);
    const { guard, log, settings } = this.needs.services;
    let client: GradientCheckClient | undefined;
    let total = 0;
    const notification = progressNotification(`Checking the gradients of ${name}`, () => {
      if (client && this.client === client) {
        this.endCheck();
        this.setState({ phase: 'stopped', message: 'Cancelled. Run Backprop: Check Gradients again to check.' });
      }
    });
    this.closeNotification = notification.close;
    const isCurrent = () => client !== undefined && this.client === client;
    const doing = (what: string) => `passing on the gradient check ${what} of ${this.uri}`;
    this.setState({ phase: 'checking', done: 0, planned: 0 });
    try {
      client = new GradientCheckClient(this.needs.spawn(), { text: document.getText(), data }, settings.current.weightOrder, {
        planned: guard.wrap(doing('plan'), () => undefined, (planned: number, all: number, sampled: boolean) => {
          if (!isCurrent()) return;
          total = planned;
          notification.report(0, planned, sampled ? ` (a sample of ${thousands(all)})` : '');
          this.setState({ phase: 'checking', done: 0, planned });
        }),
        progress: guard.wrap(doing('progress'), () => undefined, (done: number) => {
          if (!isCurrent()) return;
          notification.report(done, total, '');
          this.setState({ phase: 'checking', done, planned: total });
        }),
        finished: guard.wrap(doing('report'), () => undefined, (report: CheckReport) => {
          notification.close();
          if (isCurrent()) this.setState({ phase: 'finished', report });
        }),
        failed: guard.wrap(doing('failure'), () => undefined, (problem: { readonly refused: string } | { readonly bug: WireBug }) => {
          notification.close();
          if (!isCurrent()) return;
          if ('refused' in problem) {
            void vscode.window.showWarningMessage(`Cannot check the gradients of ${name}: ${problem.refused}.`);
            this.setState({ phase: 'stopped', message: `Cannot check the gradients: ${problem.refused}.` });
            return;
          }
          log.bug(`${problem.bug.what} (${this.uri})`, Object.assign(new Error(problem.bug.message), { stack: problem.bug.stack ?? problem.bug.message }));
          void vscode.window.showErrorMessage(`The gradient check of ${name} stopped: an internal error (see the Backprop Stepper output).`);
          this.setState({ phase: 'stopped', message: 'The check stopped on an internal error (see the Backprop Stepper output).' });
        }),
      });
    } catch (error) {
      notification.close();
      log.bug(`starting the gradient-check worker for ${this.uri}`, error);
      void vscode.window.showErrorMessage(`Backprop: Check Gradients could not start on ${name} (see the Backprop Stepper output).`);
      this.setState({ phase: 'stopped', message: 'The check could not start (see the Backprop Stepper output).' });
      return;
    }
    this.client = client;
  }

  /** Answers one message from the page (anything malformed is ignored); never rejects. Public so tests can act as the page. */
  handleMessage(message: unknown): Promise<void> {
    return this.needs.services.guard.run(
      () => `answering a message from the gradient check panel of ${this.uri}`,
      () => undefined,
      async () => (isGradientCheckMessage(message) ? this.receive(message) : undefined),
    );
  }

  private async receive(message: GradientCheckToExtension): Promise<void> {
    if (message.type === 'ready') {
      this.post();
      return;
    }
    await this.revealParameter(message.kind, message.layer, message.index);
  }

  /** Selects the parameter's number in the spec (or its layer's line when the spec leaves it to the seed). */
  private async revealParameter(kind: 'w' | 'b', layer: number, index: number): Promise<void> {
    const { analyses } = this.needs.services;
    const document = analyses.documentFor(this.uri) ?? (await vscode.workspace.openTextDocument(this.uri));
    const analysis = analyses.get(document);
    const size = analysis.network?.layers[layer]?.size;
    if (!analysis.network || size === undefined || layer === 0) return;
    const ref = kind === 'w' ? { kind, layer, k: Math.floor(index / size) + 1, j: (index % size) + 1 } : { kind, layer, k: 0, j: index + 1 };
    const range = revealRange(ref, analysis.source, null, analysis.network);
    if (!range) return;
    const selection = toVscodeRange(range);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: specEditorColumn(document, this.panel.viewColumn), preserveFocus: false, selection });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private setState(state: GradientCheckState): void {
    this.state = state;
    this.post();
    if (state.phase !== 'checking') this.endedEmitter.fire(state);
  }

  private post(): void {
    if (this.isDisposed) return;
    const message: ExtensionToGradientCheck = { type: 'state', fileName: fileName(this.uri), state: this.state };
    void this.panel.webview.postMessage(message);
    this.postedEmitter.fire(message);
  }

  /** Ends the current check: its worker is terminated, its notification closed. */
  private endCheck(): void {
    this.client?.cancel();
    this.client = undefined;
    this.closeNotification?.();
    this.closeNotification = undefined;
  }

  private html(): string {
    const webview = this.panel.webview;
    const asUri = (path: readonly string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.needs.extensionUri, ...path)).toString();
    return gradientCheckHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: asUri(GRADIENT_CHECK_PAGE_FILES.script),
      baseCssUri: asUri(BASE_CSS_FILE),
      cssUri: asUri(GRADIENT_CHECK_PAGE_FILES.css),
      title: `Gradient check: ${fileName(this.uri)}`,
    });
  }
}

/**
 * The check's progress notification, "Checking the gradients of xor.nnet — 120 of 393
 * parameters", with a bar and Cancel, from a moment into the check until `close`
 * (progressNotification.ts). `cancel` runs when Cancel is pressed.
 */
function progressNotification(title: string, cancel: () => void): { report(done: number, planned: number, note: string): void; close(): void } {
  const notification = new ProgressNotification(title, cancel);
  let note = '';
  return {
    report(done, planned, extra) {
      if (extra) note = extra;
      if (planned > 0) notification.report(`${thousands(done)} of ${thousands(planned)} parameters${note}`, done / planned);
    },
    close: () => notification.dispose(),
  };
}
