/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

const MAZUR = readFileSync(examplePath('mazur.nnet'), 'utf8');

/** An untitled spec holding `text`, shown in an editor. */
async function untitledSpec(text: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'nnet', content: text });
  return vscode.window.showTextDocument(document);
}

function lineOf(document: vscode.TextDocument, prefix: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.startsWith(prefix)) return line;
  throw new Error(`no line starting ${prefix}`);
}

suite('editing a spec in a real VS Code', () => {
  teardown(closeAllEditors);

  test('the analysis is never stale: get() right after an edit sees the new version', async () => {
    const api = await extensionApi();
    const editor = await untitledSpec(MAZUR);
    const document = editor.document;
    assert.equal(api.analyses.get(document).exampleCount, 1);
    await editor.edit((edit) => edit.insert(document.lineAt(document.lineCount - 1).range.end, '\nexample x 0.5 0.5 y 1 0\n'));
    // No waiting for the debounce: a hover asking now must see two examples.
    const analysis = api.analyses.get(document);
    assert.equal(analysis.version, document.version);
    assert.equal(analysis.exampleCount, 2);
    assert.equal(api.analyses.get(document), analysis, 'the same analysis object for the same version');
  });

  test('announces each new analysis once, after the debounce', async () => {
    const api = await extensionApi();
    const editor = await untitledSpec(MAZUR);
    const document = editor.document;
    await waitFor('the first analysis', () => vscode.languages.getDiagnostics(document.uri) !== undefined && api.analyses.get(document));
    const announced: number[] = [];
    const listening = api.analyses.onDidChange((uri) => {
      if (uri.toString() === document.uri.toString()) announced.push(api.analyses.get(document).version);
    });
    try {
      for (const digit of ['1', '2', '3']) await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), `# ${digit}\n`));
      await waitFor('an announcement', () => announced.length > 0);
      await new Promise((done) => setTimeout(done, api.settings.current.debounceMs + 300));
      assert.deepEqual(announced, [document.version]);
    } finally {
      listening.dispose();
    }
  });

  test('lenses, inlay hints and the outline asked for while typing wait for the debounce instead of analysing each keystroke', async () => {
    const api = await extensionApi();
    const settings = vscode.workspace.getConfiguration('backpropStepper');
    // A long pause, so that "not analysed yet" below cannot race the timer on a slow machine.
    await settings.update('debounceMs', 3000, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the setting', () => api.settings.current.debounceMs === 3000);
      const editor = await untitledSpec(MAZUR);
      const document = editor.document;
      api.analyses.get(document);
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# typing\n'));
      const everything = new vscode.Range(0, 0, document.lineCount, 0);
      const hints = vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, everything);
      const lenses = vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const symbols = vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      await new Promise((done) => setTimeout(done, 500));
      assert.notEqual(api.analyses.peek(document)?.version, document.version, 'nothing analysed the new version before the pause ended');
      const [h, l, s] = await Promise.all([hints, lenses, symbols]);
      assert.equal(api.analyses.peek(document)?.version, document.version);
      assert.ok(h.length > 0 && l.length > 0 && s.length > 0, 'each answered for the new version');
      assert.ok(l.every((lens) => lens.range.start.line > 0), 'the lenses stand below the inserted line');
    } finally {
      await settings.update('debounceMs', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('shows a numeric overflow as a warning on its layer line', async () => {
    const editor = await untitledSpec(MAZUR.replace('0.15 0.25', '1e300 0.25').replace('x 0.05', 'x 1e10'));
    const document = editor.document;
    const warning = await waitFor('the numeric-failure warning', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'numeric-failure'),
    );
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(warning.source, 'nnet');
    assert.equal(warning.range.start.line, lineOf(document, 'layer 1:'));
    assert.match(warning.message, /z⁽¹⁾₁ of example 1/);
  });

  test('keeps the stepping position on the same quantity when an edit shifts it', async () => {
    const api = await extensionApi();
    const editor = await untitledSpec(MAZUR);
    const document = editor.document;
    const delta = { kind: 'delta', layer: 1, j: 2, k: 0 } as const;
    const before = api.positions.stepTo(document, delta);
    assert.ok(before);
    // A third neuron in layer 1 moves every backward step of layer 1 further along the trace.
    const wider = MAZUR.replace('layer 1: 2 sigmoid', 'layer 1: 3 sigmoid')
      .replace(/w 0\.15 0\.25[^\n]*\n    0\.20 0\.30/, 'w 0.15 0.25 0.1\n    0.20 0.30 0.1')
      .replace('b 0.35 0.35', 'b 0.35 0.35 0.1')
      .replace('w 0.40 0.50\n    0.45 0.55', 'w 0.40 0.50\n    0.45 0.55\n    0.1 0.1');
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), wider));
    assert.deepEqual(api.analyses.get(document).problems, []);
    const view = api.positions.view(document);
    assert.deepEqual(view.step?.address, delta);
    assert.notEqual(view.position.step, before.step);
  });

  test('toggles # line comments', async () => {
    const editor = await untitledSpec('learning-rate 0.5\n');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(editor.document.lineAt(0).text, '# learning-rate 0.5');
  });

  test('colours keywords, activations, numbers and comments with the TextMate grammar', async function () {
    // The command that exposes TextMate scopes exists in desktop VS Code (its colorizer tests
    // use it), not in every build: skip where it is missing.
    if (!(await vscode.commands.getCommands(false)).includes('_workbench.captureSyntaxTokens')) this.skip();
    const tokens = await vscode.commands.executeCommand<{ c: string; t: string }[]>('_workbench.captureSyntaxTokens', vscode.Uri.file(examplePath('mazur.nnet')));
    const scopesOf = (text: string) => tokens.find((token) => token.c.trim() === text)?.t ?? `(no token ${text})`;
    assert.match(scopesOf('network'), /keyword\.control\.nnet/);
    assert.match(scopesOf('half-squared'), /support\.function\.cost\.nnet/);
    assert.match(scopesOf('sigmoid'), /support\.function\.activation\.nnet/);
    assert.match(scopesOf('0.15'), /constant\.numeric\.nnet/);
    assert.match(scopesOf('#'), /punctuation\.definition\.comment\.nnet/);
  });
});
