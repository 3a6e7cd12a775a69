/**
 * Quick fixes for problems of shape, each one edit of the spec's text:
 *
 * - `weights-row-count`: a `w` with too few rows gets the missing rows, each of n_ℓ numbers —
 *   the weights the seed gives those rows when the layer leaves its `w` out (zeros when those
 *   numbers are not determined yet); a `w` with too many loses the extra rows, whole lines with
 *   their comments; a `w` written on one line is broken into its rows.
 * - `no-examples`: an example of the right shape is added at the end of the spec: n_0 zeros as
 *   its inputs and n_L targets (zeros, or 1 then zeros for a cost that needs a distribution).
 * - `example-inputs-length`, `example-targets-length`: the example's `x` or `y` is brought to
 *   n_0 or n_L numbers, by adding zeros after its last number (or the missing `x`/`y` with its
 *   numbers) or by removing the numbers past the last one it needs.
 *
 * The sizes come from the spec's shape (completion/specShape.ts), the positions from the parse's
 * SpecSource; the extension offers each fix beside its problem (extension/diagnostics/
 * quickFixes.ts), and applying it is one edit that one Undo reverts.
 */
import type { Diagnostic, Fix } from '../diagnostics';
import { seededWeights } from '../completion/seededWeights';
import { defaultTargets, weightRows } from '../completion/snippets';
import { exampleShape, lineAt, readShape, type SpecShape } from '../completion/specShape';
import type { ExampleSource, SpecSource } from '../model/source';
import { counted, weightsSymbol } from '../parser/notation';
import { containsPosition, spanAt, spanCount, type Position, type Range } from '../text/range';
import { EXACT_DIGITS } from './gradientStep';

export interface ShapeFixOptions {
  /** Significant digits of the seeded weights a fix writes (Apply Gradient Step's setting); exact by default. */
  readonly digits?: number;
}

/** The codes these fixes answer. */
export const SHAPE_FIX_CODES: ReadonlySet<string> = new Set(['weights-row-count', 'no-examples', 'example-inputs-length', 'example-targets-length']);

/**
 * The fix for `problem`, found in `text` as parsed into `source`; undefined when the problem is
 * not one of SHAPE_FIX_CODES or its sizes are not known (a layer header with errors).
 */
export function shapeFix(text: string, source: SpecSource, problem: Diagnostic, options: ShapeFixOptions = {}): Fix | undefined {
  if (!SHAPE_FIX_CODES.has(problem.code)) return undefined;
  const shape = readShape(text);
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  switch (problem.code) {
    case 'weights-row-count':
      return rowsFix(text, shape, source, problem.range.start, eol, options.digits ?? EXACT_DIGITS);
    case 'no-examples':
      return newExampleFix(text, shape, eol);
    default:
      return exampleLengthFix(shape, source, problem, problem.code === 'example-inputs-length' ? 'x' : 'y');
  }
}

function rowsFix(text: string, shape: SpecShape, source: SpecSource, at: Position, eol: string, digits: number): Fix | undefined {
  const index = source.layers.findIndex((layer) => layer.weightsBlock !== null && containsPosition(layer.weightsBlock, at));
  if (index < 1 || index >= shape.layers.length) return undefined;
  const layer = source.layers[index];
  const needed = shape.layers[index - 1].size;
  const columns = shape.layers[index].size;
  if (needed === null || columns === null || layer.weights === null || layer.weightsBlock === null) return undefined;
  const starts = layer.weightRows ?? new Int32Array(0);
  const rows = starts.length;
  const count = spanCount(layer.weights);
  const symbol = weightsSymbol(shape.layers[index].label);
  const keywordLine = layer.weightsBlock.start.line;
  const indent = `${leadingSpace(lineAt(text, keywordLine) ?? '')}  `;
  if (rows === 1 && needed > 1 && count === needed * columns) {
    // Every weight on the `w` line: each run of n_ℓ numbers becomes a row, the numbers as written.
    const words = Array.from({ length: count }, (_, i) => slice(text, spanAt(layer.weights!, i)));
    const lines = Array.from({ length: needed }, (_, k) => words.slice(k * columns, (k + 1) * columns).join(' '));
    const range = { start: spanAt(layer.weights, 0).start, end: spanAt(layer.weights, count - 1).end };
    return { title: `Put each row of ${symbol} on a line of its own`, range, newText: lines.join(eol + indent) };
  }
  if (rows < needed) {
    const seeded = seededWeights(shape, index);
    const all = weightRows(seeded ?? new Float64Array(needed * columns), needed, columns, digits).slice(rows);
    // After the last row's line, comments included, or after the `w` line when it has no rows.
    const line = rows === 0 ? keywordLine : spanAt(layer.weights, count - 1).start.line;
    const end = endOfLine(text, line);
    const what = seeded !== null ? 'seeded weights' : 'zeros';
    return { title: `Add ${counted(needed - rows, 'row')} of ${what} to ${symbol}`, range: { start: end, end }, newText: all.map((row) => eol + indent + row).join('') };
  }
  if (rows > needed) {
    // From the end of the last line kept to the end of the last row's line: whole lines go.
    const keptEnd = endOfLine(text, spanAt(layer.weights, starts[needed] - 1).start.line);
    const lastEnd = endOfLine(text, spanAt(layer.weights, count - 1).start.line);
    const extra = rows - needed;
    return { title: `Remove the ${extra === 1 ? 'extra row' : `${extra} extra rows`} of ${symbol}`, range: { start: keptEnd, end: lastEnd }, newText: '' };
  }
  return undefined;
}

