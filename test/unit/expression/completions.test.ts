import { describe, expect, it } from 'vitest';
import { completions } from '../../../src/core/expression';
import { randomNetwork } from '../engine/networks';

/** Debug Console completions on a 3-4-5-2 network (layers 0 … 3). */
describe('completions', () => {
  const network = randomNetwork(41, [3, 4, 5, 2], ['tanh', 'relu', 'sigmoid'], 'half-squared', 2);
  const labels = (text: string, cursor = text.length) => completions(text, cursor, network).map((item) => item.label);

  it('offers every name and function at the start, each with a line saying what it is', () => {
    const items = completions('', 0, network);
    expect(items.map((item) => item.label)).toEqual(
      expect.arrayContaining(['w(', 'b(', 'z(', 'a(', 'delta(', 'dc/dw(', 'dci/dw(', 'dc/db(', 'dci/db(', 'dc/da(', 'dadz(', 'x', 'y', 'c_i', 'c', 'eta', 'abs(', 'sum(', 'max(', 'min(', 'norm(', 'mean(', 'exp(', 'log(', 'sqrt(', 'fd(']),
    );
    for (const item of items) expect(item.detail.length, item.label).toBeGreaterThan(5);
    expect(items.find((item) => item.label === 'delta(')?.detail).toMatch(/ℓ = 1 … 3$/);
    expect(items.find((item) => item.label === 'a(')?.detail).toMatch(/ℓ = 0 … 3$/);
  });

  it('completes what has been typed of a name, replacing just that', () => {
    expect(labels('abs(de')).toEqual(['delta(']);
    const [item] = completions('abs(de', 6, network);
    expect([item.start, item.end, item.text]).toEqual([4, 6, 'delta(']);
    expect(labels('dc/d')).toEqual(['dc/dw(', 'dc/db(', 'dc/da(']);
    expect(labels('dci/')).toEqual(['dci/dz(', 'dci/dw(', 'dci/db(', 'dci/da(']);
    expect(labels('s')).toEqual(["sigma'(", 'sum(', 'sqrt(']);
    expect(labels('si')).toEqual(["sigma'("]);
    expect(labels('c/e')).toEqual(['eta', 'exp(']);
    expect(labels('∂c')).toContain('∂c/∂w⁽');
    expect(labels('1 + 2')).toEqual([]);
  });

  it('offers the network’s layers inside a layer', () => {
    expect(labels('delta(')).toEqual(['1', '2', '3']);
    expect(labels('a(')).toEqual(['0', '1', '2', '3']);
    expect(completions('w(', 2, network)[0]).toMatchObject({ text: '1)', detail: 'layer 1: 4 tanh neurons' });
    expect(completions('w()', 2, network)[0].text).toBe('1');
    expect(labels('δ⁽')).toEqual(['¹⁾', '²⁾', '³⁾']);
    expect(labels('fd(b(')).toEqual(['1', '2', '3']);
  });

  it('offers the indices of the layer, in the weight order', () => {
    expect(labels('delta(2)[')).toEqual(['1', '2', '3', '4', '5']);
    expect(labels('x[')).toEqual(['1', '2', '3']);
    expect(labels('y[')).toEqual(['1', '2']);
    expect(labels('w(3)[').slice(0, 3)).toEqual(['1,1', '1,2', '2,1']);
    expect(completions('w(3)[', 5, network)[1].detail).toBe('w⁽³⁾₁₂: from neuron 1 of layer 2 to neuron 2 of layer 3');
    const toFrom = completions('w(3)[', 5, network, { weightOrder: 'to-from' });
    expect(toFrom[1]).toMatchObject({ label: '2,1', detail: 'w⁽³⁾₂₁: from neuron 1 of layer 2 to neuron 2 of layer 3' });
    expect(labels('delta(9)[')).toEqual([]);
  });
});
