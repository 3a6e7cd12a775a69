/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, waitFor } from './helpers';

/**
 * A spec reading a CSV file, in a real VS Code: a problem in the CSV shows on the CSV (with the
 * spec's `data` line as related information) and as one summary on the spec; editing the CSV in
 * an editor — unsaved — and writing it on disk both re-analyse the spec, and its lenses follow.
 */

const SPEC = ['layer 0: 2 inputs', 'layer 1: 2 sigmoid', 'learning-rate 0.5', 'data "points.csv" x a b y p q', ''].join('\n');
const CSV = ['a,b,p,q', '0.1,0.2,1,0', '0.3,0.4,0,1', '0.5,0.6,1,1', ''].join('\n');

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'nnet');
}

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
  return lenses.filter((lens) => lens.range.start.line === 3).map((lens) => lens.command?.title ?? '');
}

suite('data files in a real VS Code', () => {
  let folder: string;

  suiteSetup(async () => {
    folder = mkdtempSync(join(tmpdir(), 'backprop-stepper-data-'));
    await extensionApi();
  });

  teardown(async () => {
    await closeAllEditors();
  });

  test('shows a problem in the CSV on the CSV and on the spec, and follows edits to the CSV', async () => {
    const specPath = join(folder, 'points.nnet');
    const csvPath = join(folder, 'points.csv');
    writeFileSync(specPath, SPEC);
    writeFileSync(csvPath, CSV);
    const spec = await vscode.workspace.openTextDocument(vscode.Uri.file(specPath));
    await vscode.window.showTextDocument(spec);
    const csvUri = vscode.Uri.file(csvPath);

    // Clean at first: three examples, and a lens that counts them.
    await waitFor('the data line lens to count the three rows', async () => (await lensTitles(spec.uri)).some((title) => /\b3 examples\b|examples 1–3/.test(title)), 20_000);
    assert.deepEqual(ours(spec.uri), []);
    assert.deepEqual(ours(csvUri), []);

    // Break a cell in an editor, without saving: the analysis reads the editor's text.
    const csv = await vscode.workspace.openTextDocument(csvUri);
    await vscode.window.showTextDocument(csv, { preview: false });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(csvUri, new vscode.Range(2, 4, 2, 7), 'oops');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(csv.lineAt(2).text, '0.3,oops,0,1');
    const [problem, ...others] = await waitFor('the problem on the CSV', () => {
      const found = ours(csvUri);
      return found.length > 0 ? found : undefined;
    }, 20_000);
    assert.deepEqual(others, []);
    assert.equal(problem.code, 'csv-not-a-number');
    assert.deepEqual([problem.range.start.line, problem.range.start.character, problem.range.end.line, problem.range.end.character], [2, 4, 2, 8]);
    assert.equal(problem.relatedInformation?.[0].location.uri.toString(), spec.uri.toString());
    assert.equal(problem.relatedInformation?.[0].location.range.start.line, 3);
    const [summary] = ours(spec.uri);
    assert.equal(summary.code, 'data-file-problems');
    assert.equal(summary.range.start.line, 3);
    assert.match(summary.message, /^`points.csv` has a problem, shown on the file, at line 3, column 5: /);

    // Mend it, and add a row: the problems clear and the lens counts four examples.
    const mend = new vscode.WorkspaceEdit();
    mend.replace(csvUri, new vscode.Range(2, 4, 2, 8), '0.4');
    mend.insert(csvUri, new vscode.Position(4, 0), '0.7,0.8,0,0\n');
    assert.ok(await vscode.workspace.applyEdit(mend));
    await waitFor('the problems to clear', () => ours(csvUri).length === 0 && ours(spec.uri).length === 0, 20_000);
    await waitFor('the lens to count four rows', async () => (await lensTitles(spec.uri)).some((title) => /\b4 examples\b|examples 1–4/.test(title)), 20_000);
    await csv.save();

    // Written on disk by something else: the watcher re-analyses the spec.
    writeFileSync(csvPath, ['a,b,p,q', '0.1,0.2,1', ''].join('\n'));
    const [ragged] = await waitFor('the ragged row read from disk', () => {
      const found = ours(csvUri);
      return found.length > 0 ? found : undefined;
    }, 20_000);
    assert.equal(ragged.code, 'csv-ragged-row');
  });

  test('a debug session on the spec follows an edit of the CSV, the spec unchanged', async () => {
    const specPath = join(folder, 'debugged.nnet');
    const csvPath = join(folder, 'debugged.csv');
    // z⁽¹⁾₁ = 0.5·x₁ + 0.1 for the first row's x₁.
    writeFileSync(specPath, ['layer 0: 1 inputs', 'layer 1: 1 sigmoid', '  w 0.5', '  b 0.1', 'data "debugged.csv" x a y t', ''].join('\n'));
    writeFileSync(csvPath, ['a,t', '0.25,0.5', ''].join('\n'));
    const spec = await vscode.workspace.openTextDocument(vscode.Uri.file(specPath));
    await vscode.window.showTextDocument(spec);
    const stops: string[] = [];
    const tracker = vscode.debug.registerDebugAdapterTrackerFactory('nnet', {
      createDebugAdapterTracker: () => ({
        onDidSendMessage: (message: { type?: string; event?: string; body?: { description?: string } }) => {
          if (message.type === 'event' && message.event === 'stopped') stops.push(message.body?.description ?? '');
        },
      }),
    });
    try {
      assert.ok(await vscode.debug.startDebugging(undefined, { type: 'nnet', request: 'launch', name: 'debugged.nnet', program: specPath }));
      await waitFor('the entry stop at z⁽¹⁾₁ = 0.225', () => stops.includes('z⁽¹⁾₁ = 0.225'), 20_000);
      // The learner changes the first row in an editor, without saving.
      const csv = await vscode.workspace.openTextDocument(vscode.Uri.file(csvPath));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(csv.uri, new vscode.Range(1, 0, 1, 4), '1');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor('the session to stop again on the new row, z⁽¹⁾₁ = 0.6', () => stops.includes('z⁽¹⁾₁ = 0.6'), 20_000);
      assert.equal(spec.isDirty, false, 'the spec itself was not touched');
    } finally {
      tracker.dispose();
      if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    }
  });
});
