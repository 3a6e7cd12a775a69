import { describe, expect, it } from 'vitest';
import { evaluate, evaluateText, formatValue, parseExpression, truthy, type Value } from '../../../src/core/expression';
import { mazurNetwork } from '../engine/networks';
import { errorOf, evaluateNumber, snapshotAt } from './context';

function valueOf(text: string, snapshot: ReturnType<typeof snapshotAt>): Value {
  const result = evaluateText(text, { snapshot });
  if ('error' in result) throw new Error(`${text}: ${result.error.message}`);
  return result.value;
}

const entries = (value: Value) => (typeof value === 'number' ? [value] : Array.from(value.data));

/**
 * The Mazur 2-2-2 network at the end of its trace, where every quantity is known: the numbers
 * of the worked example, the Unicode forms, whole vectors, arithmetic and reductions.
 */
describe('evaluating on the Mazur network at the last step', () => {
  const last = snapshotAt(mazurNetwork(), 'last');
  const number = (text: string) => evaluateNumber(text, last);

  it('reads the worked example’s numbers', () => {
    expect(number('delta(2)[1]').toFixed(9)).toBe('0.138498562');
    expect(number('w(2)[1,1]')).toBe(0.4);
    expect(number('dc/dw(2)[1,1]').toFixed(9)).toBe('0.082167041');
    expect(number('dci/dw(2)[1,1]')).toBe(number('delta(2)[1] * a(1)[1]'));
    expect(number('dc/db(2)[1]')).toBe(number('delta(2)[1]'));
    expect(number('dc/da(2)[1]').toFixed(9)).toBe('0.741365070');
    expect(number('sigma\'(2)[1]').toFixed(9)).toBe('0.186815602');
    expect(number('a(1)[1]').toFixed(9)).toBe('0.593269992');
    expect(number('z(1)[1]')).toBeCloseTo(0.3775, 12);
    expect(number('c_i').toFixed(9)).toBe('0.298371109');
    expect(number('c')).toBe(number('c_i'));
    expect(number('eta')).toBe(0.5);
    expect(number('x[2]')).toBe(0.1);
    expect(number('y[1]')).toBe(0.01);
    expect(number('a(0)[1]')).toBe(0.05);
    expect(number('delta(L)[1]')).toBe(number('delta(2)[1]'));
  });

  it('agrees with the finite difference of c to 1e-6 relative', () => {
    for (const [fd, backprop] of [
      ['fd(w(2)[1,2])', 'dc/dw(2)[1,2]'],
      ['fd(w(1)[2,1])', 'dc/dw(1)[2,1]'],
      ['fd(b(1)[2])', 'dc/db(1)[2]'],
    ]) {
      const [estimate, exact] = [number(fd), number(backprop)];
      expect(Math.abs(estimate - exact) / Math.abs(exact), fd).toBeLessThan(1e-6);
    }
  });

  it('reads the Unicode forms as the ASCII ones', () => {
    const pairs: [string, string][] = [
      ['δ⁽²⁾₁', 'delta(2)[1]'],
      ['w⁽²⁾₁₂', 'w(2)[1,2]'],
      ['b⁽¹⁾₂', 'b(1)[2]'],
      ['z⁽¹⁾₂', 'z(1)[2]'],
      ['a⁽¹⁾₂', 'a(1)[2]'],
      ['∂c/∂w⁽²⁾₁₂', 'dc/dw(2)[1,2]'],
      ['∂cᵢ/∂w⁽²⁾₁₂', 'dci/dw(2)[1,2]'],
      ['∂cᵢ/∂a⁽¹⁾₂', 'dc/da(1)[2]'],
      ['σ′(z⁽¹⁾₂)', 'dadz(1)[2]'],
      ['cᵢ', 'c_i'],
      ['η', 'eta'],
      ['δ⁽²⁾', 'delta(2)'],
      ['w⁽¹⁾', 'w(1)'],
    ];
    for (const [unicode, ascii] of pairs) expect(entries(valueOf(unicode, last)), unicode).toEqual(entries(valueOf(ascii, last)));
  });

  it('gives whole vectors and matrices with their notation names', () => {
    const delta = valueOf('delta(2)', last);
    expect(typeof delta !== 'number' && delta.kind).toBe('vector');
    if (typeof delta === 'number' || delta.kind !== 'vector') return;
    expect(delta.label).toBe('δ⁽²⁾');
    expect(delta.entryName?.(2)).toBe('δ⁽²⁾₂');
    expect(Array.from(delta.data)).toEqual([number('delta(2)[1]'), number('delta(2)[2]')]);
    const w = valueOf('w(2)', last);
    if (typeof w === 'number' || w.kind !== 'matrix') throw new Error('w(2) is not a matrix');
    expect([w.rows, w.cols, Array.from(w.data)]).toEqual([2, 2, [0.4, 0.5, 0.45, 0.55]]);
    expect(w.entryName?.(1, 2)).toBe('w⁽²⁾₁₂');
    expect(entries(valueOf('x', last))).toEqual([0.05, 0.1]);
    expect(entries(valueOf('a(0)', last))).toEqual([0.05, 0.1]);
    expect(entries(valueOf('dci/db(1)', last))).toEqual(entries(valueOf('delta(1)', last)));
    // The mean gradient of one example is its own gradient.
    expect(entries(valueOf('dc/dw(1)', last))).toEqual(entries(valueOf('dci/dw(1)', last)));
  });

  it('computes arithmetic entry by entry, and reductions', () => {
    const [d1, d2] = [number('delta(2)[1]'), number('delta(2)[2]')];
    expect(number('2 * delta(2)[1] + 1')).toBe(2 * d1 + 1);
    expect(number('-2^2')).toBe(-4);
    expect(number('2^3^2')).toBe(512);
    expect(number('1e-4 * 2')).toBe(2e-4);
    expect(entries(valueOf('delta(2) * 2 - 1', last))).toEqual([d1 * 2 - 1, d2 * 2 - 1]);
    expect(entries(valueOf('delta(2) / dc/da(2)', last))).toEqual([d1 / number('dc/da(2)[1]'), d2 / number('dc/da(2)[2]')]);
    expect(entries(valueOf('abs(delta(2))', last))).toEqual([Math.abs(d1), Math.abs(d2)]);
    expect(entries(valueOf('w(2) - eta * dc/dw(2)', last)).map((v) => v.toFixed(12))).toEqual(
      [0.4, 0.5, 0.45, 0.55].map((w, q) => (w - 0.5 * entries(valueOf('dc/dw(2)', last))[q]).toFixed(12)),
    );
    expect(number('norm(delta(2))')).toBeCloseTo(Math.hypot(d1, d2), 15);
    expect(number('sum(delta(2))')).toBe(d1 + d2);
    expect(number('mean(delta(2))')).toBe((d1 + d2) / 2);
    expect(number('max(delta(2))')).toBe(d1);
    expect(number('min(delta(2))')).toBe(d2);
    expect(entries(valueOf('max(delta(2), 0)', last))).toEqual([d1, 0]);
    expect(number('max(1, 3, 2)')).toBe(3);
    expect(number('exp(log(2))')).toBeCloseTo(2, 15);
    expect(number('sqrt(16)')).toBe(4);
  });

  it('answers conditions with 1 or 0', () => {
    expect(number('abs(delta(2)[1]) < 1e-4')).toBe(0);
    expect(number('abs(delta(2)[1]) > 1e-4')).toBe(1);
    expect(number('c > 0 && !(eta == 0)')).toBe(1);
    expect(number('0 || 2')).toBe(1);
    expect(number('!0')).toBe(1);
    expect(number('1 <= 1 && 1 >= 1 && 1 != 2')).toBe(1);
    expect(entries(valueOf('delta(2) > 0', last))).toEqual([1, 0]);
    expect(truthy(3)).toBe(true);
    expect(truthy(0)).toBe(false);
    expect(truthy(NaN)).toBe(false);
    expect(truthy(valueOf('delta(2)', last))).toBeNull();
  });

  it('points at an index or layer out of range, naming the valid range', () => {
    expect(errorOf('w(2)[3,1]', last)).toEqual({ message: 'index 3 is out of range: in w⁽²⁾ₖⱼ, k = 1 … 2 (the neurons of layer 1)', at: '3' });
    expect(errorOf('1 + delta(2)[5]', last)).toEqual({ message: 'index 5 is out of range: in δ⁽²⁾ⱼ, j = 1 … 2 (the neurons of layer 2)', at: '5' });
    expect(errorOf('x[3]', last).message).toMatch(/index 3 is out of range: in xᵢⱼ, j = 1 … 2/);
    expect(errorOf('delta(3)', last)).toMatchObject({ message: expect.stringMatching(/no layer 3: .* ℓ = 1 … 2/), at: '3' });
    expect(errorOf('z(0)[1]', last)).toMatchObject({ message: expect.stringMatching(/layer 0 is the inputs, which have no z/), at: '0' });
  });

  it('points at operands of different shapes', () => {
    expect(errorOf('c + delta(2) + w(2)', last)).toEqual({
      message: '+ needs operands of the same shape, or a number: c + δ⁽²⁾ is a vector of 2, w⁽²⁾ is a 2×2 matrix',
      at: 'c + delta(2) + w(2)',
    });
    expect(errorOf('max(delta(2), w(1))', last).message).toMatch(/max needs arguments of the same shape/);
  });

  it('formats values with the project’s numbers', () => {
    expect(formatValue(valueOf('delta(2)[2]', last), 6)).toBe('−0.0380982');
    expect(formatValue(valueOf('delta(2)', last), 6)).toBe('[0.138499, −0.0380982]');
    expect(formatValue(valueOf('w(2)', last))).toBe('[[0.4, 0.5], [0.45, 0.55]]');
    expect(formatValue(valueOf('w(2)', last), 6, 1)).toBe('[[0.4, … 1 more], … 1 more rows]');
  });
});

