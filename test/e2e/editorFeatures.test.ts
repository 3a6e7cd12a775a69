/**
 * A learner asks the spec itself "what is this number, and what is its gradient?": resting the
 * mouse on the weight 0.40 shows w⁽²⁾₁₁ with ∂c/∂w = 0.082167 and the chain-rule product; after
 * Backprop: Run Backward Pass the code lens above `layer 2` shows δ⁽²⁾ with 0.138499; and an inlay
 * hint follows each weight with its gradient.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ACTIVE_EDITOR, positionOf } from './harness/editor';
import { e2eEnvironment } from './harness/environment';
import { learnerSuite } from './harness/suite';

const MAZUR = readFileSync(join(e2eEnvironment().repoRoot, 'examples', 'mazur.nnet'), 'utf8').split('\n');
/** 1-based line and column of `needle` on the first line that starts (after indentation) with `prefix`. */
function where(prefix: string, needle: string): { line: number; column: number } {
  const index = MAZUR.findIndex((text) => text.trimStart().startsWith(prefix));
  return { line: index + 1, column: MAZUR[index].indexOf(needle) + 1 };
}

/** The rendered code lenses: their text and the vertical middle of each. */
async function codeLenses(page: Page): Promise<{ text: string; y: number }[]> {
  const lenses = page.locator(`${ACTIVE_EDITOR} .codelens-decoration`);
  const found: { text: string; y: number }[] = [];
  for (let i = 0; i < (await lenses.count()); i++) {
    const lens = lenses.nth(i);
    const box = await lens.boundingBox();
    if (box) found.push({ text: (await lens.innerText()).replace(/\u00a0/g, ' '), y: box.y + box.height / 2 });
  }
  return found;
}

learnerSuite('Gradients in the spec: hovers, code lenses, inlay hints', (step) => {
  step('hovering the weight 0.40 shows w⁽²⁾₁₁, ∂c/∂w = 0.082167 and the chain rule', async (session) => {
    await session.openFile('mazur.nnet');
    await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
    const { line, column } = where('w 0.40', '0.40');
    const hover = await session.waitUntil(async () => {
      const text = await session.hoverAt(line, column + 1);
      return /0\.082167/.test(text) && text;
    }, 'the hover on 0.40 shows 0.082167');
    assert.match(hover, /w⁽²⁾₁₁/);
    assert.match(hover, /0\.741365 × 0\.186816 × 0\.59327 = 0\.082167/);
    assert.match(hover, /0\.358916/);
    assert.match(hover, /Step to this quantity/);
    assert.doesNotMatch(hover, /\\frac|\\partial/, 'no raw LaTeX in the hover');
    assert.doesNotMatch(hover, /command:|\]\(/, 'links are rendered as links, not as Markdown source');
    // The hover fades in: photograph it once it is fully opaque.
    await session.waitUntil(
      () => session.page.locator('.monaco-hover:visible').first().evaluate((el) => getComputedStyle(el).opacity === '1'),
      'the hover has faded in',
    );
    await session.screenshot('hover on a weight');
    await session.press('Escape');
  });

  step('after Run Backward Pass, the code lens above layer 2 shows δ⁽²⁾ with 0.138499', async (session) => {
    await session.focusEditor();
    await session.runCommand('Backprop: Run Backward Pass (to the Last Gradient)');
    const layer2 = where('layer 2', 'layer');
    const lens = await session.waitUntil(async () => (await codeLenses(session.page)).find((l) => /δ⁽²⁾ = \[0\.138499/.test(l.text)),
      'a code lens shows δ⁽²⁾ = [0.138499, …]');
    // It sits above the `layer 2` line, below the line before it.
    const header = await positionOf(session.page, layer2.line, 1);
    const before = await positionOf(session.page, layer2.line - 1, 1);
    assert.ok(lens.y < header.y && lens.y > before.y, `the δ⁽²⁾ lens (y ${lens.y}) is between lines ${layer2.line - 1} and ${layer2.line}`);
    assert.match(lens.text, /Step to layer 2/);
    await session.screenshot('code lens after backward pass');
  });

  step('an inlay hint follows each weight with ∂c/∂w', async (session) => {
    const { line } = where('w 0.40', '0.40');
    const text = await session.waitUntil(async () => {
      const rendered = (await session.editorLines()).find((l) => l.line === line)?.text;
      return rendered?.includes('∂c/∂w = 0.082167') && rendered;
    }, `line ${line} shows the inlay hint ∂c/∂w = 0.082167`);
    assert.match(text, /0\.40\s*∂c\/∂w = 0\.082167/);
    await session.screenshot('inlay hints');
  });
});
