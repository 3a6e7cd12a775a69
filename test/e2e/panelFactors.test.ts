/**
 * The panel ties every symbol to its number. A learner steps `mazur.nnet` to ∂cᵢ/∂w⁽²⁾₁₂ and sees
 * each factor keep one colour through every form it takes: the fraction ∂a⁽²⁾₂/∂z⁽²⁾₂, its name
 * σ′(z⁽²⁾₂) and its number share a colour, as do ∂z⁽²⁾₂/∂w⁽²⁾₁₂, a⁽¹⁾₁ and every 0.59327. At the
 * cost step the targets y are marks of their own beside the output neurons. The current quantity's
 * mark is never a factor colour.
 */
import assert from 'node:assert/strict';
import type { FrameLocator } from 'playwright-core';
import { stepTo } from './harness/panel';
import type { LearnerSession } from './harness/session';
import { learnerSuite } from './harness/suite';

interface Chip {
  /** The chip's text after its swatch, e.g. "∂cᵢ/∂a⁽²⁾₂ = −0.0380982". */
  readonly text: string;
  /** The factor's number on its swatch, the cue beside the colour. */
  readonly badge: string;
  readonly value: string;
  readonly colour: string;
  readonly className: string;
}

/** One character of a typeset line with the colour of its nearest coloured ancestor ('' if none). */
interface Glyph {
  readonly ch: string;
  readonly colour: string;
}

async function waitForPosition(session: LearnerSession, panel: FrameLocator, pattern: RegExp): Promise<void> {
  await session.waitUntil(async () => pattern.test(await panel.locator('.position').innerText()), `the panel's position line matches ${pattern}`);
}

/** The factor legend: each factor's symbol, number, colour (of its swatch), badge and class. */
function chips(panel: FrameLocator): Promise<Chip[]> {
  return panel.locator('li.factor:not(.more)').evaluateAll((items) =>
    items.map((item) => {
      const swatch = item.querySelector('.swatch');
      const own = Array.from(item.childNodes).filter((node) => node !== swatch);
      const text = own.map((node) => node.textContent ?? '').join('').replace(/\s+/g, ' ').trim();
      const value = /(−?[0-9][0-9.]*(?:e[−+-]?[0-9]+)?)\s*$/.exec(text)?.[1] ?? '';
      const colour = swatch ? getComputedStyle(swatch).backgroundColor : '';
      const className = (item.getAttribute('class') ?? '').split(/\s+/).find((c) => /^f\d+$/.test(c)) ?? '';
      return { text, badge: (swatch?.textContent ?? '').trim(), value, colour, className };
    }),
  );
}

/** The glyphs of the n-th typeset line of the step (0: formula, 1: numbers, 2: result). */
function glyphs(panel: FrameLocator, line: number): Promise<Glyph[]> {
  return panel.locator('.step-line').nth(line).evaluate((root) => {
    const out: { ch: string; colour: string }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // KaTeX sets a \textcolor's colour on each glyph's own span, so the nearest styled ancestor decides.
      let owner: Element | null = node.parentElement;
      while (owner && owner !== root && !(owner instanceof HTMLElement && owner.style.color)) owner = owner.parentElement;
      const colour = owner && owner !== root ? getComputedStyle(owner).color : '';
      for (const ch of node.textContent ?? '') if (ch !== '\u200b') out.push({ ch, colour });
    }
    return out;
  });
}

/** Every place `needle` occurs in the line, as the colours of its characters. */
function occurrences(line: readonly Glyph[], needle: string): string[][] {
  const text = line.map((g) => g.ch).join('');
  const found: string[][] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + needle.length] ?? '';
    if (/[0-9.]/.test(before) || /[0-9]/.test(after)) continue;
    found.push(line.slice(at, at + needle.length).map((g) => g.colour));
  }
  return found;
}

/** The texts of the runs of consecutive glyphs in one colour: each a whole form of one factor. */
function runsOf(line: readonly Glyph[], colour: string): string[] {
  const runs: string[] = [];
  let current = '';
  for (const g of line) {
    if (g.colour === colour) current += g.ch;
    else if (current) {
      runs.push(current);
      current = '';
    }
  }
  if (current) runs.push(current);
  return runs;
}

function digitsOf(value: string): string {
  return value.replace(/^−/, '');
}

