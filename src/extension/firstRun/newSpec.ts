/**
 * Backprop: New Network Spec…: a quick pick of the specs to start from — the templates
 * (media/templates/: the article's 2-2-2, XOR, a softmax classifier, a regression) and every
 * example shipped in examples/ — listed from their folders (specCatalog.ts).
 *
 * Choosing one opens it as a new untitled `.nnet` document: the learner's own copy, saved
 * wherever they choose, so nothing is ever written into the extension's folder. An example has
 * a second choice, its item button: open the shipped file itself, read-only. An example that
 * reads a data file beside it (iris.nnet reads iris.csv) opens read-only either way, since an
 * untitled copy has no folder in which to find that file.
 */
import * as vscode from 'vscode';
import { NNET_LANGUAGE } from '../analysis/specAnalyses';
import { specCatalog, type CatalogEntry } from './specCatalog';

export interface SpecPickItem extends vscode.QuickPickItem {
  /** Null on the separators. */
  readonly entry: CatalogEntry | null;
}

/** How a chosen spec opens. */
export type OpenMode = 'copy' | 'shipped';

/** The item button of an example: open the shipped file itself, read-only. */
export const OPEN_SHIPPED_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('lock'), tooltip: 'Open the shipped example itself, read-only' };

/**
 * Shows the quick pick and returns it (the in-editor tests choose through the workbench's own
 * accept command). A choice opens the spec and closes the list.
 */
export async function showNewSpecPick(extensionUri: vscode.Uri): Promise<vscode.QuickPick<SpecPickItem>> {
  const pick = vscode.window.createQuickPick<SpecPickItem>();
  pick.title = 'New Network Spec';
  pick.placeholder = 'Start from a template or a shipped example (type to filter)';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  pick.show();
  const entries = await specCatalog(extensionUri);
  pick.items = pickItems(entries);
  pick.busy = false;
  const choose = (entry: CatalogEntry | null, mode: OpenMode) => {
    if (!entry) return;
    pick.hide();
    void openCatalogEntry(entry, mode);
  };
  pick.onDidAccept(() => choose(pick.activeItems[0]?.entry ?? null, 'copy'));
  pick.onDidTriggerItemButton((event) => choose(event.item.entry, 'shipped'));
  pick.onDidHide(() => pick.dispose());
  return pick;
}

/** The templates under one separator, the examples under another. */
export function pickItems(entries: readonly CatalogEntry[]): SpecPickItem[] {
  const items: SpecPickItem[] = [];
  for (const [kind, heading] of [['template', 'Templates'], ['example', 'Examples shipped with the extension']] as const) {
    const ofKind = entries.filter((entry) => entry.kind === kind);
    if (ofKind.length === 0) continue;
    items.push({ label: heading, kind: vscode.QuickPickItemKind.Separator, entry: null });
    for (const entry of ofKind) {
      const readOnly = entry.kind === 'example' && entry.readsFile;
      items.push({
        label: entry.title,
        description: readOnly ? `${entry.fileName} · opens read-only: it reads a data file beside it` : entry.fileName,
        detail: entry.sentence || undefined,
        entry,
        ...(entry.kind === 'example' && !readOnly ? { buttons: [OPEN_SHIPPED_BUTTON] } : {}),
      });
    }
  }
  return items;
}

/**
 * Opens `entry`: as an untitled copy (`copy`, not for an example that reads a data file), or the
 * shipped file itself made read-only for this session (`shipped`). Returns the editor.
 */
export async function openCatalogEntry(entry: CatalogEntry, mode: OpenMode, column: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<vscode.TextEditor> {
  if (mode === 'copy' && !(entry.kind === 'example' && entry.readsFile)) {
    const document = await vscode.workspace.openTextDocument({ language: NNET_LANGUAGE, content: entry.text });
    return vscode.window.showTextDocument(document, { viewColumn: column });
  }
  return openShippedReadOnly(entry.uri, column);
}

/**
 * Opens a spec that ships inside the extension, marked read-only for the session, so that an
 * edit cannot be saved into the extension's folder (an update would replace it, and every
 * workspace shares it).
 */
export async function openShippedReadOnly(uri: vscode.Uri, column: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preview: false });
  await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
  return editor;
}
