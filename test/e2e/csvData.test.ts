/**
 * A learner's spec reads its examples from a CSV file beside it (examples/iris.nnet and iris.csv):
 * the spec opens with no problems and a code lens naming the file; the hover on the `data` line
 * shows which column became which input, the order of the classes and the first rows. Breaking a
 * cell of the CSV in its editor, without saving, puts the problem on that cell (Problems panel and
 * squiggle) and one summary error on the spec's `data` line; Undo clears both and leaves the file
 * as it is on disk. The session works on its own copy of examples/ (LearnerSession), and nothing
 * is saved: the repository's iris.csv is never touched.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eEnvironment } from './harness/environment';
import { learnerSuite } from './harness/suite';
import type { LearnerSession } from './harness/session';

const EXAMPLES = join(e2eEnvironment().repoRoot, 'examples');
const SPEC = readFileSync(join(EXAMPLES, 'iris.nnet'), 'utf8').split('\n');
const CSV_TEXT = readFileSync(join(EXAMPLES, 'iris.csv'), 'utf8');
const CSV = CSV_TEXT.split(/\r?\n/);

/** The `data "iris.csv" …` line: 1-based line, and the column of the path's first letter. */
const DATA_LINE = SPEC.findIndex((text) => text.startsWith('data "iris.csv"')) + 1;
const PATH_COLUMN = SPEC[DATA_LINE - 1]?.indexOf('iris.csv') + 1;

/** The cell broken: the first data row's second cell (sepal_width 3.5), line 2 of the file. */
const CELL_LINE = 2;
const CELL_COLUMN = CSV[CELL_LINE - 1].indexOf(',') + 2;
const CELL_TEXT = '3.5';
const BROKEN = 'abc';

/** Makes the editor group `n` (1 = left) active and focused, as Ctrl+1 / Ctrl+2 do. */
async function focusGroup(session: LearnerSession, n: 1 | 2): Promise<void> {
  await session.press(`Control+${n}`);
  await session.page.locator('.part.editor .editor-group-container.active .editor-instance .monaco-editor.focused').waitFor();
}

/** Waits until the visible hover has faded in, so that a screenshot shows it fully opaque. */
async function hoverFadedIn(session: LearnerSession): Promise<void> {
  await session.waitUntil(
    () => session.page.locator('.monaco-hover:visible').first().evaluate((el) => getComputedStyle(el).opacity === '1'),
    'the hover has faded in',
  );
}

