/// <reference types="mocha" />
/**
 * Exercise mode in a real VS Code: Backprop: Start Exercise with a scope puts the stepping just
 * before it and opens the panel; an answer sent as the panel's answer box sends it is judged, and
 * a right one steps on; while a step is asked the editor's inlay hints and hovers, and a debug
 * session's Debug Console, give no number away, and once the exercise ends they are back.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExerciseSession } from '../../src/core/exercise/session';
import type { ExportOutcome } from '../../src/extension/export/registerExports';
import { Command } from '../../src/extension/commandIds';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

const everything = new vscode.Range(0, 0, 100, 0);

async function hints(document: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  return (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, everything)) ?? [];
}

suite('exercise mode', () => {
  teardown(async () => {
    await closeAllEditors();
    // Stepping positions outlive the editors: leave mazur.nnet where a suite that opens it next expects it.
    (await extensionApi()).positions.set(await vscode.workspace.openTextDocument(examplePath('mazur.nnet')), { example: 0, step: 0 });
  });

  test('asks the output layer’s backward pass, judges answers and holds the editor’s numbers back', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(examplePath('mazur.nnet'));
    await vscode.window.showTextDocument(document);
    await waitFor('the spec is analysed', () => api.analyses.get(document).engine !== null);
    await waitFor('12 inlay hints before the exercise', async () => (await hints(document)).length === 12);

    const session = await vscode.commands.executeCommand<ExerciseSession | null>(Command.startExercise, document.uri, 'backward-2');
    assert.ok(session, 'the exercise started');
    assert.equal(session.asked, 9, '∂cᵢ/∂a⁽²⁾₁ is asked');
    assert.equal(api.positions.get(document).step, 8, 'the stepping stands on cᵢ, one step before');
    assert.ok(api.exerciseMode.isAsking(document.uri));
    const panel = await waitFor('the panel is open', () => api.panels.panelFor(document.uri));
    await waitFor('no inlay hint gives a gradient away', async () => (await hints(document)).length === 0);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('  b 0.60'));
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 5));
    const hoverText = hover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(hoverText, /An exercise is running/);
    assert.doesNotMatch(hoverText, /0\.138499/);

    await panel.handleMessage({ type: 'exercise', command: 'answer', text: '-0.741365' });
    assert.equal(api.positions.get(document).step, 8, 'a wrong answer does not step');
    await panel.handleMessage({ type: 'exercise', command: 'answer', text: '0.741365' });
    assert.equal(api.positions.get(document).step, 9, 'the right answer steps onto ∂cᵢ/∂a⁽²⁾₁');

    // Exporting the worked solution meanwhile stops where the learner stands: nothing ahead is given away.
    const exported = await vscode.commands.executeCommand<ExportOutcome | undefined>(Command.exportSolution, document.uri, { format: 'markdown', scope: 'whole' });
    assert.ok(exported, 'the solution was exported');
    const markdown = (await vscode.workspace.openTextDocument(vscode.Uri.parse(exported.uris[0]))).getText();
    assert.match(markdown, /0\.741365/, 'the step answered is in it');
    assert.doesNotMatch(markdown, /0\.138499/, 'δ⁽²⁾₁, still ahead, is not');

    await panel.handleMessage({ type: 'exercise', command: 'end' });
    assert.equal(api.exerciseMode.isAsking(document.uri), false);
    await waitFor('the inlay hints are back', async () => (await hints(document)).length === 12);
    await panel.handleMessage({ type: 'exercise', command: 'close' });
  });

  test('a debug session during the exercise evaluates nothing the exercise still asks', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(examplePath('mazur.nnet'));
    await vscode.window.showTextDocument(document);
    await waitFor('the spec is analysed', () => api.analyses.get(document).engine !== null);
    const exercise = await vscode.commands.executeCommand<ExerciseSession | null>(Command.startExercise, document.uri, 'backward-2');
    assert.equal(exercise?.asked, 9, '∂cᵢ/∂a⁽²⁾₁ is asked');
    const panel = await waitFor('the panel is open', () => api.panels.panelFor(document.uri));

    const started = new Promise<vscode.DebugSession>((resolve) => {
      const subscription = vscode.debug.onDidStartDebugSession((s) => {
        subscription.dispose();
        resolve(s);
      });
    });
    assert.ok(await vscode.debug.startDebugging(undefined, { type: 'nnet', request: 'launch', name: 'during an exercise', program: document.uri.fsPath }));
    const session = await started;
    try {
      // The session and the stepping share one position: put it back where the exercise stands.
      await waitFor('the session’s entry stop', () => api.positions.get(document).step === 0);
      api.positions.set(document, { example: 0, step: 8 });
      const evaluate = (expression: string) =>
        session.customRequest('evaluate', { expression, context: 'repl' }).then(
          (answer: { result: string }) => answer.result,
          (error: Error) => `refused: ${error.message}`,
        );
      // The Debug Console gives full precision: a⁽²⁾₁ = 0.751365069552.
      await waitFor('the session at cᵢ', async () => /^0\.751365\d+$/.test(await evaluate('a(2)[1]')));
      for (const asked of ['dc/da(2)[1]', 'dc/da(2)', 'delta(2)[1]', 'dc/dw(2)']) {
        const answer = await evaluate(asked);
        assert.match(answer, /^refused: .*not computed yet/, `${asked} gives "${answer}"`);
        assert.doesNotMatch(answer, /0\.741365|0\.138499/, `${asked} gives no asked number away`);
      }
      // The exercise still asks ∂cᵢ/∂a⁽²⁾₁: its answer is taken and steps on.
      await panel.handleMessage({ type: 'exercise', command: 'answer', text: '0.741365' });
      assert.equal(api.positions.get(document).step, 9, 'the right answer steps onto ∂cᵢ/∂a⁽²⁾₁');
      await waitFor('the session follows onto ∂cᵢ/∂a⁽²⁾₁', async () => /^0\.741365\d+$/.test(await evaluate('dc/da(2)[1]')));
    } finally {
      await vscode.debug.stopDebugging(session);
      await panel.handleMessage({ type: 'exercise', command: 'end' });
      await panel.handleMessage({ type: 'exercise', command: 'close' });
    }
  });
});
