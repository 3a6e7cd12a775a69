/**
 * What a <canvas> shows, read from its pixels inside the webview that drew it (getImageData), for
 * pictures that have no DOM to read: uPlot's charts and the Training panel's decision map. The
 * answer is coarse on purpose — how much is painted, how much of it in colour, which hues, and
 * where the coloured ink sits — so that a test can tell an empty or blank chart, a one-class map
 * or a curve that rises from one that falls, without depending on exact colours or anti-aliasing.
 *
 * "Coloured" pixels are the saturated ones (HSL saturation ≥ 0.35, mostly opaque): the series
 * and class colours, never the neutral axes, grid, tick labels or step marker (chartPalette.ts
 * keeps those grey).
 */
import type { Locator } from 'playwright-core';

export interface CanvasInk {
  /** The backing store's size in pixels. */
  readonly width: number;
  readonly height: number;
  /** Pixels painted: not transparent, and not the colour of the top-left pixel (the background, when one is filled). */
  readonly inked: number;
  /** Saturated, mostly opaque pixels. */
  readonly coloured: number;
  /** Coloured pixels per hue, in twelve 30° buckets (0: red, 4: green, 7: blue, …). */
  readonly hues: readonly number[];
  /**
   * Mean y (0 at the top, 1 at the bottom of the canvas) of the coloured pixels in the leftmost
   * and in the rightmost tenth of the coloured ink's horizontal extent; null when nothing is
   * coloured. For a line chart: where the curve starts and where it ends.
   */
  readonly leftY: number | null;
  readonly rightY: number | null;
}

/** Reads the canvas `canvas` (a locator in a webview frame) as it is painted now. */
export async function canvasInk(canvas: Locator): Promise<CanvasInk> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const { width, height } = c;
    const ctx = c.getContext('2d');
    if (!ctx || width === 0 || height === 0) return { width, height, inked: 0, coloured: 0, hues: new Array(12).fill(0), leftY: null, rightY: null };
    const data = ctx.getImageData(0, 0, width, height).data;
    const corner = [data[0], data[1], data[2], data[3]];
    let inked = 0;
    let coloured = 0;
    const hues = new Array<number>(12).fill(0);
    const points: { x: number; y: number }[] = [];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 4 * (y * width + x);
        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a === 0) continue;
        if (corner[3] !== 0 && r === corner[0] && g === corner[1] && b === corner[2] && a === corner[3]) continue;
        inked++;
        if (a < 160) continue;
        const max = Math.max(r, g, b) / 255;
        const min = Math.min(r, g, b) / 255;
        const light = (max + min) / 2;
        const chroma = max - min;
        const saturation = chroma === 0 ? 0 : chroma / (1 - Math.abs(2 * light - 1));
        if (saturation < 0.35 || chroma < 0.08) continue;
        coloured++;
        const [rn, gn, bn] = [r / 255, g / 255, b / 255];
        let hue = max === rn ? ((gn - bn) / chroma) % 6 : max === gn ? (bn - rn) / chroma + 2 : (rn - gn) / chroma + 4;
        hue = (hue * 60 + 360) % 360;
        hues[Math.floor(hue / 30) % 12]++;
        points.push({ x, y });
      }
    }
    if (points.length === 0) return { width, height, inked, coloured, hues, leftY: null, rightY: null };
    let [left, right] = [width, 0];
    for (const p of points) [left, right] = [Math.min(left, p.x), Math.max(right, p.x)];
    const tenth = Math.max(1, (right - left) / 10);
    const meanY = (keep: (x: number) => boolean) => {
      const ys = points.filter((p) => keep(p.x)).map((p) => p.y);
      return ys.reduce((s, y) => s + y, 0) / ys.length / height;
    };
    return { width, height, inked, coloured, hues, leftY: meanY((x) => x <= left + tenth), rightY: meanY((x) => x >= right - tenth) };
  });
}
