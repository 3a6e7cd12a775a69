import * as vscode from 'vscode';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import { toVscodeDiagnostic, toVscodeRange } from '../vscodeRanges';

/**
 * Shows the problems found inside the data files specs read (`data "iris.csv" …`) on those
 * files, in the Problems view and under the CSV's own text: a ragged row on its row, a bad cell
 * on its cell. Each one links back to the spec's `data` line that read the file (related
 * information), and the spec itself carries one summary error on that line (the parser's
 * `data-file-problems`), so the problem is found from either side.
 *
 * Several specs may read one file: its problems are the union of theirs, each found once per
 * spec (two specs choosing different columns can disagree about a cell). A file's problems
 * leave with the last spec that reported them, when it closes or stops reading the file.
 */
export function registerDataFileDiagnostics(analyses: SpecAnalyses): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('nnet-data');
  /** spec (URI string) → data file (absolute path) → its problems as that spec found them. */
  const bySpec = new Map<string, Map<string, vscode.Diagnostic[]>>();

  const publish = (file: string) => {
    const all: vscode.Diagnostic[] = [];
    for (const files of bySpec.values()) all.push(...(files.get(file) ?? []));
    const uri = vscode.Uri.file(file);
    if (all.length > 0) collection.set(uri, all);
    else collection.delete(uri);
  };

  const replace = (spec: string, next: Map<string, vscode.Diagnostic[]>) => {
    const before = bySpec.get(spec);
    if (next.size > 0) bySpec.set(spec, next);
    else bySpec.delete(spec);
    for (const file of new Set([...(before?.keys() ?? []), ...next.keys()])) publish(file);
  };

  const refresh = (uri: vscode.Uri) => {
    const spec = uri.toString();
    const analysis = analyses.getByUri(uri);
    const next = new Map<string, vscode.Diagnostic[]>();
    // A pending analysis has read nothing yet: keep what the previous one found meanwhile.
    if (analysis?.skipped === 'pending') return;
    for (const file of analysis?.files ?? []) {
      if (file.id === null || file.diagnostics.length === 0) continue;
      const readBy = new vscode.Location(uri, toVscodeRange(file.line));
      const diagnostics = file.diagnostics.map((problem) => {
        const diagnostic = toVscodeDiagnostic(problem);
        diagnostic.relatedInformation = [new vscode.DiagnosticRelatedInformation(readBy, `read by this \`data\` line of ${baseName(uri)}`)];
        return diagnostic;
      });
      next.set(file.id, [...(next.get(file.id) ?? []), ...diagnostics]);
    }
    replace(spec, next);
  };

  for (const document of analyses.documents) refresh(document.uri);
  return vscode.Disposable.from(
    collection,
    analyses.onDidChange(refresh),
    analyses.onDidClose((uri) => replace(uri.toString(), new Map())),
  );
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
