/**
 * Draws a snapshot's picture on a canvas of our own: the decision map (each cell in its class's
 * colour, washed out where the network is unsure) or the fitted curve, with the examples over it
 * as points — class k with marker k, held-out examples hollow. Every point has a ring of the
 * background colour, so it stands off the map whatever the cell under it, and its own colour has
 * text contrast against that ring (chartPalette.ts). Axes and tick labels are in the neutral
 * foreground. The map's 64 × 64 cells go through an ImageData scaled up without smoothing: one
 * drawImage, not 4,096 rectangles. Points are batched into one path per class and fill, so
 * 100,000 examples are a few dozen canvas calls.
 */
import { formatNumber } from '../../src/core/notation/format';
import type { TrainingPicture, TrainingPoints } from '../../src/shared/trainingMessages';
import { hexRgb } from '../contrast';
import { cellColour, type ChartPalette } from './chartPalette';
import { markerFor, type MarkerShape } from './markers';
import type { ChartFont } from './theme';
import { niceTicks, paddedRange, plotFrame, toPixelX, toPixelY, type Frame } from './ticks';

type Range = readonly [number, number];

export interface PictureStyle {
  readonly palette: ChartPalette;
  readonly font: ChartFont;
}

/** The colour index of the curve and of the points in a curve picture. */
export const CURVE_COLOUR = 0;
export const CURVE_POINT_COLOUR = 1;

/**
 * Draws `picture` on `canvas`, sized `width` CSS pixels wide (the height follows the kind);
 * `outputName` names a curve's y axis (a⁽ᴸ⁾₁).
 */
export function drawPicture(canvas: HTMLCanvasElement, picture: TrainingPicture, width: number, style: PictureStyle, outputName: string): void {
  const height = picture.kind === 'map' ? width : Math.round(width * 0.62);
  const ctx = sizeCanvas(canvas, width, height);
  if (!ctx) return;
  const { palette, font } = style;
  ctx.fillStyle = palette.background;
  ctx.fillRect(0, 0, width, height);
  const frame = plotFrame(width, height, font.size);
  let xRange: Range;
  let yRange: Range;
  if (picture.kind === 'map') {
    [xRange, yRange] = [picture.x1, picture.x2];
    drawCells(ctx, frame, picture, palette);
  } else {
    xRange = [picture.x[0], picture.x[picture.x.length - 1]];
    yRange = paddedRange(picture.y, picture.points.label);
    drawCurve(ctx, frame, xRange, yRange, picture.x, picture.y, palette.series[CURVE_COLOUR]);
  }
  const yOf = (i: number, points: TrainingPoints) => (picture.kind === 'map' ? points.x[2 * i + 1] : points.label[i]);
  const inputs = picture.kind === 'map' ? 2 : 1;
  drawPoints(ctx, frame, xRange, yRange, picture.points, inputs, yOf, (i) => (picture.kind === 'map' ? picture.points.label[i] : -1), palette);
  drawAxes(ctx, frame, xRange, yRange, picture.kind === 'map' ? ['x₁', 'x₂'] : ['x₁', outputName], style);
}

/** Sets the canvas's backing store to the screen's pixel density; returns a context in CSS pixels. */
function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  // Through the CSSOM: the CSP forbids style attributes in markup, not style properties.
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}

function drawCells(ctx: CanvasRenderingContext2D, frame: Frame, picture: Extract<TrainingPicture, { kind: 'map' }>, palette: ChartPalette): void {
  const r = picture.resolution;
  const background = hexRgb(palette.background);
  const classColours = palette.series.map(hexRgb);
  const image = new ImageData(r, r);
  for (let cell = 0; cell < r * r; cell++) {
    const colour = cellColour(classColours[picture.classes[cell] % classColours.length], background, picture.confidence[cell]);
    image.data.set([Math.round(colour.r), Math.round(colour.g), Math.round(colour.b), 255], 4 * cell);
  }
  const cells = document.createElement('canvas');
  [cells.width, cells.height] = [r, r];
  cells.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  // Row 0 of the picture is the top (largest x₂), as on the canvas.
  ctx.drawImage(cells, frame.left, frame.top, frame.width, frame.height);
  ctx.imageSmoothingEnabled = true;
}

