import { describe, expect, it } from 'vitest';
import type { DataFiles } from '../../../src/core/data/files';
import { runEngine } from '../../../src/core/engine/run';
import { locate } from '../../../src/core/model/locate';
import type { CsvDataSource } from '../../../src/core/model/source';
import { parseSpec } from '../../../src/core/parser/parse';
import { readSizes } from '../../../src/core/parser/sizes';

/**
 * `data "FILE.csv" x … y …` in a spec: the line's syntax, the file read through the host's
 * DataFiles, its rows numbered among the `example` lines in order of appearance, each example
 * knowing its file and row, and where each kind of problem is shown.
 */

/** A host whose files are strings: `id` is the path prefixed, so a test can tell it from the path. */
function filesOf(contents: Record<string, string>): DataFiles & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read(path) {
      reads.push(path);
      const text = contents[path];
      return text === undefined ? { kind: 'problem', id: `/data/${path}`, message: `cannot find \`${path}\`` } : { kind: 'text', text, id: `/data/${path}` };
    },
  };
}

const IRIS_LIKE = `a,b,species
5.1,3.5,setosa
7.0,3.2,versicolor
6.3,3.3,virginica
4.9,3.0,setosa
`;

const SPEC = `layer 0: 2 inputs
layer 1: 3 softmax
cost cross-entropy
example x 1 2 y 0 0 1
data "flowers.csv" x 1-2 y species onehot
example x 3 4 y 1 0 0
`;

describe('a CSV data line', () => {
  const files = filesOf({ 'flowers.csv': IRIS_LIKE });
  const { network, source, diagnostics, files: read } = parseSpec(SPEC, { files });

  it('numbers the rows among the example lines, in order of appearance', () => {
    expect(diagnostics).toEqual([]);
    expect(network!.examples.map((e) => Array.from(e.x))).toEqual([[1, 2], [5.1, 3.5], [7, 3.2], [6.3, 3.3], [4.9, 3], [3, 4]]);
  });

  it('one-hot encodes the class column in order of first appearance', () => {
    expect(network!.examples.slice(1, 5).map((e) => Array.from(e.y))).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]);
    const set = source.dataSets![0] as CsvDataSource;
    expect(set.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(set.x).toEqual([{ number: 1, name: 'a' }, { number: 2, name: 'b' }]);
    expect(set.y).toEqual([{ number: 3, name: 'species' }]);
    expect(set).toMatchObject({ kind: 'csv', path: 'flowers.csv', id: '/data/flowers.csv', first: 1, count: 4, rowCount: 4, rows: { first: 1, last: 4 } });
    expect(set.pathRange).toEqual({ start: { line: 4, character: 5 }, end: { line: 4, character: 18 } });
  });

  it('gives each example its file, row and line', () => {
    expect(source.examples[0].origin).toBeUndefined();
    expect(source.examples[3].origin).toEqual({ kind: 'csv', name: 'flowers.csv', index: 3, count: 4, row: 3, line: 3 });
    expect(source.examples[3].line.start.line).toBe(4);
    expect(locate(source, { line: 4, character: 2 })).toMatchObject({ kind: 'example', example: 2 });
  });

  it('lists the file it read, with no problems, for the host to watch', () => {
    expect(files.reads).toEqual(['flowers.csv']);
    expect(read).toEqual([{ path: 'flowers.csv', id: '/data/flowers.csv', line: source.dataSets![0].line, diagnostics: [] }]);
  });

  it('runs like inline examples', () => {
    const result = runEngine(network!);
    expect(result.exampleCount).toBe(6);
    expect(Number.isFinite(result.cost)).toBe(true);
  });

  it('tells a host that the spec reads files before anything is read', () => {
    expect(readSizes(SPEC)).toEqual({ sizes: [2, 3], examples: 2, readsFiles: true });
  });
});

