import type { Network } from '../../core/model/network';
import type { ExampleOrigin, SpecSource } from '../../core/model/source';
import { range, spanAt, spanCount, type PackedSpans, type Position, type Range } from '../../core/text/range';

/**
 * The outline of a spec — network, settings, layers (with w⁽ℓ⁾ and b⁽ℓ⁾), examples — as plain
 * data, built from where the parser located each part. Kept free of the editor so it is tested
 * directly; symbols.ts turns it into DocumentSymbols for the Outline view and breadcrumbs.
 */
export type OutlineKind = 'network' | 'setting' | 'layer' | 'weights' | 'biases' | 'example';

export interface OutlineNode {
  readonly kind: OutlineKind;
  readonly name: string;
  readonly detail: string;
  /** Everything the entry covers (a layer: its header through its last `w`/`b` line). */
  readonly range: Range;
  /** What to select when the entry is picked: inside `range`. */
  readonly selection: Range;
  readonly children: readonly OutlineNode[];
}

/** Reads the document the source was parsed from. */
export interface OutlineText {
  get(range: Range): string;
  /** The end of line `line` (the last line of the document when past it). */
  lineEnd(line: number): Position;
}

/** Numbers shown in an example's detail before it is cut short with "…". */
const SHOWN_NUMBERS = 4;

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** ℓ as a superscript in parentheses, as in w⁽²⁾. */
export function layerSuperscript(layer: number): string {
  return `⁽${String(layer).replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)])}⁾`;
}

/**
 * The outline. When the spec has a `network "…"` line, everything hangs under the network,
 * so breadcrumbs read "name › layer 1: 2 sigmoid › w⁽¹⁾"; otherwise the entries are top level.
 * `network` (null while the spec has errors) only adds details; names come from the text.
 */
export function outlineOf(source: SpecSource, network: Network | null, text: OutlineText): OutlineNode[] {
  const entries: OutlineNode[] = [];
  if (source.cost) entries.push(setting('cost', text.get(source.cost.value), source.cost));
  if (source.learningRate) entries.push(setting('learning-rate', `η = ${text.get(source.learningRate.value)}`, source.learningRate));
  if (source.seed) entries.push(setting('seed', text.get(source.seed.value), source.seed));
  if (source.steps) entries.push(setting('steps', `N = ${text.get(source.steps.value)}`, source.steps));
  if (source.batchSize) entries.push(setting('batch-size', `B = ${text.get(source.batchSize.value)}`, source.batchSize));
  if (source.shuffle) entries.push(setting('shuffle', text.get(source.shuffle.value), source.shuffle));
  source.layers.forEach((_, l) => entries.push(layerNode(source, network, l, text)));
  for (let i = 0; i < source.examples.length; i++) {
    const example = source.examples[i];
    const origin = example.origin;
    entries.push({
      kind: 'example',
      name: origin ? `examples ${i + 1}–${i + origin.count}` : `example ${i + 1}`,
      detail: origin ? dataDetail(source, i, origin) : `x ${numbers(example.x, text)}  y ${numbers(example.y, text)}`,
      range: example.line,
      selection: keyword(example.line, origin ? 'data'.length : 'example'.length),
      children: [],
    });
    // A data set is one entry, at its first example: its examples share its line, and the
    // others are skipped unread.
    if (origin) i += origin.count - origin.index;
  }
  // A data line that brought no example (its file unreadable, its columns wrong) still has an
  // entry, so the outline does not lose the line while the Problems view explains it.
  for (const set of source.dataSets ?? []) {
    if (set.count > 0) continue;
    const what = set.kind === 'csv' ? `${set.path}, ${set.rowCount === null ? 'not read' : 'no examples'}` : `${set.name}, no examples`;
    entries.push({ kind: 'example', name: 'data', detail: what, range: set.line, selection: keyword(set.line, 'data'.length), children: [] });
  }
  entries.sort((a, b) => compare(a.range.start, b.range.start));
  if (!source.network) return entries;

  const name = network?.name ?? quoted(text.get(source.network)) ?? 'network';
  const ends = [source.network.end, ...entries.map((entry) => entry.range.end)];
  const starts = [source.network.start, ...entries.map((entry) => entry.range.start)];
  return [
    {
      kind: 'network',
      name: name.trim() === '' ? 'network' : name,
      detail: network ? `L = ${network.layers.length - 1}, m = ${network.examples.length}` : '',
      range: { start: starts.reduce(earliest), end: ends.reduce(latest) },
      selection: source.network,
      children: entries,
    },
  ];
}

