/**
 * Geometry of the network diagram, pure so it can be tested without a browser: one column per
 * layer, the shown window of each layer's neurons stacked in it, edges between shown neurons
 * only, a target mark y beside each output neuron, the cost at the right, and a "… n more" label
 * where a layer is larger than its window.
 *
 * Everything is sized from the texts it must hold (diagramText.ts): the circles from the widest
 * value, the columns from the widest δ label, heading or badge, so nothing overlaps. The diagram
 * is drawn at scale 1 — its text stays 11–12 px — and uses the width it is given: columns spread
 * up to MAX_GAP in a wide panel and close down to the least that keeps labels apart in a narrow
 * one; narrower still, it keeps that width and its container scrolls (`scrolls`).
 */
import type { LayerView } from '../src/shared/panelMessages';
import { headingLines, LABEL_FONT, moreLines, targetLabel, VALUE_FONT, type Measure, type TextWidths } from './diagramText';

/** At most this many edges are drawn between two layers; the rest are summarised. */
export const MAX_EDGES_PER_LAYER = 256;
/** The current quantity's double ring reaches this far outside a circle. */
export const RING = 7;
/** Number badges: height, and least width (one digit). */
export const BADGE_HEIGHT = 15;
const BADGE_MIN_WIDTH = 15;
/** Label lines: height, and how far a baseline sits below the line's top. */
const LINE = 14;
const ASCENT = 9;
const MARGIN = 8;
/** Space kept between the boxes of neighbouring columns. */
const COLUMN_PAD = 10;
/** Vertical space between one neuron's δ label and the next neuron's ring. */
const ROW_PAD = 6;
/** Columns never spread further apart than this, however wide the panel. */
export const MAX_GAP = 170;
const MIN_RADIUS = 16;
/** Target marks: height, and the gap between an output neuron's ring and its target. */
const TARGET_HEIGHT = 22;
const TARGET_GAP = 8;
const COST_HEIGHT = 36;

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

/** A text the layout placed: centred on x, baseline y, `width` px wide at `size` px. */
export interface TextBox {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly width: number;
  readonly size: number;
}

export interface MoreLabel {
  readonly x: number;
  readonly y: number;
  /** The whole label on one line ("… 3 before, 118 more"). */
  readonly text: string;
  readonly lines: readonly TextBox[];
}

/** Target y_j: a box of its own beside output neuron j, with its symbol above it. */
export interface TargetBox {
  readonly j: number;
  readonly slot: number;
  /** Centre of the box. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly label: TextBox;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  /** Radius of every neuron's circle. */
  readonly radius: number;
  readonly neurons: readonly NeuronBox[];
  readonly edges: readonly EdgeLine[];
  readonly more: readonly MoreLabel[];
  readonly headings: readonly TextBox[];
  readonly targets: readonly TargetBox[];
  /** Centre and size of the cost node, and its symbol above it. */
  readonly cost: { readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly label: TextBox };
  /** Where each neuron's δ label goes, relative to its centre (baseline), and how wide it may be. */
  readonly deltaOffset: number;
  readonly deltaWidth: number;
  /** Edges left out beyond MAX_EDGES_PER_LAYER, summed over layers, and the note saying so. */
  readonly edgesOmitted: number;
  readonly omittedNote: TextBox | null;
  /** True when even the closest layout is wider than the room given: the container scrolls. */
  readonly scrolls: boolean;
  /**
   * Everything that decides the drawing's geometry: for layers of the same sizes and window
   * lengths, equal keys mean every shape in the same place (the texts, and which neurons the
   * windows show, may differ).
   */
  readonly key: string;
}

export interface LayoutOptions {
  readonly measure: Measure;
  readonly widths: TextWidths;
  /** Width the diagram may take without scrolling, px (Infinity: as wide as MAX_GAP allows). */
  readonly availableWidth: number;
  /** Whether target marks are drawn (the output layer has targets in view). */
  readonly targets: boolean;
}

/** The width of a badge showing `text` (a factor number). */
export function badgeWidth(text: string, measure: Measure): number {
  return Math.max(BADGE_MIN_WIDTH, Math.ceil(measure(text, LABEL_FONT)) + 6);
}

/**
 * Centres of the badge slots around a neuron of radius r, in the order they are used: upper
 * right, upper left, lower left, lower right — on the circle, clear of the δ label below and of
 * the target mark to the right of output neurons.
 */
