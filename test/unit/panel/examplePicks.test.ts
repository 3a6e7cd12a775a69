import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/core/model/network';
import type { SpecSource } from '../../../src/core/model/source';
import { buildExamplePicks, CURRENT_ICON, exampleOrder, isHeldOut, MAX_LISTED, numberedExample, vectorText } from '../../../src/extension/panel/examplePicks';
import { analyseText, mazurText } from './realAnalysis';

/** Mazur's network with two more `example` lines, four generated XOR points and one of the seven held out. */
const spec = mazurText().replace(
  'example x 0.05 0.10 y 0.01 0.99',
  ['example x 0.05 0.10 y 0.01 0.99', 'example x 1 0 y 1 0', 'example x 0.5 0.5 y 0 1', 'data xor 4 seed 1', 'validation 20%'].join('\n'),
);
const analysis = analyseText(spec);
const network = analysis.network!;
const costs = analysis.engine!.costs;

function picks(order: 'spec' | 'cost', current = 0, limit?: number) {
  return buildExamplePicks({ network, costs, source: analysis.source, current, digits: 3, order, limit });
}

describe('Go to Example rows', () => {
  it('lists every example in spec order with x, y, cᵢ and where it came from', () => {
    const { items, total, omitted } = picks('spec', 1);
    expect([total, omitted]).toEqual([7, 0]);
    expect(items.map((i) => i.example)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(items[0].label).toBe('example 1');
    expect(items[0].description).toBe('x = (0.05, 0.1) y = (0.01, 0.99)');
    expect(items[0].detail).toMatch(/^cᵢ = 0\.298 · line 16( · held out)?$/);
    expect(items[3].detail).toMatch(/^cᵢ = [−\d.]+ · xor, point 1 of 4/);
  });

  it('marks the example being stepped with an icon and a word, not a colour', () => {
    const [, second] = picks('spec', 1).items;
    expect(second.label).toBe(`${CURRENT_ICON} example 2`);
    expect(second.detail.endsWith(' · current')).toBe(true);
    expect(picks('spec', 1).items.filter((i) => i.current).map((i) => i.example)).toEqual([1]);
  });

  it('says which examples are held out for validation', () => {
    const held = [...network.validation!];
    expect(held.length).toBe(1);
    for (const item of picks('spec').items) expect(item.detail.includes('held out')).toBe(held.includes(item.example));
    expect(isHeldOut(network, held[0])).toBe(true);
    expect(isHeldOut(network, (held[0] + 1) % 7)).toBe(false);
  });

  it('sorts by cost with the worst fit first', () => {
    const sorted = picks('cost').items.map((i) => costs[i.example]);
    expect(sorted).toEqual([...costs].sort((a, b) => b - a));
  });

  it('puts a NaN cost first and keeps spec order among equal costs', () => {
    expect([...exampleOrder([0.5, 2, Number.NaN, 2, Infinity, 0.5], 'cost')]).toEqual([2, 4, 1, 3, 0, 5]);
    expect([...exampleOrder([3, 1, 2], 'spec')]).toEqual([0, 1, 2]);
  });

  it('caps the list, counts the rest, and keeps the current example in it', () => {
    const capped = picks('cost', 0, 3);
    const worst = [...exampleOrder(costs, 'cost')].slice(0, 3);
    const expected = worst.includes(0) ? worst : [...worst, 0];
    expect(capped.items.map((i) => i.example)).toEqual(expected);
    expect(capped.omitted).toBe(7 - expected.length);
  });

  it('handles 100,000 examples by writing out only the first MAX_LISTED', () => {
    const m = 100_000;
    const examples = Array.from({ length: m }, (_, i) => ({ x: new Float64Array([i, -i]), y: new Float64Array([i % 2]) }));
    const big = { ...network, examples, validation: new Int32Array([5, 99_999]) } as Network;
    const bigCosts = Float64Array.from({ length: m }, (_, i) => (i * 7919) % m);
    const source: SpecSource = { ...analysis.source, examples: [] };
    const started = performance.now();
    const { items, omitted } = buildExamplePicks({ network: big, costs: bigCosts, source, current: 99_999, digits: 6, order: 'cost' });
    const elapsed = performance.now() - started;
    expect(items.length).toBe(MAX_LISTED + 1);
    expect(omitted).toBe(m - MAX_LISTED - 1);
    expect(bigCosts[items[0].example]).toBe(m - 1);
    expect(items[MAX_LISTED].example).toBe(99_999);
    expect(items[MAX_LISTED].detail).toContain('held out');
    // Generous: a sort of 100,000 and 5,000 rows, on a slow machine; it takes tens of milliseconds.
    expect(elapsed).toBeLessThan(2000);
  });

  it('reads a typed example number, for examples past the cap', () => {
    expect(numberedExample('70000', 100_000)).toBe(69_999);
    expect(numberedExample(' example 7 ', 7)).toBe(6);
    expect(numberedExample('#3', 7)).toBe(2);
    expect(numberedExample('8', 7)).toBeNull();
    expect(numberedExample('0', 7)).toBeNull();
    expect(numberedExample('0.5', 7)).toBeNull();
  });

  it('abbreviates long vectors so a row stays one line', () => {
    expect(vectorText([0.1, -0.25, 3, 4, 5, 6], 6)).toBe('(0.1, −0.25, 3, 4, … 2 more)');
    expect(vectorText([1 / 3], 3)).toBe('(0.333)');
  });
});
