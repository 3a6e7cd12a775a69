/**
 * A learner trains the XOR network (examples/xor.nnet: 100 full-batch steps, its defaults) with
 * Backprop: Train from the command palette. The Training panel opens beside the spec; the run
 * finishes, the screen-reader summary says the cost fell, the cost chart draws a falling curve and
 * the decision map is painted in two classes. From the keyboard alone the learner scrubs back to
 * step 37 (Home, PageUp three times, → seven times); "Step through this step" opens
 * `xor (training).nnet`, a read-only copy holding exactly the parameters after 37 steps (its first
 * line says so), with its stepping panel on example 1. That panel opens over the Training panel,
 * whose page VS Code discards while hidden; shown again, the Training panel is still on step 37,
 * and "Apply these parameters" writes that step into xor.nnet as one edit; one Undo brings the
 * spec's text (and its lenses and hints) back exactly. After a window reload the Training panel
 * comes back on xor.nnet, trains it again — the same run, and it says why — and its scrubber goes
 * back to step 37.
 *
 * Every number is checked against `nnet train` (dist/cli.js, built by the runner's packaging) on
 * the same file: the panel must show what the command line computes.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { canvasInk } from './harness/canvas';
import { e2eEnvironment } from './harness/environment';
import type { LearnerSession } from './harness/session';
import { learnerSuite } from './harness/suite';
import { RESTORED_TEXT } from '../../webview/training/wording';

const { repoRoot } = e2eEnvironment();
const SPEC_PATH = join(repoRoot, 'examples', 'xor.nnet');
const SPEC_TEXT = readFileSync(SPEC_PATH, 'utf8');
const SPEC_LINES = SPEC_TEXT.replace(/\n$/, '').split('\n');

/** The step scrubbed to: Home (0), PageUp ×3 (a tenth of 100 steps each), → ×7. */
const STEP = 37;
const STEPS = 100;

interface CliRun {
  readonly cost: readonly number[];
  readonly parameters: { readonly w: (number[][] | null)[]; readonly b: (number[] | null)[] };
}

/** `nnet train --steps N --json examples/xor.nnet`: costs before step 1 … after step N, and the parameters after step N. */
function cliTrain(steps: number): CliRun {
  const out = execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'train', '--steps', String(steps), '--json', SPEC_PATH], { encoding: 'utf8' });
  return JSON.parse(out) as CliRun;
}
const FULL = cliTrain(STEPS);
const AT_STEP = cliTrain(STEP); // full batch, in order: the first 37 of 100 steps are these 37

/** How the extension writes a number with 6 significant digits (significantDigits, applyDigits), for comparison. */
const sig6 = (value: number) => Number(value.toPrecision(6));
/** A number as the panels print it: U+2212 for the minus sign. */
const shown = (value: number) => String(sig6(value)).replace('-', '−');

