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
 */
import * as vscode from 'vscode';
import { isSpecDocument } from '../analysis/specAnalyses';
import { Command } from '../commandIds';
import { fileName } from '../panel/stepperPanel';
import type { Services } from '../services';
import { SteppedDocuments } from './steppedDocuments';
import { nodeWorkerThread } from './trainingClient';
import { TRAINING_VIEW_TYPE, TrainingPanel, trainingPanelOptions, type TrainingPanelServices } from './trainingPanel';
import { whyUntrainable } from './worker/trainable';

export interface TrainingApi {
  /** The Training panel of the spec at `uri`, if one is open. */
  panelFor(uri: vscode.Uri): TrainingPanel | undefined;
}

export function registerTraining(context: vscode.ExtensionContext, services: Services): TrainingApi {
  const { analyses, settings, guard, log } = services;
  const panels = new Map<string, TrainingPanel>();
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
    const panel = new TrainingPanel(webviewPanel, document.uri, panelServices, () => {
      if (panels.get(key) === panel) panels.delete(key);
    });
    panels.set(key, panel);
    return panel;
  }

  /** Train: returns the panel training the spec (for tests), or undefined when it cannot train (the person was told why). */
  async function train(argument: unknown): Promise<TrainingPanel | undefined> {
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
    const panel = panelOf(document);
    panel.train(document, analyses.dataContext(document));
    return panel;
  }

  async function specFor(argument: unknown): Promise<vscode.TextDocument | undefined> {
    const uri = argument instanceof vscode.Uri ? argument : typeof argument === 'string' ? parseUri(argument) : undefined;
    const focused = [...panels.values()].find((panel) => panel.panel.active)?.uri;
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? focused ?? (editor && isSpecDocument(editor.document) ? editor.document.uri : undefined);
    if (!target) return undefined;
    const open = analyses.documentFor(target);
    if (open) return open;
    try {
      const document = await vscode.workspace.openTextDocument(target);
      return isSpecDocument(document) ? document : undefined;
    } catch {
      return undefined;
    }
  }

  context.subscriptions.push(
    stepped,
    { dispose: () => [...panels.values()].forEach((panel) => panel.dispose()) },
    vscode.commands.registerCommand(Command.train, (uri?: unknown) => guard.run('running Backprop: Train', () => undefined, () => train(uri))),
  );
  return { panelFor: (uri) => panels.get(uri.toString()) };
}

function parseUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}
