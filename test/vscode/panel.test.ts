/// <reference types="mocha" />
/**
 * The Backprop Stepper panel's life in a real VS Code: one panel per spec (opening again
 * reveals it), stepping commands move the shared position, a renamed spec keeps its panel
 * (retitled, same step) and a deleted spec takes its panel with it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/commandIds';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('backpropStepper.panel'));
}

suite('the Backprop Stepper panel', () => {
  const folder = vscode.Uri.file(examplePath(''));
  const original = vscode.Uri.joinPath(folder, `panel-life-${process.pid}.nnet`);
  const renamed = vscode.Uri.joinPath(folder, `panel-life-${process.pid}-renamed.nnet`);

  suiteSetup(async () => {
    const text = await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('mazur.nnet')));
    await vscode.workspace.fs.writeFile(original, text);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    for (const uri of [original, renamed]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('opens one panel per spec, revealed again rather than duplicated', async () => {
    const document = await vscode.workspace.openTextDocument(original);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand(Command.openPanel);
    await waitFor('the panel tab', () => panelTabs().length === 1);
    await vscode.commands.executeCommand(Command.openPanel, original);
    await vscode.commands.executeCommand(Command.showInPanel, original.toString());
    assert.equal(panelTabs().length, 1);
    assert.equal(panelTabs()[0].label, `Backprop · panel-life-${process.pid}.nnet`);
  });

  test('the step commands move the position the panel shows, and Step Back undoes a Step', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(original);
    await vscode.commands.executeCommand(Command.reset, original); // before the first step
    for (let i = 0; i < 12; i++) await vscode.commands.executeCommand(Command.step, original);
    assert.deepEqual(api.positions.get(document), { example: 0, step: 11 });
    assert.equal(api.positions.view(document).step?.symbolText, 'δ⁽²⁾₁');
    await vscode.commands.executeCommand(Command.stepBack, original);
    assert.equal(api.positions.view(document).step?.symbolText, 'σ′(z⁽²⁾₁)');
    await vscode.commands.executeCommand(Command.stepTo, original.toString(), { kind: 'delta', layer: 2, j: 1, k: 0 });
    assert.equal(api.positions.get(document).step, 11);
  });

  test('a renamed spec keeps its panel, retitled, at the same step', async () => {
    const api = await extensionApi();
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(original, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the panel to follow the rename', () => panelTabs().length === 1 && panelTabs()[0].label === `Backprop · panel-life-${process.pid}-renamed.nnet`);
    const document = await vscode.workspace.openTextDocument(renamed);
    assert.equal(api.positions.get(document).step, 11);
  });

  test('a deleted spec takes its panel with it', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the panel to close', () => panelTabs().length === 0);
  });
});
