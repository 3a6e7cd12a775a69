import type { PackedSpans, Position, Range } from '../text/range';
import { containsPosition, spanAt, spanCount } from '../text/range';
import type { SpecSource } from './source';

/** The training settings' keywords (parser/trainingSettings.ts). */
export type TrainingSettingName = 'steps' | 'batch-size' | 'shuffle';

/**
 * What a position in a spec is about, for hovers, code lenses and "reveal in spec".
 * Layers are numbered ℓ as in the notation; k, j and examples are 1-based.
 * `range` is the text of the thing itself: a number for weight, bias, input and target.
 */
export type SpecLocation =
  | { readonly kind: 'network'; readonly range: Range }
  | { readonly kind: 'cost'; readonly range: Range }
  | { readonly kind: 'learning-rate'; readonly range: Range }
  | { readonly kind: 'seed'; readonly range: Range }
  /** A `steps`, `batch-size` or `shuffle` line. */
  | { readonly kind: 'training'; readonly setting: TrainingSettingName; readonly range: Range }
  /** The header line `layer ℓ: n …`, anywhere but on the activation word. */
  | { readonly kind: 'layer'; readonly layer: number; readonly range: Range }
  | { readonly kind: 'activation'; readonly layer: number; readonly range: Range }
  /** The `w` keyword or the space between weights: the matrix w^(ℓ) as a whole. */
  | { readonly kind: 'weights'; readonly layer: number; readonly range: Range }
  | { readonly kind: 'weight'; readonly layer: number; readonly k: number; readonly j: number; readonly range: Range }
  /** The `b` keyword or the space between biases: the vector b^(ℓ) as a whole. */
  | { readonly kind: 'biases'; readonly layer: number; readonly range: Range }
  | { readonly kind: 'bias'; readonly layer: number; readonly j: number; readonly range: Range }
  /** An example's lines anywhere but on its numbers. */
  | { readonly kind: 'example'; readonly example: number; readonly range: Range }
  | { readonly kind: 'input'; readonly example: number; readonly k: number; readonly range: Range }
  | { readonly kind: 'target'; readonly example: number; readonly j: number; readonly range: Range };

/**
 * Names the part of the spec at `position`, or null for blank space, comments and text the
 * parser could not place. Runs in O(log n): layers and examples are found by binary search on
 * their lines, and a number within them by binary search on its packed span.
 */
export function locate(source: SpecSource, position: Position): SpecLocation | null {
  if (source.network && containsPosition(source.network, position)) return { kind: 'network', range: source.network };
  if (source.cost && containsPosition(source.cost.line, position)) return { kind: 'cost', range: source.cost.line };
  if (source.learningRate && containsPosition(source.learningRate.line, position))
    return { kind: 'learning-rate', range: source.learningRate.line };
  if (source.seed && containsPosition(source.seed.line, position)) return { kind: 'seed', range: source.seed.line };
  if (source.steps && containsPosition(source.steps.line, position)) return { kind: 'training', setting: 'steps', range: source.steps.line };
  if (source.batchSize && containsPosition(source.batchSize.line, position))
    return { kind: 'training', setting: 'batch-size', range: source.batchSize.line };
  if (source.shuffle && containsPosition(source.shuffle.line, position)) return { kind: 'training', setting: 'shuffle', range: source.shuffle.line };

  const layers = source.layers;
  const l = lastStartingAtOrBefore(layers.length, (i) => layers[i].header.start.line, position.line);
  if (l >= 0 && position.line <= layers[l].lastLine) {
    const found = locateInLayer(source, l, position);
    if (found) return found;
  }

  const examples = source.examples;
  let e = lastStartingAtOrBefore(examples.length, (i) => examples[i].line.start.line, position.line);
  // The examples of one `data` line share it: the line stands for the first of them.
  const origin = e >= 0 ? examples[e].origin : undefined;
  if (origin) e -= origin.index - 1;
  if (e >= 0 && containsPosition(examples[e].line, position)) {
    const example = examples[e];
    const x = numberAt(example.x, position);
    if (x >= 0) return { kind: 'input', example: e + 1, k: x + 1, range: spanAt(example.x, x) };
    const y = numberAt(example.y, position);
    if (y >= 0) return { kind: 'target', example: e + 1, j: y + 1, range: spanAt(example.y, y) };
    return { kind: 'example', example: e + 1, range: example.line };
  }
  return null;
}

function locateInLayer(source: SpecSource, layer: number, position: Position): SpecLocation | null {
  const layerSource = source.layers[layer];
  if (containsPosition(layerSource.header, position)) {
    if (layerSource.activation && containsPosition(layerSource.activation, position))
      return { kind: 'activation', layer, range: layerSource.activation };
    return { kind: 'layer', layer, range: layerSource.header };
  }
  if (layerSource.weights && layerSource.weightsBlock && containsPosition(layerSource.weightsBlock, position)) {
    const index = numberAt(layerSource.weights, position);
    if (index < 0) return { kind: 'weights', layer, range: layerSource.weightsBlock };
    const rows = layerSource.weightRows ?? rowStartsFromLines(layerSource.weights);
    const row = lastStartingAtOrBefore(rows.length, (i) => rows[i], index);
    return { kind: 'weight', layer, k: row + 1, j: index - rows[row] + 1, range: spanAt(layerSource.weights, index) };
  }
  if (layerSource.biases && layerSource.biasesBlock && containsPosition(layerSource.biasesBlock, position)) {
    const index = numberAt(layerSource.biases, position);
    if (index < 0) return { kind: 'biases', layer, range: layerSource.biasesBlock };
    return { kind: 'bias', layer, j: index + 1, range: spanAt(layerSource.biases, index) };
  }
  return null;
}

/** The index of the last of `count` ascending keys that is ≤ target, or −1. */
function lastStartingAtOrBefore(count: number, key: (index: number) => number, target: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(middle) <= target) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** The index of the span containing `position` (end included, as for word ranges), or −1. */
function numberAt(spans: PackedSpans, position: Position): number {
  // First span that ends at or after the position; spans are in text order and never overlap.
  let low = 0;
  let high = spanCount(spans);
  while (low < high) {
    const middle = (low + high) >>> 1;
    const line = spans[3 * middle];
    if (line < position.line || (line === position.line && spans[3 * middle + 2] < position.character)) low = middle + 1;
    else high = middle;
  }
  if (low === spanCount(spans)) return -1;
  const base = 3 * low;
  return spans[base] === position.line && spans[base + 1] <= position.character ? low : -1;
}

/** For sources made without `weightRows`: each written line of weights is one row. */
function rowStartsFromLines(spans: PackedSpans): Int32Array {
  const starts: number[] = [];
  for (let i = 0; i < spanCount(spans); i++) if (i === 0 || spans[3 * i] !== spans[3 * (i - 1)]) starts.push(i);
  return Int32Array.from(starts);
}
