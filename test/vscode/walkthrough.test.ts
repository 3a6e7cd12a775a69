/// <reference types="mocha" />
/**
 * First run in a real VS Code: the Get Started walkthrough is contributed and opens on the
 * Welcome page, and the command link of each of its steps — read from the step's own
 * description, as the Welcome page reads it — does what the step says: an example opens, a
 * weight's hover shows its gradient, the panel opens one step in, a debug session starts, a
 * Training panel trains. New Network Spec lists the templates and every shipped example (a file
 * added to examples/ included) and opens the chosen one as an untitled copy, or read-only when
 * it reads a data file; Write Initial Weights writes a seeded spec's weights as one edit that
 * keeps the engine's numbers and that one Undo takes back.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { BEFORE_FIRST } from '../../src/core/stepping/position';
import { Command } from '../../src/extension/commandIds';
import type { SpecPickItem } from '../../src/extension/firstRun/newSpec';
import type { Notice } from '../../src/extension/notices';
import type { TrainingPanel } from '../../src/extension/training/trainingPanel';
import { closeAllEditors, EXTENSION_ID, examplePath, extensionApi, pause, repoRoot, waitFor } from './helpers';

interface WalkthroughStep {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly completionEvents?: readonly string[];
}
interface Walkthrough {
  readonly id: string;
  readonly steps: readonly WalkthroughStep[];
}

/** The command links of a step's description, `[label](command:toSide:id?args)`, as id and arguments. */
function commandLinks(description: string): { id: string; args: unknown[] }[] {
  return [...description.matchAll(/\]\(command:(?:toSide:)?([\w.]+)(?:\?([^)]*))?\)/g)].map((m) => {
    const parsed: unknown = m[2] ? JSON.parse(decodeURIComponent(m[2])) : [];
    return { id: m[1], args: Array.isArray(parsed) ? parsed : [parsed] };
  });
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : 'value' in part ? part.value : ''))).join('\n');
}

const isExample = (uri: vscode.Uri | undefined, name: string) => uri?.scheme === 'file' && uri.fsPath === examplePath(name);

/**
 * Types a character into the active editor as a person would (the API's own edits are not held
 * back by read-only); returns whether the text changed.
 */
async function typeInto(document: vscode.TextDocument): Promise<boolean> {
  assert.equal(vscode.window.activeTextEditor?.document, document);
  const before = document.getText();
  await vscode.commands.executeCommand('type', { text: 'x' });
  await pause(100);
  return document.getText() !== before;
}

/** Every editor tab's label, across groups. */
const tabLabels = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));

