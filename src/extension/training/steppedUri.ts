import * as vscode from 'vscode';

/**
 * The URIs of "Step through this step" documents: read-only copies of a spec with the parameters
 * after one step of a training run written in (steppedDocuments.ts provides their text), e.g.
 *
 *   backprop-training:/home/learner/xor (step 137).nnet?spec=file%3A%2F%2F%2Fhome%2Flearner%2Fxor.nnet&run=…&step=137
 *
 * - The path is the spec's own folder, so the tab reads `xor (step 137).nnet` and VS Code gives
 *   it the nnet language from its extension. Its name is not the spec's: the debugger and the
 *   stepping follow specs by their path (uri.fsPath), and a copy on the spec's very path would
 *   be mistaken for the spec (its debug session moved by the copy's stepping, say).
 * - `spec` is the spec it was trained from: data files are found from that spec's folder
 *   (analysis/specAnalyses.ts, specPathOf).
 * - `run` keeps two runs' copies of the same step apart: VS Code keeps a document per URI.
 */
export const TRAINING_SCHEME = 'backprop-training';

export function steppedUri(spec: vscode.Uri, run: string, step: number): vscode.Uri {
  const onDisk = spec.scheme === 'file' || spec.scheme === 'vscode-remote';
  const folder = onDisk ? spec.path.slice(0, spec.path.lastIndexOf('/')) : '';
  const query = new URLSearchParams({ spec: spec.toString(), run, step: String(step) }).toString();
  return vscode.Uri.from({ scheme: TRAINING_SCHEME, path: `${folder}/${steppedFileName(baseName(spec), step)}`, query });
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

/** The run and step a stepped document shows. */
export function steppedStepOf(uri: vscode.Uri): { run: string; step: number } | undefined {
  if (uri.scheme !== TRAINING_SCHEME) return undefined;
  const query = new URLSearchParams(uri.query);
  const step = Number(query.get('step'));
  const run = query.get('run');
  return run !== null && Number.isInteger(step) && step >= 0 ? { run, step } : undefined;
}

/** `xor.nnet` after 137 steps: `xor (step 137).nnet`; the extension is kept, so the copy is a spec too. */
export function steppedFileName(fileName: string, step: number): string {
  const stem = fileName.toLowerCase().endsWith('.nnet') ? fileName.slice(0, -'.nnet'.length) : fileName;
  return `${stem} (step ${step}).nnet`;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || 'spec.nnet';
}
