/// <reference types="mocha" />
/**
 * A Training panel lives as long as its spec, in a real VS Code: after a window reload VS Code
 * hands the extension the panel with the page's saved state, and the panel comes back on its spec,
 * training it again (the page is told so, and goes back to the step it rested on); a forged or
 * stale state gets no panel. Closing the spec's document, or deleting its file, closes the panel
 * and ends its run; renaming the file takes the panel and its run along.
 *
 * A reload cannot happen inside the extension host the tests run in, so the restore is driven as
 * VS Code drives it: a webview panel of the Training view type and the page's state, handed to
 * the same function the WebviewPanelSerializer calls (test/e2e/training.test.ts reloads for real).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseSpec } from '../../src/core/parser/parse';
import { Command } from '../../src/extension/commandIds';
import { TRAINING_VIEW_TYPE, trainingPanelOptions, type TrainingPanel } from '../../src/extension/training/trainingPanel';
import type { ExtensionToTraining } from '../../src/shared/trainingMessages';
import { closeAllEditors, examplePath, EXTENSION_ID, extensionApi, waitFor } from './helpers';

/** A Training panel as VS Code recreates one after a reload, before the extension has it. */
function revivedPanel(): { panel: vscode.WebviewPanel; disposed: Promise<void> } {
  const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
  const panel = vscode.window.createWebviewPanel(TRAINING_VIEW_TYPE, 'Training', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, trainingPanelOptions(extensionUri));
  const disposed = new Promise<void>((resolve) => panel.onDidDispose(() => resolve()));
  return { panel, disposed };
}

async function trained(spec: vscode.Uri): Promise<TrainingPanel> {
  const panel = await vscode.commands.executeCommand<TrainingPanel | undefined>(Command.train, spec);
  assert.ok(panel, `Train opens the Training panel of ${spec}`);
  return panel;
}

suite('Training panels: restored after a reload, closed with their spec', () => {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-training-panels-'));
  const xor = vscode.Uri.file(join(folder, 'xor.nnet'));
  const sine = vscode.Uri.file(join(folder, 'sine.nnet'));

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(xor, await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('xor.nnet'))));
    await vscode.workspace.fs.writeFile(sine, await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('sine-regression.nnet'))));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a restored panel comes back on its spec and trains it again, saying so', async () => {
    const api = await extensionApi();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(xor));
    const { panel: webviewPanel } = revivedPanel();
    // The state the page saved: the spec, the run it showed and the step its scrubber rested on.
    const restored = await api.training.restore(webviewPanel, { scale: 'log', runId: 1, step: 37, uri: xor.toString() });
    assert.ok(restored, 'the panel is restored');
    assert.equal(restored.panel, webviewPanel, 'in the panel VS Code recreated');
    assert.equal(api.training.panelFor(xor), restored);
    assert.equal(webviewPanel.title, 'Training: xor.nnet');
    const posted: ExtensionToTraining[] = [];
    const subscription = restored.onDidPost((message) => posted.push(message));
    try {
      await restored.handleMessage({ type: 'ready' });
      await waitFor('the run to finish', () => posted.some((message) => message.type === 'finished'));
      const run = posted.find((message) => message.type === 'run');
      assert.ok(run?.type === 'run' && run.restored === true, 'the page hears that the run is a new one');
      assert.equal(run.uri, xor.toString());
      // Its steps can be stepped through again: the run is whole.
      assert.equal((await restored.parametersAt(37))?.step, 37);
    } finally {
      subscription.dispose();
    }
  });

  test('a state naming no spec, a spec with a panel already, or a spec that is gone gets no panel', async () => {
    const api = await extensionApi();
    const before = api.training.panelFor(xor);
    for (const state of [{ uri: 'file:///etc/passwd' }, { uri: 'command:workbench.action.terminal.new' }, {}, null, { uri: xor.toString() }, { uri: vscode.Uri.file(join(folder, 'gone.nnet')).toString() }]) {
      const { panel, disposed } = revivedPanel();
      assert.equal(await api.training.restore(panel, state), undefined, JSON.stringify(state));
      await disposed;
    }
    assert.equal(api.training.panelFor(xor), before, 'the one panel of xor.nnet is left alone');
  });

  test('a spec that closes (or stops being a spec) closes its Training panel and ends its run', async () => {
    const api = await extensionApi();
    const panel = api.training.panelFor(xor);
    assert.ok(panel);
    // VS Code keeps a document an extension opened for minutes after its last editor closes, so
    // the close is made the other way a spec's analysis ends: it stops being an nnet document.
    const document = await vscode.workspace.openTextDocument(xor);
    await vscode.languages.setTextDocumentLanguage(document, 'plaintext');
    await waitFor('the Training panel to close', () => api.training.panelFor(xor) === undefined);
    assert.equal(panel.runState, 'none');
  });

  test('closing an unsaved spec’s editor closes its Training panel', async () => {
    const api = await extensionApi();
    const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('xor.nnet'))));
    const untitled = await vscode.workspace.openTextDocument({ language: 'nnet', content });
    await vscode.window.showTextDocument(untitled);
    const panel = await trained(untitled.uri);
    await waitFor('the run to start', () => panel.runState !== 'none');
    // An unsaved document is gone once its editor is closed without saving.
    await vscode.window.showTextDocument(untitled);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the Training panel to close', () => api.training.panelFor(untitled.uri) === undefined);
    assert.equal(panel.runState, 'none');
  });

  test('renaming the spec takes its Training panel and run along: retitled, told to the page, and Apply writes into the renamed file', async () => {
    const api = await extensionApi();
    const before = vscode.Uri.file(join(folder, 'before.nnet'));
    const after = vscode.Uri.file(join(folder, 'after.nnet'));
    await vscode.workspace.fs.writeFile(before, await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('xor.nnet'))));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(before));
    const panel = await trained(before);
    const posted: ExtensionToTraining[] = [];
    const listening = panel.onDidPost((message) => posted.push(message));
    await panel.handleMessage({ type: 'ready' });
    await waitFor('the run to finish', () => panel.runState === 'finished');

    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(before, after);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the panel to follow the rename', () => api.training.panelFor(after) === panel);
    assert.equal(api.training.panelFor(before), undefined);
    assert.equal(panel.panel.title, 'Training: after.nnet');
    assert.equal(panel.uri.toString(), after.toString());
    assert.equal(panel.runState, 'finished', 'the run goes along, its worker still answering');
    assert.deepEqual(posted.at(-1), { type: 'renamed', uri: after.toString(), fileName: 'after.nnet' });

    // Apply writes step 5's parameters into the file under its new name.
    const document = await vscode.workspace.openTextDocument(after);
    const original = document.getText();
    await panel.handleMessage({ type: 'apply', step: 5 });
    const expected = await panel.parametersAt(5);
    assert.ok(expected);
    const applied = parseSpec(document.getText()).network!;
    const rounded = expected.w.map((w, l) => [...w, ...expected.b[l]].map((value) => Number(value.toPrecision(6))));
    assert.notEqual(document.getText(), original);
    assert.deepEqual(applied.layers.map((layer) => [...layer.weights, ...layer.biases]), rounded);
    listening.dispose();
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('deleting the spec closes its Training panel', async () => {
    const api = await extensionApi();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sine));
    const panel = await trained(sine);
    await waitFor('the run to start', () => panel.runState !== 'none');
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(sine);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the Training panel to close', () => api.training.panelFor(sine) === undefined);
    assert.equal(panel.runState, 'none');
  });
});
