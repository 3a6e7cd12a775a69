/**
 * Thins a long history to what a chart can show: N may be 1,000,000 steps, a chart is a few
 * hundred pixels wide, and the whole history is redrawn up to ten times a second while training.
 * Steps are grouped into at most MAX_BUCKETS buckets of `width` consecutive steps, and each bucket
 * is drawn as two points: its smallest and its largest finite value, in the order they occurred.
 * So a spike of one step in a million still shows at full height, which averaging or picking
 * every k-th value would hide. All series share the same x (the bucket's first and last step),
 * as uPlot wants; a bucket with no finite value of a series is a gap (null) in that series.
 *
 * The bucket width is a power of two, so buckets keep their boundaries while the history grows:
 * only buckets from the first entry written since the last update are recomputed (a progress
 * message touches the last bucket or two), and everything only when the width doubles (about
 * log₂(N / MAX_BUCKETS) times in a run). Pure.
 */

export const MAX_BUCKETS = 1_000;

/** What uPlot draws: x ascending, then one array per series, null for a gap. */
export interface Decimated {
  readonly x: number[];
  readonly ys: (number | null)[][];
}

/** The smallest power of two w with ⌈count / w⌉ ≤ maxBuckets. */
export function bucketWidth(count: number, maxBuckets = MAX_BUCKETS): number {
  let width = 1;
  while (Math.ceil(count / width) > maxBuckets) width *= 2;
  return width;
}

/**
 * The finite minimum and maximum of values[from … to − 1], first-occurring first:
 * [earlier, later] of the two, or null when none is finite.
 */
export function bucketMinMax(values: ArrayLike<number>, from: number, to: number): [number, number] | null {
  let low = Infinity;
  let high = -Infinity;
  let lowAt = -1;
  let highAt = -1;
  for (let i = from; i < to; i++) {
    const v = values[i];
    // Comparisons with NaN are false, and ±∞ fail the range check: only finite values count.
    if (!(v > -Infinity && v < Infinity)) continue;
    // Plain assignments: this loop runs over a million entries when the bucket width doubles.
    if (v < low) {
      low = v;
      lowAt = i;
    }
    if (v > high) {
      high = v;
      highAt = i;
    }
  }
  if (lowAt < 0) return null;
  return lowAt <= highAt ? [low, high] : [high, low];
}

export class MinMaxDecimator {
  private width = 0;
  /** Buckets computed so far; the last may be partial and is always recomputed. */
  private buckets = 0;
  /** Per series, two values per bucket (NaN for a gap). */
  private cache: Float64Array[] = [];

  constructor(private readonly maxBuckets = MAX_BUCKETS) {}

  /** Forgets everything (a new run, or the series changed). */
  reset(): void {
    this.width = 0;
    this.buckets = 0;
    this.cache = [];
  }

  /**
   * The first `count` entries of every series, thinned. `dirtyFrom` is the lowest entry changed
   * since the previous call (Infinity when only new entries were appended).
   */
  update(series: readonly ArrayLike<number>[], count: number, dirtyFrom = Infinity): Decimated {
    const width = bucketWidth(count, this.maxBuckets);
    if (width !== this.width || this.cache.length !== series.length) {
      this.width = width;
      this.buckets = 0;
      this.cache = series.map(() => new Float64Array(2 * this.maxBuckets));
    }
    const total = Math.ceil(count / width);
    // The last bucket computed before may have been partial: redo it, and any bucket written since.
    const first = Math.max(0, Math.min(this.buckets - 1, Math.floor(dirtyFrom / width)));
    for (let b = first; b < total; b++) {
      const from = b * width;
      const to = Math.min(count, from + width);
      series.forEach((values, s) => {
        const pair = bucketMinMax(values, from, to);
        this.cache[s][2 * b] = pair ? pair[0] : NaN;
        this.cache[s][2 * b + 1] = pair ? pair[1] : NaN;
      });
    }
    this.buckets = total;
    return this.emit(series.length, count, total);
  }

  private emit(seriesCount: number, count: number, total: number): Decimated {
    const x: number[] = [];
    const ys: (number | null)[][] = Array.from({ length: seriesCount }, () => []);
    const gap = (v: number) => (Number.isNaN(v) ? null : v);
    for (let b = 0; b < total; b++) {
      const from = b * this.width;
      const last = Math.min(count, from + this.width) - 1;
      x.push(from);
      for (let s = 0; s < seriesCount; s++) ys[s].push(gap(this.cache[s][2 * b]));
      if (last === from) continue;
      x.push(last);
      for (let s = 0; s < seriesCount; s++) ys[s].push(gap(this.cache[s][2 * b + 1]));
    }
    return { x, ys };
  }
}
