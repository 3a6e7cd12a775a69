/**
 * Apply Gradient Step as text: the edits that turn a spec into the same spec after one step of
 * gradient descent, w ← w − η ∂c/∂w and b ← b − η ∂c/∂b, for every weight and bias.
 *
 * Only the numbers change: each is replaced where it stands, so layout, alignment of other
 * lines and comments stay as the person wrote them. A layer whose `w` or `b` the spec left
 * out (initialised from the seed) gets the lines inserted, because after a step the values no
 * longer follow from the seed. The extension applies all edits as one WorkspaceEdit, so a
 * single Undo takes the step back.
 */
import type { Updated } from '../engine/types';
import type { Network } from '../model/network';
import type { LayerSource, SpecSource } from '../model/source';
import { spanAt, spanCount, type Position, type Range } from '../text/range';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * The shortest text that reads back as exactly `value` (JavaScript's round-trip formatting),
 * written without an exponent where that stays short, and without a minus on zero.
 */
export function formatParameter(value: number): string {
  if (value === 0) return '0';
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  // Shift the decimal point of the same shortest digits, so the plain form reads back exactly;
  // keep the exponent form when the plain one would be long and unreadable.
  const [, sign, lead, rest = '', exp] = match;
  const digits = lead + rest;
  const point = 1 + Number(exp);
  const plain = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return plain.length <= 24 ? sign + plain : text;
}

/**
 * @param text the spec's text exactly as the network and source were parsed from
 * @param network the parsed network (for layer sizes)
 * @param source where each number stands in `text`
 * @param updated the engine's w − η∂c/∂w and b − η∂c/∂b, laid out like the network's arrays
 */
export function gradientStepEdits(text: string, network: Network, source: SpecSource, updated: Updated): TextEdit[] {
  const lines = text.split(/\r?\n/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: TextEdit[] = [];
  for (let l = 1; l < network.layers.length; l++) {
    const layer = network.layers[l];
    const layerSource = source.layers[l];
    if (!layerSource) continue;
    const newW = updated.w[l];
    const newB = updated.b[l];
    if (layerSource.weights) {
      const count = spanCount(layerSource.weights);
      for (let i = 0; i < count; i++) edits.push({ range: spanAt(layerSource.weights, i), newText: formatParameter(newW[i]) });
    }
    if (layerSource.biases) {
      const count = spanCount(layerSource.biases);
      for (let i = 0; i < count; i++) edits.push({ range: spanAt(layerSource.biases, i), newText: formatParameter(newB[i]) });
    }
    const indent = layerIndent(lines, layerSource);
    if (!layerSource.weights) {
      // `w` goes first in a layer: right after the header line, before any `b` already there.
      const inserted = eol + weightLines(newW, network.layers[l - 1].size, layer.size, indent, eol);
      const bAlsoMissing = !layerSource.biases;
      const tail = bAlsoMissing ? eol + biasLine(newB, indent) : '';
      edits.push(insertion(endOfLine(lines, layerSource.header.start.line), inserted + tail));
    } else if (!layerSource.biases) {
      edits.push(insertion(endOfLine(lines, layerSource.lastLine), eol + biasLine(newB, indent)));
    }
  }
  return edits;
}

/** Applies edits to a text (for tests and the CLI); edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: Position) => lineStarts[p.line] + p.character;
  const sorted = edits
    .map((edit, order) => ({ edit, order, start: offset(edit.range.start), end: offset(edit.range.end) }))
    .sort((x, y) => y.start - x.start || y.order - x.order);
  let result = text;
  for (const { edit, start, end } of sorted) result = result.slice(0, start) + edit.newText + result.slice(end);
  return result;
}

function insertion(position: Position, newText: string): TextEdit {
  return { range: { start: position, end: position }, newText };
}

function endOfLine(lines: readonly string[], line: number): Position {
  return { line, character: (lines[line] ?? '').length };
}

/** The indentation of the layer's existing `w`/`b` line, else the header's plus two spaces. */
function layerIndent(lines: readonly string[], layer: LayerSource): string {
  const block = layer.weightsBlock ?? layer.biasesBlock;
  const lineText = block ? lines[block.start.line] ?? '' : '';
  if (block) return lineText.slice(0, block.start.character).match(/^\s*/)?.[0] ?? '  ';
  return ((lines[layer.header.start.line] ?? '').match(/^\s*/)?.[0] ?? '') + '  ';
}

/** `w` and row 1 on one line, each further row k on its own line aligned under the numbers. */
function weightLines(weights: ArrayLike<number>, rows: number, columns: number, indent: string, eol: string): string {
  const out: string[] = [];
  for (let k = 0; k < rows; k++) {
    const row: string[] = [];
    for (let j = 0; j < columns; j++) row.push(formatParameter(weights[k * columns + j]));
    out.push((k === 0 ? `${indent}w ` : `${indent}  `) + row.join(' '));
  }
  return out.join(eol);
}

function biasLine(biases: ArrayLike<number>, indent: string): string {
  return `${indent}b ${Array.from(biases, formatParameter).join(' ')}`;
}
