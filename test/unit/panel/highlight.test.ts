/**
 * Which places light up: every factor where its quantity is, the current quantity on its own,
 * all marks of one place kept together, and targets y never merged with the output neurons a.
 */
import { describe, expect, it } from 'vitest';
import type { FactorView, QuantityRef, StepView } from '../../../src/shared/panelMessages';
import { highlightsFor, marksClass, siteKey } from '../../../webview/highlight';

function factor(refers: QuantityRef | null): FactorView {
  return { tex: '', text: '', value: 0, valueText: '0', refers };
}

function step(address: StepView['address'], refs: readonly (QuantityRef | null)[]): StepView {
  return { address, factors: refs.map(factor) } as unknown as StepView;
}

describe('highlights of a step', () => {
  it('names diagram sites: neurons, edges, inputs, targets of their own, the cost', () => {
    expect(siteKey({ kind: 'dw', layer: 1, j: 2, k: 1 })).toBe('e:1:2:1');
    expect(siteKey({ kind: 'w', layer: 2, j: 1, k: 2 })).toBe('e:2:1:2');
    expect(siteKey({ kind: 'x', layer: 0, j: 2, k: 0 })).toBe('n:0:2');
    expect(siteKey({ kind: 'b', layer: 1, j: 3, k: 0 })).toBe('n:1:3');
    expect(siteKey({ kind: 'y', layer: 0, j: 1, k: 0 })).toBe('t:1');
    expect(siteKey({ kind: 'cost', layer: 2, j: 0, k: 0 })).toBe('cost');
  });

  it('keeps every mark of a place: δ⁽²⁾₁ = ∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁) marks its neuron three times', () => {
    const h = highlightsFor(step({ kind: 'delta', layer: 2, j: 1, k: 0 }, [{ kind: 'dcda', layer: 2, j: 1, k: 0 }, { kind: 'dadz', layer: 2, j: 1, k: 0 }]));
    expect(h.sites.get('n:2:1')).toEqual({ factors: [0, 1], current: true });
    expect(marksClass(h.sites.get('n:2:1'))).toBe('f0 f1 is-current');
    expect(h.cells.get('delta:2:1:0')).toBe('is-current');
    expect(h.cells.get('dcda:2:1:0')).toBe('f0');
    expect(h.cells.get('dadz:2:1:0')).toBe('f1');
    expect(h.cellMarks.get('dadz:2:1:0')).toEqual({ factors: [1], current: false });
  });

  it('at the cost step, y and a are separate places with their own colours', () => {
    const h = highlightsFor(
      step({ kind: 'cost', layer: 2, j: 0, k: 0 }, [
        { kind: 'y', layer: 0, j: 1, k: 0 },
        { kind: 'a', layer: 2, j: 1, k: 0 },
        { kind: 'y', layer: 0, j: 2, k: 0 },
        { kind: 'a', layer: 2, j: 2, k: 0 },
      ]),
    );
    expect(h.sites.get('n:2:1')).toEqual({ factors: [1], current: false });
    expect(h.sites.get('t:1')).toEqual({ factors: [0], current: false });
    expect(h.sites.get('n:2:2')).toEqual({ factors: [3], current: false });
    expect(h.sites.get('t:2')).toEqual({ factors: [2], current: false });
    expect(h.sites.get('cost')).toEqual({ factors: [], current: true });
    expect(marksClass(h.sites.get('n:2:1'))).not.toContain('f0');
  });

  it('colours factors past the sixth like the first, without losing their place', () => {
    const refs: QuantityRef[] = Array.from({ length: 8 }, (_, i) => ({ kind: 'w', layer: 1, j: 1, k: i + 1 }));
    const h = highlightsFor(step({ kind: 'z', layer: 1, j: 1, k: 0 }, refs));
    expect(h.sites.get('e:1:1:7')).toEqual({ factors: [6], current: false });
    expect(marksClass(h.sites.get('e:1:1:7'))).toBe('f0');
  });

  it('marks nothing before the first step, and skips factors that are constants', () => {
    const none = highlightsFor(null);
    expect(none.sites.size + none.cells.size).toBe(0);
    const h = highlightsFor(step({ kind: 'w-new', layer: 1, j: 1, k: 1 }, [{ kind: 'w', layer: 1, j: 1, k: 1 }, null, { kind: 'dw', layer: 1, j: 1, k: 1 }]));
    expect(h.sites.get('e:1:1:1')).toEqual({ factors: [0, 2], current: true });
  });
});
