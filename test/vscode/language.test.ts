/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, examplePath, extensionApi, pause, symbolTree, waitFor } from './helpers';

suite('examples/mazur.nnet in a real VS Code', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(examplePath('mazur.nnet')));
    await vscode.window.showTextDocument(document);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
  });

  test('is an nnet document and activates the extension', async () => {
    assert.equal(document.languageId, 'nnet');
    const api = await extensionApi();
    assert.ok(api.analyses, 'activate returns the shared services');
  });

  test('has no problems, and backpropagation runs', async () => {
    const api = await extensionApi();
    const analysis = api.analyses.get(document);
    assert.deepEqual(analysis.problems, []);
    assert.equal(analysis.skipped, null);
    assert.equal(analysis.exampleCount, 1);
    // Let the debounced announcement reach the Problems view, then check it stayed empty.
    await pause(api.settings.current.debounceMs + 200);
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri), []);
  });

  test('outlines the network, its settings, layers with w and b, and the example', async () => {
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(symbolTree(symbols), [
      'Step-by-step backpropagation',
      '  cost',
      '  learning-rate',
      '  layer 0: 2 inputs',
      '  layer 1: 2 sigmoid',
      '    w⁽¹⁾',
      '    b⁽¹⁾',
      '  layer 2: 2 sigmoid',
      '    w⁽²⁾',
      '    b⁽²⁾',
      '  example 1',
    ]);
    const layer1 = symbols[0].children.find((symbol) => symbol.name === 'layer 1: 2 sigmoid')!;
    // The layer covers its header through its `b` line (lines 7–10 as a person counts).
    assert.equal(layer1.range.start.line, 6);
    assert.equal(layer1.range.end.line, 9);
    assert.equal(layer1.kind, vscode.SymbolKind.Struct);
  });

  test('steps through the trace and keeps the position in range', async () => {
    const api = await extensionApi();
    assert.deepEqual(api.positions.get(document), { example: 0, step: 0 });
    assert.deepEqual(api.positions.move(document, 'next'), { example: 0, step: 1 });
    const cost = api.positions.move(document, 'runForward');
    assert.equal(api.positions.view(document).step?.address.kind, 'cost');
    assert.ok(cost.step > 1);
    const last = api.positions.move(document, 'runBackward');
    assert.equal(api.positions.view(document).step?.phase, 'backward');
    assert.deepEqual(api.positions.move(document, 'nextExample'), last, 'there is only one example');
    assert.deepEqual(api.positions.move(document, 'reset'), { example: 0, step: -1 }, 'Reset goes to before the first step');
    assert.equal(api.positions.view(document).step, null, 'nothing is computed yet');
  });
});