suite('First run: the walkthrough, New Network Spec and Write Initial Weights', () => {
  const addedExample = `walkthrough-added-${process.pid}.nnet`;
  const notices: Notice[] = [];
  const subscriptions: vscode.Disposable[] = [];

  suiteSetup(async () => {
    const api = await extensionApi();
    subscriptions.push(api.notices.onDidShow((notice) => notices.push(notice)));
  });

  suiteTeardown(async () => {
    subscriptions.forEach((subscription) => subscription.dispose());
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    // The shipped examples opened read-only stay so for the window's session: make them writable again for any later suite.
    for (const name of ['mazur.nnet', 'iris.nnet']) {
      await vscode.window.showTextDocument(vscode.Uri.file(examplePath(name)));
      await vscode.commands.executeCommand('workbench.action.files.resetActiveEditorReadonlyInSession');
    }
    await closeAllEditors();
    await vscode.workspace.fs.delete(vscode.Uri.file(examplePath(addedExample))).then(undefined, () => undefined);
  });

  test('the walkthrough is contributed, opens, and each step’s button does what it says', async function () {
    this.timeout(90_000);
    const api = await extensionApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs: Walkthrough[] } }).contributes.walkthroughs;
    const walkthrough = walkthroughs.find((w) => w.id === 'getStarted');
    assert.ok(walkthrough, 'the Get Started walkthrough is contributed');
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['openExample', 'hoverWeight', 'openPanelAndStep', 'debug', 'train', 'exportSolution']);

    await closeAllEditors();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#getStarted`, false);
    const label = await waitFor('the walkthrough on the Welcome page', () => tabLabels().find((text) => /Welcome|Walkthrough|Backprop Stepper/.test(text)));
    console.log(`walkthrough tab: ${label}`);

    const registered = await vscode.commands.getCommands(true);
    const contributed = new Set((extension.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command));
    const run = async (step: WalkthroughStep, index = 0): Promise<unknown> => {
      const link = commandLinks(step.description)[index];
      assert.ok(link, `${step.id} has a command link`);
      assert.ok(contributed.has(link.id), `${step.id}: ${link.id} is a contributed command`);
      assert.ok(step.completionEvents?.includes(`onCommand:${link.id}`), `${step.id} ticks off when ${link.id} runs`);
      return vscode.commands.executeCommand(link.id, ...link.args);
    };
    const step = (id: string) => walkthrough.steps.find((s) => s.id === id)!;

    // 1. Open a network: the article's example, read-only (it lives in the extension's folder).
    const opened = (await run(step('openExample'))) as vscode.TextEditor;
    assert.ok(isExample(opened.document.uri, 'mazur.nnet'), `opened ${opened.document.uri.toString()}`);
    assert.ok(isExample(vscode.window.activeTextEditor?.document.uri, 'mazur.nnet'));
    const mazur = opened.document;
    assert.equal(await typeInto(mazur), false, 'the shipped example cannot be typed into');
    assert.equal(mazur.isDirty, false);
    // Its second button: New Network Spec.
    const pick = (await run(step('openExample'), 1)) as vscode.QuickPick<SpecPickItem>;
    assert.equal(pick.title, 'New Network Spec');
    pick.hide();

    // 2. Hover a weight: the cursor on w⁽²⁾₁₁ = 0.40, whose hover carries its gradient.
    const hovered = (await run(step('hoverWeight'))) as vscode.TextEditor;
    assert.equal(hovered.document, mazur);
    const at = hovered.selection.active;
    assert.equal(mazur.getText(mazur.getWordRangeAtPosition(at, /[-\d.]+/)), '0.40');
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', mazur.uri, at));
    assert.match(hover, /w⁽²⁾₁₁/);
    assert.match(hover, /0\.082167/);

    // 3. Open the panel and step: the panel is there, at the first step, z⁽¹⁾₁.
    api.positions.set(mazur, { example: 0, step: BEFORE_FIRST });
    await run(step('openPanelAndStep'));
    await waitFor('the panel', () => api.panels.panelFor(mazur.uri));
    await waitFor('the first step', () => api.positions.view(mazur).step?.symbolText === 'z⁽¹⁾₁');

    // 4. Debug with F5: a session of the nnet debugger on the example.
    const started = new Promise<vscode.DebugSession>((resolve) => {
      const subscription = vscode.debug.onDidStartDebugSession((session) => {
        subscription.dispose();
        resolve(session);
      });
    });
    await run(step('debug'));
    const session = await started;
    assert.equal(session.type, 'nnet');
    assert.equal(session.configuration.program, mazur.uri.fsPath);
    await vscode.debug.stopDebugging(session);

    // 5. Train: the example's Training panel, trained to the end.
    const panel = (await run(step('train'))) as TrainingPanel | undefined;
    assert.ok(panel, 'Train returns its panel');
    assert.equal(api.training.panelFor(mazur.uri), panel);
    await waitFor('the run to finish', () => panel.runState === 'finished', 30_000);

    // 6. Export: the button runs Export Worked Solution, which asks for a format first (its own
    // suite tests what it writes); the command is registered and contributed.
    const exportStep = step('exportSolution');
    assert.ok(exportStep.completionEvents?.includes(`onCommand:${Command.exportSolution}`));
    assert.ok(registered.includes(Command.exportSolution) && contributed.has(Command.exportSolution));
    assert.equal(commandLinks(exportStep.description)[0].id, Command.walkthroughExportSolution);
    const exporting = Promise.resolve(run(exportStep));
    const state = await Promise.race([exporting.then(() => 'finished'), pause(1500).then(() => 'asking')]);
    assert.equal(state, 'asking', 'the export waits for the learner to choose a format');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await exporting, undefined, 'dismissed, it exports nothing');
  });

  test('New Network Spec lists the templates and every shipped example, and opens the chosen one', async () => {
    await closeAllEditors();
    // A file dropped into examples/ is listed, described by its own first comment, without any code change.
    const added = vscode.Uri.file(examplePath(addedExample));
    await vscode.workspace.fs.writeFile(added, new TextEncoder().encode('# Added for the walkthrough test. Not shown.\nlayer 0: 1 input\nlayer 1: 1 linear\nexample x 1 y 2\n'));

    const open = async () => {
      const pick = await vscode.commands.executeCommand<vscode.QuickPick<SpecPickItem>>(Command.newSpec);
      await waitFor('the list', () => !pick.busy && pick.items.length > 0);
      return pick;
    };
    const choose = async (pick: vscode.QuickPick<SpecPickItem>, fileName: string, kind: 'template' | 'example') => {
      const item = pick.items.find((i) => i.entry?.fileName === fileName && i.entry.kind === kind);
      assert.ok(item, `${kind} ${fileName} is listed`);
      pick.activeItems = [item];
      await pause(200); // the extension host sends the change to the workbench on its next tick
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    };

    let pick = await open();
    const templates = readdirSync(join(repoRoot, 'media/templates')).filter((n) => n.endsWith('.nnet')).sort();
    const examples = readdirSync(join(repoRoot, 'examples')).filter((n) => n.endsWith('.nnet')).sort((a, b) => a.localeCompare(b));
    assert.deepEqual(pick.items.filter((i) => i.entry?.kind === 'template').map((i) => i.entry!.fileName), templates);
    assert.deepEqual(pick.items.filter((i) => i.entry?.kind === 'example').map((i) => i.entry!.fileName), examples);
    assert.deepEqual(pick.items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator).map((i) => i.label), ['Templates', 'Examples shipped with the extension']);
    const addedItem = pick.items.find((i) => i.entry?.fileName === addedExample)!;
    assert.deepEqual([addedItem.label, addedItem.detail], [addedExample.replace(/\.nnet$/, ''), 'Added for the walkthrough test.']);
    const mazurItem = pick.items.find((i) => i.entry?.fileName === 'mazur.nnet')!;
    assert.deepEqual([mazurItem.label, mazurItem.detail], ['Step-by-step backpropagation', 'A 2-2-2 sigmoid network and one training example.']);
    assert.equal(mazurItem.buttons?.[0]?.tooltip, 'Open the shipped example itself, read-only');

    // A template opens as a new untitled spec holding the template's text.
    await choose(pick, 'xor.nnet', 'template');
    const xor = await waitFor('the untitled XOR spec', () => vscode.window.activeTextEditor?.document.uri.scheme === 'untitled' && vscode.window.activeTextEditor.document);
    assert.equal(xor.languageId, 'nnet');
    assert.equal(xor.getText(), readFileSync(join(repoRoot, 'media/templates/xor.nnet'), 'utf8'));

    // A shipped example opens as an editable untitled copy …
    pick = await open();
    await choose(pick, 'mazur.nnet', 'example');
    const copy = await waitFor('the untitled copy', () => vscode.window.activeTextEditor?.document !== xor && vscode.window.activeTextEditor?.document.uri.scheme === 'untitled' && vscode.window.activeTextEditor.document);
    assert.equal(copy.getText(), readFileSync(examplePath('mazur.nnet'), 'utf8'));
    assert.equal(await typeInto(copy), true, 'the copy is the learner’s to edit');
    // … except one that reads a data file beside it: that opens itself, read-only.
    pick = await open();
    await choose(pick, 'iris.nnet', 'example');
    const iris = await waitFor('iris.nnet', () => isExample(vscode.window.activeTextEditor?.document.uri, 'iris.nnet') && vscode.window.activeTextEditor);
    assert.equal(await typeInto(iris.document), false, 'opened read-only');
    assert.equal(iris.document.isDirty, false);
  });

  test('Write Initial Weights writes the seeded weights as one edit, the same numbers, and Undo takes it back', async () => {
    const api = await extensionApi();
    const template = readFileSync(join(repoRoot, 'media/templates/xor.nnet'), 'utf8');
    const document = await vscode.workspace.openTextDocument({ language: 'nnet', content: template });
    await vscode.window.showTextDocument(document);
    const token = new vscode.CancellationTokenSource().token;
    const before = await api.analyses.ready(document, token);
    assert.ok(before?.network && before.engine);
    const bits = (layers: readonly { weights: Float64Array; biases: Float64Array }[]) => layers.map((layer) => [...layer.weights, ...layer.biases].map((v) => Object.is(v, -0) ? '-0' : String(v)));

    assert.equal(await vscode.commands.executeCommand(Command.writeInitialWeights), true);
    const written = document.getText();
    assert.match(written, /\nlayer 1: 3 sigmoid\n {2}w \S+ \S+ \S+\n {4}\S+ \S+ \S+\n {2}b 0 0 0\nlayer 2: 1 sigmoid\n {2}w \S+\n {4}\S+\n {4}\S+\n {2}b 0\n/);
    const after = await waitFor('the new analysis', async () => {
      const analysis = await api.analyses.ready(document, token);
      return analysis?.version === document.version && analysis;
    });
    assert.deepEqual(after.problems, []);
    assert.deepEqual(bits(after.network!.layers), bits(before.network.layers), 'the same doubles, bit for bit');
    assert.equal(after.engine!.cost, before.engine.cost);
    assert.deepEqual([...after.engine!.gradient.w[1]], [...before.engine.gradient.w[1]]);

    // Nothing is left to the seed now: a second run says so and changes nothing.
    notices.length = 0;
    assert.equal(await vscode.commands.executeCommand(Command.writeInitialWeights, document.uri), false);
    assert.match(notices.at(-1)?.message ?? '', /nothing comes from the seed/);
    assert.equal(document.getText(), written);

    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), template, 'one Undo restores the template exactly');
  });
});
