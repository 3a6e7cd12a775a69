/**
 * Apply Gradient Step in the editor: every weight and bias of the spec replaced by its value
 * after one step of gradient descent, as ONE WorkspaceEdit, so a single Undo reverts it. The
 * text edits themselves are computed by the pure src/core/edit/gradientStep.ts.
 */
import * as vscode from 'vscode';
import { gradientStepEdits } from '../../core/edit/gradientStep';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import { toVscodeRange } from '../vscodeRanges';

/** Applies the step to `document`; returns false (after telling the person why) when it cannot. */
export async function applyGradientStep(document: vscode.TextDocument, analyses: SpecAnalyses): Promise<boolean> {
  const analysis = analyses.get(document);
  if (!analysis.network || !analysis.engine) {
    void vscode.window.showWarningMessage('Apply Gradient Step needs a spec without errors and with at least one example.');
    return false;
  }
  if (analysis.engine.failure) {
    void vscode.window.showWarningMessage(`Apply Gradient Step would write non-finite numbers: ${analysis.engine.failure.message}`);
    return false;
  }
  // The analysis belongs to this exact version, so its ranges match the text being replaced.
  const edits = gradientStepEdits(document.getText(), analysis.network, analysis.source, analysis.engine.updated);
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toVscodeRange(e.range), e.newText);
  return vscode.workspace.applyEdit(edit);
}
