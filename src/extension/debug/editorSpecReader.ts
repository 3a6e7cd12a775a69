import * as vscode from 'vscode';
import type { AnalysedSpec } from '../../core/debug/loadedSpec';
import type { SpecEdit } from '../../core/debug/types';
import type { Disposable, SpecReader } from '../../debug/specReader';
import type { SpecAnalyses } from '../analysis/specAnalyses';
import { fileName } from '../panel/stepperPanel';
import { TRAINING_SCHEME } from '../training/steppedUri';
import { documentOfProgram, isProgramOf, uriOfProgram } from './debugConfiguration';

/**
 * The debug session's view of a spec inside VS Code: the live editor buffer (unsaved edits
 * included) rather than the file on disk, edits applied as one WorkspaceEdit that a single Undo
 * reverts, a change notice on every edit of that document, and each version's analysis from
 * the extension's own (a worker thread's, for a large spec): the session never runs the engine
 * on the editor's thread; and a notice on every new analysis, which a change of a data file the
 * spec reads also brings. The session names its spec by a file path or, for a document that is
 * no file (a training step's copy), by its URI (debugConfiguration.ts, programOf).
 */
export function editorSpecReader(analyses: SpecAnalyses): SpecReader {
  const documentFor = async (program: string): Promise<vscode.TextDocument> => documentOfProgram(program) ?? (await vscode.workspace.openTextDocument(uriOfProgram(program)));
  return {
    async read(program: string): Promise<string> {
      return (await documentFor(program)).getText();
    },
    async write(program: string, edit: SpecEdit): Promise<boolean> {
      const document = await documentFor(program);
      // The session turns this into setVariable's error message.
      if (document.uri.scheme === TRAINING_SCHEME) throw new Error(`${fileName(document.uri)} is a read-only copy of a training step: change the number in the spec it came from.`);
      const change = new vscode.WorkspaceEdit();
      const { start, end } = edit.range;
      change.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), edit.text);
      return vscode.workspace.applyEdit(change);
    },
    async analyse(program: string, text: string): Promise<AnalysedSpec | null> {
      const document = await documentFor(program);
      if (document.getText() !== text) return null;
      const analysis = await analyses.ready(document, new vscode.CancellationTokenSource().token);
      if (!analysis || analysis.version !== document.version) return null;
      const runnable = analysis.engine !== null && analysis.network !== null;
      return { text, problems: analysis.problems, source: analysis.source, network: runnable ? analysis.network : null, engine: runnable ? analysis.engine : null };
    },
    watch(program: string, onChange: () => void): Disposable {
      return vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && isProgramOf(program, event.document.uri)) onChange();
      });
    },
    // The extension re-analyses a spec when a data file it reads changes (on disk or in an
    // editor, dataDependencies.ts) and announces each new analysis; one that an edit of the spec
    // brought is announced too, and the session merges the two notices into one reload.
    watchData(program: string, onChange: () => void): Disposable {
      return analyses.onDidChange((uri) => {
        if (isProgramOf(program, uri)) onChange();
      });
    },
  };
}
