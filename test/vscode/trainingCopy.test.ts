/// <reference types="mocha" />
/**
 * The Step through copy of a training run in a real VS Code, on a copy of examples/xor.nnet in a
 * folder of its own. The copy is a document that is no file (`backprop-training:`): F5 on it
 * debugs it by its URI, so the stack frames open the copy itself, a breakpoint set in the copy
 * binds and stops, and the Variables view shows that step's numbers. Then the Training panel's
 * scrubber moves: the same copy (same document, same stepping panel, same debug session) changes
 * to the scrubbed step, keeping its stepping position, and the session's Variables follow.
 *
 * The test acts as the Training panel's page does (its messages go through `handleMessage`).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { VARIABLE_DIGITS } from '../../src/core/debug/variables';
import { formatNumber } from '../../src/core/notation/format';
import { parseSpec } from '../../src/core/parser/parse';
import { Trainer } from '../../src/core/training/trainer';
import { Command } from '../../src/extension/commandIds';
import { NnetConfigurationProvider } from '../../src/extension/debug/debugConfiguration';
import type { TrainingPanel } from '../../src/extension/training/trainingPanel';
import { closeAllEditors, examplePath, extensionApi, waitFor } from './helpers';

interface Frame {
  readonly id: number;
  readonly name: string;
  readonly line: number;
  readonly source?: { readonly name?: string; readonly path?: string; readonly sourceReference?: number };
}

async function topFrame(session: vscode.DebugSession): Promise<Frame | undefined> {
  const answer = await session.customRequest('stackTrace', { threadId: 1 }).then(undefined, () => undefined);
  return (answer?.stackFrames as Frame[] | undefined)?.[0];
}

/** w⁽²⁾₁₁ as the Variables view shows it at the session's current stop, and the row holding it. */
async function w211(session: vscode.DebugSession): Promise<{ value: string; row: number }> {
  const variables = async (reference: number) => (await session.customRequest('variables', { variablesReference: reference })).variables as { name: string; value: string; variablesReference: number }[];
  const top = await topFrame(session);
  const { scopes } = await session.customRequest('scopes', { frameId: top!.id });
  const layer2 = (scopes as { name: string; variablesReference: number }[]).find((scope) => scope.name === 'Layer 2')!;
  const w = (await variables(layer2.variablesReference)).find((v) => v.name === 'w⁽²⁾')!;
  const row1 = (await variables(w.variablesReference))[0];
  return { value: (await variables(row1.variablesReference)).find((v) => v.name === 'w⁽²⁾₁₁')!.value, row: row1.variablesReference };
}

const weightsOf = (layers: readonly { weights: Float64Array; biases: Float64Array }[]) => layers.map((layer) => [...layer.weights, ...layer.biases]);

