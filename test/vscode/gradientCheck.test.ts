/// <reference types="mocha" />
/**
 * *Backprop: Check Gradients* in a real VS Code, on examples/mazur.nnet: the check runs in its
 * worker and its panel's page is sent the finished report — every one of the 12 parameters, worst
 * first, in the article's notation, backprop's values as Matt Mazur published them beside central
 * differences that agree; choosing a row selects that weight's number in the spec. A spec with an
 * error is refused with the reason, and no panel opens for it.
 *
 * The test acts as the page does (its messages go through `handleMessage`) and reads what the
 * page was sent through the panel's `onDidPost`.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/commandIds';
import type { GradientCheckPanel } from '../../src/extension/gradientCheck/gradientCheckPanel';
import type { CheckReport, ExtensionToGradientCheck } from '../../src/shared/gradientCheckMessages';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

suite('Backprop: Check Gradients', () => {
  const subscriptions: vscode.Disposable[] = [];

  suiteTeardown(async () => {
    subscriptions.forEach((subscription) => subscription.dispose());
    await closeAllEditors();
  });

  test('checks mazur.nnet in a worker and shows every parameter worst first', async () => {
    await extensionApi();
    const document = await vscode.workspace.openTextDocument(examplePath('mazur.nnet'));
    await vscode.window.showTextDocument(document);
    const original = document.getText();

    const panel = await vscode.commands.executeCommand<GradientCheckPanel | undefined>(Command.checkGradients);
    assert.ok(panel, 'Check Gradients returns its panel');
    assert.equal(panel.panel.title, 'Gradient check: mazur.nnet');
    assert.equal(panel.panel.viewType, 'backpropStepper.gradientCheck');
    const posted: ExtensionToGradientCheck[] = [];
    subscriptions.push(panel.onDidPost((message) => posted.push(message)));
    // A page that is ready is sent the newest state (the real page may have said so already).
    await panel.handleMessage({ type: 'ready' });
    const report = await waitFor('the report', () => {
      const last = posted[posted.length - 1];
      return last?.state.phase === 'finished' ? last.state.report : undefined;
    });
    assert.equal(posted[posted.length - 1].fileName, 'mazur.nnet');
    assert.equal(panel.report, report);

    assertMazurReport(report);
    assert.equal(document.getText(), original, 'checking never touches the spec');

    // Choosing the row of w⁽²⁾₁₂ selects its number, 0.50, in the spec.
    const row = report.rows.find((r) => r.symbol.text === 'w⁽²⁾₁₂')!;
    await panel.handleMessage({ type: 'reveal', kind: row.kind, layer: row.layer, index: row.index });
    const editor = await waitFor('the spec’s editor', () => vscode.window.activeTextEditor?.document === document && vscode.window.activeTextEditor);
    assert.equal(document.getText(editor.selection), '0.50');

    // Anything malformed from the page is ignored.
    await panel.handleMessage({ type: 'reveal', kind: 'w', layer: -1, index: 0 });
    await panel.handleMessage({ type: 'nonsense' });
  });

  test('refuses a spec with an error, saying why', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'nnet', content: 'layer 0: 2 inputs\nlayer 1: 1 sigmoidd\nexample x 1 2 y 1\n' });
    await vscode.window.showTextDocument(document);
    const panel = await vscode.commands.executeCommand<GradientCheckPanel | undefined>(Command.checkGradients, document.uri);
    assert.equal(panel, undefined);
  });
});

/** What the check of mazur.nnet must say: 12 parameters, all checked and passing, worst first. */
function assertMazurReport(report: CheckReport): void {
  assert.deepEqual([report.total, report.checked, report.sampled, report.failures, report.kinks], [12, 12, false, 0, 0]);
  assert.deepEqual([...report.sizes], [2, 2, 2]);
  const errors = report.rows.map((row) => row.relativeError);
  assert.deepEqual(errors, [...errors].sort((a, b) => b - a), 'worst first');
  assert.ok(report.rows.every((row) => row.verdict === 'pass' && row.relativeError < 1e-7));
  const symbols = report.rows.map((row) => row.symbol.text).sort();
  assert.deepEqual(symbols, ['b⁽¹⁾₁', 'b⁽¹⁾₂', 'b⁽²⁾₁', 'b⁽²⁾₂', 'w⁽¹⁾₁₁', 'w⁽¹⁾₁₂', 'w⁽¹⁾₂₁', 'w⁽¹⁾₂₂', 'w⁽²⁾₁₁', 'w⁽²⁾₁₂', 'w⁽²⁾₂₁', 'w⁽²⁾₂₂'].sort());
  // Mazur's published gradients: ∂E/∂w5 = 0.082167041 (w⁽²⁾₁₁) and ∂E/∂w1 = 0.000438568 (w⁽¹⁾₁₁).
  const value = (symbol: string) => report.rows.find((row) => row.symbol.text === symbol)!;
  assert.ok(Math.abs(value('w⁽²⁾₁₁').backprop - 0.082167041) < 1e-9);
  assert.ok(Math.abs(value('w⁽²⁾₁₁').numeric - 0.082167041) < 1e-9);
  assert.ok(Math.abs(value('w⁽¹⁾₁₁').backprop - 0.000438568) < 1e-9);
}
