import * as vscode from 'vscode';
import { applySpecEdits } from '../panel/applyGradientStep';
import { fileName } from '../panel/stepperPanel';
import { TRAINING_SCHEME } from './steppedUri';
import type { AnswerKind, WorkerAnswer } from './worker/trainingWire';

/**
 * The Training panel's "Apply these parameters": the weights and biases after step t of the run
 * written into the spec as ONE edit, the way Apply Gradient Step writes one step (only the
 * numbers change, each rounded to the `applyDigits` setting; see core/edit/gradientStep.ts), so
 * one Undo takes it back. The training worker computes the edits; they are written here.
 *
 * The edits are made for the text that was trained, so the spec must still be that text: the
 * same version of the same document, or (closed and reopened, or edited and undone since) the
 * same text. Otherwise nothing is written and the person is told why.
 */
export interface TrainedSpec {
  readonly uri: vscode.Uri;
  /** The document and version that were trained, and their text. */
  readonly document: vscode.TextDocument;
  readonly version: number;
  readonly text: string;
}

export type AskWorker = (request: AnswerKind, step: number) => Promise<WorkerAnswer | null>;

/** Applies step `step`'s parameters; returns false (after telling the person why) when it cannot. */
export async function applyTrainedStep(trained: TrainedSpec, ask: AskWorker, step: number, digits: number): Promise<boolean> {
  const name = fileName(trained.uri);
  const refuse = (why: string) => (void vscode.window.showWarningMessage(`Apply did not change ${name}: ${why}`), false);
  // A run trained on a step's copy (steppedUri.ts): the copy is read-only.
  if (trained.uri.scheme === TRAINING_SCHEME) return refuse('it is a read-only copy of a training step. Apply a step to the spec it came from.');
  const changed = `${name} has changed since the training started, so these parameters no longer fit it. Train again to apply a step of the spec as it is now.`;
  if ((await currentDocument(trained)) === undefined) return refuse(changed);
  const answer = await ask({ kind: 'edits', digits }, step);
  if (answer === null) return refuse('the training run is over (cancelled, or replaced by a newer one), so its parameters are gone. Train again.');
  if (answer.kind === 'refused') return refuse(answer.message + '.');
  if (answer.kind !== 'edits') return false;
  // Checked again: the spec may have changed while the worker computed the edits. No await from
  // here to the edit, so the edit is made for exactly the text checked.
  const document = await currentDocument(trained);
  if (document === undefined) return refuse(changed);
  const applied = await applySpecEdits(document, answer.edits);
  // VS Code refuses an edit made for a version the document has already left.
  if (!applied) return refuse('the spec changed while the parameters were being written. Apply again.');
  return true;
}

/** The spec's document if its text is still the one trained; undefined otherwise. */
async function currentDocument(trained: TrainedSpec): Promise<vscode.TextDocument | undefined> {
  if (!trained.document.isClosed && trained.document.version === trained.version) return trained.document;
  let document: vscode.TextDocument;
  try {
    document = trained.document.isClosed ? await vscode.workspace.openTextDocument(trained.uri) : trained.document;
  } catch {
    return undefined;
  }
  return document.getText() === trained.text ? document : undefined;
}
