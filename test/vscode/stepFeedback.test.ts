/// <reference types="mocha" />
/**
 * What the learner sees around the stepping commands, in a real VS Code: Apply Gradient Step
 * writes readable numbers (applyDigits) and leaves the spec modified for one Undo; a command
 * that changes nothing says why; a step in a spec whose panel is closed offers the panel;
 * Reset goes to before the first step; Ctrl+Z in the panel undoes the spec's last edit; and a
 * second spec's panel opens in the column of the first.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/commandIds';
import type { Notice } from '../../src/extension/notices';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

const config = () => vscode.workspace.getConfiguration('backpropStepper');

/** The notices shown while `run` runs. */
async function noticesDuring(run: () => Thenable<unknown>): Promise<Notice[]> {
  const api = await extensionApi();
  const seen: Notice[] = [];
  const subscription = api.notices.onDidShow((notice) => seen.push(notice));
  try {
    await run();
  } finally {
    subscription.dispose();
  }
  return seen;
}

/** Waits until `document` reads `text`; on timeout says what it reads instead (first line and layer 2's weights). */
async function waitForText(document: vscode.TextDocument, text: string, what: string): Promise<void> {
  await waitFor(what, () => document.getText() === text).catch((error: Error) => {
    const summary = (t: string) => `${t.split('\n')[0]} | ${t.split('\n').find((l) => l.startsWith('  w 0.4') || l.startsWith('  w 0.3')) ?? ''}`;
    throw new Error(`${error.message}: reads ${summary(document.getText())}, wanted ${summary(text)}`);
  });
}

/** The `w` line of layer 2, where w⁽²⁾₁₁ is the first number. */
function layer2Weights(document: vscode.TextDocument): string {
  const lines = document.getText().split(/\r?\n/);
  return lines[lines.findIndex((line) => line.startsWith('layer 2:')) + 1];
}

