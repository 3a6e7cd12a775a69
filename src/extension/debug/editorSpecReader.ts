import * as vscode from 'vscode';
import type { AnalysedSpec } from '../../core/debug/loadedSpec';
import type { SpecEdit } from '../../core/debug/types';
import type { Disposable, SpecReader } from '../../debug/specReader';
import type { SpecAnalyses } from '../analysis/specAnalyses';

/**
 * The debug session's view of a spec inside VS Code: the live editor buffer (unsaved edits
 * included) rather than the file on disk, edits applied as one WorkspaceEdit that a single Undo
 * reverts, a change notice on every edit of that document, and each version's analysis from
 * the extension's own (a worker thread's, for a large spec): the session never runs the engine
 * on the editor's thread.
 */
export function editorSpecReader(analyses: SpecAnalyses): SpecReader {
  const documentFor = async (path: string): Promise<vscode.TextDocument> =>
    vscode.workspace.textDocuments.find((d) => d.uri.fsPath === path) ?? (await vscode.workspace.openTextDocument(vscode.Uri.file(path)));
  return {
    async read(path: string): Promise<string> {
      return (await documentFor(path)).getText();
    },
    async write(path: string, edit: SpecEdit): Promise<boolean> {
      const document = await documentFor(path);
      const change = new vscode.WorkspaceEdit();
      const { start, end } = edit.range;
      change.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), edit.text);
      return vscode.workspace.applyEdit(change);
    },
    async analyse(path: string, text: string): Promise<AnalysedSpec | null> {
      const document = await documentFor(path);
      if (document.getText() !== text) return null;
      const analysis = await analyses.ready(document, new vscode.CancellationTokenSource().token);
      if (!analysis || analysis.version !== document.version) return null;
      const runnable = analysis.engine !== null && analysis.network !== null;
      return { text, problems: analysis.problems, source: analysis.source, network: runnable ? analysis.network : null, engine: runnable ? analysis.engine : null };
    },
    watch(path: string, onChange: () => void): Disposable {
      return vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.fsPath === path && event.contentChanges.length > 0) onChange();
      });
    },
  };
}
