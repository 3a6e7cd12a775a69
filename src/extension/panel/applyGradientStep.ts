/**
 * Apply Gradient Step in the editor: every weight and bias of the spec replaced by its value
 * after one step of gradient descent, as ONE edit, so a single Undo reverts it. The
 * text edits themselves are computed by the pure src/core/edit/gradientStep.ts, each number
 * rounded to `applyDigits` significant digits (the `backpropStepper.applyDigits` setting).
 *
 * The document is left modified and never saved here: saving is the person's decision (or
 * their own `files.autoSave`), and an unsaved step is one Undo away from the spec as it was.
 */
import * as vscode from 'vscode';
import { gradientStepEdits, type TextEdit } from '../../core/edit/gradientStep';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import { toVscodeRange } from '../vscodeRanges';
import { fileName } from './stepperPanel';

/** Applies the step to `document`; returns false (after telling the person why) when it cannot. */
export async function applyGradientStep(document: vscode.TextDocument, analyses: SpecAnalyses, applyDigits: number): Promise<boolean> {
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
  const edits = gradientStepEdits(document.getText(), analysis.network, analysis.source, analysis.engine.updated, { digits: applyDigits });
  const applied = await applySpecEdits(document, edits);
  // VS Code refuses an edit made for a version the document has already left (an edit typed in
  // between, a file changed on disk); nothing was written, so say so rather than stay silent.
  if (!applied) void vscode.window.showWarningMessage(`Apply Gradient Step did not change ${fileName(document.uri)}: the spec changed while the step was being written. Run it again.`);
  return applied;
}

/**
 * Writes `edits` (made for the document's current text) into it as ONE edit, so one Undo reverts
 * them all; also used by the Training panel's Apply (training/applyTrainedStep.ts). Returns
 * whether VS Code applied it.
 */
export async function applySpecEdits(document: vscode.TextDocument, edits: readonly TextEdit[]): Promise<boolean> {
  // Through a visible editor when there is one, with undo stops on both sides: a WorkspaceEdit
  // made right after typing joins the typing's undo step, and one Undo would then take back
  // the person's last words together with the gradient step.
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  if (editor) {
    return editor.edit((builder) => {
      for (const e of edits) builder.replace(toVscodeRange(e.range), e.newText);
    }, { undoStopBefore: true, undoStopAfter: true });
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toVscodeRange(e.range), e.newText);
  return vscode.workspace.applyEdit(edit);
}
