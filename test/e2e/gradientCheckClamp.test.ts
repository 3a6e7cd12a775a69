/**
 * A learner checks the gradient of a network whose first output is confidently wrong
 * (test/fixtures/gradient-check-clamp/confident.nnet: a⁽²⁾₁ within 10⁻¹² of 1, target 0.9), so the
 * binary cross-entropy takes its log at the clamp and the cost is flat in every parameter that
 * reaches that output. Backprop: Check Gradients must not call those parameters failures: the
 * panel passes the check, marks the nine of them `⚠ clamped` with the note that explains why, and
 * says what `nnet gradcheck` prints for the same file. The verdict words are coloured from the
 * theme's warning colour, readable (4.5:1 at least) on the panel and on a focused row, in each
 * theme.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { FrameLocator, Locator } from 'playwright-core';
import { composite, contrastRatio, parseColour } from '../../webview/contrast';
import { e2eEnvironment } from './harness/environment';
import { checkGradientsOf } from './harness/gradientCheck';
import { learnerSuite } from './harness/suite';

const { repoRoot } = e2eEnvironment();
const FIXTURES = join(repoRoot, 'test', 'fixtures', 'gradient-check-clamp');
const SPEC = join(FIXTURES, 'confident.nnet');

interface CliRow {
  readonly parameter: string;
  readonly verdict: string;
}
const cli = (...args: string[]) => execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'gradcheck', ...args, SPEC], { encoding: 'utf8' });
const CLI_TEXT = cli().trimEnd().split('\n');
const CLI_JSON = JSON.parse(cli('--json')) as { clamped: number; rows: CliRow[] };

/** The contrast of a cell's text colour against what lies under it: its row's background over the panel's. */
async function contrastOf(cell: Locator): Promise<number> {
  const colours = await cell.evaluate((element) => ({
    text: getComputedStyle(element).color,
    row: getComputedStyle(element.closest('tr')!).backgroundColor,
    panel: getComputedStyle(document.body).backgroundColor,
  }));
  const panel = parseColour(colours.panel)!;
  const under = composite(parseColour(colours.row)!, panel);
  return contrastRatio(composite(parseColour(colours.text)!, under), under);
}

learnerSuite('Checking the gradients of a confidently wrong output', (step) => {
  let check: FrameLocator;

  step('Backprop: Check Gradients on confident.nnet passes, marking the nine parameters behind the clamped output', async (session) => {
    let summary: string;
    ({ check, summary } = await checkGradientsOf(session, 'confident.nnet'));
    assert.equal(summary, CLI_TEXT[CLI_TEXT.length - 1], 'the summary is nnet gradcheck’s last line');
    assert.match(summary, /\(9 marked clamped\)/);
    assert.equal(CLI_JSON.clamped, 9);
    const note = await check.locator('.note.clamped').innerText();
    assert.ok(CLI_TEXT.includes(note), `the note is nnet gradcheck’s: ${note}`);
    assert.match(note, /^9 parameters marked clamped: some output lies within 10⁻¹² of 0 or 1/);

    const table = check.getByRole('table');
    assert.deepEqual(await table.locator('tbody th[scope="row"]').allInnerTexts(), CLI_JSON.rows.map((row) => row.parameter), 'the rows in nnet gradcheck’s order');
    const verdicts = (await table.locator('tbody td.verdict').allInnerTexts()).map((text) => text.trim().replace(/\s+/g, ' '));
    assert.deepEqual(verdicts, CLI_JSON.rows.map((row) => (row.verdict === 'clamped' ? '⚠ clamped' : '✓ pass')), 'each verdict is a mark and a word');
    const clamped = table.locator('tbody td.verdict.clamped');
    assert.equal(await clamped.count(), 9);
    // Colour repeats the word, readably: at least WCAG AA on the panel's background.
    const ratio = await contrastOf(clamped.first());
    assert.ok(ratio >= 4.5, `⚠ clamped has contrast ${ratio.toFixed(2)}:1 on the panel`);
    await session.screenshot('clamped verdicts');
  });

  step('a focused clamped row keeps its verdict readable, and Enter selects its weight in the spec', async (session) => {
    const rows = check.locator('tbody tr');
    await rows.first().focus();
    assert.equal(await check.locator('tbody tr:focus th').innerText(), CLI_JSON.rows[0].parameter);
    const ratio = await contrastOf(check.locator('tbody tr:focus td.verdict'));
    assert.ok(ratio >= 4.5, `a focused row’s ⚠ clamped has contrast ${ratio.toFixed(2)}:1`);
    await session.screenshot('clamped row focused');
    // w⁽²⁾₁₁ = 20, the first number of `  w 20 0.5` (line 12): the selection is its two characters.
    assert.equal(CLI_JSON.rows[0].parameter, 'w⁽²⁾₁₁');
    await session.press('Enter');
    await session.waitUntil(async () => /Ln 12, Col \d+ \(2 selected\)/.test(await session.statusBarText('status.editor.selection')), 'the spec’s editor selects 20 on line 12');
  });
}, { workspaceSource: FIXTURES });
