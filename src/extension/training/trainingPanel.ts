/**
 * One Training panel, tied to one spec: the webview page (trainingHtml.ts, drawn by
 * webview/training/), its conversation (conversation.ts), and the spec's current training run in
 * a worker thread (trainingClient.ts). The host only passes messages on and writes edits: the
 * worker trains and draws, the page shows.
 *
 * One run at a time, the newest: starting another (Train again, or the page's retrain) ends the
 * one before, worker and all. A run's worker lives until the panel closes or the next run starts,
 * so a finished run's steps can be scrubbed, stepped through and applied; cancelling a run that
 * is still training ends its worker at once, and its history so far stays on the page.
 *
 * Step through opens the run's copy of the spec at a step (steppedDocuments.ts); while it is open,
 * the copy follows the scrubber (followingCopy.ts). When the run ends, its copy stays at its step
 * and says so; the next run's copy gets a name of its own while the old one is open.
 *
 * Message handling runs behind the error boundary (`guard`): a bug is logged and that one message
 * goes unanswered. The panel owns its webview panel, worker and subscriptions (dispose.ts).
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { Guard } from '../guard';
import type { Log } from '../log';
import type { Settings } from '../settings';
import type { DataContext } from '../analysis/worker/wire';
import { BASE_CSS_FILE, makeNonce } from '../panel/panelHtml';
import { specEditorColumn } from '../panel/specHistory';
import { fileName } from '../panel/stepperPanel';
import { isTrainingMessage, type ExtensionToTraining, type TrainingRun, type TrainingToExtension } from '../../shared/trainingMessages';
import { applyTrainedStep, type TrainedSpec } from './applyTrainedStep';
import { TrainingConversation } from './conversation';
import { FollowingCopy, type FollowedRun } from './followingCopy';
import type { SteppedDocuments } from './steppedDocuments';
import { TrainingClient, type TrainingListener, type WorkerThread } from './trainingClient';
import { TRAINING_PAGE_FILES, trainingHtml } from './trainingHtml';
import { TrainingNotification } from './trainingNotification';

/** Runs are numbered across panels, so that a page never mistakes one run for another. */
let runIds = 0;

export const TRAINING_VIEW_TYPE = 'backpropStepper.training';

export interface TrainingPanelServices {
  readonly extensionUri: vscode.Uri;
  readonly settings: Settings;
  readonly guard: Guard;
  readonly log: Log;
  readonly stepped: SteppedDocuments;
  /** Starts a training worker thread (dist/trainingWorker.js). */
  spawn(): WorkerThread;
  /** Trains the spec again, as the Train command does (the page's `retrain`). */
  retrain(uri: vscode.Uri): Promise<unknown>;
}

export function trainingPanelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')] };
}

interface Run {
  /** Unique across window reloads: it tells this run's reports and Step through copy from others'. */
  readonly id: string;
  /**
   * The URI of its Step through copy (steppedDocuments.ts), named when the run starts from the
   * spec's URI then: a rename of the spec later leaves the copy's name as it is.
   */
  readonly copy: vscode.Uri;
  /** What Apply writes into: the spec under its current URI (retarget). */
  trained: TrainedSpec;
  readonly client: TrainingClient;
  readonly notification: TrainingNotification;
}