/** The numbers of a spec line (`  w  4.0 -3.0   # …` → [4, -3]), comment left out. */
function numbersOf(line: string): number[] {
  return (line.split('#')[0].match(/[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g) ?? []).map(Number);
}

/** 1-based line of the spec's `w` row of layer 1 (its first weight row). */
const FIRST_W_LINE = SPEC_LINES.findIndex((l) => /^\s*w\s/.test(l)) + 1;
const FIRST_B_LINE = SPEC_LINES.findIndex((l) => /^\s*b\s/.test(l)) + 1;

/** The rendered text of the active editor's line `line` (the document's text, no inlay hints). */
async function sourceLine(session: LearnerSession, line: number): Promise<string | undefined> {
  return (await session.editorLines()).find((l) => l.line === line)?.sourceText;
}

/** The editor tab whose label is exactly `name`. */
function tab(session: LearnerSession, name: string) {
  return session.page.locator('.part.editor .tab').filter({ has: session.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
}

/** Scrolls the Training panel so that the scrubber is at its top, the decision map below it. */
async function scrollToScrubber(training: FrameLocator): Promise<void> {
  await training.locator('section.scrub').evaluate((section) => section.scrollIntoView({ block: 'start' }));
}

/** What the spec's editor shows of its own numbers: the code lenses' texts, and the inlay hints of line `line`. */
async function specNumbers(session: LearnerSession, line: number): Promise<{ lenses: string[]; hints: readonly string[] }> {
  const lenses = (await session.codeLenses()).map((l) => l.text);
  const hints = (await session.editorLines()).find((l) => l.line === line)?.inlayHints ?? [];
  return { lenses, hints };
}

/** The cost c of the whole batch in the spec's first code lens (`c = 0.0413449 | Open backprop panel`), or undefined. */
function lensCost(lenses: readonly string[]): number | undefined {
  const found = lenses.map((text) => /^c = ([\d.]+)/.exec(text)).find(Boolean);
  return found ? Number(found[1]) : undefined;
}

learnerSuite('Training a network', (step) => {
  let training: FrameLocator;
  /** The spec's lenses and hints before anything is applied, to compare with after Undo. */
  let before: { lenses: string[]; hints: readonly string[] };

  step('Backprop: Train on xor.nnet opens the Training panel; the run finishes and its cost falls', async (session) => {
    assert.ok(FIRST_W_LINE > 0 && FIRST_B_LINE > 0, 'examples/xor.nnet has w and b lines');
    await session.openFile('xor.nnet');
    await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
    await session.focusEditor();
    before = await session.waitUntil(async () => {
      const numbers = await specNumbers(session, FIRST_W_LINE);
      return lensCost(numbers.lenses) === sig6(FULL.cost[0]) && numbers.hints.length > 0 && numbers;
    }, `xor.nnet's lens shows c = ${shown(FULL.cost[0])} and line ${FIRST_W_LINE} its ∂c/∂w hints`);
    await session.runCommand('Backprop: Train');
    // The palette's row was clicked over the editor's toolbar: no tooltip left there in screenshots.
    await session.page.mouse.move(1, 1);
    training = await session.webviewFrameWith('#training');
    await session.page.locator('.part.editor .tab', { hasText: 'Training: xor.nnet' }).waitFor();
    // The title comes with the run, once the worker has read the spec.
    await session.waitUntil(async () => (await training.locator('header .title').innerText()) === 'Training · XOR', 'the title names the network');
    assert.equal(await training.locator('header .meta').innerText(), '2-2-1 network · 100 steps · batch size 4, in order · η = 1');
    await session.waitUntil(async () => /^Trained 100 steps in /.test(await training.locator('header .status').innerText()), 'the status line says the 100 steps are trained');

    // The visually hidden live region: the run's story in words, for a screen reader.
    const summary = await session.waitUntil(async () => {
      const text = (await training.locator('#training-summary').textContent()) ?? '';
      return text.startsWith('Training finished') && text;
    }, 'the summary says the training finished');
    const told = /^Training finished: 100 of 100 steps done\. Cost ([\d.]+) before the first step, ([\d.]+) after 100 steps\.$/.exec(summary);
    assert.ok(told, `the summary gives the first and the last cost: ${JSON.stringify(summary)}`);
    const [first, last] = [Number(told[1]), Number(told[2])];
    assert.ok(first > last, `the cost fell: ${first} before the first step, ${last} after 100`);
    assert.equal(first, sig6(FULL.cost[0]), 'the first cost is nnet train’s');
    assert.equal(last, sig6(FULL.cost[STEPS]), 'the last cost is nnet train’s');
    assert.equal(await training.locator('.scrubber .readout').innerText(), `step 100 of 100 · c = ${shown(FULL.cost[STEPS])}`);

    // The cost chart (uPlot, a canvas): a coloured curve, higher at its left end than at its right.
    const cost = await session.waitUntil(async () => {
      const ink = await canvasInk(training.locator('.charts .chart').first().locator('canvas').first());
      return ink.coloured > 100 && ink;
    }, 'the cost chart draws a coloured curve');
    assert.ok(cost.leftY !== null && cost.rightY !== null && cost.leftY < cost.rightY - 0.2,
      `the curve falls from left to right (mean y of its ends, 0 = top: ${cost.leftY?.toFixed(2)} → ${cost.rightY?.toFixed(2)})`);
    const norms = await canvasInk(training.locator('.charts .chart').nth(1).locator('canvas').first());
    assert.ok(norms.coloured > 100, `the gradient-norm chart draws its curves (${norms.coloured} coloured pixels)`);

    // The decision map: a canvas painted in (at least) the two classes' colours.
    const map = training.locator('.picture canvas');
    await session.waitUntil(async () => (await training.locator('.picture h3').innerText()) === 'Decision map after 100 steps', 'the map shows the network after 100 steps');
    assert.match((await map.getAttribute('aria-label')) ?? '', /^Decision map after 100 steps, over x₁ .* Share of the plane predicted as class 0 \d+%, class 1 \d+%\. 4 examples drawn as points\.$/);
    const ink = await canvasInk(map);
    assert.ok(ink.coloured > 0.3 * ink.width * ink.height, `most of the map is painted in class colours (${ink.coloured} of ${ink.width * ink.height} pixels)`);
    const hues = ink.hues.filter((n) => n > 0.05 * ink.coloured).length;
    assert.ok(hues >= 2, `the map shows two classes' hues: ${JSON.stringify(ink.hues)}`);
    await session.screenshot('training finished');
    // The map is below the charts: scrolled up to the scrubber, it shows whole with its legend.
    await scrollToScrubber(training);
    await session.screenshot('training finished, decision map');
  });

  step('from the keyboard the scrubber goes to step 37; its readout and the map follow', async (session) => {
    const slider = training.getByRole('slider', { name: 'Step' });
    await slider.focus();
    await session.press('Home');
    await session.waitUntil(async () => (await training.locator('.scrubber .readout').innerText()).startsWith('step 0 of 100 · '), 'Home moves the scrubber to step 0');
    for (let i = 0; i < 3; i++) await session.press('PageUp');
    for (let i = 0; i < 7; i++) await session.press('ArrowRight');
    const readout = `step ${STEP} of 100 · c = ${shown(FULL.cost[STEP])}`;
    await session.waitUntil(async () => (await training.locator('.scrubber .readout').innerText()) === readout, `the readout says "${readout}"`);
    assert.equal(await slider.getAttribute('aria-valuetext'), `step ${STEP} of 100, cost ${shown(FULL.cost[STEP])}`);
    assert.equal(await slider.inputValue(), String(STEP));
    await session.waitUntil(async () => (await training.locator('.picture h3').innerText()) === `Decision map after ${STEP} steps`, `the map shows the network after ${STEP} steps`);
    assert.match((await training.locator('.picture canvas').getAttribute('aria-label')) ?? '', new RegExp(`^Decision map after ${STEP} steps`));
    await scrollToScrubber(training);
    await session.screenshot('scrubbed');
  });

  step('Step through this step opens xor (training).nnet with step 37’s parameters and its stepping panel', async (session) => {
    await training.getByRole('button', { name: 'Step through this step' }).click();
    const name = 'xor (training).nnet';
    await tab(session, name).waitFor();
    await session.focusEditor();
    await session.page.locator('.part.editor .editor-group-container.active .tab.active', { hasText: name }).waitFor();
    // The copy holds the parameters after 37 steps at full precision: exactly nnet train's doubles.
    const w1 = AT_STEP.parameters.w[1]!;
    const b1 = AT_STEP.parameters.b[1]!;
    // Its first line names the step (the tab cannot: the copy follows the scrubber); the spec follows it.
    assert.equal(await session.waitUntil(() => sourceLine(session, 1), `line 1 of ${name} is rendered`),
      `# xor.nnet after ${STEP} steps of training, read-only: it follows the Training panel's scrubber.`);
    const wLine = await session.waitUntil(() => sourceLine(session, FIRST_W_LINE + 1), `line ${FIRST_W_LINE + 1} of ${name} is rendered`);
    assert.deepEqual(numbersOf(wLine), w1[0], `w⁽¹⁾ row 1 after ${STEP} steps: ${wLine}`);
    assert.notDeepEqual(numbersOf(wLine), numbersOf(SPEC_LINES[FIRST_W_LINE - 1]), 'not the spec’s starting weights');
    assert.deepEqual(numbersOf((await sourceLine(session, FIRST_B_LINE + 1)) ?? ''), b1, `b⁽¹⁾ after ${STEP} steps`);
    // Comments and layout are kept: only the numbers changed.
    assert.match(wLine, /# row k = neuron k of layer 0/);

    // Its stepping panel, on example 1 (x = 0 0): z⁽¹⁾₁ = w·0 + w·0 + b⁽¹⁾₁ is the trained bias.
    const stepper = await session.webviewFrameWith('.position');
    await session.waitUntil(async () => (await stepper.locator('.file').innerText()) === name, `the stepping panel names ${name}`);
    assert.match(await stepper.locator('.example').innerText(), /^example 1 of 4\b/);
    await session.waitUntil(async () => /^step 1 of \d+ · forward pass · layer 1$/.test(await stepper.locator('.position').innerText()), 'the stepping panel is on step 1');
    const z = shown(b1[0]);
    await session.waitUntil(async () => (await stepper.locator('.step').innerText()).includes(z), `the stepping panel shows z⁽¹⁾₁ = ${z}`);
    await session.screenshot('stepping a training step');
    // Read-only: a key typed into the copy changes nothing.
    await session.goTo(FIRST_W_LINE + 1, 1);
    await session.page.keyboard.type('x');
    assert.equal(await sourceLine(session, FIRST_W_LINE + 1), wLine, `${name} is read-only`);
    await session.press('Escape');
  });

  step('shown again, the Training panel is still on step 37, the step the learner stepped through', async (session) => {
    // The stepping panel opened over the Training panel, in its group: VS Code discarded the
    // hidden Training page, and it is loaded again when its tab is clicked.
    await session.page.locator('.part.editor .tab', { hasText: 'Training: xor.nnet' }).click();
    training = await session.webviewFrameWith('#training');
    await session.waitUntil(async () => /^Trained 100 steps in /.test(await training.locator('header .status').innerText()), 'the Training panel shows the finished run again');
    let readout = '';
    await session.waitUntil(async () => {
      readout = await training.locator('.scrubber .readout').innerText();
      return readout.startsWith(`step ${STEP} of 100 · `);
    }, `the Training panel's scrubber is still on step ${STEP}`).catch(async (error: Error) => {
      await scrollToScrubber(training);
      await session.screenshot('shown again');
      throw new Error(`${error.message}; its readout says ${JSON.stringify(readout)}, so Apply would write that step instead`);
    });
    await scrollToScrubber(training);
    await session.screenshot('shown again');
  });

  step('Apply these parameters writes step 37 into xor.nnet as one edit; one Undo brings its text back exactly', async (session) => {
    await training.getByRole('button', { name: 'Apply these parameters' }).click();

    // The spec's tab, behind the step's copy in the first group.
    await tab(session, 'xor.nnet').click();
    await session.focusEditor();
    await session.page.locator('.part.editor .editor-group-container.active .tab.active', { hasText: /^xor\.nnet/ }).waitFor();
    const w1 = AT_STEP.parameters.w[1]![0].map(sig6);
    const applied = await session.waitUntil(async () => {
      const line = await sourceLine(session, FIRST_W_LINE);
      return line !== undefined && JSON.stringify(numbersOf(line)) === JSON.stringify(w1) && line;
    }, `xor.nnet's line ${FIRST_W_LINE} reads w ${w1.join(' ')} (step ${STEP}, applyDigits 6)`);
    assert.match(applied, /# row k = neuron k of layer 0/, 'the comment is kept');
    assert.deepEqual(numbersOf((await sourceLine(session, FIRST_B_LINE)) ?? ''), AT_STEP.parameters.b[1]!.map(sig6));
    assert.ok(await tab(session, 'xor.nnet').evaluate((t) => t.classList.contains('dirty')), 'xor.nnet is modified, not saved');
    // The spec's own numbers follow: its lens gives the cost after 37 steps (to the rounding of Apply).
    await session.waitUntil(async () => {
      const cost = lensCost((await specNumbers(session, FIRST_W_LINE)).lenses);
      return cost !== undefined && Math.abs(cost - FULL.cost[STEP]) < 2e-7;
    }, `xor.nnet's lens shows c = ${shown(FULL.cost[STEP])}, the cost after ${STEP} steps`);
    await session.screenshot('applied');

    await session.press('Control+Z');
    await session.waitUntil(async () => {
      const lines = await session.editorLines();
      return lines.length >= SPEC_LINES.length && SPEC_LINES.every((text, i) => lines.find((l) => l.line === i + 1)?.sourceText === text);
    }, 'one Undo brings back every line of xor.nnet as it was');
    await session.waitUntil(async () => (await session.page.locator('.part.editor .tab.dirty').count()) === 0, 'no tab is marked as modified');
    assert.equal(readFileSync(join(session.folder, 'xor.nnet'), 'utf8'), SPEC_TEXT, 'xor.nnet on disk was never written');
    await session.waitUntil(async () => JSON.stringify(await specNumbers(session, FIRST_W_LINE)) === JSON.stringify(before),
      `xor.nnet's lenses and line ${FIRST_W_LINE}'s hints are as before Apply (${before.lenses[0]}; ${before.hints.join(' ')})`);
    await session.screenshot('undone');
  });

  step('after a window reload the Training panel comes back on xor.nnet, trains it again, says why, and is on step 37', async (session) => {
    // The Training panel is the visible tab of its group, so the workbench restores it on its own.
    await session.page.locator('.part.editor .tab', { hasText: 'Training: xor.nnet' }).click();
    const reloaded = session.page.waitForEvent('load', { timeout: 60_000 });
    await session.runCommand('Developer: Reload Window');
    await reloaded;
    await session.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await session.page.locator('.part.editor .tab', { hasText: 'Training: xor.nnet' }).waitFor({ timeout: 60_000 });
    training = await session.webviewFrameWith('#training');
    await session.waitUntil(async () => /^Trained 100 steps in /.test(await training.locator('header .status').innerText()), 'the restored panel has trained xor.nnet again', 60_000);
    assert.equal(await training.locator('header .restored').innerText(), RESTORED_TEXT);
    // The same spec, trained again: nnet train's costs, and the scrubber back on the step it rested on.
    const readout = `step ${STEP} of 100 · c = ${shown(FULL.cost[STEP])}`;
    await session.waitUntil(async () => (await training.locator('.scrubber .readout').innerText()) === readout, `the readout says "${readout}" again`);
    await session.screenshot('restored after reload');
  });
});