function newExampleFix(text: string, shape: SpecShape, eol: string): Fix | undefined {
  const sizes = exampleShape(shape);
  if (sizes === null) return undefined;
  const line = `example x ${new Array<string>(sizes.inputs).fill('0').join(' ')} y ${defaultTargets(sizes.outputs, shape.cost).join(' ')}`;
  const end = endOfText(text);
  // On the spec's last line when it is empty (the text ends with a line break), else on a new one.
  const newText = end.character === 0 && end.line > 0 ? line + eol : eol + line;
  return { title: `Add an example with ${counted(sizes.inputs, 'input')} and ${counted(sizes.outputs, 'target')}`, range: { start: end, end }, newText };
}

function exampleLengthFix(shape: SpecShape, source: SpecSource, problem: Diagnostic, part: 'x' | 'y'): Fix | undefined {
  const sizes = exampleShape(shape);
  const number = source.examples.findIndex((example) => example.origin === undefined && containsPosition(example.line, problem.range.start));
  if (sizes === null || number < 0) return undefined;
  const example: ExampleSource = source.examples[number];
  const size = part === 'x' ? sizes.inputs : sizes.outputs;
  const spans = example[part];
  const count = spanCount(spans);
  const noun = part === 'x' ? 'input' : 'target';
  const whose = `example ${number + 1}`;
  if (count > size) {
    const range = { start: spanAt(spans, size - 1).end, end: spanAt(spans, count - 1).end };
    const extra = count - size;
    return { title: `Remove the ${extra === 1 ? `extra ${noun}` : `${extra} extra ${noun}s`} of ${whose}`, range, newText: '' };
  }
  const missing = size - count;
  const zeros = (n: number) => new Array<string>(n).fill('0').join(' ');
  const title = `Add ${counted(missing, noun)} to ${whose}`;
  if (count > 0) return insertAt(spanAt(spans, count - 1).end, ` ${zeros(missing)}`, title);
  const keywordMissing = samePosition(problem.range.start, example.line.start);
  if (!keywordMissing) return insertAt(problem.range.end, ` ${zeros(missing)}`, title);
  // No `x` (its numbers go right after `example`) or no `y` (at the end of the example).
  if (part === 'x') return insertAt(problem.range.end, ` x ${zeros(missing)}`, title);
  return insertAt(example.line.end, ` y ${defaultTargets(size, shape.cost).join(' ')}`, title);
}

function insertAt(position: Position, newText: string, title: string): Fix {
  return { title, range: { start: position, end: position }, newText };
}

function samePosition(p: Position, q: Position): boolean {
  return p.line === q.line && p.character === q.character;
}

function slice(text: string, range: Range): string {
  return (lineAt(text, range.start.line) ?? '').slice(range.start.character, range.end.character);
}

function leadingSpace(line: string): string {
  return /^\s*/.exec(line)![0];
}

function endOfLine(text: string, line: number): Position {
  return { line, character: (lineAt(text, line) ?? '').length };
}

/** The position just past the last character of the text. */
function endOfText(text: string): Position {
  let line = 0;
  let lineStart = 0;
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    line++;
    lineStart = match.index + match[0].length;
  }
  return { line, character: text.length - lineStart };
}
