import { describe, expect, it } from 'vitest';
import { range } from '../../../src/core/text/range';
import { hintTooltip, inlayHintContents } from '../../../src/extension/editor/inlayHintContent';
import { mazurText, positionOf, stateOf } from './editorFixture';

const mazur = mazurText();
const whole = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };
const w211 = positionOf(mazur, 'w 0.40', '0.40');

describe('inlay hints', () => {
  it('"gradient": ∂c/∂w after every weight and ∂c/∂b after every bias', () => {
    const state = stateOf(mazur);
    const hints = inlayHintContents(state, 'gradient', whole);
    expect(hints).toHaveLength(12);
    const hint = hints.find((h) => h.position.line === w211.line && h.position.character === w211.character + 4)!;
    expect(hint.label).toBe('∂c/∂w = 0.082167');
    expect(hintTooltip(state, hint).split('\n')).toEqual([
      'w⁽²⁾₁₁ = 0.4',
      '∂c/∂w⁽²⁾₁₁ = 0.082167 (mean over the m = 1 example)',
      'after one gradient step: w⁽²⁾₁₁ = 0.358916',
    ]);
    const biases = hints.filter((h) => h.label.startsWith('∂c/∂b'));
    expect(biases).toHaveLength(4);
    expect(hintTooltip(state, biases[2])).toContain('∂c/∂b⁽²⁾₁ = 0.138499');
  });

  it('"updated": the value after one gradient step', () => {
    const hints = inlayHintContents(stateOf(mazur), 'updated', whole);
    expect(hints.find((h) => h.position.line === w211.line)!.label).toBe('→ 0.358916');
  });

  it('"off" and a spec with errors: none', () => {
    expect(inlayHintContents(stateOf(mazur), 'off', whole)).toEqual([]);
    expect(inlayHintContents(stateOf(mazur.replace('b 0.60 0.60', 'b 0.60 0.60 0.1')), 'gradient', whole)).toEqual([]);
  });

  it('only within the requested range', () => {
    const hints = inlayHintContents(stateOf(mazur), 'gradient', range(w211.line, 0, 0));
    expect(hints.map((h) => h.position.line)).toEqual([w211.line, w211.line]);
    expect(hints.map((h) => h.label)).toEqual(['∂c/∂w = 0.082167', '∂c/∂w = −0.0226025']);
  });
});
