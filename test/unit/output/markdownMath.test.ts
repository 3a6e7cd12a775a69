import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { traceToMarkdown } from '../../../src/core/output/markdown';
import { STEP_KINDS, type StepKind } from '../../../src/core/trace/types';
import { everyNetwork, traceOf, WIDE_SIZES, type Case } from '../trace/everyNetwork';

/**
 * Issue 16: the Markdown export's math renders with KaTeX without an error — every $…$ and
 * $$…$$ of the worked solution and of the exercise sheet, for every step kind, every activation
 * (hidden and output) and every cost of the registries, narrow and wide enough to elide sums.
 * KaTeX is what VS Code's Markdown preview typesets with; trust stays off, as in the panel.
 */

/** The math of a Markdown text, in order, with whether it was displayed; backslash-escaped dollars are text. */
export function mathSpans(markdown: string): { tex: string; display: boolean }[] {
  const spans: { tex: string; display: boolean }[] = [];
  let q = 0;
  while (q < markdown.length) {
    const ch = markdown[q];
    if (ch === '\\') {
      q += 2;
      continue;
    }
    if (ch !== '$') {
      q++;
      continue;
    }
    const display = markdown[q + 1] === '$';
    const open = display ? 2 : 1;
    const close = markdown.indexOf(display ? '$$' : '$', q + open);
    if (close < 0) throw new Error(`unclosed math at ${q}: ${markdown.slice(q, q + 80)}`);
    spans.push({ tex: markdown.slice(q + open, close), display });
    q = close + open;
  }
  return spans;
}

/** TeX already typeset without an error: the sheets repeat formulas, and KaTeX takes its time. */
const accepted = new Set<string>();

function refusals(markdown: string): string[] {
  const refused: string[] = [];
  for (const { tex, display } of mathSpans(markdown)) {
    if (accepted.has(tex)) continue;
    try {
      katex.renderToString(tex, { throwOnError: true, trust: false, strict: 'ignore', displayMode: display });
      accepted.add(tex);
    } catch (error) {
      refused.push(`${(error as Error).message}\n  in ${tex}`);
    }
  }
  return refused;
}

const NARROW: Case[] = everyNetwork();
const CASES: Case[] = [...NARROW, ...everyNetwork(WIDE_SIZES)];

describe('the Markdown export typesets with KaTeX', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: the worked solution and the exercise sheet', (_, c) => {
    const trace = traceOf(c);
    // The exercise sheet differs only in its results' boxes: checked on the narrow networks.
    for (const blanks of NARROW.includes(c) ? [false, true] : [false]) {
      const markdown = traceToMarkdown(c.network, c.result, trace, { blanks, digits: 6 });
      expect(refusals(markdown)).toEqual([]);
      // Every step is displayed math of its own: the trace's steps, and the cost's definition.
      expect(mathSpans(markdown).filter((span) => span.display)).toHaveLength(trace.length + 1);
    }
  }, 120_000);

  it('covers every step kind', () => {
    const kinds = new Set<StepKind>();
    for (const c of CASES) {
      const trace = traceOf(c);
      for (let q = 0; q < trace.length; q++) kinds.add(trace.addressOf(q).kind);
    }
    expect([...kinds].sort()).toEqual([...STEP_KINDS].sort());
  });

  it('finds math and skips escaped dollars', () => {
    expect(mathSpans('a \\$5 $x$ and $$y = 1$$ b')).toEqual([
      { tex: 'x', display: false },
      { tex: 'y = 1', display: true },
    ]);
  });
});