/**
 * "data moons, 120 generated", or for a CSV file "data iris.csv, 150 rows" — "rows 11–20 of
 * 150" when the line takes only some — with the path as the spec writes it.
 */
function dataDetail(source: SpecSource, first: number, origin: ExampleOrigin): string {
  if (origin.kind === 'generated') return `data ${origin.name}, ${origin.count} generated`;
  const set = source.dataSets?.find((candidate) => candidate.first === first && candidate.count > 0);
  if (set?.kind !== 'csv' || set.rows === null || set.rowCount === null) return `data ${origin.name}, ${origin.count} rows`;
  const all = set.rows.first === 1 && set.rows.last === set.rowCount;
  return all ? `data ${origin.name}, ${set.rowCount} rows` : `data ${origin.name}, rows ${set.rows.first}–${set.rows.last} of ${set.rowCount}`;
}

function setting(name: string, detail: string, where: { line: Range; value: Range }): OutlineNode {
  return { kind: 'setting', name, detail, range: where.line, selection: where.value, children: [] };
}

function layerNode(source: SpecSource, network: Network | null, l: number, text: OutlineText): OutlineNode {
  const layer = source.layers[l];
  const shape = network?.layers[l];
  const end = latest(layer.header.end, text.lineEnd(layer.lastLine));
  const children: OutlineNode[] = [];
  const inputs = network?.layers[l - 1]?.size;
  if (layer.weights && layer.weightsBlock) {
    const size = shape && inputs !== undefined ? `${inputs} × ${shape.size}` : `${spanCount(layer.weights)} numbers`;
    children.push(block('weights', `w${layerSuperscript(l)}`, size, layer.weightsBlock));
  }
  if (layer.biases && layer.biasesBlock) {
    const size = shape ? `${shape.size}` : `${spanCount(layer.biases)} numbers`;
    children.push(block('biases', `b${layerSuperscript(l)}`, size, layer.biasesBlock));
  }
  const name = shape ? `layer ${l}: ${shape.size} ${shape.activation ?? 'inputs'}` : headerText(text.get(layer.header));
  const parameters = shape && inputs !== undefined ? inputs * shape.size + shape.size : null;
  const detail = l === 0 ? 'inputs' : parameters === null ? '' : `${parameters} parameters${layer.weights ? '' : ', w from the seed'}`;
  return { kind: 'layer', name, detail, range: { start: layer.header.start, end }, selection: layer.header, children };
}

function block(kind: 'weights' | 'biases', name: string, detail: string, where: Range): OutlineNode {
  return { kind, name, detail, range: where, selection: keyword(where, 1), children: [] };
}

/** The keyword at the start of `where` (`w`, `b`, `example`), clipped to `where`. */
function keyword(where: Range, length: number): Range {
  const { line, character } = where.start;
  const end = where.end.line === line ? Math.min(where.end.character, character + length) : character + length;
  return range(line, character, end);
}

/** "layer 1:  2 sigmoid   # comment" → "layer 1: 2 sigmoid". */
function headerText(header: string): string {
  return header.replace(/#.*/, '').replace(/\s+/g, ' ').replace(/\s*:\s*/, ': ').trim() || 'layer';
}

function quoted(line: string): string | null {
  const match = /"((?:[^"\\]|\\.)*)"?/.exec(line);
  return match ? match[1].replace(/\\(.)/g, '$1') : null;
}

function numbers(spans: PackedSpans, text: OutlineText): string {
  const count = spanCount(spans);
  const shown = Array.from({ length: Math.min(count, SHOWN_NUMBERS) }, (_, i) => text.get(spanAt(spans, i)));
  return `(${shown.join(', ')}${count > SHOWN_NUMBERS ? ', …' : ''})`;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function earliest(a: Position, b: Position): Position {
  return compare(a, b) <= 0 ? a : b;
}

function latest(a: Position, b: Position): Position {
  return compare(a, b) >= 0 ? a : b;
}
