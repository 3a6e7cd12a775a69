import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { BackpropStepperApi } from '../../src/extension/main';

/** The repository's root (set by run.mjs; else found from out/vscode-test/). */
export const repoRoot = process.env.BACKPROP_STEPPER_ROOT ?? resolve(__dirname, '../..');

export function examplePath(name: string): string {
  return join(repoRoot, 'examples', name);
}

export const EXTENSION_ID = 'backprop-stepper.backprop-stepper';

/** Activates the extension (opening a spec already does) and returns what `activate` returned. */
export async function extensionApi(): Promise<BackpropStepperApi> {
  const extension = vscode.extensions.getExtension<BackpropStepperApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Polls `probe` until it returns something other than undefined or false. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** The names of document symbols, depth first, indented two spaces per level. */
export function symbolTree(symbols: readonly vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [`${'  '.repeat(depth)}${symbol.name}`, ...symbolTree(symbol.children, depth + 1)]);
}

/**
 * Closes every editor without a save prompt (a modal dialog would hang the run): dirty ones
 * are reverted first — tests edit temporary and untitled specs, and an export opens untitled
 * Markdown. A dirty document whose editor is not in front (behind a notebook or a preview, which
 * are no text editors) is brought forward to be reverted.
 */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
