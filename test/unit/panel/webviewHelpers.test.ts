import { describe, expect, it } from 'vitest';
import { FACTOR_MARKS, MAX_WINDOW, type LayerView, type StepView, type ViewMessage } from '../../../src/shared/panelMessages';
import { factorMacros, rgbToHex } from '../../../webview/colors';
import { actionForKey } from '../../../webview/controls';
import { highlightsFor, siteKey } from '../../../webview/highlight';
import { layoutDiagram, MAX_EDGES_PER_LAYER } from '../../../webview/layout';
import { formatValue, parseRefKey, refKey, symbolText } from '../../../webview/refs';
import { positionText } from '../../../webview/wording';

function layer(index: number, size: number, count = Math.min(size, MAX_WINDOW), start = 0): LayerView {
  return {
    index, size, activation: index === 0 ? null : 'sigmoid', start, count,
    z: [], a: [], dcda: [], dadz: [], delta: [], w: [], dw: [], wNew: [], b: [], db: [], bNew: [], y: [],
  };
}

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

  it('lays out windows of big layers with a summary and a capped number of edges', () => {
    const layout = layoutDiagram([layer(0, 784), layer(1, 128), layer(2, 10)]);
    expect(layout.neurons).toHaveLength(MAX_WINDOW * 2 + 10);
    expect(layout.more.map((m) => m.text)).toEqual([`… ${784 - MAX_WINDOW} more`, `… ${128 - MAX_WINDOW} more`]);
    const perLayer = (l: number) => layout.edges.filter((e) => e.layer === l).length;
    expect(perLayer(1)).toBeLessThanOrEqual(MAX_EDGES_PER_LAYER);
    expect(layout.edgesOmitted).toBe(784 * 128 - perLayer(1) + 128 * 10 - perLayer(2));
  });

  it('highlights the current quantity and each factor in its colour, in tables and diagram', () => {
    const step = {
      address: { kind: 'delta', layer: 2, j: 1, k: 0 },
      factors: [
        { tex: '', text: '', value: 0.74, valueText: '0.74', refers: { kind: 'dcda', layer: 2, j: 1, k: 0 } },
        { tex: '', text: '', value: 0.18, valueText: '0.18', refers: { kind: 'dadz', layer: 2, j: 1, k: 0 } },
      ],
    } as unknown as StepView;
    const h = highlightsFor(step, 2);
    expect(h.cells.get('delta:2:1:0')).toBe('is-current');
    expect(h.cells.get('dcda:2:1:0')).toBe('f0');
    expect(h.cells.get('dadz:2:1:0')).toBe('f1');
    expect(h.sites.get('n:2:1')).toBe('is-current');
    expect(siteKey({ kind: 'dw', layer: 1, j: 2, k: 1 }, 2)).toBe('e:1:2:1');
    expect(siteKey({ kind: 'x', layer: 0, j: 2, k: 0 }, 2)).toBe('n:0:2');
  });

  it('gives KaTeX one colour macro per factor mark, from theme colours', () => {
    expect(rgbToHex('rgb(55, 148, 255)')).toBe('#3794ff');
    expect(rgbToHex('rgba(1, 2, 3, 0.5)')).toBe('#010203');
    expect(rgbToHex('var(--x)')).toBeNull();
    const macros = factorMacros(['#111111', '#222222']);
    expect(Object.keys(macros)).toEqual([...FACTOR_MARKS].map((m) => `\\bpf${m}`));
    expect(macros['\\bpfA']).toBe('\\textcolor{111111}{#1}');
  });

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
});