suite('the Step through copy: its debugger, and the scrubber', () => {
  const folder = mkdtempSync(join(tmpdir(), 'backprop-training-copy-'));
  const spec = vscode.Uri.file(join(folder, 'xor.nnet'));
  const FIRST = 37;
  const LATER = 80;
  let reference: Trainer;
  let panel: TrainingPanel;
  let copy: vscode.TextDocument;
  let session: vscode.DebugSession;
  let breakpoint: vscode.SourceBreakpoint | undefined;

  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(spec, await vscode.workspace.fs.readFile(vscode.Uri.file(examplePath('xor.nnet'))));
    reference = new Trainer(parseSpec(new TextDecoder().decode(await vscode.workspace.fs.readFile(spec))).network!, { steps: 100 });
    reference.run(100);
  });

  suiteTeardown(async () => {
    if (breakpoint) vscode.debug.removeBreakpoints([breakpoint]);
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    panel?.panel.dispose();
    await closeAllEditors();
    rmSync(folder, { recursive: true, force: true });
  });

  test('F5 on the copy: its frames open it, a breakpoint set in it stops, its variables are the step’s', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(spec);
    await vscode.window.showTextDocument(document);
    const trained = await vscode.commands.executeCommand<TrainingPanel | undefined>(Command.train);
    assert.ok(trained);
    panel = trained;
    await waitFor('the run to finish', () => panel.runState === 'finished');

    await panel.handleMessage({ type: 'stepThrough', step: FIRST });
    const uri = panel.copyUri!;
    copy = await waitFor('the copy', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
    assert.equal(uri.scheme, 'backprop-training');
    assert.match(copy.uri.path, /\/xor \(training\)\.nnet$/);
    assert.equal(copy.lineAt(0).text, `# xor.nnet after ${FIRST} steps of training, read-only: it follows the Training panel's scrubber.`);
    const expected = reference.parametersAt(FIRST);

    // A breakpoint on the copy's line of w⁽²⁾, set as a learner sets one in its editor.
    const lines = copy.getText().split('\n');
    const wLine = lines.findIndex((text, q) => q > lines.findIndex((t) => t.startsWith('layer 2')) && text.trimStart().startsWith('w '));
    breakpoint = new vscode.SourceBreakpoint(new vscode.Location(copy.uri, new vscode.Position(wLine, 0)));
    vscode.debug.addBreakpoints([breakpoint]);

    // F5 with the copy's editor active, as a learner starts it. A launch.json's `${file}` names
    // files only; with the copy active the extension gives it the copy's URI instead.
    await vscode.window.showTextDocument(copy);
    const resolved = new NnetConfigurationProvider().resolveDebugConfiguration(undefined, { type: 'nnet', request: 'launch', name: 'from launch.json', program: '${file}' });
    assert.equal(resolved?.program, copy.uri.toString());
    const started = new Promise<vscode.DebugSession>((resolve) => {
      const subscription = vscode.debug.onDidStartDebugSession((s) => {
        subscription.dispose();
        resolve(s);
      });
    });
    await vscode.commands.executeCommand('workbench.action.debug.start');
    session = await started;
    assert.equal(session.configuration.program, copy.uri.toString(), 'the session names the copy by its URI');
    await waitFor('the entry stop', async () => (await topFrame(session))?.name.startsWith('z⁽¹⁾₁ = '));
    await waitFor('the copy’s position to follow the session', () => api.positions.get(copy).step === 0);

    // Away from the copy, then Continue: VS Code opens the stopped frame's source, which is the copy.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.debug.continue');
    const top = await waitFor('the stop at the breakpoint', async () => {
      const frame = await topFrame(session);
      return frame?.name.startsWith('∂cᵢ/∂w⁽²⁾₁₁ = ') ? frame : undefined;
    });
    assert.equal(top.line - 1, wLine);
    assert.equal(top.source?.sourceReference ?? 0, 0);
    assert.equal(vscode.Uri.parse(top.source!.path!).toString(), copy.uri.toString(), 'the frame’s source is the copy’s URI');
    await waitFor('the copy to be opened at the frame', () => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document === copy && editor.selection.start.line === wLine;
    });

    // The Variables view: the parameters after 37 steps, as the debugger writes numbers.
    const last = expected.w.length - 1;
    assert.equal((await w211(session)).value, formatNumber(expected.w[last][0], VARIABLE_DIGITS));
  });

  test('the scrubber moves the copy: text, analysis, panel and debug session go to the step, at the same position', async () => {
    const api = await extensionApi();
    const stepper = await waitFor('the copy’s stepping panel', () => api.panels.panelFor(copy.uri));
    const position = api.positions.get(copy);
    assert.ok(position.step > 0, 'the session moved the copy’s position');

    await panel.handleMessage({ type: 'scrub', step: 60 });
    await panel.handleMessage({ type: 'scrub', step: LATER }); // a drag: only where it rests counts
    await waitFor('the copy at the later step', () => copy.lineAt(0).text.includes(`after ${LATER} steps`));
    const copies = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'backprop-training' && d.uri.path === copy.uri.path);
    assert.deepEqual(copies, [copy], 'one copy per run');
    const expected = reference.parametersAt(LATER);
    const analysis = await waitFor('the copy analysed again', async () => {
      const current = await api.analyses.ready(copy, new vscode.CancellationTokenSource().token);
      return current?.version === copy.version ? current : undefined;
    });
    assert.deepEqual(weightsOf(analysis.network!.layers), expected.w.map((w, l) => [...w, ...expected.b[l]]));
    assert.equal(api.panels.panelFor(copy.uri), stepper, 'the same stepping panel follows it');
    assert.deepEqual(api.positions.get(copy), position, 'at the same stepping position');
    const last = expected.w.length - 1;
    await waitFor('the session’s variables at the later step', async () => (await w211(session)).value === formatNumber(expected.w[last][0], VARIABLE_DIGITS));
    assert.ok(!copy.isDirty, 'the copy is never an unsaved edit');

    // Setting a number in the read-only copy is refused with a reason.
    const { row } = await w211(session);
    const refused = await session.customRequest('setVariable', { variablesReference: row, name: 'w⁽²⁾₁₁', value: '1' }).then(() => '', (error: Error) => error.message);
    assert.match(refused, /read-only copy of a training step/);
    assert.ok(copy.lineAt(0).text.includes(`after ${LATER} steps`) && !copy.isDirty);
    await vscode.debug.stopDebugging(session);
  });
});
