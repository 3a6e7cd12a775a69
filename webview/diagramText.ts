/**
 * The words and numbers the network diagram writes, and how wide they are. The layout sizes
 * circles, columns and boxes from these widths, so a value never spills over its circle and no
 * label runs into another. Pure: a `Measure` is passed in — the browser measures with the
 * panel's real font (diagram.ts), tests with `estimateWidth`.
 */
import type { LayerView, ViewMessage } from '../src/shared/panelMessages';
import { formatValue, symbolText } from './refs';

/** Font sizes in px, drawn at scale 1: the diagram never scales text below 11 px. */
export const VALUE_FONT = 12;
export const LABEL_FONT = 11;
/** Significant digits of the numbers in the diagram (the tables have them all). */
const DIAGRAM_DIGITS = 3;
const COST_DIGITS = 4;

/** Width in px of `text` set at `size` px in the diagram's font. */
export type Measure = (text: string, size: number) => number;

/**
 * A deliberately generous width estimate, in em per character, for when no font can be
 * measured (unit tests): DejaVu Sans, among the widest common UI fonts, has 0.636 em digits and
 * a 0.838 em minus sign.
 */
export const estimateWidth: Measure = (text, size) => {
  let em = 0;
  for (const ch of text) {
    if (ch === '.' || ch === ',' || ch === ' ' || ch === '·') em += 0.34;
    else if (ch === '−' || ch === '×' || ch === '=' || ch === '…') em += 0.84;
    else if (/[\u2070-\u209f\u00b9\u00b2\u00b3\u1d62\u2071]/.test(ch)) em += 0.45;
    else em += 0.66;
  }
  return em * size;
};

/** The number in a neuron: its activation a (x for inputs), or '' while not computed. */
export function neuronValueText(value: number | null): string {
  return formatValue(value, DIAGRAM_DIGITS);
}

/** The label under a neuron once the backward pass has reached it: "δ −0.0123". */
export function deltaText(delta: number | null): string {
  return delta === null ? '' : `δ ${formatValue(delta, DIAGRAM_DIGITS)}`;
}

export function targetValueText(y: number): string {
  return formatValue(y, DIAGRAM_DIGITS);
}

/** The symbol over target j's mark, yᵢⱼ in the article's notation. */
export function targetLabel(j: number): string {
  return symbolText({ kind: 'y', layer: 0, j, k: 0 });
}

export function costText(cost: number | null): string {
  return formatValue(cost, COST_DIGITS);
}

/** The heading over a layer's column, one short line each: "ℓ = 2", "sigmoid", "output". */
export function headingLines(layer: LayerView, outputLayer: number): string[] {
  if (layer.index === 0) return [`ℓ = 0`, 'inputs'];
  const lines = [`ℓ = ${layer.index}`, layer.activation ?? ''];
  if (layer.index === outputLayer) lines.push('output');
  return lines;
}

/** Under a layer larger than its window: what is not drawn, e.g. ["3 before,", "… 118 more"]. */
export function moreLines(layer: LayerView): string[] {
  const after = layer.size - layer.start - layer.count;
  if (layer.size <= layer.count) return [];
  return layer.start > 0 ? [`… ${layer.start} before,`, `${after} more`] : [`… ${after} more`];
}

/** Smallest widths the layout assumes, so typical numbers ("−0.989", "0.0156") never change it. */
const FLOOR = { value: '−0.000', delta: 'δ −0.00000', target: '0.00', cost: '0.0000' };

/** The widest text of each kind the diagram shows now (at least the floor's), in px. */
export interface TextWidths {
  readonly value: number;
  readonly delta: number;
  readonly target: number;
  readonly cost: number;
}

export function textWidths(view: ViewMessage, measure: Measure): TextWidths {
  const widest = (texts: Iterable<string>, floor: string, size: number) => {
    let max = measure(floor, size);
    for (const text of texts) if (text) max = Math.max(max, measure(text, size));
    return Math.ceil(max);
  };
  const values: string[] = [];
  const deltas: string[] = [];
  for (const layer of view.layers) {
    for (let slot = 0; slot < layer.count; slot++) {
      values.push(neuronValueText(layer.a[slot] ?? null));
      if (layer.index > 0) deltas.push(deltaText(layer.delta[slot] ?? null));
    }
  }
  const output = view.layers[view.layers.length - 1];
  return {
    value: widest(values, FLOOR.value, VALUE_FONT),
    delta: widest(deltas, FLOOR.delta, LABEL_FONT),
    target: widest(output ? output.y.map(targetValueText) : [], FLOOR.target, VALUE_FONT),
    cost: widest([costText(view.exampleCost)], FLOOR.cost, VALUE_FONT),
  };
}
