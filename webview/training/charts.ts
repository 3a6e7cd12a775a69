/**
 * The two charts over the steps: the training and validation cost c, and the per-layer gradient
 * norms ‖∂c/∂w⁽ℓ⁾‖ (one curve per layer ℓ = 1 … L), with their legends, the shared linear/log
 * toggle (a real button with aria-pressed) and the step marker. Each redraw thins the history to
 * about 2,000 points per series (decimate.ts) before uPlot sees it, so a million-step run costs
 * no more to draw than a thousand-step one.
 */
import { layerText } from '../../src/core/notation/symbols';
import { h } from '../dom';
import type { ChartPalette } from './chartPalette';
import { MinMaxDecimator } from './decimate';
import type { RunHistory } from './history';
import { renderLegend, type LegendItem } from './legend';
import { LineChart, type ChartSeries } from './lineChart';
import { dashFor } from './markers';
import type { YScale } from './scale';
import type { ChartFont } from './theme';

const COST_HEIGHT = 200;
const NORM_HEIGHT = 170;

export function costSeries(hasValidation: boolean): ChartSeries[] {
  const training = { label: 'training cost c', colour: 0, dash: dashFor(0) };
  return hasValidation ? [training, { label: 'validation cost c', colour: 1, dash: dashFor(1) }] : [training];
}

/** ‖∂c/∂w⁽ℓ⁾‖ for ℓ = 1 … L: colour and dash pattern ℓ − 1. */
export function normSeries(layers: number): ChartSeries[] {
  return Array.from({ length: layers }, (_, i) => ({ label: `‖∂c/∂w${layerText(i + 1)}‖`, colour: i, dash: dashFor(i) }));
}

export class Charts {
  readonly root: HTMLElement;
  private readonly cost: LineChart;
  private readonly norms: LineChart;
  private readonly costDecimator = new MinMaxDecimator();
  private readonly normDecimator = new MinMaxDecimator();
  private readonly costLegend = h('ul', { class: 'legend', 'aria-label': 'Cost curves' });
  private readonly normLegend = h('ul', { class: 'legend', 'aria-label': 'Gradient-norm curves' });
  private readonly scaleButton: HTMLButtonElement;
  private readonly note = h('p', { class: 'note', hidden: true });
  private history: RunHistory | null = null;
  private palette: ChartPalette | null = null;

  constructor(private scale: YScale, onPick: (step: number) => void, onScale: (scale: YScale) => void) {
    const costBox = h('div', { class: 'chart', role: 'img', title: 'Click to move the scrubber to a step' });
    const normBox = h('div', { class: 'chart', role: 'img', title: 'Click to move the scrubber to a step' });
    this.cost = new LineChart(costBox, COST_HEIGHT, costSeries(false), scale, onPick);
    this.norms = new LineChart(normBox, NORM_HEIGHT, normSeries(1), scale, onPick);
    this.scaleButton = h('button', { type: 'button', class: 'control toggle', 'aria-pressed': String(scale === 'log'), title: 'Show the y axes on a logarithmic scale' }, 'Log scale');
    this.scaleButton.addEventListener('click', () => {
      this.scale = this.scale === 'log' ? 'linear' : 'log';
      this.scaleButton.setAttribute('aria-pressed', String(this.scale === 'log'));
      this.cost.configure({ scale: this.scale });
      this.norms.configure({ scale: this.scale });
      this.describe();
      this.updateNote();
      onScale(this.scale);
    });
    this.root = h(
      'section',
      { class: 'charts', 'aria-label': 'Cost and gradient norms' },
      h('div', { class: 'chart-head' }, h('h3', {}, 'Cost'), this.scaleButton),
      costBox,
      this.costLegend,
      h('h3', {}, 'Gradient norms'),
      normBox,
      this.normLegend,
      this.note,
    );
  }

  /** A new run: new series, and the decimation starts afresh. */
  setRun(history: RunHistory): void {
    this.history = history;
    this.costDecimator.reset();
    this.normDecimator.reset();
    this.cost.configure({ series: costSeries(history.validationCost !== null) });
    this.norms.configure({ series: normSeries(history.layers) });
    this.legends();
    this.describe();
    this.refresh(true);
  }

  /** New theme colours or font: the charts are built again in them. */
  style(palette: ChartPalette, font: ChartFont): void {
    this.palette = palette;
    this.cost.configure({ palette, font });
    this.norms.configure({ palette, font });
    this.legends();
  }

  /**
   * Hands the history's new entries to the charts. `all`: decimate everything again (after a
   * new run or a change of scale); otherwise only buckets from the first entry written since.
   */
  refresh(all = false): void {
    const history = this.history;
    if (!history) return;
    const dirty = history.takeDirty();
    const from = all ? 0 : dirty;
    const count = history.known;
    const xMax = Math.max(history.done, count - 1);
    const costs = history.validationCost ? [history.cost, history.validationCost] : [history.cost];
    this.cost.setData(this.costDecimator.update(costs, count, from), xMax);
    this.norms.setData(this.normDecimator.update(history.norms, count, from), xMax);
    this.updateNote();
  }

  /** On a log scale, says where the zeros went (they have no logarithm). */
  private updateNote(): void {
    const zeros = this.cost.zeros + this.norms.zeros;
    this.note.hidden = zeros === 0;
    this.note.textContent = zeros > 0 ? 'A value of exactly 0 has no logarithm: it is drawn on the bottom edge of its chart.' : '';
  }

  setMarker(step: number | null): void {
    this.cost.setMarker(step);
    this.norms.setMarker(step);
  }

  resize(width: number): void {
    this.cost.resize(width);
    this.norms.resize(width);
  }

  private legends(): void {
    const history = this.history;
    const palette = this.palette;
    if (!history || !palette) return;
    const items = (series: readonly ChartSeries[]): LegendItem[] =>
      series.map((s) => ({ kind: 'line', label: s.label, colour: palette.series[s.colour % palette.series.length], dash: s.dash }));
    renderLegend(this.costLegend, items(costSeries(history.validationCost !== null)), palette.background);
    renderLegend(this.normLegend, items(normSeries(history.layers)), palette.background);
  }

  /** The charts' accessible names; their numbers are in the scrubber's readout and the summary. */
  private describe(): void {
    const scale = this.scale === 'log' ? 'logarithmic' : 'linear';
    const validation = this.history?.validationCost ? 'Training and validation cost' : 'Training cost';
    this.cost.root.setAttribute('aria-label', `${validation} c against step t, ${scale} scale.`);
    this.norms.root.setAttribute('aria-label', `Gradient norm ‖∂c/∂w⁽ℓ⁾‖ of each layer against step t, ${scale} scale.`);
  }
}