describe('CSV data problems', () => {
  const parse = (line: string, contents: Record<string, string> = { 'flowers.csv': IRIS_LIKE }, limits = {}) =>
    parseSpec(`layer 0: 2 inputs\nlayer 1: 3 softmax\ncost cross-entropy\n${line}\n`, { files: filesOf(contents), limits });
  const found = (line: string, contents?: Record<string, string>) => parse(line, contents).diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character, d.message]);

  it('puts a problem in the file on the file, and one summary on the line', () => {
    const broken = IRIS_LIKE.replace('7.0', '7,0').replace('6.3', 'abc');
    const result = parse('data "flowers.csv" x 1-2 y species onehot', { 'flowers.csv': broken });
    expect(result.network).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['data-file-problems']);
    expect(result.diagnostics[0].range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 41 } });
    expect(result.diagnostics[0].message).toMatch(/^`flowers.csv` has 2 problems, shown on the file; the first, at line 3, column 1: row 2 has 4 cells/);
    const problems = result.files[0].diagnostics;
    expect(problems.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['csv-ragged-row', 2, 0], ['csv-not-a-number', 3, 0]]);
  });

  it('reports a file that cannot be read on its path', () => {
    expect(found('data "nothere.csv" x 1-2 y 3')).toEqual([['unreadable-data-file', 5, 18, 'cannot find `nothere.csv`']]);
  });

  it('reports the line\'s words where they are wrong, with a fix for a misspelt name', () => {
    const result = parse('data "flowers.csv" x a b y specis onehot');
    expect(result.diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character])).toEqual([['invalid-data-columns', 27, 33]]);
    expect(result.diagnostics[0].fix).toEqual({ title: "Change to 'species'", range: result.diagnostics[0].range, newText: 'species' });
    expect(found('data "flowers.csv" x 1-2 y species onehot rows 2-9')[0].slice(0, 3)).toEqual(['invalid-data-columns', 47, 50]);
  });

  it('checks the classes against the output layer', () => {
    const two = IRIS_LIKE.replace('virginica', 'setosa');
    expect(found('data "flowers.csv" x 1-2 y species onehot', { 'flowers.csv': two })).toEqual([
      ['invalid-data-columns', 25, 34, "the class column holds 2 classes ('setosa' and 'versicolor'), so its one-hot targets need 2 outputs, but the output layer has 3 neurons: give it 2"],
    ]);
  });

  it('suggests onehot for a single y column of a network with several outputs', () => {
    const numeric = 'a,b,c\n1,2,0\n';
    expect(found('data "n.csv" x 1-2 y 3', { 'n.csv': numeric })[0][3]).toBe(
      '`y` chooses 1 column, but the network has 3 outputs (the last layer): choose one column per output, or add `onehot` if the column holds class names',
    );
  });

  it('applies the example limit to the rows taken', () => {
    const result = parse('data "flowers.csv" x 1-2 y species onehot', undefined, { maxExampleNumbers: 6 });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['examples-too-large']);
  });

  it('reads nothing before the layers are sound', () => {
    const files = filesOf({});
    const result = parseSpec('layer 0: x inputs\nlayer 1: 1 sigmoid\ndata "a.csv" x 1 y 2\n', { files });
    expect(files.reads).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['missing-number']);
  });

  it('says a spec with no folder cannot read files', () => {
    const result = parseSpec('layer 0: 2 inputs\nlayer 1: 1 sigmoid\ndata "a.csv" x 1-2 y 3\n');
    expect(result.diagnostics[0].code).toBe('unreadable-data-file');
    expect(result.diagnostics[0].message).toMatch(/not saved in one/);
  });
});

describe('the shape of a CSV data line', () => {
  const codes = (line: string) => parseSpec(`layer 0: 2 inputs\nlayer 1: 1 sigmoid\n${line}\n`, { files: filesOf({ 'p.csv': 'a,b,"my y"\n1,2,0\n' }) }).diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character]);

  it('takes its parts in any order, quoted names included', () => {
    expect(codes('data "p.csv" y "my y" rows 1-1 x a b')).toEqual([]);
  });

  it('positions each mistake', () => {
    expect(codes('data "p.csv x 1-2 y 3')).toEqual([['unterminated-string', 5, 21]]);
    expect(codes('data "" x 1 y 2')).toEqual([['missing-value', 5, 7]]);
    expect(codes('data "p.csv" x 1-2')).toEqual([['missing-keyword', 0, 18]]);
    expect(codes('data "p.csv" x y 3')).toEqual([['missing-value', 13, 14]]);
    expect(codes('data "p.csv" x 1-2 y 3 x 1')).toEqual([['duplicate-setting', 23, 24]]);
    expect(codes('data "p.csv" onehot x 1-2 y 3')).toEqual([['unexpected-text', 13, 19]]);
    expect(codes('data "p.csv" x 1-2 y 3 rows')).toEqual([['missing-value', 23, 27]]);
    expect(codes('data "p.csv" x 1-2 y 3 rows ten')).toEqual([['invalid-number', 28, 31]]);
    // A word after `y`'s columns that is no keyword is one more column: a misspelt `rows` is a column name.
    expect(codes('data "p.csv" x 1-2 y 3 row 1-1')).toEqual([['invalid-data-columns', 23, 26], ['invalid-data-columns', 27, 30]]);
  });
});
