import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/core/model/locate';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { inlayHintContents } from '../../../src/extension/editor/inlayHintContent';
import { lensContents } from '../../../src/extension/editor/lensContent';
import { heldBack } from '../../../src/extension/stepping/heldBack';
import { mazurText, positionOf, stateOf } from '../editor/editorFixture';

/**
 * While an exercise asks a step, the editor's numbers hold back what the stepping has not
 * reached, as the panel does: otherwise the inlay hint after b⁽²⁾₁ (∂c/∂b = 0.138499) would
 * give away the answer δ⁽²⁾₁ = 0.138499 while the panel asks for it.
 */
const mazur = mazurText();
const whole = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };
// Step 11 (0-based) is δ⁽²⁾₁: the position one before it is σ′(z⁽²⁾₁), as while δ⁽²⁾₁ is asked.
const askingDelta = { example: 0, step: 10 };

describe('the editor during an exercise', () => {
  it('shows no gradient hint before the stepping reaches it, and every one without an exercise', () => {
    expect(inlayHintContents(stateOf(mazur, askingDelta), 'gradient', whole)).toHaveLength(12);
    const exercising = { ...stateOf(mazur, askingDelta), exercising: true };
    expect(inlayHintContents(exercising, 'gradient', whole)).toEqual([]);
    expect(inlayHintContents(exercising, 'updated', whole)).toEqual([]);
    // After the output layer's backward pass (steps 9 … 20): its four ∂c/∂w and two ∂c/∂b.
    const labels = inlayHintContents({ ...exercising, position: { example: 0, step: 20 } }, 'gradient', whole).map((h) => h.label);
    expect(labels).toEqual(['∂c/∂w = 0.082167', '∂c/∂w = −0.0226025', '∂c/∂w = 0.0826676', '∂c/∂w = −0.0227402', '∂c/∂b = 0.138499', '∂c/∂b = −0.0380982']);
  });

  it('keeps the costs out of the lenses until cᵢ is reached', () => {
    const titles = (step: number) => lensContents({ ...stateOf(mazur, { example: 0, step }), exercising: true }).map((l) => l.title);
    expect(titles(7)).toContain('c = ? (exercise)');
    expect(titles(7)).toContain('c₁ = ? (exercise)');
    expect(titles(8)).toContain('c = 0.298371');
    expect(titles(8)).toContain('c₁ = 0.298371');
  });

  it('hovers name the symbol and send the numbers to the panel', () => {
    const state = { ...stateOf(mazur, askingDelta), exercising: true };
    const at = positionOf(mazur, 'b 0.60', '0.60');
    const location = locate(state.analysis.source, at)!;
    const markdown = hoverMarkdown(state, location, () => '');
    expect(markdown).toContain('b⁽²⁾₁');
    expect(markdown).not.toMatch(/0\.138499|0\.6\b/);
    expect(markdown).toContain('An exercise is running');
  });

  it('holds back by the stepping snapshot’s rule, and nothing outside an exercise', () => {
    const trace = stateOf(mazur).analysis.trace(0, 6)!;
    const delta = { kind: 'delta' as const, layer: 2, j: 1, k: 0 };
    expect(heldBack(true, trace, 10, delta)).toBe(true);
    expect(heldBack(true, trace, 11, delta)).toBe(false);
    expect(heldBack(false, trace, 10, delta)).toBe(false);
    expect(heldBack(true, null, 40, delta)).toBe(true);
  });
});
