import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { MAX_DATA_FILE_BYTES } from '../../core/data/files';

/**
 * Which data files each spec reads (`data "iris.csv" …`), and the news that one of them changed.
 *
 * A spec is analysed again when a file it reads changes, in either of two places:
 * - on disk: one file system watcher per file (saved from any editor, rewritten by a script,
 *   created after the spec named it, deleted), shared by every spec that reads it;
 * - in an editor: a CSV open with unsaved edits. Its text is what the learner sees, so the
 *   analysis reads that text instead of the disk (`overlay`), and every edit counts as a change.
 *
 * Files are named by their absolute path, as the analysis worker's reader names them
 * (src/node/dataFiles.ts). Nothing here reads a file.
 */
export class DataDependencies implements vscode.Disposable {
  /** spec (URI string) → the data files it read in its latest analysis. */
  private readonly bySpec = new Map<string, ReadonlySet<string>>();
  /** data file → its watcher and the specs that read it. */
  private readonly byFile = new Map<string, { readonly watcher: vscode.Disposable; readonly specs: Set<string> }>();
  private readonly subscriptions: vscode.Disposable[];

  /** `changed` gets the specs that read a file that just changed (each spec once). */
  constructor(private readonly changed: (specs: readonly string[]) => void) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.touched(event.document.uri);
      }),
      // Closing an editor with unsaved edits gives the file on disk back its say.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.isDirty) this.touched(document.uri);
      }),
    ];
  }

  /** The files `spec` reads now; watchers start and stop to match. Returns whether the set changed. */
  set(spec: string, files: readonly string[]): boolean {
    const next = new Set(files);
    const before = this.bySpec.get(spec) ?? new Set<string>();
    if (before.size === next.size && [...next].every((file) => before.has(file))) return false;
    for (const file of before) if (!next.has(file)) this.release(spec, file);
    for (const file of next) if (!before.has(file)) this.hold(spec, file);
    if (next.size > 0) this.bySpec.set(spec, next);
    else this.bySpec.delete(spec);
    return true;
  }

  /** `spec` closed: it reads nothing any more. */
  delete(spec: string): void {
    this.set(spec, []);
  }

  /**
   * The text of every file `spec` reads that is open in an editor with unsaved edits, as
   * [absolute path, text] pairs for the worker. A text longer than the data file limit is left
   * out (the file on disk is read, and refused, instead), so it is never copied to the worker.
   */
  overlay(spec: string): [string, string][] {
    const files = this.bySpec.get(spec);
    if (!files) return [];
    const pairs: [string, string][] = [];
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== 'file' || !document.isDirty || !files.has(document.uri.fsPath)) continue;
      if (endOffset(document) > MAX_DATA_FILE_BYTES) continue;
      pairs.push([document.uri.fsPath, document.getText()]);
    }
    return pairs;
  }

  /** Whether some file `spec` reads is open in an editor with unsaved edits. */
  readsUnsaved(spec: string): boolean {
    const files = this.bySpec.get(spec);
    return files !== undefined && vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'file' && d.isDirty && files.has(d.uri.fsPath));
  }

  dispose(): void {
    for (const { watcher } of this.byFile.values()) watcher.dispose();
    this.byFile.clear();
    this.bySpec.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private touched(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const specs = this.byFile.get(uri.fsPath)?.specs;
    if (specs && specs.size > 0) this.changed([...specs]);
  }

  private hold(spec: string, file: string): void {
    let entry = this.byFile.get(file);
    if (!entry) {
      // One file, not a glob over the workspace: the file may be outside every workspace folder.
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dirname(file)), basename(file)));
      const onEvent = (uri: vscode.Uri) => this.touched(uri);
      entry = { watcher: vscode.Disposable.from(watcher, watcher.onDidChange(onEvent), watcher.onDidCreate(onEvent), watcher.onDidDelete(onEvent)), specs: new Set() };
      this.byFile.set(file, entry);
    }
    entry.specs.add(spec);
  }

  private release(spec: string, file: string): void {
    const entry = this.byFile.get(file);
    if (!entry) return;
    entry.specs.delete(spec);
    if (entry.specs.size > 0) return;
    entry.watcher.dispose();
    this.byFile.delete(file);
  }
}

/** The document's length in characters, from VS Code's line index (no text is built). */
function endOffset(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
