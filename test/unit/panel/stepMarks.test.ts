import { describe, expect, it } from 'vitest';
import { buildPanelMessage, MAX_FACTORS } from '../../../src/extension/panel/viewMessage';
import type { StepView } from '../../../src/shared/panelMessages';
import { analyseText, mazurText } from './realAnalysis';

/** The panel's step at 0-based `step` of example 1. */
function stepAt(text: string, step: number): StepView {
  const message = buildPanelMessage({ uri: 'file:///s.nnet', fileName: 's.nnet', analysis: analyseText(text), position: { example: 0, step }, digits: 6 });
  if (message.type !== 'view' || !message.step) throw new Error('expected a view with a step');
  return message.step;
}

/** How often `needle` occurs in `haystack`. */
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('the panel marks every form of every factor (mazur, step 17: ∂cᵢ/∂w⁽²⁾₁₂)', () => {
  const step = stepAt(mazurText(), 16);

  it('wraps each fraction of the chain rule in the macro of the factor it equals', () => {
    expect(step.symbolTex).toBe('\\frac{\\partial c_i}{\\partial w^{(2)}_{12}}');
    expect(step.formulaTex.startsWith(
      '\\bpfA{\\frac{\\partial c_i}{\\partial a^{(2)}_{2}}} \\cdot \\bpfB{\\frac{\\partial a^{(2)}_{2}}{\\partial z^{(2)}_{2}}} \\cdot \\bpfC{\\frac{\\partial z^{(2)}_{2}}{\\partial w^{(2)}_{12}}} = ',
    )).toBe(true);
    expect(count(step.formulaTex, "\\bpfB{\\sigma'(z^{(2)}_{2})}")).toBe(1);
    expect(count(step.formulaTex, '\\bpfC{a^{(1)}_{1}}')).toBe(2);
    expect(count(step.formulaTex, '\\bpfA{\\frac{\\partial c_i}{\\partial a^{(2)}_{2}}}')).toBe(2);
  });

  it('braces ∂cᵢ/∂a · σ′(z) as δ in δ’s macro, and marks every number, 0.59327 twice', () => {
    expect(step.formulaTex).toContain("\\bpfD{\\underbrace{\\bpfA{\\frac{\\partial c_i}{\\partial a^{(2)}_{2}}} \\cdot \\bpfB{\\sigma'(z^{(2)}_{2})}}_{\\delta^{(2)}_{2}}}");
    expect(step.substitutedTex).toBe(
      '\\bpfD{\\underbrace{\\bpfA{\\left(-0.217072\\right)} \\times \\bpfB{0.17551}}_{-0.0380982}} \\times \\bpfC{0.59327} = \\bpfD{\\left(-0.0380982\\right)} \\times \\bpfC{0.59327}',
    );
    expect(step.factors.map((f) => f.refers?.kind)).toEqual(['dcda', 'dadz', 'a', 'delta']);
  });
});

describe('the panel colours only the factors it sends', () => {
  // z⁽¹⁾₁ of a neuron with 6 inputs (a sum short enough to show whole): 6 w·a terms and the bias, 13 factors, 12 sent.
  const inputs = Array.from({ length: 6 }, (_, k) => (k + 1) / 10);
  const spec = [
    'cost half-squared',
    'layer 0: 6 inputs',
    'layer 1: 1 sigmoid',
    ...inputs.map((_, k) => `  ${k === 0 ? 'w' : ' '} ${(k % 2 ? -1 : 1) * (k + 2) / 10}`),
    '  b -0.3',
    `example x ${inputs.join(' ')} y 0.5`,
  ].join('\n');
  const step = stepAt(spec, 0);

  it('marks the first MAX_FACTORS factors shown and no other, and writes a negative bias as "− 0.3"', () => {
    expect(step.factors).toHaveLength(MAX_FACTORS);
    expect(step.factorsOmitted).toBe(13 - MAX_FACTORS);
    const macros = [...step.substitutedTex.matchAll(/\\bpf([A-Z])\{/g)].map((m) => m[1]).join('');
    expect(macros).toBe('ABCDEFGHIJKL');
    expect(step.substitutedTex.endsWith('- 0.3')).toBe(true);
    expect(step.substitutedTex).not.toMatch(/[\uE000-\uE003]/);
    expect(step.plainText).toContain('− 0.3 = ');
  });
});
