/**
 * A learner opens the worked example from the Explorer and sees a recognised language: the
 * language mode in the status bar, coloured keywords, numbers and comments, no problems, and
 * the layers in the Outline.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditorLine } from './harness/editor';
import { e2eEnvironment } from './harness/environment';
import { learnerSuite } from './harness/suite';
import { THEMES } from './harness/themes';

/** The name VS Code shows for the language: the first alias the manifest contributes. */
function languageAlias(): string {
  const manifest = JSON.parse(readFileSync(join(e2eEnvironment().repoRoot, 'package.json'), 'utf8'));
  return manifest.contributes.languages[0].aliases[0];
}

learnerSuite('Opening the example', (step) => {
  step('mazur.nnet opens from the Explorer in the nnet language', async (session) => {
    await session.openFile('mazur.nnet');
    const alias = languageAlias();
    await session.waitUntil(async () => (await session.statusBarText('status.editor.mode')) === alias,
      `the status bar's language mode shows "${alias}"`);
  });

  step('keywords, numbers and comments have their own colours', async (session) => {
    const theme = THEMES[session.theme];
    // The grammar loads after the text is first shown: until then each line is one plain token.
    await session.waitUntil(async () => (await session.findToken('layer')) && (await session.findToken('0.15')),
      'the editor shows `layer` and `0.15` as tokens of their own (the grammar has tokenised the file)');
    // …and the theme's token colours replace the default theme's shortly after the window opens.
    const plainText = (line: EditorLine) => line.tokens.find((t) => t.text.trim() === '');
    await session.waitUntil(async () => (await session.editorLines()).some((l) => plainText(l)?.colour === theme.plain),
      `plain text (a space) has the ${theme.setting} theme's default colour ${theme.plain}`);
    const lines = await session.editorLines();
    const comment = lines[0]?.tokens[0];
    assert.ok(comment?.text.startsWith('#'), `line 1 should start with a comment token, got ${JSON.stringify(lines[0])}`);
    const keyword = await session.findToken('layer');
    const number = await session.findToken('0.15');
    assert.ok(keyword && number, 'the tokens `layer` and `0.15` are rendered');
    assert.equal(comment.colour, theme.comment, 'a comment has the theme comment colour (scope comment.*)');
    assert.equal(number.colour, theme.number, '0.15 has the theme number colour (scope constant.numeric.*)');
    assert.notEqual(keyword.colour, theme.plain, '`layer` is coloured, not plain text');
    assert.notEqual(keyword.colour, number.colour, '`layer` and 0.15 have different colours');
    assert.notEqual(keyword.colour, comment.colour, '`layer` and comments have different colours');
    await session.screenshot('highlighted');
  });

  step('the Outline lists the layers', async (session) => {
    const rows = await session.waitUntil(async () => {
      const found = await session.outline();
      return [0, 1, 2].every((l) => found.some((row) => new RegExp(`\\blayer\\s*${l}\\b`, 'i').test(row.text))) && found;
    }, 'the Outline shows layer 0, layer 1 and layer 2');
    assert.ok(rows.length >= 3);
    await session.screenshot('outline');
  });

  step('the Problems panel shows no problems', async (session) => {
    assert.deepEqual(await session.problems(), []);
    const panel = session.page.locator('.markers-panel');
    assert.match(await panel.innerText(), /No problems have been detected/);
    assert.equal(await session.page.locator('[id="status.problems"]').getAttribute('aria-label'), 'No Problems');
    await session.screenshot('no problems');
  });
});
