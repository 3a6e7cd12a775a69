/**
 * Axis geometry of the picture (the decision map and the fitted curve are drawn on a canvas of
 * our own, not by uPlot): "nice" tick values (1, 2 or 5 × 10ⁿ apart), the y range a curve and its
 * points need, and the mapping from data to canvas pixels. Pure.
 */

/** Up to about `count` values from 1, 2 or 5 × 10ⁿ steps inside [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || count < 1) return [];
  if (max <= min) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  // Multiples of step, computed from integers so 0.1 + 0.2 never shows as 0.30000000000000004.
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** [low, high] of the finite values, widened by a tenth of the span (by 0.5 when they are all equal); [0, 1] when none is finite. */
export function paddedRange(...arrays: readonly ArrayLike<number>[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const values of arrays)
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  if (low > high) return [0, 1];
  const pad = high > low ? (high - low) / 10 : 0.5;
  return [low - pad, high + pad];
}

/** Where the plot sits on the canvas, in CSS pixels: room on the left and below for tick labels. */
export interface Frame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export function plotFrame(canvasWidth: number, canvasHeight: number, fontSize: number): Frame {
  // Left: tick labels such as "−1.25" and, outside them, the axis's name turned upright.
  const left = Math.round(fontSize * 5.6);
  const bottom = Math.round(fontSize * 3);
  const top = Math.round(fontSize * 0.8);
  const right = Math.round(fontSize * 1.2);
  return { left, top, width: Math.max(1, canvasWidth - left - right), height: Math.max(1, canvasHeight - top - bottom) };
}

/** x in [range[0], range[1]] → pixel column of the frame; y likewise, growing upwards. */
export function toPixelX(frame: Frame, range: readonly [number, number], x: number): number {
  const span = range[1] - range[0] || 1;
  return frame.left + ((x - range[0]) / span) * frame.width;
}

export function toPixelY(frame: Frame, range: readonly [number, number], y: number): number {
  const span = range[1] - range[0] || 1;
  return frame.top + frame.height - ((y - range[0]) / span) * frame.height;
}
