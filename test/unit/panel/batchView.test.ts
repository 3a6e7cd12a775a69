import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { batchView } from '../../../src/extension/panel/batchView';
import { MAX_BATCH_LISTED } from '../../../src/shared/panelMessages';
import { referenceGradient } from '../engine/autodiff';
import { randomNetwork } from '../engine/networks';

const SIZES = [3, 4, 2];

describe('the batch behind an update step', () => {
  for (const m of [1, 3, 8, 9, 20]) {
    it(`gives every example's ∂cᵢ/∂w and ∂cᵢ/∂b and their mean for m = ${m}, as an independent autodiff does`, () => {
      const network = randomNetwork(40 + m, SIZES, ['tanh', 'sigmoid'], 'half-squared', m);
      const engine = runEngine(network);
      const references = Array.from({ length: m }, (_, i) => referenceGradient(network, i));
      const example = Math.min(2, m - 1);
      const cases = [
        { address: { kind: 'w-new' as const, layer: 2, j: 2, k: 3 }, reference: (i: number) => references[i].w[2][(3 - 1) * 2 + (2 - 1)], symbol: 'w⁽²⁾₃₂' },
        { address: { kind: 'w-new' as const, layer: 1, j: 4, k: 1 }, reference: (i: number) => references[i].w[1][(1 - 1) * 4 + (4 - 1)], symbol: 'w⁽¹⁾₁₄' },
        { address: { kind: 'b-new' as const, layer: 1, j: 3, k: 0 }, reference: (i: number) => references[i].b[1][3 - 1], symbol: 'b⁽¹⁾₃' },
      ];
      for (const { address, reference, symbol } of cases) {
        const batch = batchView(engine, address, example, 'from-to');
        expect(batch).not.toBeNull();
        const values = references.map((_, i) => reference(i));
        expect(batch!.parameterText).toBe(symbol);
        expect(batch!.exampleCount).toBe(m);
        expect(batch!.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / m, 12);
        expect(batch!.current.example).toBe(example);
        expect(batch!.current.value).toBeCloseTo(values[example], 12);
        const smallest = values.indexOf(Math.min(...values));
        const largest = values.indexOf(Math.max(...values));
        expect(batch!.min!.example).toBe(smallest);
        expect(batch!.min!.value).toBeCloseTo(values[smallest], 12);
        expect(batch!.max!.example).toBe(largest);
        expect(batch!.max!.value).toBeCloseTo(values[largest], 12);
        if (m <= MAX_BATCH_LISTED) {
          expect(batch!.entries.map((e) => e.example)).toEqual(values.map((_, i) => i));
          batch!.entries.forEach((e, i) => expect(e.value).toBeCloseTo(values[i], 12));
        } else {
          expect(batch!.entries).toEqual([]);
        }
      }
    });
  }

  it('writes the weight in the order asked for, and is absent at any step other than an update', () => {
    const engine = runEngine(randomNetwork(5, SIZES, ['tanh', 'sigmoid'], 'half-squared', 2));
    expect(batchView(engine, { kind: 'w-new', layer: 2, j: 2, k: 3 }, 0, 'to-from')!.parameterText).toBe('w⁽²⁾₂₃');
    for (const kind of ['dw', 'db', 'delta', 'z', 'cost'] as const) expect(batchView(engine, { kind, layer: 2, j: 1, k: kind === 'dw' ? 1 : 0 }, 0, 'from-to')).toBeNull();
  });
});