export function neuronBadgeSlots(x: number, y: number, r: number): { x: number; y: number }[] {
  const d = r * Math.SQRT1_2;
  return [
    { x: x + d, y: y - d },
    { x: x - d, y: y - d },
    { x: x - d, y: y + d },
    { x: x + d, y: y + d },
  ];
}

/** Where an edge's badge goes: the middle of the edge, in the open space between two columns. */
export function edgeBadgeAt(edge: EdgeLine): { x: number; y: number } {
  return { x: (edge.x1 + edge.x2) / 2, y: (edge.y1 + edge.y2) / 2 };
}

/** Where the badge of a target goes: on its box's lower right corner, clear of the label above. */
export function boxBadgeAt(box: { x: number; y: number; width: number; height: number }): { x: number; y: number } {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

function text(x: number, y: number, value: string, size: number, measure: Measure): TextBox {
  return { x, y, text: value, width: Math.ceil(measure(value, size)), size };
}

export function layoutDiagram(layers: readonly LayerView[], options: LayoutOptions): DiagramLayout {
  const { measure, widths } = options;
  const L = layers.length - 1;
  // A circle holds its value with room to spare: half the text's width and half a digit's height.
  const radius = Math.max(MIN_RADIUS, Math.ceil(Math.hypot(widths.value / 2, VALUE_FONT * 0.4) + 4));
  const badge = badgeWidth('12', measure);
  const reach = radius + RING;
  const pitch = 2 * reach + (ASCENT + 4) + ROW_PAD + 2;
  const deltaOffset = reach + ASCENT + 1;

  // Headings on top, as many lines as the tallest.
  const headingText = layers.map((layer) => headingLines(layer, L));
  const headingRows = Math.max(...headingText.map((lines) => lines.length));
  const firstRow = MARGIN + headingRows * LINE + 6 + reach;

  // Each column's half-width: whatever is widest among its circle, δ labels, heading and "more" lines.
  const half = layers.map((layer, l) => {
    const texts = [...headingText[l].map((t) => measure(t, LABEL_FONT)), ...moreLines(layer).map((t) => measure(t, LABEL_FONT))];
    if (layer.index > 0) texts.push(widths.delta);
    return Math.max(reach, ...texts.map((w) => Math.ceil(w / 2)));
  });
  // The least gap between two columns: their boxes apart, and an edge's middle (where its badge
  // goes) clear of both columns' boxes and rings.
  const minGaps = layers.slice(1).map((_, i) =>
    Math.max(half[i] + half[i + 1] + COLUMN_PAD, 2 * Math.max(half[i], half[i + 1]) + badge + 4, 2 * reach + badge + 8),
  );

  // Right of the last column: the targets, then the cost node; sized here, placed below.
  const targetLabelWidth = options.targets ? Math.max(0, ...Array.from({ length: layers[L].count }, (_, s) => measure(targetLabel(layers[L].start + s + 1), LABEL_FONT))) : 0;
  const targetWidth = options.targets ? Math.max(widths.target + 12, 30) : 0;
  const targetOffset = reach + TARGET_GAP + targetWidth / 2;
  const targetHalf = Math.max(targetWidth / 2 + badge / 2, targetLabelWidth / 2);
  const costWidth = Math.max(56, widths.cost + 16);
  const lastRight = options.targets ? Math.max(half[L], targetOffset + targetHalf) : half[L];
  // The cost's double ring (when it is the current quantity) reaches RING beyond its box.
  const costOffset = lastRight + COLUMN_PAD / 2 + RING + costWidth / 2;
  // The cost is never a factor of a step: no badge beside it, only room for its double ring.
  const tail = costOffset + costWidth / 2 + RING + MARGIN;
  const least = MARGIN + half[0] + minGaps.reduce((a, b) => a + b, 0) + tail;
  // Whole pixels, so the rounded width never exceeds the room and scrolls for nothing.
  const extra = minGaps.length > 0 && Number.isFinite(options.availableWidth) ? Math.floor(Math.max(0, options.availableWidth - least) / minGaps.length) : Infinity;
  const gaps = minGaps.map((g) => g + Math.min(extra, Math.max(0, MAX_GAP - g)));

  const columnX: number[] = [MARGIN + half[0]];
  for (const gap of gaps) columnX.push(columnX[columnX.length - 1] + gap);

  const tallest = Math.max(1, ...layers.map((l) => l.count + (l.count < l.size ? 1 : 0)));
  const neurons: NeuronBox[] = [];
  const more: MoreLabel[] = [];
  const byLayer: NeuronBox[][] = [];
  let bottom = firstRow + reach;
  for (const layer of layers) {
    const rows = layer.count + (layer.count < layer.size ? 1 : 0);
    const top = firstRow + ((tallest - rows) * pitch) / 2;
    const x = columnX[layer.index];
    const column: NeuronBox[] = [];
    for (let slot = 0; slot < layer.count; slot++) {
      const box = { layer: layer.index, j: layer.start + slot + 1, slot, x, y: top + slot * pitch };
      column.push(box);
      neurons.push(box);
      bottom = Math.max(bottom, box.y + deltaOffset + 4);
    }
    byLayer.push(column);
    const lines = moreLines(layer);
    if (lines.length > 0) {
      const y = top + layer.count * pitch - reach + ASCENT;
      const boxes = lines.map((line, i) => text(x, y + i * LINE, line, LABEL_FONT, measure));
      more.push({ x, y, text: lines.join(' '), lines: boxes });
      bottom = Math.max(bottom, y + (lines.length - 1) * LINE + 4);
    }
  }
  const headings = layers.flatMap((layer) => headingText[layer.index].map((line, i) => text(columnX[layer.index], MARGIN + ASCENT + i * LINE, line, LABEL_FONT, measure)));

  const edges: EdgeLine[] = [];
  let edgesOmitted = 0;
  for (let l = 1; l < layers.length; l++) {
    let drawn = 0;
    for (const from of byLayer[l - 1]) {
      for (const to of byLayer[l]) {
        if (drawn >= MAX_EDGES_PER_LAYER) break;
        // From circle to circle, along the line between their centres.
        const [dx, dy] = [to.x - from.x, to.y - from.y];
        const length = Math.hypot(dx, dy);
        const [ux, uy] = [dx / length, dy / length];
        edges.push({
          layer: l, j: to.j, k: from.j, slot: from.slot * layers[l].count + to.slot,
          x1: from.x + ux * radius, y1: from.y + uy * radius, x2: to.x - ux * radius, y2: to.y - uy * radius,
        });
        drawn++;
      }
    }
    edgesOmitted += layers[l - 1].size * layers[l].size - drawn;
  }

  const lastX = columnX[L];
  const targets: TargetBox[] = [];
  if (options.targets) {
    const x = lastX + targetOffset;
    for (const n of byLayer[L]) {
      const label = text(x, n.y - TARGET_HEIGHT / 2 - 6, targetLabel(n.j), LABEL_FONT, measure);
      targets.push({ j: n.j, slot: n.slot, x, y: n.y, width: targetWidth, height: TARGET_HEIGHT, label });
    }
  }
  const costX = lastX + costOffset;
  const costY = (firstRow + Math.max(firstRow, ...neurons.map((n) => n.y))) / 2;
  const costLabel = text(costX, costY - COST_HEIGHT / 2 - RING - 4, 'cᵢ', LABEL_FONT, measure);
  const cost = { x: costX, y: costY, width: costWidth, height: COST_HEIGHT, label: costLabel };
  bottom = Math.max(bottom, costY + COST_HEIGHT / 2 + RING);

  let width = Math.ceil(lastX + tail);
  let height = Math.ceil(bottom + MARGIN);
  let omittedNote: TextBox | null = null;
  if (edgesOmitted > 0) {
    const note = `${edgesOmitted} more edges not drawn`;
    const w = Math.ceil(measure(note, LABEL_FONT));
    omittedNote = { x: MARGIN + w / 2, y: height + ASCENT, text: note, width: w, size: LABEL_FONT };
    height += LINE + 4;
    width = Math.max(width, w + 2 * MARGIN);
  }
  const scrolls = Number.isFinite(options.availableWidth) && width > options.availableWidth + 0.5;
  // Column positions rather than gaps: a window that moves along a big layer changes its "… n
  // before" label and so its column's width, which can shift every column by the same amount.
  const key = [width, height, radius, ...columnX.map((x) => Math.round(x)), targetWidth, costWidth].join(',');
  return { width, height, radius, neurons, edges, more, headings, targets, cost, deltaOffset, deltaWidth: widths.delta, edgesOmitted, omittedNote, scrolls, key };
}