learnerSuite('Data from a CSV file', (step) => {
  step('iris.nnet opens with no problems, its data line reading 150 examples from iris.csv', async (session) => {
    assert.ok(DATA_LINE > 0, 'examples/iris.nnet has a line `data "iris.csv" …`');
    assert.ok(CSV[CELL_LINE - 1].startsWith(`5.1,${CELL_TEXT},`), `line ${CELL_LINE} of examples/iris.csv starts "5.1,${CELL_TEXT},"`);
    await session.openFile('iris.nnet');
    // The lens above the data line appears once the spec is analysed and the CSV read.
    const lens = await session.waitUntil(async () => (await session.codeLenses()).find((l) => /examples 1–150 from iris\.csv/.test(l.text)),
      'a code lens reads "examples 1–150 from iris.csv"');
    assert.match(lens.text, /mean cᵢ = \d/, 'the lens gives the mean cost: the engine ran on the 150 rows');
    assert.deepEqual(await session.problems(), []);
  });

  step('the hover on the data line maps the columns, orders the classes and shows the first rows', async (session) => {
    // The Problems panel (opened by problems() above) is closed to give the hover the window's height.
    await session.focusEditor();
    await session.press('Control+J');
    await session.page.locator('.part.panel').waitFor({ state: 'hidden' });
    const hover = await session.waitUntil(async () => {
      const text = await session.hoverAt(DATA_LINE, PATH_COLUMN + 1);
      return /sepal_length/.test(text) && text;
    }, `the hover on line ${DATA_LINE} names the column sepal_length`);
    assert.match(hover, /150 examples read from a CSV file/);
    // Which column became which input x_ik = a⁽⁰⁾_k, and the class column the one-hot target.
    assert.match(hover, /xᵢ₁ = a⁽⁰⁾₁ ← column 1 “sepal_length”/);
    assert.match(hover, /xᵢ₄ = a⁽⁰⁾₄ ← column 4 “petal_width”/);
    assert.match(hover, /yᵢ ← column 5 “species”, one-hot/);
    // The classes in the order they first appear: output 1 is setosa.
    assert.match(hover, /output 1 = setosa \(a⁽²⁾₁\), output 2 = versicolor \(a⁽²⁾₂\), output 3 = virginica \(a⁽²⁾₃\)/);
    // The table of the first rows, rendered as a table (not as Markdown source).
    const table = session.page.locator('.monaco-hover:visible table').first();
    const cells = await table.locator('tr').evaluateAll((rows) => rows.map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => (cell as HTMLElement).innerText.trim())));
    assert.deepEqual(cells[0].slice(0, 4), ['i', 'row', 'x', 'y'], `the table's header: ${JSON.stringify(cells[0])}`);
    assert.deepEqual(cells[1].slice(0, 2), ['1', '1'], `example 1 comes from data row 1: ${JSON.stringify(cells[1])}`);
    assert.match(cells[1][2], /5\.1.*3\.5.*1\.4.*0\.2/, 'example 1\'s x is the first row\'s measurements');
    assert.match(cells[1][3], /^setosa/, 'example 1 is a setosa');
    assert.ok(cells.length >= 6, `the table shows the first 5 rows: ${cells.length - 1} shown`);
    assert.doesNotMatch(hover, /\\[_*`|“”]|&quot;|&#|\|\s*---/, 'no escaped Markdown or raw table source in the hover');
    await hoverFadedIn(session);
    await session.screenshot('data line hover');
    // The hover is at most about 250 px tall: the table is further down. The learner scrolls it
    // with the mouse wheel over the hover (which stays open under the mouse).
    const hoverBox = session.page.locator('.monaco-hover:visible').first();
    const box = (await hoverBox.boundingBox())!;
    await session.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await session.waitUntil(async () => {
      const inView = await hoverBox.evaluate((hover) => {
        const bottom = hover.getBoundingClientRect().bottom;
        return hover.querySelector('table')!.getBoundingClientRect().bottom <= bottom + 1;
      });
      if (!inView) await session.page.mouse.wheel(0, 120);
      return inView;
    }, 'the hover, scrolled with the wheel, shows its whole table');
    await session.screenshot('data line hover, first rows');
    await session.press('Escape');
  });

  step('a broken cell, unsaved, is a problem at its cell in the CSV and a summary on the data line', async (session) => {
    // The CSV opens in an editor group of its own to the right, so that both files stay in view.
    await session.focusEditor();
    await session.runCommand('View: Split Editor Right');
    await session.openFile('iris.csv');
    await session.replaceAt(CELL_LINE, CELL_COLUMN, CELL_TEXT.length, BROKEN);
    await session.waitUntil(async () => (await session.editorLines()).find((l) => l.line === CELL_LINE)?.sourceText.startsWith(`5.1,${BROKEN},`),
      `line ${CELL_LINE} of iris.csv reads "5.1,${BROKEN},…"`);

    // Typed key by key, the cell is analysed as it grows ('a', 'ab', …): wait for the problem of
    // the whole text, as the learner would (a problem that never catches up fails here).
    const inCsv = await session.waitUntil(
      async () => (await session.problems()).find((p) => p.file === 'iris.csv' && p.message.includes(`'${BROKEN}'`)),
      `the Problems panel lists the problem of '${BROKEN}' under iris.csv`,
    );
    assert.equal(inCsv.severity, 'error');
    assert.equal(inCsv.code, 'csv-not-a-number');
    assert.equal(inCsv.source, 'nnet');
    assert.equal(inCsv.line, CELL_LINE, 'on the line of the broken cell');
    assert.equal(inCsv.column, CELL_COLUMN, 'at the first character of the broken cell');
    assert.match(inCsv.message, new RegExp(`^row 1, column 2 \\('sepal_width'\\): '${BROKEN}' is not a number`));

    const onSpec = await session.waitUntil(
      async () => (await session.problems()).find((p) => p.file === 'iris.nnet' && p.message.includes(`'${BROKEN}'`)),
      `the Problems panel lists the summary of '${BROKEN}' under iris.nnet`,
    );
    assert.equal(onSpec.severity, 'error');
    assert.equal(onSpec.code, 'data-file-problems');
    assert.equal(onSpec.line, DATA_LINE, 'on the data line');
    assert.ok(onSpec.message.startsWith('`iris.csv` has a problem, shown on the file'), `the summary: ${onSpec.message}`);
    assert.ok(onSpec.message.includes(`at line ${CELL_LINE}, column ${CELL_COLUMN}: ${inCsv.message}`), `the summary quotes the problem and its place: ${onSpec.message}`);
    assert.equal((await session.problems()).length, 2, 'exactly these two problems');

    await session.waitUntil(async () => (await session.squiggles()).some((s) => s.line === CELL_LINE && s.severity === 'error'),
      `a red squiggle is rendered on line ${CELL_LINE} of iris.csv`);

    // The spec, in the left group, underlines its data line.
    await focusGroup(session, 1);
    await session.waitUntil(async () => (await session.squiggles()).some((s) => s.line === DATA_LINE && s.severity === 'error'),
      `a red squiggle is rendered on the data line (${DATA_LINE}) of iris.nnet`);
    // The spec cannot run: its lenses say so. (VS Code renders a lens that stays on its line with
    // the new text a moment after the others: wait for it, or the screenshot mixes old and new.)
    await session.waitUntil(async () => (await session.codeLenses()).some((l) => /layer 1: no numbers until the errors are fixed/.test(l.text)),
      'the lens above layer 1 says there are no numbers until the errors are fixed');
    await session.screenshot('broken cell in the CSV');
    const summary = await session.waitUntil(async () => {
      const text = await session.hoverAt(DATA_LINE, PATH_COLUMN + 1);
      return text.includes('has a problem, shown on the file') && text.includes('brings no examples') && text;
    }, 'the hover on the data line shows the summary error, and that the line brings no examples');
    assert.match(summary, new RegExp(`'${BROKEN}' is not a number`));
    assert.match(summary, /The file has 150 data rows, but this line brings no examples until the problems listed in the Problems view are fixed/);
    await hoverFadedIn(session);
    await session.screenshot('summary on the spec');
    await session.press('Escape');
  });

  step('Undo restores the cell: the problems go away and nothing changed on disk', async (session) => {
    await focusGroup(session, 2);
    const original = CSV[CELL_LINE - 1];
    await session.waitUntil(async () => {
      const current = (await session.editorLines()).find((l) => l.line === CELL_LINE)?.sourceText;
      if (current === original) return true;
      await session.press('Control+Z');
      return false;
    }, `line ${CELL_LINE} of iris.csv reads "${original}" again after Undo`);
    await session.waitUntil(async () => (await session.problems()).length === 0, 'the Problems panel is empty again');
    await session.waitUntil(async () => (await session.squiggles()).length === 0, 'no squiggle is rendered in iris.csv');
    // Back at the saved text, the editor is no longer dirty, and no file was written.
    await session.waitUntil(async () => (await session.page.locator('.part.editor .tab.dirty').count()) === 0, 'no tab is marked as modified');
    assert.equal(readFileSync(join(session.folder, 'iris.csv'), 'utf8'), CSV_TEXT, "the session's copy of iris.csv is unchanged on disk");
    // (The session edits its own copy; the repository's file is the one the test started from.)
    assert.equal(readFileSync(join(EXAMPLES, 'iris.csv'), 'utf8'), CSV_TEXT, "the repository's examples/iris.csv is unchanged");
    await focusGroup(session, 1);
    // The top of the spec, where its `c = …` lens is: the hover and the lenses may have scrolled it away.
    await session.press('Control+Home');
    await session.waitUntil(async () => (await session.codeLenses()).some((l) => /examples 1–150 from iris\.csv/.test(l.text)),
      'the data line\'s lens reads "examples 1–150 from iris.csv" again');
    await session.waitUntil(async () => (await session.codeLenses()).some((l) => /^c = \d/.test(l.text)) &&
      !(await session.codeLenses()).some((l) => /no numbers/.test(l.text)), 'the lenses show numbers again (c = …), none says "no numbers"');
    await session.screenshot('after undo');
  });
});
