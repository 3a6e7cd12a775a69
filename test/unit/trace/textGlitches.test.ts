import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { hintTooltip, inlayHintContents } from '../../../src/extension/editor/inlayHintContent';
import { lensContents } from '../../../src/extension/editor/lensContent';
import { stepView } from '../../../src/extension/panel/viewMessage';
import { exampleSpecs, hoverSites, rendered, stateOf } from '../editor/editorFixture';
import { everyNetwork, stepsOf, traceOf, WIDE_SIZES } from './everyNetwork';
import { texGlitch, textGlitch } from './textGlitches';

/** Item 12 of issue 10: no rendered text has a digit run into a script, or adds a negative number. */

describe('the glitch predicates', () => {
  it('catch the slips the issue found', () => {
    expect(textGlitch('Each δ⁽2⁾ᵣ is how much')).not.toBeNull();
    expect(textGlitch('per unit of z⁽2⁾ᵣ')).not.toBeNull();
    expect(textGlitch('w⁽²⁾₁2')).not.toBeNull();
    expect(textGlitch('0.2 × 0.2 + −1.8757')).not.toBeNull();
    expect(textGlitch('0.2 + -1')).not.toBeNull();
    expect(texGlitch('0.2 \\times 0.2 + -1.8757')).not.toBeNull();
  });

  it('let the notation through', () => {
    for (const ok of ['δ⁽²⁾ᵣ = ∂cᵢ/∂z⁽²⁾ᵣ', 'w⁽¹⁾₁₂,₃ = 1.5×10⁻⁷', 'no less than 10⁻¹²', '(y − a)² + 0.5 × (−0.2) − 0.3', 'cᵢ = ½ Σⱼ']) {
      expect(textGlitch(ok)).toBeNull();
    }
    expect(texGlitch('0.5 \\times \\left(-0.2\\right) - 0.3 + \\underbrace{\\cdots}_{4\\text{ terms} \\,=\\, -1}')).toBeNull();
  });
});

describe('every step of every network reads cleanly', () => {
  const cases = [...everyNetwork(), ...everyNetwork(WIDE_SIZES, 3)];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const problems: string[] = [];
    for (const order of ['from-to', 'to-from'] as const) {
      for (const step of stepsOf(traceOf(c, order))) {
        const view = stepView(step, 1, 6);
        const texts = [step.symbolText, step.formulaText, step.substitutedText, step.note ?? '', view.plainText, ...step.factors.map((f) => f.text)];
        const texs = [step.symbolTex, step.formulaTex, step.substitutedTex, view.formulaTex, view.substitutedTex];
        for (const text of texts) {
          const glitch = textGlitch(text);
          if (glitch) problems.push(`${step.symbolText}: ${glitch}`);
        }
        for (const tex of texs) {
          const glitch = texGlitch(tex);
          if (glitch) problems.push(`${step.symbolText}: ${glitch}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('including the notes on the mean over the examples, which name the gradient they mean', () => {
    const c = everyNetwork(WIDE_SIZES, 3)[1];
    const trace = traceOf(c);
    const note = trace.step(trace.indexOf({ kind: 'w-new', layer: 2, j: 3, k: 2 })).note;
    expect(note).toBe('∂c/∂w⁽²⁾₂₃ is the mean over all m = 3 examples of their own ∂cᵢ/∂w⁽²⁾₂₃, not only this example\'s: the step moves every parameter against the average slope.');
  });
});

describe('hovers, lenses and hints of every example spec read cleanly', () => {
  it.each(exampleSpecs())('%s', (path) => {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const problems: string[] = [];
    const check = (where: string, s: string) => {
      const glitch = textGlitch(s);
      if (glitch) problems.push(`${where}: ${glitch}`);
    };
    for (const order of ['from-to', 'to-from'] as const) {
      const state = stateOf(text, { example: 0, step: 0 }, 6, 'file:///spec.nnet', order);
      const { sites, textAt } = hoverSites(text, state.analysis.source);
      for (const { line, character, location } of sites) check(`hover at ${line + 1}:${character + 1}`, rendered(hoverMarkdown(state, location, textAt)));
      const trace = state.analysis.trace(0, 6, order)!;
      for (let step = 0; step < trace.length; step += 3) {
        for (const lens of lensContents({ ...state, position: { example: 0, step } })) check(`lens at step ${step + 1}`, `${lens.title} ${lens.tooltip ?? ''}`);
      }
      const all = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      for (const mode of ['gradient', 'updated'] as const) {
        for (const hint of inlayHintContents(state, mode, all)) check(`hint ${hint.label}`, `${hint.label} ${hintTooltip(state, hint)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
