/**
 * Shapes and line patterns that tell series and classes apart without colour: class k of the
 * decision map is drawn with marker k (a circle, a square, a triangle …) as well as in colour k,
 * and series k of a chart with dash pattern k. The same shape is drawn on the canvas and in the
 * legend's SVG, from one description. Shapes are polygons in a box from −1 to 1 (y down), of
 * about equal visual weight; filled for training examples, hollow for held-out ones. Pure.
 */

export type MarkerShape = { readonly kind: 'circle' } | { readonly kind: 'polygon'; readonly points: readonly (readonly [number, number])[] };

export interface Marker {
  /** What the shape is called, for the legend's accessible text. */
  readonly name: string;
  readonly shape: MarkerShape;
}

/** A regular polygon of `sides` corners, the first at angle `start` (radians, 0 = up). */
function regular(sides: number, radius: number, start = 0): [number, number][] {
  return Array.from({ length: sides }, (_, i): [number, number] => {
    const angle = start + (2 * Math.PI * i) / sides;
    return [radius * Math.sin(angle), -radius * Math.cos(angle)];
  });
}

/** A plus sign of arm half-width `t`, turned by `turn` radians. */
function plus(t: number, turn: number): [number, number][] {
  const arm: [number, number][] = [[-t, -1], [t, -1], [t, -t], [1, -t], [1, t], [t, t], [t, 1], [-t, 1], [-t, t], [-1, t], [-1, -t], [-t, -t]];
  const [c, s] = [Math.cos(turn), Math.sin(turn)];
  return arm.map(([x, y]): [number, number] => [x * c - y * s, x * s + y * c]);
}

export const MARKERS: readonly Marker[] = [
  { name: 'circle', shape: { kind: 'circle' } },
  { name: 'square', shape: { kind: 'polygon', points: regular(4, 1.15, Math.PI / 4) } },
  { name: 'triangle', shape: { kind: 'polygon', points: regular(3, 1.3).map(([x, y]): [number, number] => [x, y + 0.2]) } },
  { name: 'diamond', shape: { kind: 'polygon', points: regular(4, 1.3) } },
  { name: 'plus', shape: { kind: 'polygon', points: plus(0.38, 0) } },
  { name: 'downward triangle', shape: { kind: 'polygon', points: regular(3, 1.3, Math.PI).map(([x, y]): [number, number] => [x, y - 0.2]) } },
  { name: 'cross', shape: { kind: 'polygon', points: plus(0.34, Math.PI / 4).map(([x, y]): [number, number] => [x * 1.2, y * 1.2]) } },
];

/** Class k's marker; with more classes than markers the shapes repeat, with another colour. */
export function markerFor(index: number): Marker {
  return MARKERS[((index % MARKERS.length) + MARKERS.length) % MARKERS.length];
}

/** The polygon's points scaled by `size` around (cx, cy), for an SVG `points` attribute. */
export function svgPoints(points: readonly (readonly [number, number])[], cx: number, cy: number, size: number): string {
  return points.map(([x, y]) => `${round(cx + x * size)},${round(cy + y * size)}`).join(' ');
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * Series k's dash pattern in CSS pixels ([] is solid), for uPlot's `dash`, the canvas's
 * setLineDash and the legend's stroke-dasharray. Training cost is solid, validation dashed;
 * layer ℓ's gradient norm takes pattern ℓ − 1.
 */
export const DASHES: readonly (readonly number[])[] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [12, 6], [2, 3, 2, 3, 8, 3]];

export function dashFor(index: number): readonly number[] {
  return DASHES[((index % DASHES.length) + DASHES.length) % DASHES.length];
}
