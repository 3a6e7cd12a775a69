/**
 * The specs a learner can start from, as they ship inside the installed extension: the
 * templates in media/templates/ and the examples in examples/ (both are in the .vsix, see
 * .vscodeignore). Both folders are listed when asked, never from a list in the code, so a new
 * `.nnet` file dropped into either appears in Backprop: New Network Spec with its own
 * description (its `network` name and the first sentence of its opening comment).
 *
 * Files are only read here; nothing in the extension's folder is ever written.
 */
import * as vscode from 'vscode';
import { specSummary } from '../../core/templates/summary';

export type CatalogKind = 'template' | 'example';

export interface CatalogEntry {
  readonly kind: CatalogKind;
  /** The file inside the installed extension. */
  readonly uri: vscode.Uri;
  /** Its name, `mazur.nnet`. */
  readonly fileName: string;
  /** The spec's `network` name, else its file name without `.nnet`. */
  readonly title: string;
  /** One sentence from its opening comment ('' without one). */
  readonly sentence: string;
  /** It reads a data file beside it, so an untitled copy could not find the file. */
  readonly readsFile: boolean;
  readonly text: string;
}

/** Where each kind lives, relative to the extension's folder. */
export const CATALOG_FOLDERS: Readonly<Record<CatalogKind, string>> = { template: 'media/templates', example: 'examples' };

/** Specs larger than this are left out of the list: the shipped ones are a few hundred bytes. */
const MAX_LISTED_BYTES = 256 * 1024;

/** Every template, then every example, each kind sorted by file name. */
export async function specCatalog(extensionUri: vscode.Uri): Promise<CatalogEntry[]> {
  const kinds: CatalogKind[] = ['template', 'example'];
  const lists = await Promise.all(kinds.map((kind) => entriesOf(extensionUri, kind)));
  return lists.flat();
}

/** The example named `fileName` (e.g. `mazur.nnet`) in the extension's examples/ folder. */
export function exampleUri(extensionUri: vscode.Uri, fileName: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, CATALOG_FOLDERS.example, fileName);
}

async function entriesOf(extensionUri: vscode.Uri, kind: CatalogKind): Promise<CatalogEntry[]> {
  const folder = vscode.Uri.joinPath(extensionUri, CATALOG_FOLDERS[kind]);
  let names: string[];
  try {
    names = (await vscode.workspace.fs.readDirectory(folder))
      .filter(([name, type]) => type === vscode.FileType.File && name.toLowerCase().endsWith('.nnet'))
      .map(([name]) => name)
      .sort((a, b) => a.localeCompare(b));
  } catch {
    return [];
  }
  const entries = await Promise.all(names.map((name) => entryOf(kind, vscode.Uri.joinPath(folder, name), name)));
  return entries.filter((entry): entry is CatalogEntry => entry !== null);
}

async function entryOf(kind: CatalogKind, uri: vscode.Uri, fileName: string): Promise<CatalogEntry | null> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_LISTED_BYTES) return null;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const summary = specSummary(text);
    return { kind, uri, fileName, title: summary.name ?? fileName.replace(/\.nnet$/i, ''), sentence: summary.sentence, readsFile: summary.readsFile, text };
  } catch {
    return null;
  }
}
