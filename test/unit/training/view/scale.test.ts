/** Costs and norms on a linear or log axis: zeros, negatives and non-finite values. */
import { describe, expect, it } from 'vitest';
import { decadeTicks, logFloor, scaleSeries, scaleValue } from '../../../../webview/training/scale';

describe('y scales', () => {
  it('draws finite values on a linear axis and leaves NaN and ±∞ as gaps', () => {
    expect([0, -1, 2.5, NaN, Infinity, -Infinity, null].map((v) => scaleValue(v, 'linear', null))).toEqual([0, -1, 2.5, null, null, null, null]);
  });

  it('puts zeros on the floor of a log axis and leaves what has no logarithm as gaps', () => {
    expect([0.5, 0, -1, NaN, Infinity, null].map((v) => scaleValue(v, 'log', 0.01))).toEqual([0.5, 0.01, null, null, null, null]);
    // Without any positive value there is no floor to put a zero on.
    expect(scaleValue(0, 'log', null)).toBeNull();
  });

  it('takes the floor a tenth below the smallest positive value of all series', () => {
    expect(logFloor([[0.5, 0, null], [2, 0.02, -3]])).toBeCloseTo(0.002);
    expect(logFloor([[0, -1, null]])).toBeNull();
    expect(logFloor([])).toBeNull();
  });

  it('scales all series with one floor and counts the zeros drawn there', () => {
    const scaled = scaleSeries([[1, 0, 0.1], [0, NaN, 10]], 'log');
    expect(scaled.values).toEqual([[1, 0.01, 0.1], [0.01, null, 10]]);
    expect(scaled.zeros).toBe(2);
    expect(scaleSeries([[1, 0]], 'linear')).toEqual({ values: [[1, 0]], zeros: 0 });
  });

  it('ticks a log axis at powers of ten, thinned to a handful', () => {
    expect(decadeTicks(0.001, 10)).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(decadeTicks(1e-12, 1)).toEqual([1e-12, 1e-9, 1e-6, 1e-3, 1]);
    expect(decadeTicks(3e-13, 50)).toEqual([1e-12, 1e-9, 1e-6, 1e-3, 1]);
    expect(decadeTicks(0.2, 0.8)).toEqual([0.2, 0.8]);
    expect(decadeTicks(0, 1)).toEqual([]);
  });
});
