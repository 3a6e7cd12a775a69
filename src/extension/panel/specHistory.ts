/**
 * Undo and redo of a spec's edits, asked for from its panel (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y
 * there). VS Code has no API to undo a TextDocument; its `undo` and `redo` commands act on the
 * focused editor. So the spec's editor is focused (opened beside the panel if it is not
 * visible), the command runs there — one step of the document's own undo stack, the same as
 * Ctrl+Z in the editor — and focus goes back to the panel, where the key was pressed.
 */
import * as vscode from 'vscode';

/** The panel to return focus to (StepperPanel provides both). */
export interface FocusReturn {
  readonly panel: vscode.WebviewPanel;
  reveal(preserveFocus: boolean): void;
}

/** Tries of the command while it changes nothing (see runHistoryCommand). */
const TRIES = 3;

export async function runHistoryCommand(document: vscode.TextDocument, command: 'undo' | 'redo', returnTo: FocusReturn | undefined): Promise<void> {
  const viewColumn = specEditorColumn(document, returnTo?.panel.viewColumn);
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    const version = document.version;
    await vscode.window.showTextDocument(document, { viewColumn, preserveFocus: false });
    await vscode.commands.executeCommand(command);
    // The keyboard focus can lag behind showTextDocument (most of all in a browser), and then the
    // command acted where the focus still was and left the spec as it was. Trying again cannot do
    // the step twice: it only runs while the spec's version has not moved.
    if (document.version !== version || attempt === TRIES) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  returnTo?.reveal(false);
}

/** The column of the spec's visible editor, else a column other than the panel's. */
export function specEditorColumn(document: vscode.TextDocument, panelColumn: vscode.ViewColumn | undefined): vscode.ViewColumn {
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  return visible?.viewColumn ?? (panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
}
