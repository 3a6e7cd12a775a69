/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/commandIds';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

/**
 * Hovers, code lenses and inlay hints as VS Code itself asks for them (the execute…Provider
 * commands run every registered provider, ours included), on an untitled copy of
 * examples/mazur.nnet so the stepping position and settings changes stay local to the suite.
 */
const MAZUR = readFileSync(examplePath('mazur.nnet'), 'utf8');

function lineOf(document: vscode.TextDocument, prefix: string): number {
  for (let line = 0; line < document.lineCount; line++) if (document.lineAt(line).text.trimStart().startsWith(prefix)) return line;
  throw new Error(`no line starting ${prefix}`);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : 'value' in part ? part.value : ''))).join('\n');
}

function hintLabel(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

suite('hovers, code lenses and inlay hints in a real VS Code', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    document = await vscode.workspace.openTextDocument({ language: 'nnet', content: MAZUR });
    await vscode.window.showTextDocument(document);
    await extensionApi();
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('backpropStepper').update('inlayHints', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('hovering 0.40 shows w⁽²⁾₁₁, its gradient 0.082167 and the chain-rule factors', async () => {
    const line = lineOf(document, 'w 0.40');
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('0.40') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /w⁽²⁾₁₁/);
    assert.match(text, /0\.082167/);
    assert.match(text, /0\.741365 × 0\.186816 × 0\.59327 = 0\.082167/);
    assert.match(text, /0\.358916/);
    const markdown = hovers.flatMap((hover) => hover.contents).find((part): part is vscode.MarkdownString => part instanceof vscode.MarkdownString);
    assert.ok(markdown, 'the hover is Markdown');
    assert.deepEqual(
      markdown.isTrusted,
      { enabledCommands: [Command.stepTo, Command.showInPanel, Command.traceExample] },
      'trusted for our three stepping commands only',
    );
    assert.ok(!markdown.supportHtml, 'no HTML');
  });

  test('a crafted network name reaches the hover as text, not as a link or HTML', async () => {
    const crafted = await vscode.workspace.openTextDocument({
      language: 'nnet',
      content: MAZUR.replace(/network ".*"/, 'network "[x](command:workbench.action.terminal.new) <img src=x>"'),
    });
    const line = lineOf(crafted, 'network');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', crafted.uri, new vscode.Position(line, 2));
    const text = hoverText(hovers);
    assert.match(text, /\\\[x\\\]\\\(command\\:workbench/, 'the brackets and parenthesis are escaped');
    assert.doesNotMatch(text, /(^|[^\\])<img/);
    assert.deepEqual([...text.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]), [Command.showInPanel]);
  });

  test('the code lens above layer 2 shows δ⁽²⁾ with 0.138499 after a backward pass', async () => {
    await vscode.commands.executeCommand(Command.runBackward, document.uri.toString());
    const line = lineOf(document, 'layer 2');
    const title = await waitFor('the δ⁽²⁾ lens', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
      const found = lenses.find((lens) => lens.range.start.line === line && lens.command?.title.includes('δ⁽²⁾'));
      return found?.command?.title;
    });
    assert.match(title, /δ⁽²⁾ = \[0\.138499, −0\.0380982\]/);
  });

  test('inlay hints follow each weight, and the setting turns them off', async () => {
    const line = lineOf(document, 'w 0.40');
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
    const after040 = hints.find((hint) => hint.position.line === line && hint.position.character === document.lineAt(line).text.indexOf('0.40') + 4);
    assert.ok(after040, 'a hint right after 0.40');
    assert.equal(hintLabel(after040), '∂c/∂w = 0.082167');

    await vscode.workspace.getConfiguration('backpropStepper').update('inlayHints', 'off', vscode.ConfigurationTarget.Global);
    await waitFor('hints to turn off', async () => {
      const now = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
      return now.length === 0;
    });
    await vscode.workspace.getConfiguration('backpropStepper').update('inlayHints', 'updated', vscode.ConfigurationTarget.Global);
    const updated = await waitFor('hints in "updated" mode', async () => {
      const now = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
      return now.find((hint) => hint.position.line === line && hintLabel(hint).startsWith('→'));
    });
    assert.equal(hintLabel(updated), '→ 0.358916');
  });
});
