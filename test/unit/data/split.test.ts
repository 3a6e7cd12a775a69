import { describe, expect, it } from 'vitest';
import { splitValidation, validationCount } from '../../../src/core/data/split';

/** Fisher–Yates as documented, written out independently of the implementation. */
function referenceSplit(m: number, percent: number, seed: number): { training: number[]; validation: number[] } {
  let state = seed >>> 0;
  const next = (): number => {
    let t = (state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = Array.from({ length: m }, (_, i) => i);
  for (let k = m - 1; k >= 1; k--) {
    const j = Math.floor(next() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  const held = Math.max(1, Math.floor((percent * m) / 100 + 0.5));
  const up = (a: number, b: number) => a - b;
  return { training: order.slice(0, m - held).sort(up), validation: order.slice(m - held).sort(up) };
}

describe('validation split', () => {
  it('holds out P% of m, rounded half up, at least 1', () => {
    expect(validationCount(150, 20)).toBe(30);
    expect(validationCount(4, 12.5)).toBe(1); // 0.5 rounds up
    expect(validationCount(3, 50)).toBe(2); // 1.5 rounds up
    expect(validationCount(10, 14)).toBe(1); // 1.4 rounds down
    expect(validationCount(10, 1)).toBe(1); // 0.1 would round to 0: at least 1
    expect(validationCount(10, 99)).toBe(10);
  });

  it('is the documented Fisher–Yates shuffle, sorted, disjoint, and covers every example', () => {
    for (const [m, percent, seed] of [[150, 20, 1], [10, 30, 42], [2, 50, 0], [1000, 33.3, 0xffffffff], [7, 1, 5]] as const) {
      const split = splitValidation(m, percent, seed);
      expect(split.problems).toEqual([]);
      expect({ training: split.training, validation: split.validation }).toEqual(referenceSplit(m, percent, seed));
      expect(split.validation).toHaveLength(validationCount(m, percent));
      expect(split.training).toHaveLength(m - validationCount(m, percent));
      for (const list of [split.training, split.validation]) expect([...list].sort((a, b) => a - b)).toEqual(list);
      const all = [...split.training, ...split.validation].sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: m }, (_, i) => i));
    }
  });

  it('is deterministic, and another seed holds out other examples', () => {
    expect(splitValidation(100, 25, 9)).toEqual(splitValidation(100, 25, 9));
    expect(splitValidation(100, 25, 10).validation).not.toEqual(splitValidation(100, 25, 9).validation);
  });

  it('refuses P outside (0, 100) and a split that leaves no training example, keeping every example for training', () => {
    for (const percent of [0, 100, -5, 150, NaN]) {
      const split = splitValidation(10, percent, 1);
      expect(split.problems.map((p) => [p.code, p.selection]), String(percent)).toEqual([['data-validation-percent', { part: 'validation', index: 0 }]]);
      expect(split.training).toEqual(Array.from({ length: 10 }, (_, i) => i));
      expect(split.validation).toEqual([]);
    }
    expect(splitValidation(10, 0, 1).problems[0].message).toBe(
      'the share held out for validation must lie strictly between 0% and 100%, such as `validation 20%`; found 0%',
    );
    const all = splitValidation(10, 99, 1);
    expect(all.problems.map((p) => p.code)).toEqual(['data-validation-no-training']);
    expect(all.problems[0].message).toBe('`validation 99%` would hold out 10 of the 10 examples and leave none to train on. Hold out less, or add examples');
    expect(splitValidation(1, 50, 1).problems.map((p) => p.code)).toEqual(['data-validation-no-training']);
    expect(splitValidation(0, 50, 1)).toEqual({ training: [], validation: [], problems: [] });
  });
});
