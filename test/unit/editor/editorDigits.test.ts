/**
 * `backpropStepper.significantDigits` covers code lenses and inlay hints exactly as its
 * description says: at 3, 6 and 10 digits every number they show has that many significant
 * digits (trailing zeros dropped), the same as the hovers and the panel.
 */
import { describe, expect, it } from 'vitest';
import { runBackward, runForward } from '../../../src/core/stepping/position';
import { formatNumber } from '../../../src/core/notation';
import { steppedTrace } from '../../../src/extension/editor/editorState';
import { inlayHintContents } from '../../../src/extension/editor/inlayHintContent';
import { lensContents } from '../../../src/extension/editor/lensContent';
import { mazurText, positionOf, stateOf } from './editorFixture';

const mazur = mazurText();
const w211 = positionOf(mazur, 'w 0.40', '0.40');
const line = (n: number) => ({ start: { line: n, character: 0 }, end: { line: n, character: 0 } });
const whole = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

/** The text lenses (no command) after the backward pass, at `digits`. */
function lensTitles(digits: number): string[] {
  const state = { ...stateOf(mazur), digits };
  const step = runBackward(steppedTrace(state)!);
  return lensContents({ ...state, position: { example: 0, step } }).filter((l) => l.command === null).map((l) => l.title);
}

const EXPECTED = {
  3: {
    lenses: ['c = 0.298', 'a⁽¹⁾ = [0.593, 0.597] · δ⁽¹⁾ = [0.00877, 0.00995]', 'a⁽²⁾ = [0.751, 0.773] · δ⁽²⁾ = [0.138, −0.0381]', 'c₁ = 0.298'],
    gradient: ['∂c/∂w = 0.0822', '∂c/∂w = −0.0226'],
    updated: ['→ 0.359', '→ 0.511'],
  },
  6: {
    lenses: ['c = 0.298371', 'a⁽¹⁾ = [0.59327, 0.596884] · δ⁽¹⁾ = [0.00877135, 0.00995425]', 'a⁽²⁾ = [0.751365, 0.772928] · δ⁽²⁾ = [0.138499, −0.0380982]', 'c₁ = 0.298371'],
    gradient: ['∂c/∂w = 0.082167', '∂c/∂w = −0.0226025'],
    updated: ['→ 0.358916', '→ 0.511301'],
  },
  10: {
    lenses: [
      'c = 0.2983711088',
      'a⁽¹⁾ = [0.5932699921, 0.5968843783] · δ⁽¹⁾ = [0.008771354689, 0.009954254705]',
      'a⁽²⁾ = [0.7513650696, 0.7729284653] · δ⁽²⁾ = [0.1384985616, −0.03809823652]',
      'c₁ = 0.2983711088',
    ],
    gradient: ['∂c/∂w = 0.08216704056', '∂c/∂w = −0.02260254048'],
    updated: ['→ 0.3589164797', '→ 0.5113012702'],
  },
} as const;

describe('significant digits in code lenses and inlay hints', () => {
  for (const digits of [3, 6, 10] as const) {
    it(`follow the setting at ${digits} digits`, () => {
      expect(lensTitles(digits)).toEqual(EXPECTED[digits].lenses);
      const state = { ...stateOf(mazur), digits };
      expect(inlayHintContents(state, 'gradient', line(w211.line)).map((h) => h.label)).toEqual(EXPECTED[digits].gradient);
      expect(inlayHintContents(state, 'updated', line(w211.line)).map((h) => h.label)).toEqual(EXPECTED[digits].updated);
    });
  }

  it('write every hint exactly as formatNumber does at the setting, for every weight and bias', () => {
    for (const digits of [3, 6, 10]) {
      const state = { ...stateOf(mazur), digits };
      const engine = state.analysis.engine!;
      for (const hint of inlayHintContents(state, 'updated', whole)) {
        const values = hint.parameter === 'w' ? engine.updated.w[hint.layer] : engine.updated.b[hint.layer];
        expect(hint.label).toBe(`→ ${formatNumber(values[hint.index], digits)}`);
      }
    }
  });

  it('show z and a of the forward pass at the setting too', () => {
    const state = { ...stateOf(mazur), digits: 10 };
    const step = runForward(steppedTrace(state)!);
    const titles = lensContents({ ...state, position: { example: 0, step } }).map((l) => l.title);
    expect(titles).toContain('z⁽²⁾ = [1.105905967, 1.224921404] · a⁽²⁾ = [0.7513650696, 0.7729284653]');
  });
});
