import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/core/model/network';
import { formatNumberTex } from '../../../src/core/notation/format';
import { group, mark, renderFactorMarks, resolveMarks, stripMarks } from '../../../src/core/trace/marks';
import { STEP_KINDS, type StepKind, type TraceStep } from '../../../src/core/trace/types';
import { everyNetwork, stepsOf, traceOf, WIDE_SIZES, type Case } from './everyNetwork';
import { factorForms } from './factorForms';
import { enclosing, numberOccurrences, occurrences, readMarks, unwrapped, type Marked } from './markedTex';

/**
 * Item 1 of issue 10: in every step, every occurrence of a factor in any of its forms — its
 * names, its written-out formula, its numbers — carries that factor's mark, and a mark wraps
 * nothing but one of those forms.
 */

/** Everything wrong with the marks of one step, as sentences (empty when all is well). */
function markProblems(step: TraceStep, network: Network): string[] {
  const problems: string[] = [];
  const { factors } = step;
  const formula = readMarks(step.markedFormulaTex);
  const numbers = readMarks(step.markedSubstitutedTex);
  const forms = factors.map((f) => factorForms(step, f, factors, network, 'from-to'));

  if (stripMarks(step.markedFormulaTex) !== step.formulaTex) problems.push('the marked formula is not the plain formula');
  if (stripMarks(step.markedSubstitutedTex) !== step.substitutedTex) problems.push('the marked numbers are not the plain numbers');

  const wraps = (m: Marked, line: string, allowed: (i: number) => readonly string[]) => {
    for (const span of m.spans) {
      if (!(span.index >= 0 && span.index < factors.length)) problems.push(`${line}: a mark names no factor (${span.index})`);
      else if (!allowed(span.index).includes(unwrapped(m, span))) {
        problems.push(`${line}: factor ${span.index} (${factors[span.index].text}) marks "${unwrapped(m, span)}"`);
      }
    }
  };
  wraps(formula, 'formula', (i) => forms[i].symbols);
  wraps(numbers, 'numbers', (i) => forms[i].numbers);

  // Every name or formula of a factor, wherever it stands, is inside that factor's mark — unless
  // it is a piece of another factor's name (w⁽ℓ⁾ₖⱼ inside ∂c/∂w⁽ℓ⁾ₖⱼ), which means that other factor.
  const partOfAnotherName = (at: number, needle: string, i: number) =>
    formula.spans.some((s) => s.index !== i && s.start <= at && at + needle.length <= s.end && forms[s.index]?.symbols.includes(unwrapped(formula, s)) && unwrapped(formula, s) !== needle);
  forms.forEach((form, i) => {
    for (const needle of form.searchable) {
      for (const at of occurrences(formula.tex, needle)) {
        if (!enclosing(formula, at, at + needle.length).includes(i) && !partOfAnotherName(at, needle, i)) problems.push(`formula: "${needle}" at ${at} is not marked as factor ${i}`);
      }
    }
  });
  // Every number that is some factor's number is inside the mark of a factor with that number.
  // (Whole numbers are left out: the formulas' own constants 1, 2, ½ are no factor's.)
  factors.forEach((f, i) => {
    if (Number.isInteger(f.value)) return;
    for (const needle of forms[i].numbers) {
      for (const at of numberOccurrences(numbers.tex, needle)) {
        const owners = enclosing(numbers, at, at + needle.length);
        if (!owners.some((o) => forms[o]?.numbers.includes(needle))) problems.push(`numbers: "${needle}" at ${at} is not marked as a factor with that number`);
      }
    }
  });
  // In a parameter's chain, ∂cᵢ/∂a · σ′(z) is braced as δ, in symbols and in numbers.
  const delta = factors.findIndex((f) => f.refers?.kind === 'delta');
  if (delta >= 0 && factors.some((f) => f.refers?.kind === 'dadz')) {
    for (const [line, m] of [['formula', formula], ['numbers', numbers]] as const) {
      if (!m.spans.some((s) => s.index === delta && unwrapped(m, s).startsWith('\\underbrace'))) problems.push(`${line}: ∂cᵢ/∂a · σ′(z) is not braced as δ`);
    }
  }
  // A factor shown in the formula shows its number too, and the other way round.
  const shown = (m: Marked) => [...new Set(m.spans.map((s) => s.index))].sort((x, y) => x - y).join(',');
  if (shown(formula) !== shown(numbers)) problems.push(`factors marked in the formula (${shown(formula)}) and in the numbers (${shown(numbers)}) differ`);
  return problems;
}

