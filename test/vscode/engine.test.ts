/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { computeGradient } from '../../src/core/engine/gradient';
import { Workspace } from '../../src/core/engine/workspace';
import { closeAllEditors, examplePath, extensionApi } from './helpers';

/**
 * The engine as the extension host runs it: a spec with enough work goes to the WebAssembly
 * kernel, compiled inside VS Code's own runtime, and must give exactly the numbers of the
 * JavaScript kernel (computed here, in the test, from the network the extension parsed).
 */

/** A seeded 16-16-16 network with 8 examples: 8·(16·16 + 16·16) = 4,096 multiply-adds per pass. */
function wideSpec(): string {
  const lines = ['network "Wide"', 'cost half-squared', 'learning-rate 0.1', 'seed 7', '', 'layer 0: 16 inputs', 'layer 1: 16 tanh', 'layer 2: 16 sigmoid', ''];
  for (let i = 0; i < 8; i++) {
    const x = Array.from({ length: 16 }, (_, k) => (((i * 7 + k * 3) % 11) / 10 - 0.5).toFixed(2));
    const y = Array.from({ length: 16 }, (_, j) => ((i + j) % 2).toString());
    lines.push(`example x ${x.join(' ')} y ${y.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

async function analysisOf(text: string) {
  const api = await extensionApi();
  const document = await vscode.workspace.openTextDocument({ language: 'nnet', content: text });
  await vscode.window.showTextDocument(document);
  return api.analyses.get(document);
}

suite('the engine inside the extension host', () => {
  teardown(closeAllEditors);

  test('a wider spec runs on the WebAssembly kernel and matches the JavaScript kernel bit for bit', async () => {
    const analysis = await analysisOf(wideSpec());
    assert.deepEqual(analysis.problems, []);
    const { engine, network } = analysis;
    assert.ok(engine !== null && network !== null, 'the engine ran');
    assert.equal(engine.kernel, 'wasm');
    const js = computeGradient(network, new Workspace(network, 'js'));
    assert.equal(engine.cost, js.cost);
    for (let l = 1; l < network.layers.length; l++) {
      assert.deepEqual(Array.from(engine.gradient.w[l]), Array.from(js.w[l]), `∂c/∂w⁽${l}⁾`);
      assert.deepEqual(Array.from(engine.gradient.b[l]), Array.from(js.b[l]), `∂c/∂b⁽${l}⁾`);
    }
  });

  test('the Mazur spec, eight multiply-adds a pass, stays on the JavaScript kernel', async () => {
    const analysis = await analysisOf(readFileSync(examplePath('mazur.nnet'), 'utf8'));
    assert.equal(analysis.engine?.kernel, 'js');
  });
});
