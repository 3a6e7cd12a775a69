/**
 * The gradient check's entry point: the `Backprop: Check Gradients` command and its panels (one
 * per spec, gradientCheckPanel.ts). Called once from activate() in src/extension/main.ts.
 *
 * The command acts on the spec named by its argument (a URI or its string), else the spec of the
 * focused gradient check panel, else the active `.nnet` editor. The current version's analysis
 * must have no errors and some training example; otherwise the person is told why and nothing
 * starts. It returns the panel (for the in-editor tests), or undefined when it did not start.
 */
import * as vscode from 'vscode';
import { activeSpecUri, specDocument } from '../specArgument';
import { Command } from '../commandIds';
import { fileName } from '../panel/stepperPanel';
import type { Services } from '../services';
import { nodeGradientWorker } from './gradientCheckClient';
import { GRADIENT_CHECK_VIEW_TYPE, GradientCheckPanel, gradientCheckPanelOptions } from './gradientCheckPanel';
import { whyUncheckable } from './worker/checkable';

export function registerGradientCheck(context: vscode.ExtensionContext, services: Services): vscode.Disposable {
  const { analyses, guard } = services;
  const panels = new Map<string, GradientCheckPanel>();
  const workerScript = context.asAbsolutePath('dist/gradientCheckWorker.js');
  const needs = { extensionUri: context.extensionUri, services, spawn: () => nodeGradientWorker(workerScript) };

  function panelOf(document: vscode.TextDocument): GradientCheckPanel {
    const key = document.uri.toString();
    const existing = panels.get(key);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const webviewPanel = vscode.window.createWebviewPanel(GRADIENT_CHECK_VIEW_TYPE, `Gradient check: ${fileName(document.uri)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, gradientCheckPanelOptions(context.extensionUri));
    const panel = new GradientCheckPanel(webviewPanel, document.uri, needs, () => {
      if (panels.get(key) === panel) panels.delete(key);
    });
    panels.set(key, panel);
    return panel;
  }

  async function check(argument: unknown): Promise<GradientCheckPanel | undefined> {
    const document = await specFor(argument);
    if (!document) {
      void vscode.window.showInformationMessage('Open a .nnet spec to check its gradients.');
      return undefined;
    }
    const analysis = await analyses.ready(document, new vscode.CancellationTokenSource().token);
    if (!analysis) return undefined;
    const why = analysis.skipped === 'internal-error' ? 'the extension could not analyse it (see the Backprop Stepper output)' : whyUncheckable(analysis.network, analysis.problems);
    if (why !== null) {
      void vscode.window.showWarningMessage(`Cannot check the gradients of ${fileName(document.uri)}: ${why}.`);
      return undefined;
    }
    const panel = panelOf(document);
    panel.check(document, analyses.dataContext(document));
    return panel;
  }

  const specFor = (argument: unknown) =>
    specDocument(argument, (uri) => analyses.documentFor(uri), [[...panels.values()].find((panel) => panel.panel.active)?.uri, activeSpecUri()]);


  return vscode.Disposable.from(
    { dispose: () => [...panels.values()].forEach((panel) => panel.dispose()) },
    vscode.commands.registerCommand(Command.checkGradients, (uri?: unknown) => guard.run('running Backprop: Check Gradients', () => undefined, () => check(uri))),
  );
}
