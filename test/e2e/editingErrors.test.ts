/**
 * A learner misspells an activation: the mistake is reported in the Problems panel at its line,
 * with a message naming it, and underlined in the editor; Undo clears both. Misspelt again, the
 * Quick Fix menu (Ctrl+.) offers the right name and repairs the line.
 */
import assert from 'node:assert/strict';
import { learnerSuite } from './harness/suite';

learnerSuite('Typing an error', (step) => {
  let line = 0;
  let column = 0;
  let original = '';

  step('opens mazur.nnet with no problems', async (session) => {
    await session.openFile('mazur.nnet');
    // The Outline filling in shows the extension has activated and analysed the file.
    await session.waitUntil(async () => (await session.outline()).length > 0, 'the Outline lists symbols');
    const layer1 = (await session.editorLines()).find((l) => /^layer 1:.*\bsigmoid\b/.test(l.sourceText));
    assert.ok(layer1, 'mazur.nnet has a line `layer 1: … sigmoid`');
    line = layer1.line;
    column = layer1.sourceText.indexOf('sigmoid') + 1;
    original = layer1.sourceText;
    assert.deepEqual(await session.problems(), []);
  });

  step('a misspelt activation is reported at its line and underlined', async (session) => {
    await session.replaceAt(line, column, 'sigmoid'.length, 'sigmod');
    const problem = await session.waitUntil(async () => (await session.problems()).find((p) => /sigmod/.test(p.message)),
      'the Problems panel lists a problem about "sigmod"');
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /unknown activation/i);
    assert.equal(problem.file, 'mazur.nnet');
    assert.equal(problem.line, line, 'reported on the line of the typo');
    assert.equal(problem.column, column, 'reported at the start of the typo');
    await session.waitUntil(async () => (await session.squiggles()).some((s) => s.line === line && s.severity === 'error'),
      `a red squiggle is rendered on line ${line}`);
    await session.screenshot('misspelt activation');
  });

  step('Undo restores the line and the problem goes away', async (session) => {
    await session.focusEditor();
    await session.waitUntil(async () => {
      const current = (await session.editorLines()).find((l) => l.line === line)?.sourceText;
      if (current === original) return true;
      await session.press('Control+Z');
      return false;
    }, `line ${line} reads "${original}" again after Undo`);
    await session.waitUntil(async () => (await session.problems()).length === 0, 'the Problems panel is empty again');
    await session.waitUntil(async () => (await session.squiggles()).length === 0, 'no squiggle is rendered');
    await session.screenshot('fixed');
  });

  step("misspelt again, Ctrl+. offers Change to 'sigmoid', which repairs the line", async (session) => {
    await session.replaceAt(line, column, 'sigmoid'.length, 'sigmod');
    await session.waitUntil(async () => (await session.problems()).some((p) => /sigmod/.test(p.message)), 'the problem about "sigmod" is back');
    const titles = await session.quickFixesAt(line, column + 1);
    assert.ok(titles.includes("Change to 'sigmoid'"), `the Quick Fix menu offers the fix: ${titles.join(' | ')}`);
    await session.screenshot('quick fix menu');
    await session.chooseQuickFix("Change to 'sigmoid'");
    await session.waitUntil(async () => (await session.editorLines()).find((l) => l.line === line)?.sourceText === original,
      `line ${line} reads "${original}" again`);
    await session.waitUntil(async () => (await session.problems()).length === 0, 'the Problems panel is empty again');
  });
});