describe('evaluating before the stepping reaches a quantity', () => {
  const network = mazurNetwork();

  it('says a per-example quantity is not computed yet, on its reference', () => {
    const first = snapshotAt(network, 0);
    expect(errorOf('delta(2)[1]', first)).toEqual({
      message: 'δ⁽²⁾₁ is not computed yet at this step: it comes at step 12 (this is step 1)',
      at: 'delta(2)[1]',
    });
    expect(errorOf('abs(δ⁽²⁾₁) < 1e-4', first)).toMatchObject({ message: expect.stringMatching(/^δ⁽²⁾₁ is not computed yet at this step/), at: 'δ⁽²⁾₁' });
    expect(errorOf('c_i', first).message).toMatch(/^cᵢ is not computed yet/);
    expect(errorOf('c', first).message).toMatch(/^c is not computed yet at this step: it is known from this example’s cᵢ on/);
    expect(errorOf('dc/dw(2)[1,1]', first).message).toMatch(/^∂c\/∂w⁽²⁾₁₁ is not computed yet at this step: it is known from this example’s ∂cᵢ\/∂w⁽²⁾₁₁ on, at step 16/);
    expect(errorOf('delta(2)[1]', snapshotAt(network, -1)).message).toMatch(/\(the stepping has not started\)$/);
  });

  it('knows the parameters, the example and η from the start, and fd too', () => {
    const before = snapshotAt(network, -1);
    expect(evaluateNumber('w(1)[1,1] + b(1)[1] + x[1] + y[2] + eta', before)).toBeCloseTo(0.15 + 0.35 + 0.05 + 0.99 + 0.5, 15);
    expect(evaluateNumber('fd(w(2)[1,1])', before)).toBeCloseTo(evaluateNumber('dc/dw(2)[1,1]', snapshotAt(network, 'last')), 8);
  });

  it('gives a quantity from its own step on, and a whole vector once all of it is there', () => {
    const full = snapshotAt(network, 'last');
    const trace = full.trace;
    const index = trace.indexOf({ kind: 'delta', layer: 2, j: 1, k: 0 });
    const at = (step: number) => snapshotAt(network, step);
    expect(errorOf('delta(2)[1]', at(index - 1)).message).toMatch(/not computed yet/);
    expect(evaluateNumber('delta(2)[1]', at(index))).toBe(evaluateNumber('delta(2)[1]', full));
    expect(errorOf('delta(2)', at(index))).toMatchObject({
      message: expect.stringMatching(/^δ⁽²⁾ is not computed yet at this step: δ⁽²⁾₂ comes at step \d+/),
      at: 'delta(2)',
    });
    const dw = trace.indexOf({ kind: 'dw', layer: 2, j: 1, k: 1 });
    expect(evaluateNumber('dc/dw(2)[1,1]', at(dw))).toBe(evaluateNumber('dc/dw(2)[1,1]', full));
    expect(errorOf('dc/dw(2)', at(dw)).message).toMatch(/^∂c\/∂w⁽²⁾ is not computed yet at this step: ∂c\/∂w⁽²⁾₁₂ is not, until this example’s ∂cᵢ\/∂w⁽²⁾₁₂/);
    expect(errorOf('sigma\'(1)', at(0)).message).toMatch(/^σ′\(z⁽¹⁾\) is not computed yet at this step: σ′\(z⁽¹⁾₁\) comes/);
  });

  it('skips the right side of && and || when the left decides', () => {
    const first = snapshotAt(network, 0);
    expect(evaluateNumber('0 && delta(2)[1] > 0', first)).toBe(0);
    expect(evaluateNumber('1 || delta(2)[1] > 0', first)).toBe(1);
    expect(errorOf('1 && delta(2)[1] > 0', first).at).toBe('delta(2)[1]');
  });
});