describe.each([
  ['narrow networks', everyNetwork()],
  ['wide networks (elided sums)', everyNetwork(WIDE_SIZES)],
])('factor marks in every step of %s', (_, cases: Case[]) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const seen = new Set<StepKind>();
    const problems: string[] = [];
    for (const step of stepsOf(traceOf(c))) {
      seen.add(step.address.kind);
      for (const problem of markProblems(step, c.network)) problems.push(`${step.symbolText}: ${problem}`);
    }
    expect(problems).toEqual([]);
    expect([...seen].sort()).toEqual([...STEP_KINDS].sort());
  });
});

describe('factor marks of ∂cᵢ/∂w⁽²⁾₁₂ in the mazur network', () => {
  const [mazur] = everyNetwork();
  const trace = traceOf(mazur);
  const step = trace.step(trace.indexOf({ kind: 'dw', layer: 2, j: 2, k: 1 }));
  const formula = readMarks(step.markedFormulaTex);
  const numbers = readMarks(step.markedSubstitutedTex);
  const marked = (m: Marked, i: number) => m.spans.filter((s) => s.index === i).map((s) => unwrapped(m, s));

  it('is step 17 and lists ∂cᵢ/∂a, σ′, a⁽¹⁾₁ and δ as its factors', () => {
    expect(step.index + 1).toBe(17);
    expect(step.factors.map((f) => f.text)).toEqual(['∂cᵢ/∂a⁽²⁾₂', 'σ′(z⁽²⁾₂)', 'a⁽¹⁾₁', 'δ⁽²⁾₂']);
  });

  it('marks each of the three fractions like the factor whose value it is', () => {
    expect(marked(formula, 0)).toEqual(['\\frac{\\partial c_i}{\\partial a^{(2)}_{2}}', '\\frac{\\partial c_i}{\\partial a^{(2)}_{2}}']);
    expect(marked(formula, 1)).toEqual(['\\frac{\\partial a^{(2)}_{2}}{\\partial z^{(2)}_{2}}', "\\sigma'(z^{(2)}_{2})"]);
    expect(marked(formula, 2)).toEqual(['\\frac{\\partial z^{(2)}_{2}}{\\partial w^{(2)}_{12}}', 'a^{(1)}_{1}', 'a^{(1)}_{1}']);
  });

  it('braces ∂cᵢ/∂a · σ′(z) as δ, in symbols and in numbers', () => {
    expect(marked(formula, 3)).toEqual(["\\underbrace{\\frac{\\partial c_i}{\\partial a^{(2)}_{2}} \\cdot \\sigma'(z^{(2)}_{2})}_{\\delta^{(2)}_{2}}", '\\delta^{(2)}_{2}']);
    expect(marked(numbers, 3)).toEqual(['\\underbrace{\\left(-0.217072\\right) \\times 0.17551}_{-0.0380982}', '\\left(-0.0380982\\right)']);
  });

  it('marks both occurrences of a⁽¹⁾₁ = 0.59327', () => {
    expect(marked(numbers, 2)).toEqual(['0.59327', '0.59327']);
    expect(numberOccurrences(numbers.tex, '0.59327')).toHaveLength(2);
  });
});

describe('marks (src/core/trace/marks.ts)', () => {
  const f = (tex: string) => ({ tex, text: tex, value: 0.5, refers: null });
  const [x, y, d] = [f('x'), f('y'), f('d')];
  const pair = { tex: `${mark(x, x).tex} \\cdot ${mark(y, y).tex}`, text: 'x · y' };
  const tex = `${group(d, 'd', pair).tex} = ${mark(d, d).tex} + ${mark(f('unlisted'), { tex: 'u', text: 'u' }).tex}`;
  const resolved = resolveMarks(tex, [x, y, d]);

  it('strips to the plain TeX and renders nested, labelled and unlisted marks', () => {
    expect(stripMarks(tex)).toBe('x \\cdot y = d + u');
    expect(renderFactorMarks(resolved, (i) => `\\m${'ABC'[i]}`)).toBe('\\mC{\\underbrace{\\mA{x} \\cdot \\mB{y}}_{d}} = \\mC{d} + u');
    expect(renderFactorMarks(resolved, (i) => (i === 2 ? null : `\\m${'AB'[i]}`))).toBe('\\underbrace{\\mA{x} \\cdot \\mB{y}}_{d} = d + u');
    expect(formatNumberTex(0.5)).toBe('0.5');
  });
});
