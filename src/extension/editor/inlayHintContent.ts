import { b, formatNumber, meanDcdb, meanDcdw, w } from '../../core/notation';
import { spanCount, type PackedSpans, type Position, type Range } from '../../core/text/range';
import type { InlayHintMode } from '../settings';
import { compactDigits, type EditorState } from './editorState';

/**
 * Inlay hints after each weight and bias of the spec: `∂c/∂w = 0.08217` (mode "gradient", the
 * mean over the examples) or `→ 0.3589` (mode "updated", the value after one gradient step),
 * or none ("off"). None while the spec has errors: the numbers would be stale.
 *
 * Only numbers inside `range` get a hint — VS Code asks for the visible lines, and a 784-128-10
 * spec has a hundred thousand weights — so the first number in range is found by binary search
 * on the packed spans and the walk stops past the range's last line.
 */
export interface HintContent {
  /** Where the hint goes: right after the number. */
  readonly position: Position;
  readonly label: string;
  /** Names the symbol and gives the full-precision numbers. */
  readonly tooltip: string;
}

export function inlayHintContents(state: EditorState, mode: InlayHintMode, range: Range): HintContent[] {
  const engine = state.analysis.engine;
  if (mode === 'off' || !engine) return [];
  const hints: HintContent[] = [];
  const network = engine.network;
  const full = state.digits;
  const short = compactDigits(state.digits);
  const m = engine.exampleCount;
  const mean = `mean over the m = ${m} example${m === 1 ? '' : 's'}`;
  const layers = state.analysis.source.layers;

  for (let layer = 1; layer < layers.length && layer < network.layers.length; layer++) {
    const source = layers[layer];
    if (source.header.start.line > range.end.line) break;
    if (source.lastLine < range.start.line) continue;
    const n = network.layers[layer].size;
    const weights = network.layers[layer].weights;
    const gradientW = engine.gradient.w[layer];
    const updatedW = engine.updated.w[layer];
    if (source.weights) {
      forEachSpanIn(source.weights, range, weights.length, (index, position) => {
        const k = Math.floor(index / n) + 1;
        const j = (index % n) + 1;
        const symbol = w(layer, k, j).text;
        hints.push({
          position,
          label: mode === 'gradient' ? `∂c/∂w = ${formatNumber(gradientW[index], short)}` : `→ ${formatNumber(updatedW[index], short)}`,
          tooltip: `${symbol} = ${formatNumber(weights[index], full)}\n${meanDcdw(layer, k, j).text} = ${formatNumber(gradientW[index], full)} (${mean})\nafter one gradient step: ${symbol} = ${formatNumber(updatedW[index], full)}`,
        });
      });
    }
    const biases = network.layers[layer].biases;
    const gradientB = engine.gradient.b[layer];
    const updatedB = engine.updated.b[layer];
    if (source.biases) {
      forEachSpanIn(source.biases, range, biases.length, (j0, position) => {
        const symbol = b(layer, j0 + 1).text;
        hints.push({
          position,
          label: mode === 'gradient' ? `∂c/∂b = ${formatNumber(gradientB[j0], short)}` : `→ ${formatNumber(updatedB[j0], short)}`,
          tooltip: `${symbol} = ${formatNumber(biases[j0], full)}\n${meanDcdb(layer, j0 + 1).text} = ${formatNumber(gradientB[j0], full)} (${mean})\nafter one gradient step: ${symbol} = ${formatNumber(updatedB[j0], full)}`,
        });
      });
    }
  }
  return hints;
}

/**
 * Calls `visit(index, end of the number)` for each span whose number lies within `range`
 * (lines only: hints are asked for whole lines), for at most `limit` spans.
 */
function forEachSpanIn(spans: PackedSpans, range: Range, limit: number, visit: (index: number, end: Position) => void): void {
  const count = Math.min(spanCount(spans), limit);
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[3 * middle] < range.start.line) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < count; i++) {
    const line = spans[3 * i];
    if (line > range.end.line) break;
    visit(i, { line, character: spans[3 * i + 2] });
  }
}