describe('the weight order', () => {
  const network = mazurNetwork();

  it('reads w(ℓ)[j,k] in the to-from order, from the option or from the trace', () => {
    const fromTo = snapshotAt(network, 'last');
    const toFrom = snapshotAt(network, 'last', { weightOrder: 'to-from' });
    // w⁽²⁾ from neuron 2 of layer 1 to neuron 1 of layer 2 is 0.45.
    expect(evaluateNumber('w(2)[2,1]', fromTo)).toBe(0.45);
    expect(evaluateNumber('w(2)[1,2]', toFrom)).toBe(0.45);
    expect(evaluateNumber('w(2)[1,2]', fromTo, 'to-from')).toBe(0.45);
    expect(evaluateNumber('dc/dw(2)[1,2]', toFrom)).toBe(evaluateNumber('dc/dw(2)[2,1]', fromTo));
    expect(evaluateNumber('fd(w(2)[1,2])', toFrom)).toBe(evaluateNumber('fd(w(2)[2,1])', fromTo));
    const w = evaluateText('w(2)', { snapshot: toFrom });
    if (!('value' in w) || typeof w.value === 'number' || w.value.kind !== 'matrix') throw new Error('w(2) is not a matrix');
    // Row j, column k: entry (r, c) of the matrix is w(2)[r,c] as written.
    expect(Array.from(w.value.data)).toEqual([0.4, 0.45, 0.5, 0.55]);
    expect(w.value.entryName?.(1, 2)).toBe('w⁽²⁾₁₂');
    expect(errorOf('w(1)[1,3]', toFrom).message).toBe('index 3 is out of range: in w⁽¹⁾ⱼₖ, k = 1 … 2 (the neurons of layer 0)');
  });

  it('never needs a second parse: one tree evaluates at many positions', () => {
    const parsed = parseExpression('delta(2)[1]');
    if (!('ast' in parsed)) throw new Error('parse');
    const results = [-1, 0, 'last' as const].map((step) => evaluate(parsed.ast, { snapshot: snapshotAt(network, step) }));
    expect(results.map((r) => 'value' in r)).toEqual([false, false, true]);
  });
});
