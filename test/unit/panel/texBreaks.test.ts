import katex from 'katex';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPanelMessage } from '../../../src/extension/panel/viewMessage';
import { stepLines } from '../../../webview/stepView';
import { atomicFactors } from '../../../webview/texBreaks';
import { analyseText, mazurText } from './realAnalysis';

/**
 * KaTeX (inline mode) puts each stretch of a formula it may not break inside a `katex-base`
 * span, and breaks lines only between them. Each occurrence of a factor macro gets its own
 * colour here, so a factor cut across two boxes shows as one colour in two boxes.
 */
function boxes(tex: string): { texts: string[]; coloursPerBox: string[][] } {
  let n = 0;
  const unique = tex.replace(/\\bpf[A-Za-z]*(?=\{)/g, () => `\\textcolor{${(++n).toString(16).padStart(6, '0')}}`);
  const html = katex.renderToString(unique, { output: 'html', throwOnError: true, strict: 'ignore' });
  const parts = html.split('<span class="katex-base">').slice(1);
  return {
    texts: parts.map((part) => part.replace(/<[^>]+>/g, '').replace(/[\u200b\s]/g, '')),
    coloursPerBox: parts.map((part) => [...new Set([...part.matchAll(/color:(#[0-9a-f]{6})/g)].map((m) => m[1]))]),
  };
}

function breaksOnlyBetweenFactors(tex: string): string[] {
  const { texts, coloursPerBox } = boxes(tex);
  const problems: string[] = [];
  texts.forEach((text) => {
    const open = [...text].filter((c) => c === '(').length - [...text].filter((c) => c === ')').length;
    if (open !== 0) problems.push(`box "${text}" of ${tex} cuts a parenthesis`);
  });
  const seen = new Map<string, number>();
  coloursPerBox.forEach((colours, i) => {
    for (const colour of colours) {
      if (seen.has(colour) && seen.get(colour) !== i) problems.push(`factor ${colour} of ${tex} spans boxes ${seen.get(colour)} and ${i}`);
      seen.set(colour, i);
    }
  });
  return problems;
}

const everyStep = (text: string) => {
  const analysis = analyseText(text);
  const count = analysis.trace(0, 6)!.length;
  return Array.from({ length: count }, (_, step) => {
    const message = buildPanelMessage({ uri: 'file:///t.nnet', fileName: 't.nnet', analysis, position: { example: 0, step }, digits: 6 });
    if (message.type !== 'view' || !message.step) throw new Error('no step');
    return message.step;
  });
};

describe('formula line breaks', () => {
  it('wraps factor macros and parenthesised expressions in unbreakable groups, leaving the rest', () => {
    expect(atomicFactors(String.raw`\bpfA{a - b} \cdot (c + d) = e + f`)).toBe(String.raw`{\bpfA{a - b}} \cdot {(c + d)} = e + f`);
    expect(atomicFactors(String.raw`\left(\bpfA{-1}\right) \times x^{(2)}_{1}`)).toBe(String.raw`\left({\bpfA{-1}}\right) \times x^{(2)}_{1}`);
    expect(atomicFactors(String.raw`\left\{ 1 - 2 \right\} (1 - a)^{2}`)).toBe(String.raw`\left\{ 1 - 2 \right\} {(1 - a)}^{2}`);
    expect(atomicFactors('(a - b')).toBe('(a - b');
  });

  it('lets KaTeX break a factor’s inside without it, and not with it', () => {
    const tex = String.raw`\displaystyle \delta = \bpfA{\frac{\partial c_i}{\partial a}} \cdot \bpfB{a\,(1 - a)} = (a - y) \cdot x`;
    expect(breaksOnlyBetweenFactors(tex).length).toBeGreaterThan(0);
    expect(breaksOnlyBetweenFactors(atomicFactors(tex))).toEqual([]);
    // Breaks remain possible at "=" and between factors.
    expect(boxes(atomicFactors(tex)).texts.length).toBeGreaterThanOrEqual(4);
  });

  it('breaks every line of every step of the worked example and a 3-4-4-2 network only between factors', () => {
    const deep = readFileSync('test/fixtures/panel-layout/deep.nnet', 'utf8');
    for (const text of [mazurText(), deep]) {
      const problems = everyStep(text).flatMap((step) => stepLines(step).flatMap(breaksOnlyBetweenFactors));
      expect(problems).toEqual([]);
    }
  });
});
