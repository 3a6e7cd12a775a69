/// <reference types="mocha" />
/**
 * *Backprop: Train* in a real VS Code, on a copy of examples/xor.nnet in a folder of its own: the
 * run trains in its worker and the Training panel's page is sent the run, a falling cost and its
 * end; a scrub is answered with the decision map; Step through opens the spec after that step as
 * a document of its own whose analysis has exactly the Trainer's parameters at that step, with
 * its stepping panel; Apply writes the step into the spec as one edit that one Undo takes back,
 * and refuses once the spec has changed since the training started.
 *
 * The test acts as the page does (its messages go through `handleMessage`), so it does not depend
 * on the page's script, and reads what the page was sent through the panel's `onDidPost`.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseSpec } from '../../src/core/parser/parse';
import { Trainer } from '../../src/core/training/trainer';
import { Command } from '../../src/extension/commandIds';
import type { TrainingPanel } from '../../src/extension/training/trainingPanel';
import { TRAINING_SCHEME } from '../../src/extension/training/steppedUri';
import type { ExtensionToTraining, TrainingSnapshot } from '../../src/shared/trainingMessages';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

/** The messages of the last run the page was sent (a page that loads again is sent the run again). */
function lastRun(posted: readonly ExtensionToTraining[]): ExtensionToTraining[] {
  const start = posted.map((message) => message.type).lastIndexOf('run');
  return start < 0 ? [] : posted.slice(start);
}

/** The training cost after t steps, for every t the page was sent. */
function costs(posted: readonly ExtensionToTraining[]): number[] {
  const cost: number[] = [];
  for (const message of lastRun(posted)) if (message.type === 'progress') message.cost.forEach((value, q) => (cost[message.from + q] = value));
  return cost;
}

const weightsOf = (layers: readonly { weights: Float64Array; biases: Float64Array }[]) => layers.map((layer) => [...layer.weights, ...layer.biases]);

