/**
 * A learner checks the gradient of the Mazur network (examples/mazur.nnet) with Backprop: Check
 * Gradients from the command palette. The gradient check panel opens beside the spec with the
 * verdict in its summary line (a live region), the definition of the relative error, and a real
 * table of all 12 parameters, worst first, each verdict written as a word. From the keyboard the
 * learner moves through the rows (↓, End, Home) and presses Enter on w⁽²⁾₁₂: the spec's editor
 * selects that weight's number, 0.50.
 *
 * The panel must say what `nnet gradcheck` (dist/cli.js, built by the runner's packaging) prints
 * for the same file: the same summary and the same rows in the same order.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { e2eEnvironment } from './harness/environment';
import { checkGradientsOf } from './harness/gradientCheck';
import { learnerSuite } from './harness/suite';

const { repoRoot } = e2eEnvironment();

interface CliRow {
  readonly parameter: string;
  readonly verdict: string;
}
const CLI_TEXT = execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'gradcheck', join(repoRoot, 'examples', 'mazur.nnet')], { encoding: 'utf8' }).trimEnd().split('\n');
const CLI_JSON = JSON.parse(execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'gradcheck', '--json', join(repoRoot, 'examples', 'mazur.nnet')], { encoding: 'utf8' })) as { rows: CliRow[] };

learnerSuite('Checking the gradients', (step) => {
  let check: FrameLocator;

  step('Backprop: Check Gradients on mazur.nnet opens the panel with the verdict and every parameter, worst first', async (session) => {
    let summary: string;
    ({ check, summary } = await checkGradientsOf(session, 'mazur.nnet'));
    assert.equal(await check.locator('header .title').innerText(), 'Gradient check: mazur.nnet');
    assert.equal(summary, CLI_TEXT[CLI_TEXT.length - 1], 'the summary is nnet gradcheck’s last line');
    assert.equal(await check.locator('#check-summary').getAttribute('role'), 'status');
    assert.match(await check.locator('header .meta').innerText(), /^2-2-2 network, 12 parameters, all checked; c = 0\.298371 over 1 training example$/);
    assert.match(await check.locator('#check-definition').innerText(), /^relative error = \|FD − BP\| \/ max\(\|FD\| \+ \|BP\|, /);

    const table = check.getByRole('table');
    const headers = await table.locator('thead th').allInnerTexts();
    assert.deepEqual(headers, ['parameter', 'backprop ∂c/∂θ', 'central difference', 'relative error', 'verdict']);
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 12);
    const symbols = await table.locator('tbody th[scope="row"]').allInnerTexts();
    assert.deepEqual(symbols, CLI_JSON.rows.map((row) => row.parameter), 'the rows in nnet gradcheck’s order, worst first');
    const verdicts = await table.locator('tbody td.verdict').allInnerTexts();
    assert.ok(verdicts.every((text) => /^✓\s*pass$/.test(text.trim())), `every verdict is written out: ${JSON.stringify(verdicts)}`);
    await session.screenshot('gradient check');
  });

  step('from the keyboard the rows are one Tab stop; Enter on w⁽²⁾₁₂ selects 0.50 in the spec', async (session) => {
    const rows = check.locator('tbody tr');
    await rows.first().focus();
    const focused = () => check.locator('tbody tr:focus th').innerText();
    await session.press('ArrowDown');
    assert.equal(await focused(), CLI_JSON.rows[1].parameter);
    await session.press('End');
    assert.equal(await focused(), CLI_JSON.rows[11].parameter);
    await session.press('Home');
    assert.equal(await focused(), CLI_JSON.rows[0].parameter);
    assert.equal(await check.locator('tbody tr[tabindex="0"]').count(), 1, 'one Tab stop');
    const target = CLI_JSON.rows.findIndex((row) => row.parameter === 'w⁽²⁾₁₂');
    for (let q = 0; q < target; q++) await session.press('ArrowDown');
    assert.equal(await focused(), 'w⁽²⁾₁₂');
    await session.screenshot('gradient check, row focused');
    await session.press('Enter');
    // `  w 0.40 0.50` is line 12 of mazur.nnet: the selection is the four characters of 0.50.
    await session.waitUntil(async () => /Ln 12, Col \d+ \(4 selected\)/.test(await session.statusBarText('status.editor.selection')), 'the spec’s editor selects 0.50 on line 12');
  });
});
