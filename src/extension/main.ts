import type * as vscode from 'vscode';
import { coreToolchain } from './analysis/coreToolchain';
import { WorkerPool } from './analysis/worker/workerPool';
import { registerDebugger } from './debug/registerDebugger';
import { registerDataFileDiagnostics } from './diagnostics/dataFileDiagnostics';
import { registerQuickFixes } from './diagnostics/quickFixes';
import { registerSpecDiagnostics } from './diagnostics/specDiagnostics';
import { registerEditorFeatures } from './editor/registerEditorFeatures';
import { registerGradientCheck } from './gradientCheck/registerGradientCheck';
import { registerFirstRun } from './firstRun/registerFirstRun';
import { registerExports } from './export/registerExports';
import { registerOutline } from './outline/symbols';
import { registerPanelFeature } from './panel/commands';
import type { PanelManager } from './panel/panelManager';
import { createServices, type Services } from './services';
import { registerTraining, type TrainingApi } from './training/registerTraining';

/**
 * What `activate` returns, reachable as `vscode.extensions.getExtension(id).exports`: the shared
 * services, the panels and the Training panels, for the in-editor tests and for anything that
 * drives the extension from outside.
 */
export type BackpropStepperApi = Services & { readonly panels: PanelManager; readonly training: TrainingApi };

/**
 * Runs when the first `.nnet` document opens (activationEvents: onLanguage:nnet) or one of the
 * extension's commands is invoked. Start-up only wires services and registers providers: no
 * spec is parsed until a `.nnet` document is seen, and none is re-analysed until it changes.
 *
 * Each feature is one `register…(services)` call returning a Disposable; new features (the
 * panel, hovers, code lenses, inlay hints, commands) add their line here.
 */
export function activate(context: vscode.ExtensionContext): BackpropStepperApi {
  // Specs too large to analyse on this thread go to worker threads (dist/analysisWorker.js).
  const workers = new WorkerPool(context.asAbsolutePath('dist/analysisWorker.js'));
  context.subscriptions.push(workers);
  const services = createServices(coreToolchain, workers, context.subscriptions);
  const { analyses, guard } = services;
  context.subscriptions.push(registerSpecDiagnostics(analyses), registerDataFileDiagnostics(analyses), registerQuickFixes(analyses, guard, services.settings), registerOutline(analyses, guard));
  const panels = registerPanelFeature(context, services);
  context.subscriptions.push(registerEditorFeatures(services), registerDebugger(services));
  // Training runs in worker threads of its own (dist/trainingWorker.js), one per run.
  const training = registerTraining(context, services);
  // Gradient checks run in worker threads of their own too (dist/gradientCheckWorker.js).
  context.subscriptions.push(registerGradientCheck(context, services));
  // New Network Spec, Write Initial Weights and the Get Started walkthrough's buttons.
  context.subscriptions.push(registerFirstRun(context, services));
  // Export Worked Solution… and Export Exercise Sheet… (Markdown, LaTeX, notebooks).
  context.subscriptions.push(registerExports(services));
  return { ...services, panels, training };
}

/** Everything is disposed through context.subscriptions. */
export function deactivate(): void {}
