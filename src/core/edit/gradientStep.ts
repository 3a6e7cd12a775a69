/**
 * Apply Gradient Step as text: the edits that turn a spec into the same spec after one step of
 * gradient descent, w ← w − η ∂c/∂w and b ← b − η ∂c/∂b, for every weight and bias.
 *
 * Only the numbers change: each is replaced where it stands, so layout, alignment of other
 * lines and comments stay as the person wrote them. A layer whose `w` or `b` the spec left
 * out (initialised from the seed) gets the lines inserted, because after a step the values no
 * longer follow from the seed. The extension applies all edits as one edit, so a single Undo
 * takes the step back.
 *
 * Each new number is written rounded to `digits` significant digits (the extension passes the
 * `backpropStepper.applyDigits` setting, default 6): a stepped spec should stay as readable as
 * a worked example. EXACT_DIGITS (17) writes the exact double instead, in its shortest form that
 * reads back to the same double, for people who want the exact trajectory of gradient descent.
 */
import type { Updated } from '../engine/types';
import type { Network } from '../model/network';
import type { LayerSource, SpecSource } from '../model/source';
import { spanAt, spanCount, type Position, type Range } from '../text/range';

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Digits that write every double exactly (its shortest round-trip form): no rounding at all. */
export const EXACT_DIGITS = 17;

export interface GradientStepOptions {
  /** Significant digits of each number written, 1–17; EXACT_DIGITS (the default) rounds nothing. */
  readonly digits?: number;
}

/**
 * `value` rounded to `digits` significant digits (1–17), as the double the written text reads
 * back as. At EXACT_DIGITS, and wherever rounding would overflow (the largest doubles rounded
 * to one digit), the value itself.
 */
export function roundToDigits(value: number, digits: number): number {
  const d = clampApplyDigits(digits);
  if (d >= EXACT_DIGITS || !Number.isFinite(value) || value === 0) return value;
  const rounded = Number(value.toPrecision(d));
  return Number.isFinite(rounded) ? rounded : value;
}

/** Whole digits from 1 to EXACT_DIGITS; anything else (NaN, 0, 40) is brought into that range. */
export function clampApplyDigits(digits: number): number {
  return Number.isFinite(digits) ? Math.min(EXACT_DIGITS, Math.max(1, Math.round(digits))) : EXACT_DIGITS;
}

/**
 * A new parameter as Apply writes it: rounded to `digits` significant digits, then written
 * like a worked example — `0.358916`, `-0.0226`, `0.000000123` — with an ASCII minus (the
 * parser reads it back), no exponent for ordinary magnitudes and no trailing zeros.
 */
export function formatAppliedParameter(value: number, digits: number = EXACT_DIGITS): string {
  return formatParameter(roundToDigits(value, digits));
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
 * @param options `digits`: significant digits of each number written (default EXACT_DIGITS)
 */
export function gradientStepEdits(text: string, network: Network, source: SpecSource, updated: Updated, options: GradientStepOptions = {}): TextEdit[] {
  const digits = options.digits ?? EXACT_DIGITS;
  const write = (value: number) => formatAppliedParameter(value, digits);
  // Lines end where the scanner ends them (\n, \r\n or a lone \r), so a range it gave names the
  // same place here; new lines take the ending of the spec's first line.
  const lines = text.split(LINE_END);
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const edits: TextEdit[] = [];
  for (let l = 1; l < network.layers.length; l++) {
    const layer = network.layers[l];
    const layerSource = source.layers[l];
    if (!layerSource) continue;
    const newW = updated.w[l];
    const newB = updated.b[l];
    if (layerSource.weights) {
      const count = spanCount(layerSource.weights);
      for (let i = 0; i < count; i++) edits.push({ range: spanAt(layerSource.weights, i), newText: write(newW[i]) });
    }
    if (layerSource.biases) {
      const count = spanCount(layerSource.biases);
      for (let i = 0; i < count; i++) edits.push({ range: spanAt(layerSource.biases, i), newText: write(newB[i]) });
    }
    const indent = layerIndent(lines, layerSource);
    if (!layerSource.weights) {
      // `w` goes first in a layer: right after the header line, before any `b` already there.
      const inserted = eol + weightLines(newW, network.layers[l - 1].size, layer.size, indent, eol, write);
      const bAlsoMissing = !layerSource.biases;
      const tail = bAlsoMissing ? eol + biasLine(newB, indent, write) : '';
      edits.push(insertion(endOfLine(lines, layerSource.header.start.line), inserted + tail));
    } else if (!layerSource.biases) {
      edits.push(insertion(endOfLine(lines, layerSource.lastLine), eol + biasLine(newB, indent, write)));
    }
  }
  return edits;
}

/** A line ending as the scanner and VS Code read one. */
const LINE_END = /\r\n|\r|\n/;

/** Applies edits to a text (for tests and the CLI); edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') lineStarts.push(i + 1);
  }
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
function weightLines(weights: ArrayLike<number>, rows: number, columns: number, indent: string, eol: string, write: (value: number) => string): string {
  const out: string[] = [];
  for (let k = 0; k < rows; k++) {
    const row: string[] = [];
    for (let j = 0; j < columns; j++) row.push(write(weights[k * columns + j]));
    out.push((k === 0 ? `${indent}w ` : `${indent}  `) + row.join(' '));
  }
  return out.join(eol);
}

function biasLine(biases: ArrayLike<number>, indent: string, write: (value: number) => string): string {
  return `${indent}b ${Array.from(biases, write).join(' ')}`;
}
