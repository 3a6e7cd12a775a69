import * as vscode from 'vscode';
import { isSpecDocument } from './analysis/specAnalyses';

/**
 * Which spec a command acts on. A command receives its spec as an argument when a lens, a menu,
 * a panel or a test names one (a Uri, or a Uri's string); invoked from the palette it has none
 * and falls back, in order, on the specs the caller lists (the focused panel's, the active
 * editor's, …). Every command that takes a spec resolves it here, so they all agree.
 */

/** The argument as a Uri, or undefined when it is none (a string that does not parse included). */
export function uriArgument(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (typeof argument !== 'string') return undefined;
  try {
    return vscode.Uri.parse(argument, true);
  } catch {
    return undefined;
  }
}

/** The active editor's document when it is a `.nnet` spec. */
export function activeSpecUri(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isSpecDocument(editor.document) ? editor.document.uri : undefined;
}

/**
 * The spec the argument names, opened when it is not open yet; without an argument, the first
 * fallback that is an open spec (`documentFor`: the analyses' open specs). Undefined when none is.
 */
export async function specDocument(
  argument: unknown,
  documentFor: (uri: vscode.Uri) => vscode.TextDocument | undefined,
  fallbacks: readonly (vscode.Uri | undefined)[],
): Promise<vscode.TextDocument | undefined> {
  const uri = uriArgument(argument);
  if (uri === undefined) {
    for (const candidate of fallbacks) {
      const document = candidate && documentFor(candidate);
      if (document) return document;
    }
    return undefined;
  }
  const open = documentFor(uri);
  if (open) return open;
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    return isSpecDocument(document) ? document : undefined;
  } catch {
    return undefined;
  }
}
