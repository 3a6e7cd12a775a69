/**
 * Min/max decimation keeps every spike of a long history in at most ~2,000 points, and its
 * incremental updates (only the buckets written since) give exactly what a fresh pass gives.
 */
import { describe, expect, it } from 'vitest';
import { bucketMinMax, bucketWidth, MAX_BUCKETS, MinMaxDecimator } from '../../../../webview/training/decimate';

/** A fresh decimation of the first `count` entries, for comparison. */
function fresh(series: readonly ArrayLike<number>[], count: number) {
  return new MinMaxDecimator().update(series, count);
}

/** A reproducible pseudo-random sequence (no Math.random in tests). */
function noise(n: number, seed = 1): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out[i] = 1 / (1 + i / 1000) + (s / 2147483648) * 0.01;
  }
  return out;
}

describe('decimation', () => {
  it('picks power-of-two bucket widths that keep the buckets at most MAX_BUCKETS', () => {
    expect(bucketWidth(0)).toBe(1);
    expect(bucketWidth(1000)).toBe(1);
    expect(bucketWidth(1001)).toBe(2);
    expect(bucketWidth(1_000_001)).toBe(1024);
    for (const n of [5, 999, 4097, 123_456, 1_000_001]) expect(Math.ceil(n / bucketWidth(n))).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it('gives a bucket’s finite min and max in the order they occurred', () => {
    expect(bucketMinMax([3, 1, 5, 2], 0, 4)).toEqual([1, 5]);
    expect(bucketMinMax([3, 5, 1, 2], 0, 4)).toEqual([5, 1]);
    expect(bucketMinMax([NaN, Infinity, 2, -Infinity], 0, 4)).toEqual([2, 2]);
    expect(bucketMinMax([NaN, NaN], 0, 2)).toBeNull();
    expect(bucketMinMax([9, 1, 7], 1, 3)).toEqual([1, 7]);
  });

  it('leaves short histories as they are, with gaps for non-finite values', () => {
    const d = fresh([[1, NaN, 3], [4, 5, Infinity]], 3);
    expect(d.x).toEqual([0, 1, 2]);
    expect(d.ys).toEqual([[1, null, 3], [4, 5, null]]);
  });

  it('keeps a one-step spike of a million-step history at full height, in about 2,000 points', () => {
    const n = 1_000_001;
    const cost = noise(n);
    cost[654_321] = 50;
    cost[123_456] = -1;
    const d = fresh([cost], n);
    expect(d.x.length).toBeLessThanOrEqual(2 * MAX_BUCKETS);
    expect(d.x.length).toBeGreaterThan(MAX_BUCKETS);
    const ys = d.ys[0].filter((v): v is number => v !== null);
    expect(Math.max(...ys)).toBe(50);
    expect(Math.min(...ys)).toBe(-1);
    // x ascends strictly and spans the history.
    expect(d.x.every((x, i) => i === 0 || x > d.x[i - 1])).toBe(true);
    expect(d.x[0]).toBe(0);
    expect(d.x[d.x.length - 1]).toBe(n - 1);
  });

  it('updates incrementally to exactly what a fresh pass gives, across bucket-width doublings', () => {
    const n = 5_000;
    const a = noise(n, 3);
    const b = noise(n, 7);
    a[2_345] = 9;
    const decimator = new MinMaxDecimator();
    for (let count = 1; count <= n; count += 137) {
      // Appended entries only, as progress messages bring them.
      const dirtyFrom = Math.max(0, count - 137);
      expect(decimator.update([a, b], count, dirtyFrom)).toEqual(fresh([a, b], count));
    }
    // An entry rewritten inside an earlier bucket is picked up from dirtyFrom.
    a[10] = -5;
    expect(decimator.update([a, b], n, 10)).toEqual(fresh([a, b], n));
  });

  it('starts afresh when the series change', () => {
    const decimator = new MinMaxDecimator();
    decimator.update([[1, 2, 3]], 3);
    expect(decimator.update([[4, 5], [6, 7]], 2)).toEqual({ x: [0, 1], ys: [[4, 5], [6, 7]] });
  });
});