learnerSuite('Every factor keeps its colour in every form', (step) => {
  let panel: FrameLocator;

  step('opens the panel on mazur.nnet and steps to ∂cᵢ/∂w⁽²⁾₁₂ (step 17)', async (session) => {
    await session.openFile('mazur.nnet');
    await session.waitUntil(async () => (await session.outline()).length > 0, 'the extension has analysed the spec');
    await session.runCommand('Backprop: Open Panel');
    panel = session.webviewFrame();
    await panel.locator('.title').waitFor({ timeout: 30_000 });
    await waitForPosition(session, panel, /^step 1 of 45/);
    await stepTo(session, panel, 17);
    await waitForPosition(session, panel, /^step 17 of 45 · backward pass · layer 2$/);
  });

  step('each factor’s fraction, name and every occurrence of its number share its colour', async (session) => {
    const legend = await chips(panel);
    const find = (symbol: RegExp) => {
      const chip = legend.find((c) => symbol.test(c.text));
      assert.ok(chip, `the legend lists a factor matching ${symbol}; it has ${legend.map((c) => c.text).join(' | ')}`);
      return chip;
    };
    const dcda = find(/∂cᵢ\/∂a⁽²⁾₂ =/u);
    const sigma = find(/σ′\(z⁽²⁾₂\) =/u);
    const a = find(/a⁽¹⁾₁ =/u);
    const delta = find(/δ⁽²⁾₂ =/u);
    const colours = new Set(legend.map((c) => c.colour));
    assert.equal(colours.size, legend.length, 'every factor has its own colour');
    // Colour is never the only cue: each chip's swatch carries its factor's number, 1, 2, …
    assert.deepEqual(legend.map((c) => c.badge), legend.map((_, i) => String(i + 1)));

    const formula = await glyphs(panel, 0);
    const numbers = await glyphs(panel, 1);
    // The numbers: every occurrence of a factor's number is in that factor's colour.
    for (const chip of [dcda, sigma, a, delta]) {
      const found = occurrences(numbers, digitsOf(chip.value));
      assert.ok(found.length >= 1, `${chip.text}: its number ${chip.value} is in the substituted line`);
      for (const colours of found) assert.ok(colours.every((c) => c === chip.colour), `${chip.text}: every ${chip.value} is drawn in the factor's colour ${chip.colour}, found ${colours.join(',')}`);
    }
    assert.equal(occurrences(numbers, digitsOf(a.value)).length, 2, 'a⁽¹⁾₁ = 0.59327 appears in both numeric forms, and both are coloured');
    // The symbols: ∂a/∂z is σ′(z), ∂z/∂w is a⁽¹⁾₁, drawn in one colour each.
    const sigmaRuns = runsOf(formula, sigma.colour);
    assert.ok(sigmaRuns.some((r) => r.includes('σ')), `σ′(z⁽²⁾₂) is drawn in its factor's colour (runs: ${sigmaRuns.join(' | ')})`);
    assert.ok(sigmaRuns.some((r) => r.includes('∂') && !r.includes('σ')), `the fraction ∂a⁽²⁾₂/∂z⁽²⁾₂ is drawn in σ′’s colour (runs: ${sigmaRuns.join(' | ')})`);
    const aRuns = runsOf(formula, a.colour);
    assert.ok(aRuns.some((r) => r.includes('∂') && r.includes('w')), `the fraction ∂z⁽²⁾₂/∂w⁽²⁾₁₂ is drawn in a⁽¹⁾₁’s colour (runs: ${aRuns.join(' | ')})`);
    assert.ok(aRuns.filter((r) => !r.includes('∂')).length >= 2, `both a⁽¹⁾₁ are drawn in their colour (runs: ${aRuns.join(' | ')})`);
    assert.ok(runsOf(formula, dcda.colour).length >= 2, '∂cᵢ/∂a⁽²⁾₂ is coloured in the article’s form and in the named form');
    assert.ok(runsOf(formula, delta.colour).some((r) => r.includes('δ')), 'δ⁽²⁾₂ is drawn in its colour');
    await session.screenshot('step 17 factors');
  });

  step('the current quantity’s mark is never a factor colour', async () => {
    const legend = await chips(panel);
    const current = panel.locator('td.is-current');
    assert.equal(await current.getAttribute('data-ref'), 'dw:2:2:1');
    const marks = await current.evaluate((cell) => {
      const style = getComputedStyle(cell);
      return [style.outlineColor, style.borderTopColor, style.backgroundColor];
    });
    for (const chip of legend) assert.ok(!marks.includes(chip.colour), `the current cell's mark (${marks.join(', ')}) differs from ${chip.text}'s colour ${chip.colour}`);
    assert.equal(await current.getAttribute('aria-current') !== null, true, 'the current cell carries aria-current');
  });

  step('at the cost step the targets are marks of their own beside the output neurons', async (session) => {
    await stepTo(session, panel, 9);
    await waitForPosition(session, panel, /^step 9 of 45 · cost$/);
    const legend = await chips(panel);
    for (const j of [1, 2]) {
      const output = panel.locator(`svg.diagram [data-ref="a:2:${j}:0"]`);
      const target = panel.locator(`svg.diagram [data-ref^="y:"][data-ref$=":${j}:0"]`);
      assert.equal(await target.count(), 1, `y${j} has its own mark in the diagram`);
      const [ob, tb] = [await output.locator('circle').boundingBox(), await target.boundingBox()];
      assert.ok(ob && tb, 'both are drawn');
      const apart = tb.x >= ob.x + ob.width || tb.x + tb.width <= ob.x || tb.y >= ob.y + ob.height || tb.y + tb.height <= ob.y;
      assert.ok(apart, `y${j}'s mark does not cover a⁽²⁾${j}'s circle`);
      const aChip = legend.find((c) => c.text.startsWith(`a⁽²⁾${'₁₂'[j - 1]}`) || c.text.includes(` a⁽²⁾${'₁₂'[j - 1]} =`));
      const yChip = legend.find((c) => c.text.includes(`yᵢ${'₁₂'[j - 1]}`));
      assert.ok(aChip && yChip, `the legend lists a⁽²⁾${j} and y${j}: ${legend.map((c) => c.text).join(' | ')}`);
      assert.match((await output.getAttribute('class')) ?? '', new RegExp(`\\b${aChip.className}\\b`), `a⁽²⁾${j}'s neuron has a's colour`);
      assert.match((await target.getAttribute('class')) ?? '', new RegExp(`\\b${yChip.className}\\b`), `y${j}'s mark has y's colour`);
      assert.doesNotMatch((await output.getAttribute('class')) ?? '', new RegExp(`\\b${yChip.className}\\b`), `a⁽²⁾${j}'s neuron is not drawn in y's colour`);
    }
    await session.screenshot('cost step targets');
  });
});
