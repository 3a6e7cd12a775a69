import * as vscode from 'vscode';
import type { SpecEdit } from '../../core/debug/types';
import type { Disposable, SpecReader } from '../../debug/specReader';

/**
 * The debug session's view of a spec inside VS Code: the live editor buffer (unsaved edits
 * included) rather than the file on disk, edits applied as one WorkspaceEdit that a single Undo
 * reverts, and a change notice on every edit of that document.
 */
export function editorSpecReader(): SpecReader {
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
    watch(path: string, onChange: () => void): Disposable {
      return vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.fsPath === path && event.contentChanges.length > 0) onChange();
      });
    },
  };
}
