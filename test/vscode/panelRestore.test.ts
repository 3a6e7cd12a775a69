/// <reference types="mocha" />
/**
 * A restored panel's saved state is input: VS Code hands back whatever the page stored, and a
 * forged state must not make the extension open an arbitrary URI. Only a `.nnet` spec in a place
 * specs live (a file, a remote workspace's file, an unsaved editor) is reopened.
 */
import * as assert from 'node:assert/strict';
import { restorableSpec } from '../../src/extension/panel/panelManager';

suite('restoring a panel from its saved state', () => {
  test('reopens a .nnet file, local or in a remote workspace, and an unsaved spec', () => {
    assert.equal(restorableSpec('file:///home/learner/mazur.nnet')?.path, '/home/learner/mazur.nnet');
    assert.equal(restorableSpec('vscode-remote://ssh-remote%2Bbox/home/learner/XOR.NNET')?.scheme, 'vscode-remote');
    assert.equal(restorableSpec('untitled:Untitled-1')?.scheme, 'untitled');
  });

  test('refuses anything else a forged state could name', () => {
    for (const uri of [
      'file:///etc/passwd',
      'command:workbench.action.terminal.new',
      'https://example.com/mazur.nnet',
      'vscode-userdata:/home/learner/settings.json',
      'not a uri at all',
      '',
    ]) {
      assert.equal(restorableSpec(uri), null, uri);
    }
  });
});
