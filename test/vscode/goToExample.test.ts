/// <reference types="mocha" />
/**
 * *Backprop: Go to Example…* in a real VS Code: the quick pick lists every example with x, y,
 * cᵢ and where it came from, marks the current and the held-out ones in words, sorts worst fit
 * first when asked (the command's key again, as the keyboard does), and choosing a row through
 * the workbench's own accept command moves the shared stepping position and opens the panel;
 * a spec without numbers gets a message instead.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/commandIds';
import type { Notice } from '../../src/extension/notices';
import type { ExamplePickItem } from '../../src/extension/panel/goToExample';
import { closeAllEditors, examplePath, extensionApi, pause, waitFor } from './helpers';

type ExamplePick = vscode.QuickPick<ExamplePickItem>;

suite('Go to Example', () => {
  const spec = vscode.Uri.file(examplePath(`go-to-example-${process.pid}.nnet`));
  const broken = vscode.Uri.file(examplePath(`go-to-example-broken-${process.pid}.nnet`));

  suiteSetup(async () => {
    const mazur = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('mazur.nnet'))));
    // Mazur's network, two more `example` lines (lines 17 and 18), four generated XOR points and one of the seven held out.
    const text = mazur.replace(/\n*$/, '\nexample x 1 0 y 1 0\nexample x 0.5 0.5 y 0 1\ndata xor 4 seed 1\nvalidation 20%\n');
    await vscode.workspace.fs.writeFile(spec, new TextEncoder().encode(text));
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode(mazur.replace('layer 2: 2 sigmoid', 'layer 2: 2 sigmod')));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    for (const uri of [spec, broken]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  test('lists, sorts and goes to an example, and the panel follows', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(spec);
    await vscode.window.showTextDocument(document);
    const engine = await waitFor('the spec’s numbers', () => api.analyses.get(document).engine ?? undefined);
    api.positions.set(document, { example: 1, step: 4 });

    const pick = await vscode.commands.executeCommand<ExamplePick | undefined>(Command.goToExample);
    assert.ok(pick, 'the command shows its quick pick');
    assert.equal(pick.title, 'Go to Example · 7 examples, in spec order');
    assert.deepEqual(pick.items.map((item) => item.example), [0, 1, 2, 3, 4, 5, 6]);
    const [first, second, third, fourth] = pick.items;
    assert.equal(first.label, 'example 1');
    assert.equal(first.description, 'x = (0.05, 0.1) y = (0.01, 0.99)');
    assert.match(first.detail ?? '', /^cᵢ = 0\.298371 · line 16/);
    assert.match(third.detail ?? '', / · line 18/);
    assert.match(fourth.detail ?? '', / · xor, point 1 of 4/);
    // The example being stepped: an icon and a word, never a colour alone; and the active row.
    assert.equal(second.label, '$(debug-stackframe) example 2');
    assert.match(second.detail ?? '', / · current$/);
    assert.deepEqual(pick.activeItems.map((item) => item.example), [1]);
    const heldOut = pick.items.filter((item) => item.detail?.includes('held out')).map((item) => item.example);
    assert.deepEqual(heldOut, [...api.analyses.get(document).network!.validation!]);
    assert.equal(pick.buttons[0]?.tooltip, 'Sort by cost, worst first');

    // The command's key pressed again while the list is open sorts it; the button does the same.
    assert.equal(await vscode.commands.executeCommand<ExamplePick>(Command.goToExample), pick);
    assert.equal(pick.title, 'Go to Example · 7 examples, worst fit first');
    assert.equal(pick.buttons[0]?.tooltip, 'Sort in spec order');
    const costs = pick.items.map((item) => engine.costs[item.example!]);
    assert.deepEqual(costs, [...engine.costs].sort((a, b) => b - a));

    // Choose a row as the keyboard does: make it active, then the workbench's accept (Enter). The
    // last row, so that accepting the first (active after a re-sort) would fail the test.
    const target = pick.items[pick.items.length - 1].example === 1 ? pick.items[pick.items.length - 2] : pick.items[pick.items.length - 1];
    pick.activeItems = [target];
    await pause(200); // the extension host sends quick-pick changes to the workbench on its next tick
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('the position to move to the chosen example', () => api.positions.get(document).example === target.example);
    assert.deepEqual(api.positions.get(document), { example: target.example, step: 4 }, 'the same step, in the chosen example');
    await waitFor('the panel', () => api.panels.panelFor(spec));
    assert.equal(api.positions.view(document).trace?.example, target.example);
  });

  test('says why when the spec has no numbers to list', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(broken);
    await vscode.window.showTextDocument(document);
    await waitFor('the spec’s errors', () => api.analyses.get(document).skipped === 'errors');
    const seen: Notice[] = [];
    const subscription = api.notices.onDidShow((notice) => seen.push(notice));
    try {
      const pick = await vscode.commands.executeCommand<ExamplePick | undefined>(Command.goToExample, broken);
      assert.equal(pick, undefined);
    } finally {
      subscription.dispose();
    }
    assert.equal(seen.length, 1);
    assert.match(seen[0].message, /spec has errors/);
  });
});