function drawCurve(ctx: CanvasRenderingContext2D, frame: Frame, xRange: Range, yRange: Range, xs: ArrayLike<number>, ys: ArrayLike<number>, colour: string): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  let drawing = false;
  for (let i = 0; i < xs.length; i++) {
    // A non-finite output breaks the line rather than drawing it off to infinity.
    if (!Number.isFinite(ys[i])) {
      drawing = false;
      continue;
    }
    const [px, py] = [toPixelX(frame, xRange, xs[i]), toPixelY(frame, yRange, ys[i])];
    if (drawing) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    drawing = true;
  }
  ctx.stroke();
  ctx.restore();
}

function tracePoint(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, size: number): void {
  if (shape.kind === 'circle') {
    ctx.moveTo(x + size, y);
    ctx.arc(x, y, size, 0, 2 * Math.PI);
    return;
  }
  shape.points.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(x + px * size, y + py * size) : ctx.lineTo(x + px * size, y + py * size)));
  ctx.closePath();
}

/**
 * The examples, grouped by class (-1: a regression's points, all alike) and held out or not, one
 * path per group: first a background ring under every point, then the fills and hollow outlines.
 */
function drawPoints(
  ctx: CanvasRenderingContext2D, frame: Frame, xRange: Range, yRange: Range, points: TrainingPoints, inputs: number,
  yOf: (i: number, points: TrainingPoints) => number, classOf: (i: number) => number, palette: ChartPalette,
): void {
  const count = points.heldOut.length;
  // Many points: smaller markers, so the map under them still shows.
  const size = count > 2_000 ? 2.5 : count > 300 ? 3.5 : 4.5;
  const groups = new Map<string, { k: number; hollow: boolean; at: [number, number][] }>();
  for (let i = 0; i < count; i++) {
    const [x, y] = [points.x[inputs * i], yOf(i, points)];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const k = classOf(i);
    const key = `${k}:${points.heldOut[i]}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { k, hollow: points.heldOut[i], at: [] }));
    group.at.push([toPixelX(frame, xRange, x), toPixelY(frame, yRange, y)]);
  }
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.width, frame.height);
  ctx.clip();
  ctx.lineJoin = 'round';
  for (const group of groups.values()) {
    const shape = markerFor(Math.max(0, group.k)).shape;
    const colour = palette.series[(group.k < 0 ? CURVE_POINT_COLOUR : group.k) % palette.series.length];
    ctx.beginPath();
    for (const [x, y] of group.at) tracePoint(ctx, shape, x, y, size);
    ctx.strokeStyle = palette.background;
    ctx.lineWidth = group.hollow ? 4.5 : 3;
    ctx.stroke();
    if (group.hollow) {
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1.6;
      ctx.stroke();
    } else {
      ctx.fillStyle = colour;
      ctx.fill();
    }
  }
  ctx.restore();
}

function drawAxes(ctx: CanvasRenderingContext2D, frame: Frame, xRange: Range, yRange: Range, names: readonly [string, string], style: PictureStyle): void {
  const { palette, font } = style;
  ctx.save();
  ctx.strokeStyle = palette.foreground;
  ctx.fillStyle = palette.foreground;
  ctx.lineWidth = 1;
  ctx.strokeRect(frame.left - 0.5, frame.top - 0.5, frame.width + 1, frame.height + 1);
  ctx.font = font.css;
  const bottom = frame.top + frame.height;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const x of niceTicks(xRange[0], xRange[1], Math.max(2, Math.floor(frame.width / 70)))) {
    const px = toPixelX(frame, xRange, x);
    ctx.fillRect(px - 0.5, bottom, 1, 4);
    ctx.fillText(formatNumber(x, 3), px, bottom + 5);
  }
  ctx.fillText(names[0], frame.left + frame.width / 2, bottom + 5 + font.size * 1.3);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const y of niceTicks(yRange[0], yRange[1], Math.max(2, Math.floor(frame.height / 45)))) {
    const py = toPixelY(frame, yRange, y);
    ctx.fillRect(frame.left - 4, py - 0.5, 4, 1);
    ctx.fillText(formatNumber(y, 3), frame.left - 6, py);
  }
  // The y axis's name, turned to read upwards along the axis.
  ctx.translate(font.size * 0.8, frame.top + frame.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(names[1], 0, 0);
  ctx.restore();
}
