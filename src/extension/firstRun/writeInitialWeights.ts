/**
 * Backprop: Write Initial Weights: the weights and biases a spec leaves to its `seed` written
 * into it as explicit `w` and `b` lines, exactly the doubles the engine uses (each in its
 * shortest round-trip form), so the network computes the same bits before and after. The
 * lines are computed by the pure src/core/edit/initialWeights.ts and written as ONE edit by
 * Apply Gradient Step's machinery, so a single Undo takes them all back. The document is left
 * modified, not saved.
 */
import * as vscode from 'vscode';
import { hasErrors } from '../../core/diagnostics';
import { initialWeightEdits, MAX_WRITTEN_PARAMETERS } from '../../core/edit/initialWeights';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import type { Notices } from '../notices';
import { applySpecEdits } from '../panel/applyGradientStep';
import { fileName } from '../panel/stepperPanel';

/** Writes the seeded parameters into `document`; returns whether it changed (the person is told why not). */
export async function writeInitialWeights(document: vscode.TextDocument, analyses: SpecAnalyses, notices: Notices): Promise<boolean> {
  const name = fileName(document.uri);
  const refuse = (why: string) => {
    void notices.inform(`Write Initial Weights did not change ${name}: ${why}`);
    return false;
  };
  const version = document.version;
  // The analysis of this exact version, so its ranges are those of the text being edited.
  const analysis = await analyses.ready(document, new vscode.CancellationTokenSource().token);
  if (!analysis || analysis.version !== version || document.version !== version) return refuse('the spec changed while it was being read. Run it again.');
  if (!analysis.network || hasErrors(analysis.problems)) return refuse('it has errors. Fix them first (see the Problems panel).');
  const plan = initialWeightEdits(document.getText(), analysis.network, analysis.source);
  if (plan.kind === 'nothing-seeded') return refuse('every layer already writes its w and b, so nothing comes from the seed.');
  if (plan.kind === 'too-many') {
    return refuse(`it would write ${plan.count.toLocaleString('en-US')} numbers, more than the ${MAX_WRITTEN_PARAMETERS.toLocaleString('en-US')} this command writes; the seed keeps such a network short.`);
  }
  if (!(await applySpecEdits(document, plan.edits))) return refuse('VS Code refused the edit (the spec is read-only, or changed meanwhile).');
  const layers = plan.layers.map((l) => `${l}`).join(', ');
  notices.setStatus(`Wrote ${plan.count.toLocaleString('en-US')} initial parameters into ${name} (layer${plan.layers.length === 1 ? '' : 's'} ${layers}); Undo takes them back.`);
  return true;
}
