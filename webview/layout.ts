/**
 * Geometry of the network diagram, pure so it can be tested without a browser: one column per
 * layer, the shown window of each layer's neurons stacked in it, edges between shown neurons
 * only, and a "… n more" label where a layer is larger than its window.
 */
import type { LayerView } from '../src/shared/panelMessages';

export const NEURON_RADIUS = 17;
const COLUMN_GAP = 150;
const ROW_GAP = 50;
const MARGIN = 36;
/** At most this many edges are drawn between two layers; the rest are summarised. */
export const MAX_EDGES_PER_LAYER = 256;

export interface NeuronBox {
  readonly layer: number;
  /** 1-based neuron number. */
  readonly j: number;
  /** Index in the layer's window arrays. */
  readonly slot: number;
  readonly x: number;
  readonly y: number;
}

export interface EdgeLine {
  readonly layer: number;
  readonly j: number;
  readonly k: number;
  /** Index in the layer's weight window (row · count + column). */
  readonly slot: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface MoreLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly neurons: readonly NeuronBox[];
  readonly edges: readonly EdgeLine[];
  readonly more: readonly MoreLabel[];
  readonly cost: { readonly x: number; readonly y: number };
  /** Edges left out beyond MAX_EDGES_PER_LAYER, summed over layers. */
  readonly edgesOmitted: number;
}

export function layoutDiagram(layers: readonly LayerView[]): DiagramLayout {
  const tallest = Math.max(1, ...layers.map((l) => l.count + (l.count < l.size ? 1 : 0)));
  const height = 2 * MARGIN + (tallest - 1) * ROW_GAP + 24;
  const columnX = (l: number) => MARGIN + 40 + l * COLUMN_GAP;
  const neurons: NeuronBox[] = [];
  const more: MoreLabel[] = [];
  const byLayer: NeuronBox[][] = [];
  for (const layer of layers) {
    const rows = layer.count + (layer.count < layer.size ? 1 : 0);
    const top = MARGIN + 12 + ((tallest - rows) * ROW_GAP) / 2;
    const column: NeuronBox[] = [];
    for (let slot = 0; slot < layer.count; slot++) {
      const box = { layer: layer.index, j: layer.start + slot + 1, slot, x: columnX(layer.index), y: top + slot * ROW_GAP };
      column.push(box);
      neurons.push(box);
    }
    byLayer.push(column);
    const hidden = layer.size - layer.count;
    if (hidden > 0) {
      const where = layer.start > 0 ? `${layer.start} before, ` : '';
      const after = layer.size - layer.start - layer.count;
      more.push({ x: columnX(layer.index), y: top + layer.count * ROW_GAP, text: `… ${where}${after} more` });
    }
  }
  const edges: EdgeLine[] = [];
  let edgesOmitted = 0;
  for (let l = 1; l < layers.length; l++) {
    let drawn = 0;
    const total = layers[l - 1].size * layers[l].size;
    for (const from of byLayer[l - 1]) {
      for (const to of byLayer[l]) {
        if (drawn >= MAX_EDGES_PER_LAYER) break;
        edges.push({
          layer: l,
          j: to.j,
          k: from.j,
          slot: from.slot * layers[l].count + to.slot,
          x1: from.x + NEURON_RADIUS,
          y1: from.y,
          x2: to.x - NEURON_RADIUS,
          y2: to.y,
        });
        drawn++;
      }
    }
    edgesOmitted += total - drawn;
  }
  const last = layers.length - 1;
  const cost = { x: columnX(last) + COLUMN_GAP * 0.75, y: height / 2 };
  return { width: cost.x + MARGIN + 30, height, neurons, edges, more, cost, edgesOmitted };
}
