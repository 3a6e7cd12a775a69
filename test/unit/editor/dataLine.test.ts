import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/core/model/locate';
import type { Range } from '../../../src/core/text/range';
import { dataSetHover } from '../../../src/extension/editor/dataHover';
import { dataSetAt } from '../../../src/extension/editor/dataSetFacts';
import type { EditorState } from '../../../src/extension/editor/editorState';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { lensContents } from '../../../src/extension/editor/lensContent';
import { outlineOf, type OutlineNode } from '../../../src/extension/outline/outlineTree';
import { filesOf, positionOf, rendered, stateWithFiles } from './editorFixture';

/**
 * The editor on a `data` line: its hover (file, rows, columns in the notation, class order,
 * the examples it brings and a table of the first few), its code lens and its outline entry —
 * for a CSV file, a generated set, a file that could not be read, and a file whose cells are
 * Markdown and HTML.
 */

const iris = readFileSync('examples/iris.nnet', 'utf8');
const irisFiles = filesOf({ 'iris.csv': readFileSync('examples/iris.csv', 'utf8') });
const moons = readFileSync('examples/moons.nnet', 'utf8');

function textAtOf(text: string): (r: Range) => string {
  const lines = text.split('\n');
  return (r) => lines[r.start.line].slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined);
}

/** The hover on the `data` line, through `locate` as the provider goes, or dataSetAt when nothing is located. */
function dataHover(text: string, state: EditorState, needle = 'data'): string {
  const position = positionOf(text, 'data', needle);
  const location = locate(state.analysis.source, position);
  if (location) return hoverMarkdown(state, location, textAtOf(text));
  const set = dataSetAt(state.analysis.source, position);
  if (!set) throw new Error('no data line there');
  return dataSetHover(state, set, textAtOf(text));
}

function commands(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
}

/** The table rows of a hover (lines starting with `|`), split on the pipes a renderer splits on. */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
}

function outline(text: string, state: EditorState): OutlineNode[] {
  const lines = text.split('\n');
  const nodes = outlineOf(state.analysis.source, state.analysis.network, {
    get: textAtOf(text),
    lineEnd: (line) => ({ line, character: lines[Math.min(line, lines.length - 1)].length }),
  });
  return nodes.flatMap((node) => [node, ...node.children]).filter((node) => node.kind === 'example');
}

