/// <reference types="mocha" />
/**
 * *Backprop: Export Worked Solution…* and *Backprop: Export Exercise Sheet…* in a real VS Code, on
 * examples/mazur.nnet, with the choices passed to the commands in place of the quick picks and
 * dialogs: Markdown opens as an untitled document with VS Code's Markdown preview beside it; a
 * LaTeX document and a notebook are written where asked (up to the stepping position when asked)
 * and opened; the exercise sheet and its answer key are written to a folder. The spec itself is
 * never written.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/commandIds';
import type { ExportOutcome } from '../../src/extension/export/registerExports';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

/** The tab of VS Code's Markdown preview, once one is open. */
function markdownPreviewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'));
}

suite('Backprop: Export', () => {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-export-'));

  suiteTeardown(async () => {
    await closeAllEditors();
    rmSync(folder, { recursive: true, force: true });
    // Stepping positions outlive the editors: leave mazur.nnet where a suite that opens it next expects it.
    (await extensionApi()).positions.set(await vscode.workspace.openTextDocument(examplePath('mazur.nnet')), { example: 0, step: 0 });
  });

  test('exports Markdown beside the spec with its preview', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(examplePath('mazur.nnet'));
    await vscode.window.showTextDocument(document);
    const original = document.getText();
    await waitFor('the analysis', () => api.analyses.get(document).engine !== null);

    const outcome = await vscode.commands.executeCommand<ExportOutcome | undefined>(Command.exportSolution, document.uri, { format: 'markdown', scope: 'whole' });
    assert.ok(outcome, 'the command returns what it opened');
    const markdown = vscode.workspace.textDocuments.find((d) => d.uri.toString() === outcome.uris[0]);
    assert.ok(markdown, 'the Markdown is an open document');
    assert.equal(markdown.uri.scheme, 'untitled');
    assert.equal(markdown.languageId, 'markdown');
    assert.match(markdown.getText(), /^# Backpropagation, step by step: Step\\-by\\-step backpropagation/);
    assert.ok(markdown.getText().includes('= 0.138499$$'), 'δ⁽²⁾₁ at the default six digits');
    await waitFor('the Markdown preview', () => markdownPreviewTab());
    assert.equal(document.getText(), original, 'the spec is not written');
    assert.equal(document.isDirty, false);
  });

  test('writes a LaTeX document up to the stepping position where asked', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(examplePath('mazur.nnet'));
    await vscode.window.showTextDocument(document);
    api.positions.set(document, { example: 0, step: 8 });

    const tex = join(folder, 'mazur.tex');
    const latex = await vscode.commands.executeCommand<ExportOutcome | undefined>(Command.exportSolution, document.uri, { format: 'latex', scope: 'current', target: tex });
    assert.deepEqual(latex?.uris, [vscode.Uri.file(tex).toString()]);
    const text = readFileSync(tex, 'utf8');
    assert.ok(text.startsWith('\\documentclass'));
    assert.equal(text.match(/\\begin\{align\*\}/g)?.length, 9, 'the steps up to and including cᵢ, the ninth');
    assert.ok(text.includes('goes as far as step 9 of 45.'));
    await waitFor('the LaTeX document opened', () => vscode.window.visibleTextEditors.some((editor) => editor.document.uri.fsPath === tex));
  });

  test('writes a notebook where asked', async () => {
    const document = await vscode.workspace.openTextDocument(examplePath('mazur.nnet'));
    await vscode.window.showTextDocument(document);
    const ipynb = join(folder, 'mazur.ipynb');
    // Written without opening: in code-server an opened notebook keeps later suites' webview panels from taking the focus.
    await vscode.commands.executeCommand(Command.exportSolution, document.uri, { format: 'notebook', scope: 'whole', target: ipynb, open: false });
    const notebook = JSON.parse(readFileSync(ipynb, 'utf8')) as { nbformat: number; cells: { cell_type: string }[] };
    assert.equal(notebook.nbformat, 4);
    assert.ok(notebook.cells.some((cell) => cell.cell_type === 'code'));
  });

  test('writes the exercise sheet and its answer key to a folder', async () => {
    const document = await vscode.workspace.openTextDocument(examplePath('mazur.nnet'));
    await vscode.window.showTextDocument(document);
    const outcome = await vscode.commands.executeCommand<ExportOutcome | undefined>(Command.exportExerciseSheet, document.uri, { format: 'markdown', scope: 'whole', target: folder });
    assert.deepEqual(outcome?.uris, [vscode.Uri.file(join(folder, 'mazur-exercise.md')).toString(), vscode.Uri.file(join(folder, 'mazur-answers.md')).toString()]);
    const exercise = readFileSync(join(folder, 'mazur-exercise.md'), 'utf8');
    const answers = readFileSync(join(folder, 'mazur-answers.md'), 'utf8');
    assert.ok(exercise.startsWith('# Backpropagation exercise: '));
    assert.ok(!exercise.includes('0.138499'), 'the sheet holds no result');
    assert.ok(answers.startsWith('# Backpropagation exercise, answer key: '));
    assert.ok(answers.includes('= 0.138499$$'));
  });
});
