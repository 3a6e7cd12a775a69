/**
 * The second cue: factor i carries the number i + 1 wherever it is coloured. Every KaTeX macro
 * typesets (KaTeX runs with trust: false) with its factor's colour and a boxed number after the
 * factor, and that number never runs into the factor's own digits in the text.
 */
import katex from 'katex';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPanelMessage } from '../../../src/extension/panel/viewMessage';
import { FACTOR_MARKS } from '../../../src/shared/panelMessages';
import { factorBadgeText, factorClass, factorMacroName, factorMacros, factorNumber } from '../../../webview/factors';
import { FACTOR_COLOURS } from '../../../webview/palette';
import { stepLines } from '../../../webview/stepView';
import { analyseText, mazurText } from './realAnalysis';

const COLOURS = ['#0a0b0c', '#1a1b1c', '#2a2b2c', '#3a3b3c', '#4a4b4c', '#5a5b5c'];

/** The text KaTeX's HTML shows, without tags and zero-width spaces. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/\u200b/g, '').replace(/&nbsp;|\u00a0/g, ' ');
}

function render(tex: string): string {
  return katex.renderToString(tex, { throwOnError: true, trust: false, strict: 'ignore', output: 'html', macros: { ...factorMacros(COLOURS) } });
}

describe('factor numbers', () => {
  it('numbers factors from 1 in legend order, colours cycling, numbers not', () => {
    expect([0, 1, 5, 6, 11].map(factorNumber)).toEqual([1, 2, 6, 7, 12]);
    expect(factorBadgeText(6)).toBe('7');
    expect(factorClass(6)).toBe(factorClass(0));
    expect(factorClass(5)).toBe(`f${5 % FACTOR_COLOURS}`);
  });

  it('has one macro per factor a view sends, each with its own number', () => {
    const macros = factorMacros(COLOURS);
    expect(Object.keys(macros)).toEqual([...FACTOR_MARKS].map((m) => `\\bpf${m}`));
    expect(FACTOR_MARKS.length).toBeGreaterThanOrEqual(12);
    expect(factorMacroName(0)).toBe('\\bpfA');
    expect(macros['\\bpfA']).toContain('\\textcolor{0a0b0c}');
    expect(macros['\\bpfG']).toContain('\\textcolor{0a0b0c}');
    expect(macros['\\bpfG']).toContain('\\fbox{\\scriptsize 7}');
  });

  for (const [i, letter] of [...FACTOR_MARKS].entries()) {
    it(`\\bpf${letter} typesets in factor ${i + 1}’s colour with its number beside it`, () => {
      const hex = COLOURS[i % FACTOR_COLOURS].slice(1);
      for (const body of ['0.59327', '\\frac{\\partial c_i}{\\partial a^{(2)}_{2}}', "\\sigma'(z^{(2)}_{2})", '(a^{(2)}_{1} - y_{i1})^2']) {
        const html = render(`\\displaystyle x = \\bpf${letter}{${body}} \\times 2`);
        expect(html).not.toContain('katex-error');
        expect(html).toContain(`color:#${hex}`);
        expect(html).toContain('fbox');
      }
      const text = textOf(render(`\\bpf${letter}{0.59327}`));
      expect(text).toMatch(new RegExp(`(^|\\D)${i + 1}(\\D|$)`));
      // The marker is a word of its own: no digit of it touches the number.
      expect(text).toMatch(/(^|[^0-9.])0\.59327([^0-9]|$)/);
    });
  }

  it('typesets nested marks (a δ group around its two factors) and a superscript after a mark', () => {
    const html = render('\\displaystyle \\bpfD{\\underbrace{\\bpfA{0.741365} \\times \\bpfB{0.186816}}_{0.138499}} \\cdot \\bpfC{0.59327}^{2}');
    expect(html).not.toContain('katex-error');
    const text = textOf(html);
    for (const n of ['1', '2', '3', '4']) expect(text).toMatch(new RegExp(`(^|\\D)${n}(\\D|$)`));
  });

  it('every step of the worked example and of a 3-4-4-2 network typesets, each marked factor with its number', () => {
    const deep = readFileSync('test/fixtures/panel-layout/deep.nnet', 'utf8');
    for (const text of [mazurText(), deep]) {
      const analysis = analyseText(text);
      const count = analysis.trace(0, 6)!.length;
      for (let index = 0; index < count; index++) {
        const message = buildPanelMessage({ uri: 'file:///t.nnet', fileName: 't.nnet', analysis, position: { example: 0, step: index }, digits: 6 });
        if (message.type !== 'view' || !message.step) throw new Error(`no step ${index}`);
        for (const line of stepLines(message.step)) {
          const html = render(line);
          expect(html, line).not.toContain('katex-error');
          // One boxed number per marked factor, of the factor's own number.
          const used = [...line.matchAll(/\\bpf([A-L])\{/g)].map((m) => FACTOR_MARKS.indexOf(m[1]) + 1);
          expect((html.match(/katex-stretchy fbox/g) ?? []).length, line).toBe(used.length);
          const boxed = [...html.matchAll(/katex-sizing reset-size\d+ size\d+[^"]*"[^>]*>(\d+)<\/span>/g)].map((m) => Number(m[1]));
          expect(boxed.sort((x, y) => x - y), line).toEqual([...used].sort((x, y) => x - y));
        }
      }
    }
  }, 60_000);
});
