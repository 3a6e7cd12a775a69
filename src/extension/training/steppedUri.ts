import * as vscode from 'vscode';
import { steppedFileName } from './steppedNames';

/**
 * The URIs of "Step through this step" documents: read-only copies of a spec with the parameters
 * after some step of a training run written in (steppedDocuments.ts provides their text), e.g.
 *
 *   backprop-training:/home/learner/xor (training).nnet?spec=file%3A%2F%2F%2Fhome%2Flearner%2Fxor.nnet&run=…
 *
 * One copy per run, not per step: the copy follows the Training panel's scrubber, its text
 * changing to the step scrubbed to, so its stepping panel, debug session and stepping position
 * stay with it (VS Code keeps one document per URI). The step it shows is written in its text.
 *
 * - The path is the spec's own folder, so the tab reads `xor (training).nnet` and VS Code gives
 *   it the nnet language from its extension. Its name is not the spec's: a copy on the spec's very
 *   path could be taken for the spec by anything that goes by the path. A run whose copy would
 *   open beside an earlier run's gets the next `ordinal`: `xor (training 2).nnet`
 *   (steppedNames.ts).
 * - `spec` is the spec it was trained from: data files are found from that spec's folder
 *   (analysis/specAnalyses.ts, specPathOf).
 * - `run` keeps two runs' copies apart.
 */
export const TRAINING_SCHEME = 'backprop-training';

export function steppedUri(spec: vscode.Uri, run: string, ordinal = 1): vscode.Uri {
  const onDisk = spec.scheme === 'file' || spec.scheme === 'vscode-remote';
  const folder = onDisk ? spec.path.slice(0, spec.path.lastIndexOf('/')) : '';
  const query = new URLSearchParams({ spec: spec.toString(), run }).toString();
  return vscode.Uri.from({ scheme: TRAINING_SCHEME, path: `${folder}/${steppedFileName(baseName(spec), ordinal)}`, query });
}

/** The spec a stepped document was trained from; undefined for any other URI. */
export function steppedSpecOf(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme !== TRAINING_SCHEME) return undefined;
  const spec = new URLSearchParams(uri.query).get('spec');
  if (spec === null) return undefined;
  try {
    return vscode.Uri.parse(spec, true);
  } catch {
    return undefined;
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || 'spec.nnet';
}
