/**
 * One uPlot line chart over the steps 0 … t: the cost curves, or the gradient norms. uPlot draws
 * on a canvas through the CSSOM only (no eval, no inline style markup), so it runs under the
 * panel's strict CSP. Its options are fixed when it is created, so a change of theme, font or
 * scale (linear ↔ log) builds the chart again, which costs less than a frame; new data only
 * calls setData. The step the scrubber is at is a vertical line drawn after the series, in the
 * neutral foreground colour that no series uses. Clicking the chart moves the scrubber there
 * (the scrubber itself is the keyboard's way). The canvas is role="img" with a name; the numbers
 * it shows are in the scrubber's readout and the summary region.
 */
import uPlot from 'uplot';
import { thousands } from '../../src/core/notation/count';
import { formatNumber } from '../../src/core/notation/format';
import type { ChartPalette } from './chartPalette';
import type { Decimated } from './decimate';
import { decadeTicks, scaleSeries, type YScale } from './scale';
import type { ChartFont } from './theme';

export interface ChartSeries {
  readonly label: string;
  /** Index into the palette's series colours (mod 6). */
  readonly colour: number;
  readonly dash: readonly number[];
}

/** Step increments for the x axis: whole steps only (1, 2, 5 × 10ⁿ). */
const STEP_INCREMENTS = [0, 1, 2, 3, 4, 5, 6].flatMap((p) => [1, 2, 5].map((m) => m * 10 ** p));

export class LineChart {
  readonly root: HTMLDivElement;
  private plot: uPlot | null = null;
  private data: Decimated = { x: [], ys: [] };
  private xMax = 1;
  private marker: number | null = null;
  private width = 0;
  private style: { palette: ChartPalette; font: ChartFont } | null = null;
  /** Zeros drawn at the floor of a log scale in the last data set (main.ts says so in a note). */
  zeros = 0;

  constructor(
    root: HTMLDivElement,
    private readonly height: number,
    private series: readonly ChartSeries[],
    private scale: YScale,
    private readonly onPick: (step: number) => void,
  ) {
    this.root = root;
  }

  /** New series (a new run), colours and font (a new theme), or scale: the chart is built again. */
  configure(changes: { series?: readonly ChartSeries[]; palette?: ChartPalette; font?: ChartFont; scale?: YScale }): void {
    if (changes.series) this.series = changes.series;
    if (changes.palette && changes.font) this.style = { palette: changes.palette, font: changes.font };
    if (changes.scale) this.scale = changes.scale;
    this.rebuild();
  }

  setData(data: Decimated, xMax: number): void {
    this.data = data;
    this.xMax = Math.max(1, xMax);
    if (this.plot) this.plot.setData(this.aligned());
    else this.rebuild();
  }

  /** The scrubber's step, drawn as a vertical line; null for none. */
  setMarker(step: number | null): void {
    if (step === this.marker) return;
    this.marker = step;
    // Redraws from uPlot's cached paths: no data is walked again.
    this.plot?.redraw(false, false);
  }

  /** The width the chart may take, in CSS pixels (from the ResizeObserver). */
  resize(width: number): void {
    const rounded = Math.floor(width);
    if (rounded === this.width || rounded <= 0) return;
    this.width = rounded;
    if (this.plot) this.plot.setSize({ width: rounded, height: this.height });
    else this.rebuild();
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = null;
  }

  private aligned(): uPlot.AlignedData {
    const scaled = scaleSeries(this.data.ys, this.scale);
    this.zeros = scaled.zeros;
    // A run's first message may be missing a series: pad so uPlot always has one array per series.
    const ys = this.series.map((_, i) => scaled.values[i] ?? this.data.x.map(() => null));
    return [this.data.x, ...ys];
  }

  private rebuild(): void {
    this.destroy();
    if (!this.style || this.width <= 0) return;
    const { palette, font } = this.style;
    const log = this.scale === 'log';
    const axis = { stroke: palette.foreground, font: font.css, labelFont: font.css, grid: { stroke: palette.grid, width: 1 }, ticks: { stroke: palette.grid, width: 1 } };
    const options: uPlot.Options = {
      width: this.width,
      height: this.height,
      legend: { show: false },
      cursor: { y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } },
      scales: {
        x: { time: false, range: () => [0, this.xMax] },
        y: log ? { distr: 3, log: 10, range: (_u, min, max) => yRange(min, max, true) } : { range: (_u, min, max) => yRange(min, max, false) },
      },
      axes: [
        { ...axis, label: 'step t', labelSize: font.size + 4, size: font.size + 18, incrs: STEP_INCREMENTS, values: (_u, splits) => splits.map((v) => thousands(v)) },
        {
          ...axis,
          size: (_u, values) => axisWidth(values, font.size),
          values: (_u, splits) => splits.map((v) => (v === null ? '' : formatNumber(v, 3))),
          // On a log axis: a label at every power of ten chosen (uPlot's own filter would drop some).
          ...(log ? { splits: (_u: uPlot, _axis: number, min: number, max: number) => decadeTicks(min, max), filter: (_u: uPlot, splits: number[]) => splits } : {}),
        },
      ],
      series: [
        {},
        ...this.series.map((s) => ({ label: s.label, stroke: palette.series[s.colour % palette.series.length], width: 1.5, dash: [...s.dash], points: { show: false }, spanGaps: false })),
      ],
      hooks: { draw: [(u: uPlot) => this.drawMarker(u, palette.foreground)] },
    };
    this.plot = new uPlot(options, this.aligned(), this.root);
    const plot = this.plot;
    plot.over.addEventListener('click', () => {
      const left = plot.cursor.left;
      if (left === undefined || left < 0) return;
      this.onPick(Math.max(0, Math.round(plot.posToVal(left, 'x'))));
    });
  }

  private drawMarker(u: uPlot, colour: string): void {
    if (this.marker === null) return;
    const x = Math.round(u.valToPos(this.marker, 'x', true));
    const { left, top, width, height } = u.bbox;
    if (x < left - 1 || x > left + width + 1) return;
    const ctx = u.ctx;
    const px = uPlot.pxRatio;
    ctx.save();
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = 2 * px;
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    // A small notch on top, so the marker reads as a handle even where it crosses a curve.
    ctx.beginPath();
    ctx.moveTo(x - 5 * px, top);
    ctx.lineTo(x + 5 * px, top);
    ctx.lineTo(x, top + 6 * px);
    ctx.fill();
    ctx.restore();
  }
}

/** The y range: uPlot's own padding, or a placeholder while there is nothing finite to show. */
function yRange(min: number | null, max: number | null, log: boolean): uPlot.Range.MinMax {
  const known = min !== null && max !== null && Number.isFinite(min) && Number.isFinite(max);
  if (!known) return log ? [0.1, 10] : [0, 1];
  return log ? uPlot.rangeLog(min, max, 10, true) : uPlot.rangeNum(min, max, 0.1, true);
}

/** Room for the widest tick label ("1.5×10⁻⁷"), in CSS pixels. */
function axisWidth(values: readonly string[] | null, fontSize: number): number {
  const longest = (values ?? []).reduce((n, v) => Math.max(n, (v ?? '').length), 3);
  return Math.ceil(longest * fontSize * 0.62) + 16;
}
