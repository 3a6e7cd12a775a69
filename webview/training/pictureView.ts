/**
 * The picture section: a heading naming the step shown, the canvas (role="img", with a name that
 * says what it shows: pictureText.ts), a legend of marker shapes and class names, and a caption
 * on how to read the shading. It shows the latest snapshot the extension sent, redrawn when the
 * theme or the panel's width changes. A network with neither 2 inputs nor 1 input and 1 output
 * has no picture; the section then says so.
 */
import type { TrainingPicture, TrainingRun, TrainingSnapshot } from '../../src/shared/trainingMessages';
import { a as activation } from '../../src/core/notation/symbols';
import { h } from '../dom';
import type { ChartPalette } from './chartPalette';
import { renderLegend, type LegendItem } from './legend';
import { markerFor } from './markers';
import { CURVE_COLOUR, CURVE_POINT_COLOUR, drawPicture, type PictureStyle } from './pictureCanvas';
import { className, curveLabel, mapLabel, pictureHeading, stepPhrase } from './pictureText';

/** The picture is never drawn wider than this (CSS pixels): a map is square, and taller would scroll. */
const MAX_WIDTH = 460;

export class PictureView {
  readonly root: HTMLElement;
  private readonly heading = h('h3', {}, 'Picture');
  private readonly canvas = h('canvas', { role: 'img', 'aria-label': 'No picture yet' });
  private readonly legend = h('ul', { class: 'legend', 'aria-label': 'Picture legend' });
  private readonly caption = h('p', { class: 'note' });
  private snapshot: TrainingSnapshot | null = null;
  private run: TrainingRun | null = null;
  private style: PictureStyle | null = null;
  private width = 0;

  constructor() {
    this.root = h('section', { class: 'picture', 'aria-label': 'The network at this step' }, this.heading, this.canvas, this.legend, this.caption);
  }

  setRun(run: TrainingRun): void {
    this.run = run;
    this.snapshot = null;
    const none = run.picture === 'none';
    this.heading.textContent = none ? 'Picture' : run.picture === 'map' ? 'Decision map' : 'Fitted curve';
    this.canvas.hidden = true;
    this.legend.replaceChildren();
    this.caption.textContent = none
      ? `No picture for a ${run.sizes.join('-')} network: a decision map needs 2 inputs, a fitted curve 1 input and 1 output.`
      : 'Waiting for the first snapshot…';
  }

  show(snapshot: TrainingSnapshot): void {
    if (!this.run || this.run.picture === 'none') return;
    if (!snapshot.picture) {
      // The extension had only the costs of that step (a cancelled run's worker is gone): an older
      // picture must not stand in for it under the new step's name.
      this.snapshot = null;
      this.canvas.hidden = true;
      this.legend.replaceChildren();
      this.heading.textContent = this.run.picture === 'map' ? 'Decision map' : 'Fitted curve';
      this.caption.textContent = `No picture ${stepPhrase(snapshot.step)}: the extension sent only the costs of that step.`;
      return;
    }
    this.snapshot = snapshot;
    this.draw();
  }

  setStyle(style: PictureStyle): void {
    this.style = style;
    this.draw();
  }

  resize(width: number): void {
    const fitted = Math.floor(Math.min(MAX_WIDTH, width));
    if (fitted === this.width || fitted <= 0) return;
    this.width = fitted;
    this.draw();
  }

  private draw(): void {
    const picture = this.snapshot?.picture;
    const run = this.run;
    if (!picture || !run || !this.style || this.width <= 0) return;
    const step = this.snapshot?.step ?? 0;
    const layers = run.sizes.length - 1;
    const outputs = run.sizes[layers];
    this.canvas.hidden = false;
    drawPicture(this.canvas, picture, this.width, this.style, activation(layers, 1).text);
    this.heading.textContent = pictureHeading(picture.kind, step);
    this.canvas.setAttribute('aria-label', picture.kind === 'map' ? mapLabel(picture, step, outputs, layers) : curveLabel(picture, step, layers));
    renderLegend(this.legend, legendItems(picture, outputs, layers, this.style.palette), this.style.palette.background);
    const heldOut = picture.points.heldOut.some((held) => held);
    // "Fainter", not "paler": an unsure cell fades towards the background, dark in a dark theme.
    this.caption.textContent =
      picture.kind === 'map'
        ? `Shading: the class the network predicts there, fainter where it is less sure.${heldOut ? ' Hollow markers are held-out examples.' : ''}`
        : `The line is the network’s output; the markers are the examples’ targets${heldOut ? ', hollow where held out' : ''}.`;
  }

}

/** Class k: its colour, marker shape and name; held-out examples in the neutral colour, hollow. */
function legendItems(picture: TrainingPicture, outputs: number, layers: number, palette: ChartPalette): LegendItem[] {
  const series = palette.series;
  const anyHeld = picture.points.heldOut.some(Boolean);
  if (picture.kind === 'curve') {
    const points = series[CURVE_POINT_COLOUR];
    const items: LegendItem[] = [
      { kind: 'line', label: `network output ${activation(layers, 1).text}`, colour: series[CURVE_COLOUR], dash: [] },
      { kind: 'marker', label: anyHeld ? 'training examples' : 'examples', colour: points, marker: markerFor(0), hollow: false },
    ];
    if (anyHeld) items.push({ kind: 'marker', label: 'held-out examples', colour: points, marker: markerFor(0), hollow: true });
    return items;
  }
  const items: LegendItem[] = Array.from({ length: picture.classCount }, (_, k) => ({
    kind: 'marker', label: className(k, outputs, layers), colour: series[k % series.length], marker: markerFor(k), hollow: false,
  }));
  if (anyHeld) items.push({ kind: 'marker', label: 'held out (hollow)', colour: palette.foreground, marker: markerFor(0), hollow: true });
  return items;
}
