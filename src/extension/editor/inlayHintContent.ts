import { b, formatNumber, meanDcdb, meanDcdw, w } from '../../core/notation';
import { spanCount, type PackedSpans, type Position, type Range } from '../../core/text/range';
import type { InlayHintMode } from '../settings';
import { heldBack } from '../stepping/heldBack';
import { steppedTrace, type EditorState } from './editorState';

/**
 * Inlay hints after each weight and bias of the spec: `∂c/∂w = 0.082167` (mode "gradient", the
 * mean over the examples) or `→ 0.358916` (mode "updated", the value after one gradient step),
 * or none ("off"), with `significantDigits` significant digits. None while the spec has errors:
 * the numbers would be stale.
 *
 * Only numbers inside `range` get a hint — VS Code asks for the visible lines, and a 784-128-10
 * spec has a hundred thousand weights — so the first number in range is found by binary search
 * on the packed spans and the walk stops past the range's last line.
 */
export interface HintContent {
  /** Where the hint goes: right after the number. */
  readonly position: Position;
  readonly label: string;
  /** Which parameter the hint follows, for its tooltip (see hintTooltip). */
  readonly parameter: 'w' | 'b';
  readonly layer: number;
  /** Index into Layer.weights or Layer.biases. */
  readonly index: number;
}

/**
 * The hints for the numbers inside `range`. Only the labels are made here: a screen of a
 * 784-128-10 spec holds thousands of numbers, and the tooltip of each (several numbers at full
 * precision) is made only when the person rests the mouse on a hint — see hintTooltip.
 */
export function inlayHintContents(state: EditorState, mode: InlayHintMode, range: Range): HintContent[] {
  const engine = state.analysis.engine;
  if (mode === 'off' || !engine) return [];
  const hints: HintContent[] = [];
  const network = engine.network;
  const digits = state.digits;
  const layers = state.analysis.source.layers;

  for (let layer = 1; layer < layers.length && layer < network.layers.length; layer++) {
    const source = layers[layer];
    if (source.header.start.line > range.end.line) break;
    if (source.lastLine < range.start.line) continue;
    const weightNumbers = mode === 'gradient' ? engine.gradient.w[layer] : engine.updated.w[layer];
    const biasNumbers = mode === 'gradient' ? engine.gradient.b[layer] : engine.updated.b[layer];
    const wPrefix = mode === 'gradient' ? '∂c/∂w = ' : '→ ';
    const bPrefix = mode === 'gradient' ? '∂c/∂b = ' : '→ ';
    if (source.weights) {
      forEachSpanIn(source.weights, range, weightNumbers.length, (index, position) => {
        hints.push({ position, label: wPrefix + formatNumber(weightNumbers[index], digits), parameter: 'w', layer, index });
      });
    }
    if (source.biases) {
      forEachSpanIn(source.biases, range, biasNumbers.length, (index, position) => {
        hints.push({ position, label: bPrefix + formatNumber(biasNumbers[index], digits), parameter: 'b', layer, index });
      });
    }
  }
  return state.exercising ? hints.filter((hint) => !exerciseHolds(state, mode, hint, network.layers[hint.layer].size)) : hints;
}

/** Whether an exercise holds the hint back: the stepping has not reached its gradient (or update) yet. */
function exerciseHolds(state: EditorState, mode: InlayHintMode, hint: HintContent, size: number): boolean {
  const gradient = mode === 'gradient';
  const address =
    hint.parameter === 'w'
      ? { kind: gradient ? ('dw' as const) : ('w-new' as const), layer: hint.layer, j: (hint.index % size) + 1, k: Math.floor(hint.index / size) + 1 }
      : { kind: gradient ? ('db' as const) : ('b-new' as const), layer: hint.layer, j: hint.index + 1, k: 0 };
  return heldBack(state.exercising, steppedTrace(state), state.position.step, address);
}

/** A hint's tooltip: the parameter's symbol, value, gradient and value after one step, at full precision. */
export function hintTooltip(state: EditorState, hint: HintContent): string {
  const engine = state.analysis.engine;
  if (!engine) return '';
  const full = state.digits;
  const m = engine.exampleCount;
  const mean = `mean over the m = ${m} example${m === 1 ? '' : 's'}`;
  const { layer, index } = hint;
  if (hint.parameter === 'w') {
    const n = engine.network.layers[layer].size;
    const k = Math.floor(index / n) + 1;
    const j = (index % n) + 1;
    const symbol = w(layer, k, j, state.weightOrder).text;
    return `${symbol} = ${formatNumber(engine.network.layers[layer].weights[index], full)}\n${meanDcdw(layer, k, j, state.weightOrder).text} = ${formatNumber(engine.gradient.w[layer][index], full)} (${mean})\nafter one gradient step: ${symbol} = ${formatNumber(engine.updated.w[layer][index], full)}`;
  }
  const symbol = b(layer, index + 1).text;
  return `${symbol} = ${formatNumber(engine.network.layers[layer].biases[index], full)}\n${meanDcdb(layer, index + 1).text} = ${formatNumber(engine.gradient.b[layer][index], full)} (${mean})\nafter one gradient step: ${symbol} = ${formatNumber(engine.updated.b[layer][index], full)}`;
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
