import { describe, expect, it } from 'vitest';
import type { ViewMessage } from '../../../src/shared/panelMessages';
import { actionForKey } from '../../../webview/controls';
import { formatValue, parseRefKey, refKey, symbolText } from '../../../webview/refs';
import { exampleText, positionText } from '../../../webview/wording';

describe('webview helpers', () => {
  it('round-trips data-ref keys and rejects anything else', () => {
    const ref = { kind: 'dw' as const, layer: 2, j: 1, k: 3 };
    expect(parseRefKey(refKey(ref))).toEqual(ref);
    expect(parseRefKey('delta:2:1')).toBeNull();
    expect(parseRefKey('evil:1:1:1')).toBeNull();
    expect(parseRefKey('z:-1:1:0')).toBeNull();
    expect(parseRefKey(null)).toBeNull();
  });

  it('writes symbols in the article’s notation', () => {
    expect(symbolText({ kind: 'delta', layer: 2, j: 1, k: 0 })).toBe('δ⁽²⁾₁');
    expect(symbolText({ kind: 'dw', layer: 1, j: 2, k: 1 })).toBe('∂cᵢ/∂w⁽¹⁾₁₂');
    expect(symbolText({ kind: 'dadz', layer: 2, j: 1, k: 0 })).toBe('σ′(z⁽²⁾₁)');
    expect(symbolText({ kind: 'w', layer: 1, j: 3, k: 12 })).toBe('w⁽¹⁾₁₂,₃');
  });

  it('leaves values not yet computed empty, never 0', () => {
    expect(formatValue(null, 6)).toBe('');
    expect(formatValue(0, 6)).toBe('0');
    expect(formatValue(0.13849856, 6)).toBe('0.138499');
  });

  // The diagram’s layout, highlights and colours: diagramLayout, highlight and palette.test.ts.

  it('maps the panel’s keys to actions and leaves modified keys to VS Code', () => {
    expect(actionForKey('ArrowRight', false, false)).toBe('step');
    expect(actionForKey('ArrowLeft', false, false)).toBe('stepBack');
    expect(actionForKey('ArrowRight', true, false)).toBe('stepLayer');
    expect(actionForKey('ArrowRight', false, true)).toBeNull();
    expect(actionForKey('Home', false, false)).toBe('reset');
    expect(actionForKey('x', false, false)).toBeNull();
  });

  it('says where the learner is', () => {
    const view = { stepCount: 42, step: { index: 16, phase: 'backward', layer: 1 } } as unknown as ViewMessage;
    expect(positionText(view)).toBe('step 17 of 42 · backward pass · layer 1');
  });

  it('names the example and where the spec got it', () => {
    expect(exampleText({ example: 11, exampleCount: 150, exampleOrigin: 'iris.csv, row 12 (line 13)' })).toBe('example 12 of 150 · iris.csv, row 12 (line 13)');
    expect(exampleText({ example: 0, exampleCount: 1, exampleOrigin: 'line 16' })).toBe('example 1 of 1 · line 16');
    expect(exampleText({ example: 0, exampleCount: 1, exampleOrigin: null })).toBe('example 1 of 1');
  });
});