describe('hover on a CSV data line', () => {
  const state = stateWithFiles(iris, irisFiles);
  const hover = dataHover(iris, state);

  it('names the file as written, its rows and the rows taken, and the examples it brings', () => {
    expect(hover).toContain('**data “iris\\.csv”** — 150 examples read from a CSV file, i = 1 … 150');
    expect(rendered(hover)).toContain('File iris.csv: 150 data rows below its header, all taken.');
    expect(hover).toContain('Examples i = 1 … 150 of the m = 150; 30 of them held out for validation');
  });

  it('maps each column to xᵢₖ = a⁽⁰⁾ₖ, and the class column to a one-hot yᵢ', () => {
    expect(rendered(hover)).toContain(
      [
        'xᵢ₁ = a⁽⁰⁾₁ ← column 1 “sepal_length”  ',
        'xᵢ₂ = a⁽⁰⁾₂ ← column 2 “sepal_width”  ',
        'xᵢ₃ = a⁽⁰⁾₃ ← column 3 “petal_length”  ',
        'xᵢ₄ = a⁽⁰⁾₄ ← column 4 “petal_width”  ',
        'yᵢ ← column 5 “species”, one-hot',
      ].join('\n'),
    );
  });

  it('says which output stands for which class', () => {
    expect(hover).toContain('output 1 = setosa (a⁽²⁾₁), output 2 = versicolor (a⁽²⁾₂), output 3 = virginica (a⁽²⁾₃)');
    expect(hover).toContain('so a⁽²⁾ⱼ is the network\'s score for class j');
  });

  it('tabulates the first five examples with row, x, y, cᵢ and which are held out', () => {
    const { engine, network } = state.analysis;
    const rows = tableRows(hover);
    expect(rows[0]).toEqual(['i', 'row', 'x', 'y', 'cᵢ', 'use']);
    expect(rows.slice(2).map((row) => row[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(rows[2].slice(1, 4)).toEqual(['1', '[5.1, 3.5, 1.4, 0.2]', 'setosa [1, 0, 0]']);
    expect(rows[2][4]).toBe(String(Number(engine!.costs[0].toPrecision(6))));
    const heldOut = Array.from(network!.validation!).filter((e) => e < 5);
    expect(heldOut.length).toBeGreaterThan(0);
    rows.slice(2).forEach((row, e) => expect(row[5], `example ${e + 1}`).toBe(heldOut.includes(e) ? '**held out**' : 'training'));
    expect(hover).toContain('… and 145 more');
  });

  it('gives the mean cost of the training and the held-out examples, with the digits setting', () => {
    expect(hover).toMatch(/Mean cᵢ: [\d.]+ over its 120 training examples, [\d.]+ over the 30 held out\./);
    const short = dataHover(iris, stateWithFiles(iris, irisFiles, { example: 0, step: 0 }, 2));
    expect(short).toMatch(/Mean cᵢ: \d(\.\d)? over its 120 training examples, \d(\.\d)? over the 30 held out/);
    expect(tableRows(short)[2][2]).toBe('[5.1, 3.5, 1.4, 0.2]');
  });

  it('is the same anywhere on the line, path included, and links only to tracing its first example', () => {
    expect(dataHover(iris, state, 'iris.csv')).toBe(hover);
    expect(dataHover(iris, state, 'onehot')).toBe(hover);
    expect(commands(hover)).toEqual(['backpropStepper.traceExample']);
    expect(hover).toContain('[Trace its first example]');
  });

  it('names the rows a `rows A-B` line takes, numbering its examples after the example lines before it', () => {
    const text = iris.replace('data "iris.csv" x 1-4 y species onehot', 'example x 1 2 3 4 y 0 1 0\ndata "iris.csv" x 1-4 y species onehot rows 46-105');
    const subset = dataHover(text, stateWithFiles(text, irisFiles));
    expect(rendered(subset)).toContain('150 data rows below its header, rows 46–105 taken.');
    expect(subset).toContain('60 examples read from a CSV file, i = 2 … 61');
    expect(tableRows(subset)[2].slice(0, 4)).toEqual(['2', '46', '[4.8, 3, 1.4, 0.3]', 'setosa [1, 0, 0]']);
  });

  it('without a running engine still shows the file, the columns and the examples, with no cᵢ and no links', () => {
    const broken = iris.replace('layer 1: 5 tanh', 'layer 1: 5 tanh\n  b 1 2');
    const hover = dataHover(broken, stateWithFiles(broken, irisFiles));
    expect(hover).toContain('yᵢ ← column 5 “species”, one-hot');
    expect(hover).toContain('output 1 = setosa (a⁽²⁾₁)');
    expect(hover).toContain('Examples i = 1 … 150.');
    expect(hover).toContain('unavailable until the errors in this spec are fixed');
    expect(commands(hover)).toEqual([]);
    expect(hover).not.toContain('Mean cᵢ');
  });
});

describe('hover on a CSV data line that brought nothing', () => {
  it('says briefly that the file could not be read', () => {
    const state = stateWithFiles(iris, filesOf({}));
    const hover = dataHover(iris, state);
    expect(hover).toBe('**data “iris\\.csv”** — examples read from a CSV file\n\n_The file could not be read, so this line brings no examples (the Problems view says why)._');
  });

  it('says the file was read but the line brings no examples while its columns are wrong', () => {
    const text = iris.replace('x 1-4 y species', 'x 1-3 y species');
    const hover = dataHover(text, stateWithFiles(text, irisFiles));
    expect(hover).toContain('The file has 150 data rows, but this line brings no examples until the problems listed in the Problems view are fixed.');
  });
});

describe('a CSV whose cells are Markdown and HTML', () => {
  const csv = [
    'a*b*,"<script>alert(1)</script>",`tick`,[x](command:evil)',
    '1,2,3,<img src=x onerror=alert(1)>',
    '4,5,6,a|b',
    '7,8,9,*bold* `code` [y](command:workbench.action.terminal.new)',
  ].join('\n');
  const text = 'layer 0: 3 inputs\nlayer 1: 3 softmax\ncost cross-entropy\ndata "we|ird*<b>.csv" x 1-3 y 4 onehot\n';
  const state = stateWithFiles(text, filesOf({ 'we|ird*<b>.csv': csv }));
  const hover = dataHover(text, state);

  it('shows every cell, name and path as the characters they are', () => {
    const shown = rendered(hover);
    expect(shown).toContain('**data “we|ird*<b>.csv”**');
    expect(shown).toContain('column 1 “a*b*”');
    expect(shown).toContain('column 2 “<script>alert(1)</script>”');
    expect(shown).toContain('column 3 “`tick`”');
    expect(shown).toContain('column 4 “[x](command:evil)”, one-hot');
    expect(shown).toContain('output 1 = <img src=x onerror=alert(1)> (a⁽¹⁾₁), output 2 = a|b (a⁽¹⁾₂), output 3 = *bold* `code` [y](command:workbench.action.terminal.new) (a⁽¹⁾₃)');
  });

  it('escapes them: no HTML, emphasis, code span or link reaches the renderer, and only our command is linked', () => {
    expect(hover).not.toMatch(/(^|[^\\])<(script|img|b)/);
    expect(hover).not.toMatch(/(^|[^\\])\*bold/);
    expect(hover).not.toMatch(/(^|[^\\])`(tick|code)/);
    expect(hover).not.toMatch(/(^|[^\\])\[(x|y)\]/);
    expect(commands(hover)).toEqual(['backpropStepper.traceExample']);
  });

  it('keeps the table’s columns: a `|` in a class name is escaped, not a cell boundary', () => {
    const rows = tableRows(hover);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    expect(rows.slice(2).map((row) => rendered(row[3]))).toEqual([
      '<img src=x onerror=alert(1)> [1, 0, 0]',
      'a|b [0, 1, 0]',
      '*bold* `code` [y](command:workbench.action.terminal.new) [0, 0, 1]',
    ]);
  });

  it('names the file in its lens and its outline entry as plain text', () => {
    expect(lensContents(state).map((lens) => lens.title)).toContainEqual(expect.stringMatching(/^examples 1–3 from we\|ird\*<b>\.csv \(rows 1–3\) · mean cᵢ = /));
    expect(outline(text, state).map((node) => `${node.name} — ${node.detail}`)).toEqual(['examples 1–3 — data we|ird*<b>.csv, 3 rows']);
  });
});

describe('hover on a CSV data line of numeric targets', () => {
  it('names each target column as yᵢⱼ, the target of a⁽ᴸ⁾ⱼ', () => {
    const text = 'layer 0: 1 inputs\nlayer 1: 1 linear\ndata "p.csv" x size y price\n';
    const hover = rendered(dataHover(text, stateWithFiles(text, filesOf({ 'p.csv': 'size,price\n1,2\n2,4\n' }))));
    expect(hover).toContain('xᵢ₁ = a⁽⁰⁾₁ ← column 1 “size”  \nyᵢ₁ ← column 2 “price”, the target of a⁽¹⁾₁');
    expect(hover).not.toContain('Classes');
    expect(hover).toContain('| 1 | 1 | [1] | [2] |');
  });
});

describe('hover on a generated data line', () => {
  const state = stateWithFiles(moons, filesOf({}));
  const hover = dataHover(moons, state);

  it('names the generator, its noise and seed, and the classes', () => {
    expect(hover).toContain('**data moons** — 120 examples generated, i = 1 … 120');
    expect(rendered(hover)).toContain('Drawn by the moons generator: noise 0.1, the standard deviation of the Gaussian noise on each input; seed 7.');
    expect(hover).toContain('yᵢ₁ = 0 for upper moon and 1 for lower moon');
    expect(hover).toContain('24 of them held out for validation');
  });

  it('tabulates the first points with their class', () => {
    const rows = tableRows(hover);
    expect(rows[0]).toEqual(['i', 'point', 'x', 'y', 'cᵢ', 'use']);
    expect(rows.slice(2).map((row) => row[3])).toEqual(['upper moon [0]', 'lower moon [1]', 'upper moon [0]', 'lower moon [1]', 'upper moon [0]']);
  });

  it('falls back to the spec’s seed, and says the noise of sine is on the target', () => {
    const text = 'seed 4\nlayer 0: 1 inputs\nlayer 1: 4 tanh\nlayer 2: 1 linear\ndata sine 20 noise 0.05  # seed 9 is a comment\n';
    const sine = rendered(dataHover(text, stateWithFiles(text, filesOf({}))));
    expect(sine).toContain('noise 0.05, the standard deviation of the Gaussian noise on the target; seed 4, the spec\'s.');
    expect(sine).toContain('yᵢ₁ = sin xᵢ₁ plus the noise, the target of a⁽²⁾₁');
    expect(sine).not.toContain('use');
  });

  it('gives one output per class for a two-output network', () => {
    const text = 'layer 0: 2 inputs\nlayer 1: 2 softmax\ncost cross-entropy\ndata xor 8\n';
    const xor = dataHover(text, stateWithFiles(text, filesOf({})));
    expect(xor).toContain('output 1 = same signs (a⁽¹⁾₁), output 2 = opposite signs (a⁽¹⁾₂)');
    expect(rendered(xor)).toContain('no noise; seed 1, the spec\'s.');
  });
});

describe('code lenses of data lines', () => {
  it('a CSV line: its examples, file and rows, the mean cᵢ, the split in the tooltip, and Trace its first example', () => {
    const state = stateWithFiles(iris, irisFiles);
    const line = positionOf(iris, 'data', 'data').line;
    const lenses = lensContents(state).filter((lens) => lens.range.start.line === line);
    expect(lenses.map((lens) => lens.title)).toEqual([expect.stringMatching(/^examples 1–150 from iris\.csv \(rows 1–150\) · mean cᵢ = [\d.]+$/), 'Trace its first example']);
    const costs = state.analysis.engine!.costs;
    const mean = costs.reduce((sum, c) => sum + c, 0) / costs.length;
    expect(lenses[0].title.endsWith(`= ${Number(mean.toPrecision(6))}`)).toBe(true);
    expect(lenses[0].tooltip).toMatch(/^The 150 examples read from iris\.csv, data rows 1–150, and the mean of their costs; 30 of them are held out for validation/);
    expect(lenses[1].args).toEqual([state.uri, 0]);
  });

  it('a generated line keeps its title, and its tooltip gives the split', () => {
    const lenses = lensContents(stateWithFiles(moons, filesOf({})));
    expect(lenses.map((lens) => lens.title)).toContainEqual(expect.stringMatching(/^examples 1–120 · mean cᵢ = [\d.]+$/));
    expect(lenses.find((lens) => lens.title.startsWith('examples'))!.tooltip).toMatch(/generates, and the mean of their costs; 24 of them are held out/);
  });

  it('while the spec has errors, a data line keeps one lens for its examples, not one per example', () => {
    const broken = moons.replace('layer 1: 8 tanh', 'layer 1: 8 tanh\n  b 1');
    const line = positionOf(broken, 'data', 'data').line;
    const titles = lensContents(stateWithFiles(broken, filesOf({}))).filter((lens) => lens.range.start.line === line).map((lens) => lens.title);
    expect(titles).toEqual(['examples 1–120: no numbers until the errors are fixed']);
  });

  it('a file that could not be read keeps one placeholder lens, so the lines below do not jump', () => {
    const line = positionOf(iris, 'data', 'data').line;
    const lenses = lensContents(stateWithFiles(iris, filesOf({}))).filter((lens) => lens.range.start.line === line);
    expect(lenses.map((lens) => [lens.title, lens.command])).toEqual([['data: no numbers until the errors are fixed', null]]);
  });
});
