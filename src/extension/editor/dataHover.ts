import { GENERATORS, isGeneratorName } from '../../core/data/generators';
import type { CsvDataSource, DataSetSource, GeneratedDataSource } from '../../core/model/source';
import type { Network } from '../../core/model/network';
import { a, formatNumber, subscriptsText, thousands, type Index } from '../../core/notation';
import type { Range } from '../../core/text/range';
import { Command } from '../commandIds';
import type { EditorState } from './editorState';
import { examplesTable } from './dataHoverTable';
import { heldOutCount, setCosts } from './dataSetFacts';
import { blocks, heading, lines } from './hoverParts';
import { commandLink, escapeMarkdown } from './markdownEscape';

/**
 * The hover of a `data` line: where its examples come from and what they are in the article's
 * notation. For a CSV file: the path as written, its rows and the rows taken, which column
 * becomes which xᵢₖ = a⁽⁰⁾ₖ and yᵢ, and for `onehot` which output a⁽ᴸ⁾ⱼ stands for which class
 * (the classes are numbered as they first appear, so that order is not obvious from the file).
 * For a generated set: its generator, noise and seed, and its classes. Then the examples it
 * brings, their mean cost, and a table of the first few.
 *
 * Everything copied from the spec or the file — the path, column names, class names, the
 * noise and seed words — goes through escapeMarkdown: a CSV is as untrusted as the spec, and
 * the hover may run our commands. The caller adds "no numbers because …" when the engine did
 * not run (hoverContent.ts), as for every other hover.
 */

/** Columns and classes listed one by one up to this many; past it the middle is elided. */
const LISTED = 8;

/**
 * The hover for `set`. `textAt` reads the spec's text: only a generated line's own `noise` and
 * `seed` words are read (the source keeps no numbers for them), and shown escaped.
 */
export function dataSetHover(state: EditorState, set: DataSetSource, textAt: (range: Range) => string): string {
  const network = state.analysis.engine?.network ?? state.analysis.network;
  const L = outputLayer(state, network);
  if (set.count === 0) return blocks(heading(setName(set), set.kind === 'csv' ? 'examples read from a CSV file' : 'generated examples'), emptyNote(set));
  const described = set.kind === 'csv' ? csvParts(set, L) : generatedParts(set, network, L, textAt(set.line));
  const last = set.first + set.count;
  return blocks(
    heading(setName(set), `${thousands(set.count)} example${set.count === 1 ? '' : 's'} ${set.kind === 'csv' ? 'read from a CSV file' : 'generated'}, i = ${set.first + 1} … ${last}`),
    ...described,
    examplesParagraph(state, network, set),
    network ? examplesTable(state, network, set, classesOf(set)) : null,
    state.analysis.engine
      ? commandLink('Trace its first example', Command.traceExample, [state.uri, set.first], `Step through example ${set.first + 1} in the panel`)
      : null,
  );
}

/** `data “iris.csv”` or `data moons`: the line as it names its source. */
function setName(set: DataSetSource): string {
  return set.kind === 'csv' ? `data “${escapeMarkdown(set.path)}”` : `data ${escapeMarkdown(set.name)}`;
}

/** L as a number when the layers are known, else the letter: a⁽ᴸ⁾ⱼ reads right either way. */
function outputLayer(state: EditorState, network: Network | null): Index {
  if (network) return network.layers.length - 1;
  const layers = state.analysis.source.layers.length;
  return layers > 1 ? layers - 1 : 'L';
}

/** Why a line brought no examples: the Problems view has the details, so this stays one sentence. */
function emptyNote(set: DataSetSource): string {
  if (set.kind === 'csv' && set.rowCount === null) return '_The file could not be read, so this line brings no examples (the Problems view says why)._';
  const rows = set.kind === 'csv' && set.rowCount !== null ? `The file has ${thousands(set.rowCount)} data rows, but this` : 'This';
  return `_${rows} line brings no examples until the problems listed in the Problems view are fixed._`;
}

function csvParts(set: CsvDataSource, L: Index): string[] {
  const rowCount = set.rowCount ?? 0;
  const taken = set.rows === null || (set.rows.first === 1 && set.rows.last === rowCount)
    ? 'all taken'
    : `rows ${set.rows.first}–${set.rows.last} taken`;
  const file = `File ${escapeMarkdown(set.path)}: ${thousands(rowCount)} data row${rowCount === 1 ? '' : 's'} below its header, ${taken}.`;
  const inputs = set.x.map((column, q) => `x${subscriptsText('i', q + 1)} = ${a(0, q + 1).text} ← ${columnText(column)}`);
  const targets = set.classes
    ? set.y.map((column) => `yᵢ ← ${columnText(column)}, one-hot`)
    : set.y.map((column, q) => `y${subscriptsText('i', q + 1)} ← ${columnText(column)}, the target of ${a(L, q + 1).text}`);
  return [file, lines(...elide([...inputs, ...targets])), set.classes ? classOrder(set.classes, L, 'in the order they first appear in the rows taken') : ''];
}

