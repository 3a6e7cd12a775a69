import * as vscode from 'vscode';
import { NNET_LANGUAGE } from '../analysis/specAnalyses';
import type { Services } from '../services';
import { SpecCodeLensProvider } from './specCodeLensProvider';
import { SpecHoverProvider } from './specHoverProvider';
import { SpecInlayHintsProvider } from './specInlayHintsProvider';

/**
 * The editor features that answer "what is this number, and what is its gradient?" where it
 * stands: hovers, code lenses and inlay hints on `.nnet` specs. All three read the shared
 * analysis and stepping position from `services`; called once from activate() in main.ts.
 */
export function registerEditorFeatures(services: Services): vscode.Disposable {
  const selector: vscode.DocumentSelector = { language: NNET_LANGUAGE };
  const lenses = new SpecCodeLensProvider(services);
  const hints = new SpecInlayHintsProvider(services);
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(selector, new SpecHoverProvider(services)),
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerInlayHintsProvider(selector, hints),
    lenses,
    hints,
  );
}
