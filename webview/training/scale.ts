/**
 * The values a chart's y axis is given, on a linear or a logarithmic scale. Costs and gradient
 * norms are never negative, but they can be exactly 0 (a perfect fit, a layer whose gradient
 * vanished) and, in a diverging run, NaN or ±∞. Pure.
 *
 *   linear: finite values as they are; NaN and ±∞ are gaps (an ∞ would stretch the axis until
 *           every finite value sat on one line).
 *   log:    positive finite values as they are; 0 has no logarithm, so it is drawn at the floor,
 *           a tenth of the smallest positive value shown, on the bottom edge of the chart —
 *           "below everything else", which is what a cost of 0 is — and counted, so the panel
 *           can say so; negative values, NaN and ±∞ are gaps.
 */

export type YScale = 'linear' | 'log';

export interface Scaled {
  readonly values: (number | null)[][];
  /** How many zeros were drawn at the floor (log scale only). */
  readonly zeros: number;
}

/** A tenth of the smallest positive finite value in any series, or null when there is none. */
export function logFloor(series: readonly (readonly (number | null)[])[]): number | null {
  let smallest = Infinity;
  for (const values of series) for (const v of values) if (v !== null && v > 0 && v < smallest) smallest = v;
  return smallest < Infinity ? smallest / 10 : null;
}

/** One value for the axis: a number to draw, or null for a gap. */
export function scaleValue(value: number | null, scale: YScale, floor: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (scale === 'linear') return value;
  if (value > 0) return value;
  return value === 0 && floor !== null ? floor : null;
}

/** Every series for the axis, with one shared floor so zeros of all series sit on the same edge. */
export function scaleSeries(series: readonly (readonly (number | null)[])[], scale: YScale): Scaled {
  const floor = scale === 'log' ? logFloor(series) : null;
  let zeros = 0;
  const values = series.map((values) =>
    values.map((v) => {
      if (scale === 'log' && v === 0 && floor !== null) zeros++;
      return scaleValue(v, scale, floor);
    }),
  );
  return { values, zeros };
}

/**
 * The y ticks of a log axis: the powers of ten inside [min, max], every k-th of them when there
 * are more than `most` (exponents a multiple of k), so the axis labels and grid lines stay a handful (uPlot's own log ticks
 * also put a line at every 2×, 3× … 9×10ⁿ, a dense grid that hides the curves).
 */
export function decadeTicks(min: number, max: number, most = 6): number[] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return [];
  const low = Math.ceil(Math.log10(min) - 1e-9);
  const high = Math.floor(Math.log10(max) + 1e-9);
  const every = Math.max(1, Math.ceil((high - low + 1) / most));
  const ticks: number[] = [];
  // Exponents that are multiples of the spacing, so the thinned ticks include 1 when it is in range.
  for (let e = Math.ceil(low / every) * every; e <= high; e += every) ticks.push(Number(`1e${e}`));
  return ticks.length > 0 ? ticks : [min, max];
}