/** “column 1 “sepal_length””: the number counts from 1 as a spreadsheet does; the header name is file text. */
function columnText(column: { readonly number: number; readonly name: string }): string {
  return column.name === '' ? `column ${column.number}` : `column ${column.number} “${escapeMarkdown(column.name)}”`;
}

/**
 * "output 1 = setosa (a⁽²⁾₁), …": which output neuron stands for which class. A row of class j
 * has yᵢⱼ = 1 and every other target 0, so a⁽ᴸ⁾ⱼ is the network's score for class j.
 */
function classOrder(classes: readonly string[], L: Index, why: string): string {
  const outputs = classes.map((name, j) => `output ${j + 1} = ${escapeMarkdown(name)} (${a(L, j + 1).text})`);
  return `Classes, ${why}: ${elide(outputs).join(', ')}. An example of class j has yᵢⱼ = 1 and 0 for the other outputs, so ${a(L, 'j').text} is the network's score for class j.`;
}

function generatedParts(set: GeneratedDataSource, network: Network | null, L: Index, lineText: string): string[] {
  const name = isGeneratorName(set.name) ? set.name : null;
  const info = name ? GENERATORS[name] : null;
  const noise = wordAfter(lineText, 'noise');
  const seed = wordAfter(lineText, 'seed');
  const noiseText = noise === null ? 'no noise' : `noise ${escapeMarkdown(noise)}, the standard deviation of the Gaussian noise on ${name === 'sine' ? 'the target' : 'each input'}`;
  // Without its own seed a line draws from the spec's seed (core/data/generators.ts).
  const seedText = seed !== null ? `seed ${escapeMarkdown(seed)}` : network ? `seed ${network.seed}, the spec's` : "the spec's seed";
  const inputs = info ? Array.from({ length: info.inputs }, (_, q) => `x${subscriptsText('i', q + 1)} = ${a(0, q + 1).text}`).join(', ') : '';
  const parts = [`Drawn by the ${escapeMarkdown(set.name)} generator: ${noiseText}; ${seedText}.`];
  if (name === 'sine') parts.push(`${inputs}, uniform in [−π, π); yᵢ₁ = sin xᵢ₁${noise === null ? '' : ' plus the noise'}, the target of ${a(L, 1).text}.`);
  else if (info?.classes) {
    parts.push(`${inputs}: the point's coordinates. The classes alternate: example i has class (i − 1) mod 2.`);
    const outputs = network ? network.layers[network.layers.length - 1].size : null;
    parts.push(outputs === 1
      ? `yᵢ₁ = 0 for ${escapeMarkdown(info.classes[0])} and 1 for ${escapeMarkdown(info.classes[1])}: ${a(L, 1).text} is the network's belief in ${escapeMarkdown(info.classes[1])}.`
      : classOrder(info.classes, L, 'one output each'));
  }
  return parts;
}

/**
 * The word after `keyword` on the line, outside any comment: "data moons 120 noise 0.1" gives
 * "0.1" for noise. The parser accepted the line, so the word is the number it read.
 */
function wordAfter(lineText: string, keyword: string): string | null {
  const code = lineText.replace(/#.*/, '');
  const match = new RegExp(`(?:^|\\s)${keyword}\\s+(\\S+)`).exec(code);
  return match ? match[1] : null;
}

/** The examples' numbers, the held-out part and the mean costs. */
function examplesParagraph(state: EditorState, network: Network | null, set: DataSetSource): string {
  const engine = state.analysis.engine;
  const m = network ? network.examples.length : null;
  const heldOut = heldOutCount(network, set.first, set.count);
  const range = `Examples i = ${set.first + 1} … ${set.first + set.count}${m === null ? '' : ` of the m = ${thousands(m)}`}`;
  const split = heldOut > 0 ? `; ${thousands(heldOut)} of them held out for validation (costed, never in the gradient or c)` : '';
  if (!engine) return `${range}${split}.`;
  const costs = setCosts(engine, set.first, set.count);
  const d = state.digits;
  const mean = costs.heldOut === null
    ? `Mean cᵢ over them: ${formatNumber(costs.all, d)}.`
    : `Mean cᵢ: ${costs.training === null ? '—' : formatNumber(costs.training, d)} over its ${thousands(set.count - costs.heldOutCount)} training examples, ${formatNumber(costs.heldOut, d)} over the ${thousands(costs.heldOutCount)} held out.`;
  return lines(`${range}${split}.`, mean);
}

/** The class names the set's targets stand for, to name each example's class in the table. */
function classesOf(set: DataSetSource): readonly string[] | null {
  if (set.kind === 'csv') return set.classes;
  return isGeneratorName(set.name) ? GENERATORS[set.name].classes : null;
}

/** At most LISTED items: the first few, "…", and the last, so 784 pixel columns stay a short hover. */
function elide(items: readonly string[]): string[] {
  if (items.length <= LISTED) return [...items];
  return [...items.slice(0, LISTED - 2), `… ${items.length - (LISTED - 1)} more`, items[items.length - 1]];
}
