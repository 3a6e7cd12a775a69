import * as vscode from 'vscode';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import { toVscodeDiagnostic } from '../vscodeRanges';

/**
 * Feeds the Problems view from the shared analysis: the parser's diagnostics and the engine's
 * numeric failure (a warning on the layer where the first non-finite number appeared), each
 * with source "nnet" and its stable code. They follow typing at the analysis' debounce, and are
 * cleared when the spec closes or its file is deleted.
 */
/**
 * Read-only copies of a spec (the left side of a Git diff, say) are analysed for hovers but
 * would only repeat the real file's problems in the Problems view.
 */
const HIDDEN_SCHEMES: ReadonlySet<string> = new Set(['git', 'gitfs', 'vscode-scm', 'vscode-local-history', 'conflictResolution']);

export function registerSpecDiagnostics(analyses: SpecAnalyses): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('nnet');

  const refresh = (uri: vscode.Uri) => {
    const analysis = HIDDEN_SCHEMES.has(uri.scheme) ? undefined : analyses.getByUri(uri);
    if (analysis) collection.set(uri, analysis.problems.map(toVscodeDiagnostic));
    else collection.delete(uri);
  };

  /** Clears a deleted file, or every file under a deleted folder. */
  const deleted = (uri: vscode.Uri) => {
    const folder = uri.toString().replace(/\/?$/, '/');
    collection.forEach((each) => {
      if (each.toString() === uri.toString() || each.toString().startsWith(folder)) collection.delete(each);
    });
  };

  // Only `.nnet` files matter; the watcher exists only once a spec has activated the extension.
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.nnet', true, true, false);

  for (const document of analyses.documents) refresh(document.uri);
  return vscode.Disposable.from(
    collection,
    watcher,
    analyses.onDidChange(refresh),
    analyses.onDidClose((uri) => collection.delete(uri)),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach(deleted)),
    watcher.onDidDelete(deleted),
  );
}
