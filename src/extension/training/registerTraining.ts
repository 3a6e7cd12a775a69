/**
 * The training feature's entry point: the `Backprop: Train` command, the Training panels (one per
 * spec, trainingPanel.ts) and the Step through documents (steppedDocuments.ts). Called once from
 * activate() in src/extension/main.ts; what it returns is part of the extension's API, for the
 * in-editor tests.
 *
 * Train acts on the spec named by its argument (a URI or its string), else the spec of the
 * focused Training panel, else the active `.nnet` editor. The spec's analysis of its current
 * version must have no errors (and some example to train on); otherwise the person is told why
 * and nothing starts.
 *
 * A Training panel lives as long as its spec: closing or deleting the spec closes the panel and
 * ends its run; renaming or moving it (or a folder holding it) takes the panel and its run along,
 * retitled, as the stepping panel goes along. After a window reload VS Code restores
 * the panel (WebviewPanelSerializer, from the page's saved state: the spec's URI, the step the
 * scrubber rested on), and the spec is trained again as it is now: a run lives in its worker, and
 * keeping every step's parameters across a reload would cost far more than running it again,
 * which gives the same curves for an unchanged spec (the Trainer is deterministic). The page says
 * the run is a new one. A spec that is gone, or can no longer be trained, gets no panel back.
 */
import * as vscode from 'vscode';
import { activeSpecUri, specDocument } from '../specArgument';
import { Command } from '../commandIds';
import { restorableSpec, specFileEvents } from '../panel/panelManager';
import { SpecPanels } from '../panel/specPanels';
import { fileName } from '../panel/stepperPanel';
import type { Services } from '../services';
import { SteppedDocuments } from './steppedDocuments';
import { nodeWorkerThread } from './trainingClient';
import { TRAINING_VIEW_TYPE, TrainingPanel, trainingPanelOptions, type TrainingPanelServices } from './trainingPanel';
import { whyUntrainable } from './worker/trainable';

export interface TrainingApi {
  /** The Training panel of the spec at `uri`, if one is open. */
  panelFor(uri: vscode.Uri): TrainingPanel | undefined;
  /** What the serializer does with a Training panel VS Code restores after a reload, for tests; resolves once it trains (or was closed). */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<TrainingPanel | undefined>;
}

export function registerTraining(context: vscode.ExtensionContext, services: Services): TrainingApi {
  const { analyses, settings, guard, log } = services;
  // The spec's life: its panel goes with its document, and with its file, and moves with its name.
  const panels = new SpecPanels<TrainingPanel>({ ...specFileEvents(), onDidClose: analyses.onDidClose }, { moved: (panel, target) => panel.retarget(target) });
  const stepped = new SteppedDocuments();
  const workerScript = context.asAbsolutePath('dist/trainingWorker.js');
  const panelServices: TrainingPanelServices = {
    extensionUri: context.extensionUri,
    settings,
    guard,
    log,
    stepped,
    spawn: () => nodeWorkerThread(workerScript),
    retrain: (uri) => train(uri),
  };

  /** Opens (or reveals) the Training panel of `document`. */
  function panelOf(document: vscode.TextDocument): TrainingPanel {
    const key = document.uri.toString();
    const existing = panels.get(key);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const webviewPanel = vscode.window.createWebviewPanel(TRAINING_VIEW_TYPE, `Training: ${fileName(document.uri)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, trainingPanelOptions(context.extensionUri));
    return adopt(webviewPanel, document.uri);
  }

  /** Makes `webviewPanel` (new, or restored by VS Code) the Training panel of the spec at `uri`. */
  function adopt(webviewPanel: vscode.WebviewPanel, uri: vscode.Uri): TrainingPanel {
    // Forgotten under whatever URI it has when it goes: a rename moves it to another key.
    const panel = new TrainingPanel(webviewPanel, uri, panelServices, () => panels.remove(panel.uri, panel));
    panels.add(uri, panel);
    return panel;
  }

  /**
   * A panel VS Code restores after a reload: its page's state names the spec. The state is the
   * page's to write, so it is input like any other: only a `.nnet` spec in a place specs live is
   * reopened (restorableSpec, as for the stepping panel), and only if it has no panel already.
   */
  async function restore(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<TrainingPanel | undefined> {
    const named = typeof state === 'object' && state !== null ? (state as { uri?: unknown }).uri : undefined;
    const uri = typeof named === 'string' ? restorableSpec(named) : null;
    const document = uri === null || panels.has(uri) ? undefined : await specFor(uri);
    if (!document || panels.has(document.uri)) {
      webviewPanel.dispose(); // gone, not a spec, or a second panel of one spec: quietly
      return undefined;
    }
    const panel = adopt(webviewPanel, document.uri);
    const trained = await train(document.uri, panel);
    if (!trained) panel.dispose(); // it cannot train now; the person was told why
    return trained;
  }

  /**
   * Train: returns the panel training the spec (for tests), or undefined when it cannot train (the
   * person was told why). `restored` is a panel VS Code restored after a reload, to train in.
   */
  async function train(argument: unknown, restored?: TrainingPanel): Promise<TrainingPanel | undefined> {
    const document = await specFor(argument);
    if (!document) {
      void vscode.window.showInformationMessage('Open a .nnet spec to train its network.');
      return undefined;
    }
    // The current version's analysis: for a large spec the analysis worker's, waited for.
    const analysis = await analyses.ready(document, new vscode.CancellationTokenSource().token);
    if (!analysis) return undefined;
    const why = analysis.skipped === 'internal-error' ? 'the extension could not analyse it (see the Backprop Stepper output)' : whyUntrainable(analysis.network, analysis.problems);
    if (why !== null) {
      void vscode.window.showWarningMessage(`Cannot train ${fileName(document.uri)}: ${why}.`);
      return undefined;
    }
    const panel = restored ?? panelOf(document);
    panel.train(document, analyses.dataContext(document), restored !== undefined);
    return panel;
  }

  const specFor = (argument: unknown) =>
    specDocument(argument, (uri) => analyses.documentFor(uri), [panels.values().find((panel) => panel.panel.active)?.uri, activeSpecUri()]);

  context.subscriptions.push(
    stepped,
    { dispose: () => panels.disposeAll() },
    panels,
    vscode.commands.registerCommand(Command.train, (uri?: unknown) => guard.run('running Backprop: Train', () => undefined, () => train(uri))),
    vscode.window.registerWebviewPanelSerializer(TRAINING_VIEW_TYPE, {
      deserializeWebviewPanel: guard.wrap(
        'restoring a Training panel after a window reload',
        (panel) => panel.dispose(),
        async (panel: vscode.WebviewPanel, state: unknown) => void (await restore(panel, state)),
      ),
    }),
  );
  return { panelFor: (uri) => panels.get(uri), restore: (panel, state) => restore(panel, state) };
}
