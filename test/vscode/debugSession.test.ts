/// <reference types="mocha" />
/**
 * Backpropagation as a debug session in a real VS Code, driven as a learner drives it: start it
 * on a spec, step with the workbench's own debug commands (Step Over, Step Back), and see the
 * shared position — what the panel and the code lenses show — follow; step with the extension's
 * Step command and see the session follow.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/commandIds';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

/** The names of the stopped thread's frames, as the Call Stack view shows them. */
async function frames(session: vscode.DebugSession): Promise<string[]> {
  const answer = await session.customRequest('stackTrace', { threadId: 1 });
  return (answer.stackFrames as { name: string }[]).map((frame) => frame.name);
}

suite('a backpropagation debug session', () => {
  const spec = vscode.Uri.file(examplePath(`debug-session-${process.pid}.nnet`));
  let session: vscode.DebugSession | undefined;

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(spec, await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('mazur.nnet'))));
  });

  suiteTeardown(async () => {
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    await closeAllEditors();
    await vscode.workspace.fs.delete(spec).then(undefined, () => undefined);
  });

  test('starts with no launch.json, stopped at z⁽¹⁾₁, and the position follows the debugger', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(spec);
    await vscode.window.showTextDocument(document);
    const started = new Promise<vscode.DebugSession>((resolve) => {
      const subscription = vscode.debug.onDidStartDebugSession((s) => {
        subscription.dispose();
        resolve(s);
      });
    });
    // F5 in a spec without a launch.json: VS Code picks the nnet debugger by the editor's
    // language and our provider fills in the configuration.
    await vscode.commands.executeCommand('workbench.action.debug.start');
    session = await started;
    assert.equal(session.type, 'nnet');
    assert.equal(session.configuration.program, spec.fsPath);
    await waitFor('the entry stop', async () => (await frames(session!))[0] === 'z⁽¹⁾₁ = 0.3775');
    await waitFor('the position at step 0', () => api.positions.get(document).step === 0);

    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.debug.stepOver');
    await waitFor('the position at step 3 (a⁽¹⁾₂)', () => api.positions.get(document).step === 3);
    assert.equal(api.positions.view(document).step?.symbolText, 'a⁽¹⁾₂');
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('layer 1'));
    await waitFor('the layer-1 lens to show both z and a', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
      return lenses.some((lens) => lens.range.start.line === line && /z⁽¹⁾ = \[0\.3775, 0\.3925\] · a⁽¹⁾ = \[0\.59327, 0\.596884\]/.test(lens.command?.title ?? ''));
    });

    await vscode.commands.executeCommand('workbench.action.debug.stepBack');
    await waitFor('Step Back to step 2', () => api.positions.get(document).step === 2);
    assert.equal((await frames(session))[0], 'z⁽¹⁾₂ = 0.3925');
  });

  test('the extension’s own Step command moves the session too', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(spec);
    await vscode.commands.executeCommand(Command.step, spec);
    await waitFor('the position at step 3', () => api.positions.get(document).step === 3);
    await waitFor('the session at a⁽¹⁾₂', async () => (await frames(session!))[0].startsWith('a⁽¹⁾₂ = '));
  });

  test('shows inline values up to the stopped quantity', async () => {
    const document = await vscode.workspace.openTextDocument(spec);
    const range = new vscode.Range(0, 0, document.lineCount - 1, 0);
    const context: vscode.InlineValueContext = { frameId: 0, stoppedLocation: new vscode.Range(6, 0, 6, 0) };
    const values = await vscode.commands.executeCommand<vscode.InlineValue[]>('vscode.executeInlineValueProvider', document.uri, range, context);
    const texts = values.filter((v): v is vscode.InlineValueText => v instanceof vscode.InlineValueText || 'text' in v).map((v) => v.text);
    assert.ok(texts.some((text) => /^z⁽¹⁾ = \[0\.3775, 0\.3925\] · a⁽¹⁾ = \[0\.59327, 0\.596884\]/.test(text)), texts.join(' | '));
    assert.ok(texts.some((text) => text === 'layer 2: not computed yet'), texts.join(' | '));
  });

  test('setting a weight in the Variables view edits the spec as one edit that Undo reverts', async () => {
    const document = await vscode.workspace.openTextDocument(spec);
    await vscode.window.showTextDocument(document);
    const variables = async (reference: number) => (await session!.customRequest('variables', { variablesReference: reference })).variables as { name: string; value: string; variablesReference: number }[];
    const { stackFrames } = await session!.customRequest('stackTrace', { threadId: 1 });
    const { scopes } = await session!.customRequest('scopes', { frameId: stackFrames[0].id });
    const layer2 = (scopes as { name: string; variablesReference: number }[]).find((scope) => scope.name === 'Layer 2')!;
    const w = (await variables(layer2.variablesReference)).find((v) => v.name === 'w⁽²⁾')!;
    const row1 = (await variables(w.variablesReference))[0];
    const answer = await session!.customRequest('setVariable', { variablesReference: row1.variablesReference, name: 'w⁽²⁾₁₁', value: '0.41' });
    assert.equal(answer.value, '0.41');
    await waitFor('the spec to read 0.41', () => document.getText().includes('w 0.41 0.50'));
    assert.ok(document.isDirty, 'edited, not saved');
    await vscode.commands.executeCommand('undo');
    await waitFor('one Undo to restore 0.40', () => document.getText().includes('w 0.40 0.50'));
  });

  test('evaluates a watch at the stopped position', async () => {
    const answer = await session!.customRequest('evaluate', { expression: 'z(1)[2]', context: 'watch', frameId: undefined });
    assert.equal(answer.result, '0.3925');
    await vscode.debug.stopDebugging(session);
  });

  test('starts from vscode.debug.startDebugging and runs to a breakpoint set in the editor', async () => {
    const document = await vscode.workspace.openTextDocument(spec);
    const line = document.getText().split('\n').findIndex((text) => text.trimStart().startsWith('w 0.40'));
    const breakpoint = new vscode.SourceBreakpoint(new vscode.Location(spec, new vscode.Position(line, 0)));
    vscode.debug.addBreakpoints([breakpoint]);
    try {
      const started = new Promise<vscode.DebugSession>((resolve) => {
        const subscription = vscode.debug.onDidStartDebugSession((s) => {
          subscription.dispose();
          resolve(s);
        });
      });
      assert.ok(await vscode.debug.startDebugging(undefined, { type: 'nnet', request: 'launch', name: 'to the breakpoint', program: spec.fsPath, stopOnEntry: false }));
      const running = await started;
      await waitFor('the stop at ∂cᵢ/∂w⁽²⁾₁₁', async () => (await frames(running).catch(() => ['']))[0] === '∂cᵢ/∂w⁽²⁾₁₁ = 0.082167');
      await vscode.debug.stopDebugging(running);
    } finally {
      vscode.debug.removeBreakpoints([breakpoint]);
    }
  });
});