suite('Backprop: Train', () => {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-training-'));
  const spec = vscode.Uri.file(join(folder, 'xor.nnet'));
  const STEP = 37;

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(spec, await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('xor.nnet'))));
  });

  const subscriptions: vscode.Disposable[] = [];

  suiteTeardown(async () => {
    subscriptions.forEach((subscription) => subscription.dispose());
    // The spec is left edited: reverted first, so nothing tries to save it into a removed folder.
    await vscode.window.showTextDocument(spec);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
    rmSync(folder, { recursive: true, force: true });
  });

  test('trains xor, draws a step, steps through it, applies it and undoes it', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(spec);
    await vscode.window.showTextDocument(document);
    const original = document.getText();

    const panel = await vscode.commands.executeCommand<TrainingPanel | undefined>(Command.train);
    assert.ok(panel, 'Train returns the Training panel');
    assert.equal(panel.panel.title, 'Training: xor.nnet');
    assert.equal(api.training.panelFor(spec), panel);
    const posted: ExtensionToTraining[] = [];
    subscriptions.push(panel.onDidPost((message) => posted.push(message)));
    // A page that is ready is sent everything so far (the real page may have said so already).
    await panel.handleMessage({ type: 'ready' });
    const finished = await waitFor('the end of the run', () => lastRun(posted).find((message) => message.type === 'finished'));
    assert.deepEqual({ ...finished, elapsedMs: 0 }, { type: 'finished', done: 100, outcome: 'completed', divergedAt: null, elapsedMs: 0 });
    const run = lastRun(posted)[0];
    assert.ok(run.type === 'run');
    assert.deepEqual([run.fileName, run.steps, run.batchSize, run.picture, run.uri], ['xor.nnet', 100, 4, 'map', spec.toString()]);

    // The curve: every cost from before the first step to after the last, falling; exactly the Trainer's.
    const reference = new Trainer(parseSpec(original).network!, { steps: 100 });
    reference.run(100);
    const cost = costs(posted);
    assert.deepEqual(cost, Array.from(reference.history().cost));
    assert.ok(cost[100] < cost[0] * 0.7, `the cost falls: ${cost[0]} → ${cost[100]}`);

    // The scrubber: the map at a step, drawn by the worker.
    // Asked again until answered: the worker draws only the newest scrub, and the page may scrub too.
    const snapshot = await waitFor('the snapshot', async () => {
      const found = lastRun(posted).find((m): m is TrainingSnapshot => m.type === 'snapshot' && m.step === STEP);
      if (!found) await panel.handleMessage({ type: 'scrub', step: STEP });
      return found;
    });
    assert.equal(snapshot.cost, cost[STEP]);
    assert.equal(snapshot.picture?.kind, 'map');

    // Step through this step: the spec after it, analysed like any spec, with its stepping panel.
    const expected = reference.parametersAt(STEP);
    await panel.handleMessage({ type: 'stepThrough', step: STEP });
    const stepped = await waitFor('the stepped document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === TRAINING_SCHEME && d.uri.toString() === panel.copyUri?.toString()));
    assert.equal(stepped.languageId, 'nnet');
    assert.match(stepped.uri.path, /\/xor \(training\)\.nnet$/);
    assert.match(stepped.lineAt(0).text, /^# xor\.nnet after 37 steps of training/);
    const analysis = await api.analyses.ready(stepped, new vscode.CancellationTokenSource().token);
    assert.ok(analysis?.network && analysis.engine, 'the stepped spec is analysed');
    assert.deepEqual(weightsOf(analysis.network.layers), expected.w.map((w, l) => [...w, ...expected.b[l]]));
    assert.deepEqual(await panel.parametersAt(STEP), { step: STEP, w: expected.w, b: expected.b });
    await waitFor('the stepped spec’s panel', () => api.panels.panelFor(stepped.uri));
    assert.equal(document.getText(), original, 'stepping through never touches the spec');

    // Apply: one edit with the step's parameters (to the applyDigits setting, 6), and one Undo.
    await panel.handleMessage({ type: 'apply', step: STEP });
    const applied = parseSpec(document.getText()).network!;
    const rounded = expected.w.map((w, l) => [...w, ...expected.b[l]].map((value) => Number(value.toPrecision(6))));
    assert.deepEqual(weightsOf(applied.layers), rounded);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one Undo restores the spec exactly');

    // A spec changed since the training started is refused, and left as it is.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(spec, new vscode.Position(0, 0), '# changed\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await panel.handleMessage({ type: 'apply', step: STEP });
    assert.equal(document.getText(), `# changed\n${original}`);
  });

  test('training again replaces the run, its copy stays at its step, and closing the panel ends its worker', async () => {
    const api = await extensionApi();
    const panel = api.training.panelFor(spec);
    assert.ok(panel);
    const firstCopy = panel.copyUri!;
    const first = vscode.workspace.textDocuments.find((d) => d.uri.toString() === firstCopy.toString());
    assert.ok(first, 'the first run’s copy is open');
    const posted: ExtensionToTraining[] = [];
    subscriptions.push(panel.onDidPost((message) => posted.push(message)));
    assert.equal(await vscode.commands.executeCommand(Command.train, spec), panel, 'one panel per spec');
    // Shown again, the page loads again and says so (it was hidden by the stepped spec's panel).
    panel.reveal();
    await panel.handleMessage({ type: 'ready' });
    await waitFor('the new run to finish', () => panel.runState === 'finished');
    await waitFor('the page to hear of its end', () => lastRun(posted).some((message) => message.type === 'finished'));
    assert.equal(costs(posted).length, 101);

    // The replaced run's copy stays at its step and says it no longer follows; the new run's copy has a name of its own.
    await waitFor('the old copy to say its run ended', () => first.lineAt(0).text.endsWith('its training run has ended, so it stays at this step.'));
    assert.equal(first.lineAt(0).text, `# xor.nnet after ${STEP} steps of training, read-only: its training run has ended, so it stays at this step.`);
    await panel.handleMessage({ type: 'stepThrough', step: 5 });
    const second = await waitFor('the new run’s copy', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === panel.copyUri?.toString()));
    assert.match(second.uri.path, /\/xor \(training 2\)\.nnet$/);
    assert.match(second.lineAt(0).text, /^# xor\.nnet after 5 steps of training, read-only: it follows/);
    assert.match(first.lineAt(0).text, /after 37 steps .* has ended/, 'the old copy stays as it was');
    panel.panel.dispose();
    assert.equal(panel.runState, 'none');
    assert.equal(api.training.panelFor(spec), undefined);
  });
});