export class TrainingPanel extends Disposable {
  private readonly conversation = new TrainingConversation((message) => this.post(message));
  private run: Run | undefined;
  /** The current run's Step through copy follows the scrubber. */
  private readonly copy: FollowingCopy;
  private readonly postedEmitter = this.register(new vscode.EventEmitter<ExtensionToTraining>());
  /**
   * Every message posted to the page, for the in-editor tests (nothing is kept here: a snapshot
   * of a big data set holds megabytes of points).
   */
  readonly onDidPost = this.postedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private specUri: vscode.Uri,
    private readonly services: TrainingPanelServices,
    onDispose: () => void,
  ) {
    super();
    // Disposed last registered first: the run and subscriptions, then the webview panel, then the manager is told.
    this.register({ dispose: onDispose });
    this.register(panel);
    this.copy = this.register(new FollowingCopy(services.stepped, services.guard));
    const uri = specUri;
    panel.title = `Training: ${fileName(uri)}`;
    panel.webview.options = trainingPanelOptions(services.extensionUri);
    panel.webview.html = this.html();
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => void this.handleMessage(message)));
    // A hidden webview's page is discarded; it posts `ready` again when shown.
    this.register(panel.onDidChangeViewState(() => (panel.visible ? undefined : this.conversation.pageGone())));
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register({ dispose: () => this.endRun() });
  }

  /** The spec's URI (it changes when the spec is renamed). */
  get uri(): vscode.Uri {
    return this.specUri;
  }

  /**
   * The spec was renamed or moved to `uri`: the panel, its run and its page go with it. Apply
   * writes into the spec under its new name; the run's Step through copy keeps its name.
   */
  retarget(uri: vscode.Uri): void {
    this.specUri = uri;
    this.panel.title = `Training: ${fileName(uri)}`;
    if (this.run) this.run.trained = { ...this.run.trained, uri };
    this.conversation.renamed(uri.toString(), fileName(uri));
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
  }

  /**
   * Trains `document` as it is now, ending any run before (latest wins). `data` is where its data
   * files are; `restored` says the panel was restored after a window reload (the page says so).
   */
  train(document: vscode.TextDocument, data: DataContext, restored = false): void {
    if (this.isDisposed) return;
    this.endRun();
    this.conversation.clear();
    const text = document.getText();
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const trained: TrainedSpec = { uri: this.uri, document, version: document.version, text };
    // Reports are this run's while it is current, or about to be (the client may fail as it starts).
    let client: TrainingClient | undefined;
    // Cancel in the notification cancels this run, whichever run is current by then.
    const notification = new TrainingNotification(`Training ${fileName(this.uri)}`, () => client?.cancel());
    try {
      client = new TrainingClient(this.services.spawn(), { text, data }, this.listener(() => (this.run ?? { id }).id === id, notification, restored));
    } catch (error) {
      notification.dispose();
      this.services.log.bug(`starting the training worker for ${this.uri}`, error);
      void vscode.window.showErrorMessage(`Backprop: Train could not start the training of ${fileName(this.uri)} (see the Backprop Stepper output).`);
      return;
    }
    this.run = { id, copy: this.services.stepped.name(this.uri, id), trained, client, notification };
  }

  /** The state of the current run, for tests: none, training, finished (its worker answering) or ended. */
  get runState(): 'none' | TrainingClient['state'] {
    return this.run?.client.state ?? 'none';
  }

  /** The parameters after `step` steps, from the run's worker (exactly the Trainer's parametersAt); null without a worker. For tests. */
  async parametersAt(step: number): Promise<{ w: Float64Array[]; b: Float64Array[]; step: number } | null> {
    const answer = (await this.run?.client.ask({ kind: 'parameters' }, step)) ?? null;
    return answer?.kind === 'parameters' ? { step: answer.step, w: answer.w, b: answer.b } : null;
  }

  /**
   * Answers one message from the page (anything malformed is ignored); never rejects. Public so
   * the in-editor tests can act as the page does.
   */
  handleMessage(message: unknown): Promise<void> {
    return this.services.guard.run(
      () => `answering a message from the Training panel of ${this.uri}`,
      () => undefined,
      async () => (isTrainingMessage(message) ? this.receive(message) : undefined),
    );
  }

  private async receive(message: TrainingToExtension): Promise<void> {
    const run = this.run;
    switch (message.type) {
      case 'ready':
        this.conversation.pageReady();
        return;
      case 'scrub':
        // A finished run's worker draws the step; a cancelled run has only its costs left.
        if (run && run.client.state !== 'ended') run.client.snapshot(message.step);
        else if (this.conversation.current) this.post(this.conversation.snapshotFromHistory(message.step));
        if (run) this.copy.scrubbed(followed(run), message.step);
        return;
      case 'stepThrough':
        await this.stepThrough(message.step);
        return;
      case 'apply':
        if (run) await applyTrainedStep(run.trained, (request, step) => run.client.ask(request, step), message.step, this.services.settings.current.applyDigits);
        else void vscode.window.showWarningMessage(`Apply did not change ${fileName(this.uri)}: there is no training run. Train first.`);
        return;
      case 'cancel':
        run?.client.cancel();
        return;
      case 'retrain':
        await this.services.retrain(this.uri);
        return;
    }
  }

  /**
   * Opens the run's copy of the spec at `step` steps, with its stepping panel, or takes the copy
   * there if it is open (steppedDocuments.ts).
   */
  private async stepThrough(step: number): Promise<vscode.TextDocument | undefined> {
    const run = this.run;
    this.copy.overtaken();
    const answer = run ? await run.client.ask({ kind: 'steppedText' }, step) : null;
    if (!run || answer === null) {
      void vscode.window.showWarningMessage(`Cannot step through step ${step}: the training run of ${fileName(this.uri)} is over (cancelled, or replaced by a newer one), so its parameters are gone. Train again.`);
      return undefined;
    }
    if (answer.kind !== 'steppedText') {
      if (answer.kind === 'refused') void vscode.window.showWarningMessage(`Cannot step through step ${step}: ${answer.message}.`);
      return undefined;
    }
    const column = specEditorColumn(run.trained.document, this.panel.viewColumn);
    return this.services.stepped.show(run.copy, answer.step, answer.text, column);
  }

  /**
   * What the run reports, passed to the page while it is still this panel's current run. Each
   * report runs behind the error boundary: it is called from the worker's message event, where an
   * exception would reach the extension host's own handler.
   */
  private listener(isCurrent: () => boolean, notification: TrainingNotification, restored: boolean): TrainingListener {
    const guard = this.services.guard;
    const listener = this.reports(isCurrent, notification, restored);
    const doing = (what: string) => `passing on the training ${what} of ${this.uri}`;
    return {
      started: guard.wrap(doing('start'), () => undefined, listener.started),
      progress: guard.wrap(doing('progress'), () => undefined, listener.progress),
      snapshot: guard.wrap(doing('snapshot'), () => undefined, listener.snapshot),
      finished: guard.wrap(doing('end'), () => undefined, listener.finished),
      failed: guard.wrap(doing('failure'), () => undefined, listener.failed),
    };
  }

  private reports(isCurrent: () => boolean, notification: TrainingNotification, restored: boolean): TrainingListener {
    const { conversation } = this;
    // Read when needed: the spec may be renamed while the run trains.
    const name = () => fileName(this.uri);
    return {
      started: (facts) => {
        if (!isCurrent()) return;
        notification.started(facts.steps);
        const run: TrainingRun = { type: 'run', id: ++runIds, uri: this.uri.toString(), fileName: name(), digits: this.services.settings.current.significantDigits, ...facts };
        conversation.started(restored ? { ...run, restored: true } : run);
      },
      progress: (progress) => {
        if (!isCurrent()) return;
        notification.report(progress.done);
        conversation.progress(progress);
      },
      snapshot: (snapshot) => {
        if (isCurrent()) conversation.snapshot(snapshot);
      },
      finished: (finished) => {
        notification.dispose();
        if (!isCurrent()) return;
        conversation.finished(finished);
        // Cancelled while training: the worker is gone, and with it every step's parameters.
        if (this.run?.client.state === 'ended') this.services.stepped.retire(this.run.copy);
      },
      failed: (problem) => {
        notification.dispose();
        if (!isCurrent()) return;
        if ('refused' in problem) {
          void vscode.window.showWarningMessage(`Cannot train ${name()}: ${problem.refused}.`);
          return;
        }
        const error = Object.assign(new Error(problem.bug.message), { stack: problem.bug.stack ?? problem.bug.message });
        this.services.log.bug(`${problem.bug.what} (${this.uri})`, error);
        void vscode.window.showErrorMessage(`The training of ${name()} stopped: an internal error (see the Backprop Stepper output).`);
        // The page hears that the run is over; what it has drawn so far stays.
        conversation.finished({ type: 'finished', done: conversation.done, outcome: 'cancelled', divergedAt: null, elapsedMs: 0 });
        if (this.run) this.services.stepped.retire(this.run.copy);
      },
    };
  }

  /** Ends the current run: its worker is terminated, its notification closed, its copy left at its step. */
  private endRun(): void {
    const run = this.run;
    if (!run) return;
    // A run still training ends as cancelled, so the page stops waiting for it (a newer run may be refused).
    run.client.cancel();
    this.run = undefined;
    run.client.dispose();
    run.notification.dispose();
    this.copy.overtaken();
    this.services.stepped.retire(run.copy);
  }

  /** The URI of the current run's Step through copy (open or not), for tests; undefined without a run. */
  get copyUri(): vscode.Uri | undefined {
    return this.run?.copy;
  }

  private post(message: ExtensionToTraining): void {
    // A panel being disposed (closed by the person, say) has no page left to post to.
    if (this.isDisposed) return;
    void this.panel.webview.postMessage(message);
    this.postedEmitter.fire(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const asUri = (path: readonly string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.services.extensionUri, ...path)).toString();
    return trainingHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: asUri(TRAINING_PAGE_FILES.script),
      baseCssUri: asUri(BASE_CSS_FILE),
      uplotCssUri: asUri(TRAINING_PAGE_FILES.uplotCss),
      trainingCssUri: asUri(TRAINING_PAGE_FILES.trainingCss),
      title: `Training: ${fileName(this.uri)}`,
    });
  }
}

/** A run as the following copy sees it. */
function followed(run: Run): FollowedRun {
  return { copy: run.copy, steppedText: (step) => run.client.ask({ kind: 'steppedText' }, step) };
}
