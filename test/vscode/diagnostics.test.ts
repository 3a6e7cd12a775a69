/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseSpec } from '../../src/core/parser/parse';
import { closeAllEditors, extensionApi, waitFor } from './helpers';

const BROKEN = ['layer 0: 2 inputs', 'layer 1: 2 sigmoud', 'example x 0.05 0.10 y 0.01 0.99', ''].join('\n');

function diagnosticsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri);
}

suite('diagnostics in a real VS Code', () => {
  let folder: string;

  suiteSetup(async () => {
    folder = mkdtempSync(join(tmpdir(), 'backprop-stepper-'));
    await extensionApi();
  });

  teardown(async () => {
    await closeAllEditors();
  });

  test('reports a misspelt activation with its code, message and range, and clears it once fixed', async () => {
    const path = join(folder, 'broken.nnet');
    writeFileSync(path, BROKEN);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'nnet');

    const [diagnostic, ...others] = await waitFor('the unknown-activation diagnostic', () => {
      const found = diagnosticsOf(document.uri);
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(others, []);
    assert.equal(diagnostic.code, 'unknown-activation');
    assert.equal(diagnostic.source, 'nnet');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    // Exactly the misspelt word on the second line.
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
      [1, 11, 1, 18],
    );
    assert.equal(document.getText(diagnostic.range), 'sigmoud');
    // The message is the parser's own, word for word, and names what was written.
    const expected = parseSpec(BROKEN).diagnostics.find((d) => d.code === 'unknown-activation');
    assert.equal(diagnostic.message, expected?.message);
    assert.match(diagnostic.message, /sigmoud/);

    const fix = new vscode.WorkspaceEdit();
    fix.replace(document.uri, diagnostic.range, 'sigmoid');
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitFor('the diagnostics to clear', () => diagnosticsOf(document.uri).length === 0);
  });

  test('offers the suggested name as a preferred quick fix, applied as one edit that one Undo reverts', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'nnet', content: BROKEN });
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitFor('the unknown-activation diagnostic', () => {
      const found = diagnosticsOf(document.uri);
      return found.length > 0 ? found : undefined;
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    // The converted actions VS Code hands back do not carry their diagnostics: tell ours by kind.
    const ours = actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.equal(ours.length, 1);
    const [fix] = ours;
    assert.equal(fix.title, "Change to 'sigmoid'");
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.equal(document.lineAt(1).text, 'layer 1: 2 sigmoid');
    await waitFor('the diagnostics to clear', () => diagnosticsOf(document.uri).length === 0);

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), BROKEN, 'one Undo restores the text as it was');
  });

  test('shows problems of an untitled nnet document as they are typed', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'nnet', content: 'layer 0: 2 inputs\n' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'layer 1: 2 sigmoud\n'));
    const found = await waitFor('a diagnostic on the untitled spec', () =>
      diagnosticsOf(document.uri).find((d) => d.code === 'unknown-activation'),
    );
    assert.equal(found.range.start.line, 1);
  });

  test('clears the problems of a file deleted from the workspace', async () => {
    const path = join(folder, 'deleted.nnet');
    writeFileSync(path, BROKEN);
    const uri = vscode.Uri.file(path);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('a diagnostic before deleting', () => diagnosticsOf(uri).length > 0);
    const deletion = new vscode.WorkspaceEdit();
    deletion.deleteFile(uri);
    assert.ok(await vscode.workspace.applyEdit(deletion));
    await waitFor('the diagnostics of the deleted file to clear', () => diagnosticsOf(uri).length === 0);
  });
});