suite('stepping feedback, Apply Gradient Step and undo from the panel', () => {
  const folder = vscode.Uri.file(examplePath(''));
  const specA = vscode.Uri.joinPath(folder, `feedback-a-${process.pid}.nnet`);
  const specB = vscode.Uri.joinPath(folder, `feedback-b-${process.pid}.nnet`);

  suiteSetup(async () => {
    const text = await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('mazur.nnet')));
    for (const uri of [specA, specB]) await vscode.workspace.fs.writeFile(uri, text);
    // Desktop VS Code's default. In a browser (code-server) VS Code defaults to saving after a
    // second's delay, which would save the spec on its own: the person's choice, not ours.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  teardown(async () => {
    await closeAllEditors();
    await config().update('applyDigits', undefined, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    for (const uri of [specA, specB]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  for (const [digits, written] of [[undefined, '0.358916'], [17, '0.35891647971788465']] as const) {
    test(`Apply writes w⁽²⁾₁₁ as ${written} (applyDigits ${digits ?? 'default'}), leaves the spec modified, and one Undo restores it`, async () => {
      const api = await extensionApi();
      await config().update('applyDigits', digits, vscode.ConfigurationTarget.Global);
      await waitFor('the setting', () => api.settings.current.applyDigits === (digits ?? 6));
      const document = await vscode.workspace.openTextDocument(specA);
      await vscode.window.showTextDocument(document);
      const original = document.getText();
      assert.equal(document.isDirty, false);

      await vscode.commands.executeCommand(Command.applyGradientStep, specA);
      await waitFor('the new weights', () => document.getText() !== original);
      assert.equal(layer2Weights(document), `  w ${written} ${digits === 17 ? '0.5113012702387375' : '0.511301'}`);
      assert.equal(document.isDirty, true, 'modified and not saved (files.autoSave off, the desktop default)');
      await new Promise((done) => setTimeout(done, 1500));
      assert.equal(document.isDirty, true, 'still not saved a moment later');

      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      await waitFor('one Undo to restore the spec', () => document.getText() === original);
    });
  }

  test('one Undo takes back only the Apply, also right after typing (whose undo step stays apart)', async () => {
    const document = await vscode.workspace.openTextDocument(specA);
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 2, 0, 2);
    await vscode.commands.executeCommand('type', { text: 'NOTE ' });
    const typed = document.getText();
    assert.ok(typed.startsWith('# NOTE A'));
    await vscode.commands.executeCommand(Command.applyGradientStep, specA);
    await waitFor('the new weights', () => document.getText() !== typed);
    await vscode.commands.executeCommand('undo');
    await waitFor('one Undo to take back the Apply only', () => document.getText() === typed);
  });

  test('Step at the end of the trace, and Next Example with one example, say why nothing happened', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(specA);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand(Command.openPanel, specA);
    await waitFor('the panel', () => api.panels.panelFor(specA)?.panel.visible);
    api.positions.set(document, { example: 0, step: 44 });

    const atEnd = await noticesDuring(() => vscode.commands.executeCommand(Command.step, specA));
    assert.deepEqual(atEnd, [{ kind: 'information', message: 'End of the trace: step 45 of 45 was the last for example 1. Reset starts again.', actions: [] }]);
    const oneExample = await noticesDuring(() => vscode.commands.executeCommand(Command.nextExample, specA));
    assert.deepEqual(oneExample.map((n) => n.message), [`feedback-a-${process.pid}.nnet has only one example, so there is no next one. Add an \`example\` line to step through another.`]);
    const moved = await noticesDuring(() => vscode.commands.executeCommand(Command.stepBack, specA));
    assert.deepEqual(moved, [], 'a step that moves, with the panel on screen, says nothing');
    assert.equal(api.positions.get(document).step, 43);
  });

  test('Reset goes to before the first step: nothing computed, and Step then computes z⁽¹⁾₁', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(specA);
    api.positions.set(document, { example: 0, step: 17 });
    await vscode.commands.executeCommand(Command.reset, specA);
    assert.deepEqual(api.positions.get(document), { example: 0, step: -1 });
    assert.equal(api.positions.view(document).step, null);
    await vscode.commands.executeCommand(Command.step, specA);
    assert.equal(api.positions.view(document).step?.symbolText, 'z⁽¹⁾₁');
  });

  test('a step in a spec whose panel is closed offers to open it, once; later steps show in the status bar', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(specB);
    await vscode.window.showTextDocument(document);
    assert.equal(api.panels.panelFor(specB), undefined);
    api.positions.set(document, { example: 0, step: 10 });

    const first = await noticesDuring(() => vscode.commands.executeCommand(Command.step, specB));
    assert.deepEqual(first, [{ kind: 'information', message: `feedback-b-${process.pid}.nnet is now at step 12 of 45 (δ⁽²⁾₁), but its panel is closed.`, actions: ['Open Panel'] }]);
    // A hover's "Step to this quantity" link, with the offer already made: the status bar says where.
    const hoverLink = await noticesDuring(() => vscode.commands.executeCommand(Command.stepTo, specB.toString(), { kind: 'cost', layer: 2, j: 0, k: 0 }));
    assert.deepEqual(hoverLink, [{ kind: 'status', message: `Backprop · feedback-b-${process.pid}.nnet at step 9 of 45 (cᵢ)`, actions: [] }]);
  });

  test('Ctrl+Z in the panel undoes Apply Gradient Step in the spec, Ctrl+Shift+Z redoes it, and the panel keeps focus', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(specA);
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    // Typing of the person's own first: one Ctrl+Z in the panel must take back the Apply only.
    editor.selection = new vscode.Selection(0, 2, 0, 2);
    await vscode.commands.executeCommand('type', { text: 'NOTE ' });
    assert.ok(document.getText().startsWith('# NOTE A'));
    const original = document.getText();
    const panel = api.panels.open(document, false);
    // The page takes the focus once it has loaded: after that, as when a person presses Ctrl+Z there.
    // Another part of the window can take the focus while the panel opens (a notification of an
    // earlier test, say): then it is given back, as a person would click the panel.
    let revealed = Date.now();
    await waitFor('the panel to have focus and its page', () => {
      if (!panel.panel.active && Date.now() - revealed > 1000) {
        panel.reveal(false);
        revealed = Date.now();
      }
      return panel.panel.active && panel.pageReady;
    }, 20_000).catch((error: Error) => {
      throw new Error(`${error.message} (active: ${panel.panel.active}, page ready: ${panel.pageReady})`);
    });

    await vscode.commands.executeCommand(Command.applyGradientStep, specA);
    await waitFor('the new weights', () => document.getText() !== original);
    const applied = document.getText();
    // What the page posts for Ctrl+Z (webview/controls.ts maps the key; test/unit/panel/historyKeys.test.ts).
    await panel.handleMessage({ type: 'action', action: 'undo' });
    await waitForText(document, original, 'the spec as it was');
    await waitFor('focus back in the panel', () => panel.panel.active);
    await panel.handleMessage({ type: 'action', action: 'redo' });
    await waitForText(document, applied, 'the step again');
    await panel.handleMessage({ type: 'action', action: 'undo' });
    await waitForText(document, original, 'the spec as it was');
  });

  test("a second spec's panel opens in the first panel's column, not in yet another one", async () => {
    const api = await extensionApi();
    const a = await vscode.workspace.openTextDocument(specA);
    await vscode.window.showTextDocument(a, vscode.ViewColumn.One);
    await vscode.commands.executeCommand(Command.openPanel, specA);
    // A new panel's column is known once VS Code has placed it.
    const column = await waitFor('the first panel, beside the spec', () => api.panels.panelFor(specA)?.panel.viewColumn);
    assert.equal(column, vscode.ViewColumn.Two);

    const b = await vscode.workspace.openTextDocument(specB);
    await vscode.window.showTextDocument(b, vscode.ViewColumn.One);
    await vscode.commands.executeCommand(Command.openPanel, specB);
    assert.equal(await waitFor('the second panel', () => api.panels.panelFor(specB)?.panel.viewColumn), column);
    assert.equal(vscode.window.tabGroups.all.length, 2, 'still two editor groups');
  });

  test("a spec opened over the panels' column gets its panel in the other column, not a third one", async () => {
    const api = await extensionApi();
    const a = await vscode.workspace.openTextDocument(specA);
    await vscode.window.showTextDocument(a, vscode.ViewColumn.One);
    await vscode.commands.executeCommand(Command.openPanel, specA);
    assert.equal(await waitFor('the first panel', () => api.panels.panelFor(specA)?.panel.viewColumn), vscode.ViewColumn.Two);

    // The second spec opens where the focus is, over the first panel: its panel must not cover it.
    const b = await vscode.workspace.openTextDocument(specB);
    await vscode.window.showTextDocument(b, vscode.ViewColumn.Two);
    await vscode.commands.executeCommand(Command.openPanel, specB);
    assert.equal(await waitFor('the second panel', () => api.panels.panelFor(specB)?.panel.viewColumn), vscode.ViewColumn.One);
    assert.equal(vscode.window.tabGroups.all.length, 2, 'still two editor groups');
    assert.ok(vscode.window.visibleTextEditors.some((editor) => editor.document === b), 'the spec stays in view beside its panel');
  });
});
