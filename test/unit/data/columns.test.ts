import { describe, expect, it } from 'vitest';
import { examplesFromCsv, readCsvExamples, type CsvOptions } from '../../../src/core/data/columns';
import { readCsv } from '../../../src/core/data/csv';
import { columnRef, rowRange, type ColumnRef, type CsvSelection } from '../../../src/core/data/selection';
import { at, textAt } from './csvText';

const IRIS = [
  'sepal_length,sepal_width,petal_length,petal_width,species',
  '5.1,3.5,1.4,0.2,setosa',
  '7.0,3.2,4.7,1.4,versicolor',
  '4.9,3.0,1.4,0.2,setosa',
  '6.3,3.3,6.0,2.5,virginica',
  '6.4,3.2,4.5,1.5,versicolor',
  '',
].join('\n');

const OPTIONS: CsvOptions = { fileName: 'iris.csv' };

/** A selection from words, as the spec writes it: `x 1-4 y species onehot rows 2-3`. */
function select(x: string, y: string, more: { onehot?: boolean; rows?: string } = {}): CsvSelection {
  const refs = (words: string): ColumnRef[] => (words === '' ? [] : words.split(' ').map(columnRef));
  return { x: refs(x), y: refs(y), onehot: more.onehot ?? false, rows: more.rows === undefined ? null : rowRange(more.rows) };
}

function read(text: string, selection: CsvSelection, options: CsvOptions = OPTIONS) {
  return readCsvExamples(text, selection, options);
}

/** Each problem as [code, range as [line, start, end line, end], selection]. */
function summary(text: string, selection: CsvSelection, options: CsvOptions = OPTIONS) {
  return read(text, selection, options).problems.map((p) => [p.code, at(p.range), p.selection ?? null]);
}

describe('COLUMNS words', () => {
  it('reads numbers, ranges (with a hyphen or an en dash) and names', () => {
    expect(columnRef('5')).toEqual({ kind: 'number', number: 5 });
    expect(columnRef('1-4')).toEqual({ kind: 'range', first: 1, last: 4 });
    expect(columnRef('2–3')).toEqual({ kind: 'range', first: 2, last: 3 });
    expect(columnRef('species')).toEqual({ kind: 'name', name: 'species' });
    expect(columnRef('1-')).toEqual({ kind: 'name', name: '1-' });
    expect(columnRef('-1')).toEqual({ kind: 'name', name: '-1' });
    expect(rowRange('10-20')).toEqual({ first: 10, last: 20 });
    expect(rowRange('10')).toBeNull();
  });
});

describe('CSV columns to examples', () => {
  it('maps columns by range and number, in the order written', () => {
    const data = read(IRIS, select('1-3', '4'));
    expect(data.problems).toEqual([]);
    expect(data.rowCount).toBe(5);
    expect(data.rows).toEqual({ first: 1, last: 5 });
    expect(data.examples.map((e) => [[...e.x], [...e.y], e.row, e.line])).toEqual([
      [[5.1, 3.5, 1.4], [0.2], 1, 1],
      [[7.0, 3.2, 4.7], [1.4], 2, 2],
      [[4.9, 3.0, 1.4], [0.2], 3, 3],
      [[6.3, 3.3, 6.0], [2.5], 4, 4],
      [[6.4, 3.2, 4.5], [1.5], 5, 5],
    ]);
    expect(data.x.map((c) => [c.number, c.name, at(c.range)])).toEqual([
      [1, 'sepal_length', [0, 0, 0, 12]],
      [2, 'sepal_width', [0, 13, 0, 24]],
      [3, 'petal_length', [0, 25, 0, 37]],
    ]);
    expect(data.classes).toBeNull();
    const reordered = read(IRIS, select('3 1', '4 2'));
    expect([...reordered.examples[0].x, ...reordered.examples[0].y]).toEqual([1.4, 5.1, 0.2, 3.5]);
  });

  it('maps columns by header name', () => {
    const data = read(IRIS, select('petal_width sepal_length', 'petal_length'));
    expect(data.problems).toEqual([]);
    expect(data.x.map((c) => c.number)).toEqual([4, 1]);
    expect([...data.examples[1].x, ...data.examples[1].y]).toEqual([1.4, 7.0, 4.7]);
  });

  it('turns a class column into one-hot targets, classes in order of first appearance', () => {
    const data = read(IRIS, select('1-4', 'species', { onehot: true }));
    expect(data.problems).toEqual([]);
    expect(data.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(data.examples.map((e) => [...e.y])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    expect(data.y.map((c) => c.name)).toEqual(['species']);
    // The order is the file's: the rows taken decide which class comes first.
    expect(read(IRIS, select('1-4', '5', { onehot: true, rows: '2-5' })).classes).toEqual(['versicolor', 'setosa', 'virginica']);
  });

  it('takes rows A-B, 1-based and counted without the header', () => {
    const data = read(IRIS, select('1', '2', { rows: '2-3' }));
    expect(data.problems).toEqual([]);
    expect(data.rows).toEqual({ first: 2, last: 3 });
    expect(data.examples.map((e) => [e.row, e.line, e.x[0]])).toEqual([
      [2, 2, 7.0],
      [3, 3, 4.9],
    ]);
  });

  it('reads numbers as the spec does: signs, the typographic minus, exponents, spaces and quotes around them', () => {
    const data = read('a,b,c,d\n−1.5, +2 ,"3e-2",.5\n', select('1-3', '4'));
    expect(data.problems).toEqual([]);
    expect([...data.examples[0].x, ...data.examples[0].y]).toEqual([-1.5, 2, 0.03, 0.5]);
  });

  it('reads a CSV with CRLF, a BOM and quoted fields holding commas and line ends', () => {
    const text = '\uFEFFname,"x, in cm",y\r\n"Smith,\r\nJ.",1.5,2\r\n"Doe ""D""",oops,3\r\n';
    const data = read(text, select('2', 'y'));
    expect(data.examples.map((e) => [e.row, e.line, e.x[0], e.y[0]])).toEqual([[1, 1, 1.5, 2]]);
    expect(data.problems.map((p) => [p.code, at(p.range)])).toEqual([['csv-not-a-number', [3, 12, 3, 16]]]);
    expect(textAt(text, data.problems[0].range!)).toBe('oops');
    expect(data.problems[0].message).toBe(
      "row 2, column 2 ('x, in cm'): 'oops' is not a number, but `x` takes numbers such as 1.5, -2 or 3e-4. Correct the cell, or leave the column out of `x`",
    );
  });
});

describe('CSV problems, each at its place', () => {
  it('a ragged row, on the whole row, its cells not read', () => {
    const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n';
    expect(summary(text, select('1-2', '3'))).toEqual([
      ['csv-ragged-row', [2, 0, 2, 3], null],
      ['csv-ragged-row', [3, 0, 3, 7], null],
    ]);
    const data = read(text, select('1-2', '3'));
    expect(data.examples.map((e) => e.row)).toEqual([1]);
    expect(data.problems[0].message).toBe(
      'row 2 has 2 cells, but the header row of iris.csv has 3: every row needs one cell per column. Add the missing cells (an empty cell is written as nothing between two commas)',
    );
    expect(data.problems[1].message).toContain('A comma inside a cell needs the cell in double quotes');
  });

  it('a ragged row that a quoted line end spreads over two lines', () => {
    expect(summary('a,b\n"x\ny",2,3\n', select('2', '1'))).toEqual([['csv-ragged-row', [1, 0, 2, 6], null]]);
  });

  it('a cell that is not a number, a number too large, and an empty cell', () => {
    const text = 'a,b,c\n1,x1,3\n1e400,2,\n';
    expect(summary(text, select('1-2', '3'))).toEqual([
      ['csv-not-a-number', [1, 2, 1, 4], null],
      ['csv-not-a-number', [2, 0, 2, 5], null],
      ['csv-empty-cell', [2, 8, 2, 8], null],
    ]);
    const messages = read(text, select('1-2', '3')).problems.map((p) => p.message);
    expect(messages[1]).toBe("row 2, column 1 ('a'): '1e400' is too large to store as a number (the largest is about 1.8e308)");
    expect(messages[2]).toBe("row 2, column 3 ('c') is empty, but `y` needs a number in every row it takes. Fill it in, or delete the row");
    // A cell of a column no one chose is never read.
    expect(summary(text, select('1', '3', { rows: '1-1' }))).toEqual([]);
  });

  it('a decimal comma in quotes is not a number, and a class name in y suggests onehot', () => {
    const problems = read('a,b\n"1,5",cat\n', select('1', '2')).problems;
    expect(problems.map((p) => [p.code, at(p.range)])).toEqual([
      ['csv-not-a-number', [1, 0, 1, 5]],
      ['csv-not-a-number', [1, 6, 1, 9]],
    ]);
    expect(problems[1].message).toContain('a column of class names needs `onehot` after it');
  });

  it('text after a closing quote, in a chosen cell only', () => {
    const text = 'a,b,c\n"1"2,"x"y,3\n';
    expect(summary(text, select('1', '3'))).toEqual([['csv-text-after-quote', [1, 3, 1, 4], null]]);
    expect(summary(text, select('3', '2', { onehot: true }))).toEqual([['csv-text-after-quote', [1, 8, 1, 9], null]]);
  });

  it('an unterminated quote, with the problems after it still found', () => {
    const text = 'a,b\n1,"2\n3,x\n';
    expect(summary(text, select('1', '2'))).toEqual([
      ['csv-unterminated-quote', [1, 2, 1, 3], null],
      ['csv-not-a-number', [1, 2, 1, 4], null],
      ['csv-not-a-number', [2, 2, 2, 3], null],
    ]);
  });

  it('an unknown column name, with "did you mean" when one is close, else the header', () => {
    const data = read(IRIS, select('sepal_lenght 2', 'Species', { onehot: true }));
    expect(data.problems.map((p) => [p.code, p.range, p.selection, p.suggestion])).toEqual([
      ['csv-unknown-column', null, { part: 'x', index: 0 }, 'sepal_length'],
      ['csv-unknown-column', null, { part: 'y', index: 0 }, 'species'],
    ]);
    expect(data.problems[0].message).toBe("no column named 'sepal_lenght' in the header row of iris.csv; did you mean 'sepal_length'?");
    const far = read(IRIS, select('colour', '5')).problems[0];
    expect(far.suggestion).toBeUndefined();
    expect(far.message).toBe(
      "no column named 'colour' in the header row of iris.csv. The header has 'sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'",
    );
  });

  it('a name the header has twice', () => {
    expect(summary('a,b,a\n1,2,3\n', select('a', 'b'))).toEqual([['csv-ambiguous-column', null, { part: 'x', index: 0 }]]);
  });

  it('a column number or range outside the file, and a range that runs backwards', () => {
    expect(summary(IRIS, select('0 2 3-9', '6'))).toEqual([
      ['csv-column-out-of-range', null, { part: 'x', index: 0 }],
      ['csv-column-out-of-range', null, { part: 'x', index: 2 }],
      ['csv-column-out-of-range', null, { part: 'y', index: 0 }],
    ]);
    expect(read(IRIS, select('9', '1')).problems[0].message).toBe('there is no column 9: iris.csv has 5 columns, 1 to 5');
    expect(summary(IRIS, select('4-1', '5', { onehot: true }))).toEqual([['csv-reversed-range', null, { part: 'x', index: 0 }]]);
  });

  it('a column chosen twice: in x and y, or twice in x', () => {
    expect(summary(IRIS, select('1-4', '4'))).toEqual([['csv-duplicate-column', null, { part: 'y', index: 0 }]]);
    expect(summary(IRIS, select('1 sepal_length', '5', { onehot: true }))).toEqual([['csv-duplicate-column', null, { part: 'x', index: 1 }]]);
    expect(read(IRIS, select('1-4', '4')).problems[0].message).toBe(
      "column 4 ('petal_width') is chosen twice: by `x` and again by `y`. Each column can be one input or one target; remove one of them",
    );
  });

  it('x or y with no column, and onehot on more than one column', () => {
    expect(summary(IRIS, select('', '5', { onehot: true }))).toEqual([['csv-no-columns', null, { part: 'x', index: 0 }]]);
    expect(summary(IRIS, select('1-3', '4 5', { onehot: true }))).toEqual([['csv-onehot-columns', null, { part: 'y', index: 1 }]]);
  });

  it('a class column with a single class, on its header cell and the y word', () => {
    expect(summary(IRIS, select('1-4', 'species', { onehot: true, rows: '1-1' }))).toEqual([
      ['csv-single-class', [0, 50, 0, 57], { part: 'y', index: 0 }],
    ]);
    expect(read(IRIS, select('1-4', 'species', { onehot: true, rows: '1-1' })).problems[0].message).toBe(
      "column 5 ('species') holds a single class, 'setosa', in rows 1-1, so every one-hot target would be the same and there is nothing to learn. Take rows with at least two classes, or choose another column",
    );
  });

  it('an empty class cell', () => {
    expect(summary('a,k\n1,cat\n2, \n3,dog\n', select('1', '2', { onehot: true }))).toEqual([['csv-empty-cell', [2, 2, 2, 3], null]]);
  });

  it('an empty file, and a file with a header only', () => {
    for (const text of ['', '\uFEFF', '\n\n', ' \r\n']) expect(summary(text, select('1', '2'))).toEqual([['csv-empty', [0, 0, 0, 0], null]]);
    expect(read('', select('1', '2')).problems[0].message).toBe('iris.csv is empty: it needs a header row naming the columns, then one row per example');
    expect(summary('\na,b\n', select('1', '2'))).toEqual([['csv-no-rows', [1, 0, 1, 3], null]]);
  });

  it('rows A-B outside the data rows, or backwards', () => {
    expect(summary(IRIS, select('1', '2', { rows: '0-2' }))).toEqual([['csv-rows-out-of-range', null, { part: 'rows', index: 0 }]]);
    expect(summary(IRIS, select('1', '2', { rows: '4-9' }))).toEqual([['csv-rows-out-of-range', null, { part: 'rows', index: 0 }]]);
    expect(read(IRIS, select('1', '2', { rows: '4-9' })).problems[0].message).toBe(
      '`rows 4-9` reaches outside iris.csv, whose data rows are 1-5 (the header row is not counted). Write a range inside them, such as `rows 1-5`',
    );
    expect(summary(IRIS, select('1', '2', { rows: '3-2' }))).toEqual([['csv-reversed-range', null, { part: 'rows', index: 0 }]]);
  });

  it('more numbers than the limit', () => {
    const data = read(IRIS, select('1-4', '5', { onehot: true }), { fileName: 'iris.csv', maxNumbers: 24 });
    expect(data.problems.map((p) => p.code)).toEqual(['csv-too-large']);
    expect(data.problems[0].message).toBe('the rows and columns taken from iris.csv hold at least 5 × 5 = 25 numbers, more than the limit of 24. Take fewer rows with `rows A-B`');
    const classes = read(IRIS, select('1-4', '5', { onehot: true }), { fileName: 'iris.csv', maxNumbers: 34 });
    expect(classes.problems.map((p) => p.message)).toEqual([
      'the rows and columns taken from iris.csv hold 5 × 7 = 35 numbers, more than the limit of 34. Take fewer rows with `rows A-B`',
    ]);
    expect(classes.examples).toEqual([]);
    expect(read(IRIS, select('1-4', '5', { onehot: true }), { fileName: 'iris.csv', maxNumbers: 35 }).problems).toEqual([]);
    expect(read(IRIS, select('1-3', '4'), { fileName: 'iris.csv', maxNumbers: 19 }).problems.map((p) => p.code)).toEqual(['csv-too-large']);
  });

  it('lists every independent problem in one pass: the words first, then the file in text order', () => {
    const text = 'a,b,c\n1,2\nx,2,3\n';
    expect(summary(text, select('a nope', 'c'))).toEqual([
      ['csv-unknown-column', null, { part: 'x', index: 1 }],
      ['csv-ragged-row', [1, 0, 1, 3], null],
      ['csv-not-a-number', [2, 0, 2, 1], null],
    ]);
  });

  it('caps the problems of a file, then counts the rest from the first one not listed', () => {
    const rows = Array.from({ length: 250 }, (_, r) => (r % 2 === 0 ? `bad${r},1` : '1'));
    const text = 'a,b\n' + rows.join('\n') + '\n';
    const data = read(text, select('a', 'b'), { fileName: 'big.csv' });
    expect(data.problems).toHaveLength(101);
    expect(data.problems.slice(0, 100).every((p, k) => p.range!.start.line === k + 1)).toBe(true);
    const last = data.problems[100];
    expect(last.code).toBe('csv-more-problems');
    expect(last.message).toBe('… and 150 more problems in big.csv; only the first 100 are listed. Fix those and the rest will show');
    expect(at(last.range)).toEqual([101, 0, 101, 6]);
    const few = read(text, select('a', 'b'), { fileName: 'big.csv', maxProblems: 3 }).problems;
    expect(few.map((p) => p.code)).toEqual(['csv-not-a-number', 'csv-ragged-row', 'csv-not-a-number', 'csv-more-problems']);
    expect(few[3].message).toBe('… and 247 more problems in big.csv; only the first 3 are listed. Fix those and the rest will show');
  });

  it('converts a table read once, any number of times', () => {
    const table = readCsv(IRIS);
    expect(examplesFromCsv(table, select('1', '2'), OPTIONS).examples).toHaveLength(5);
    expect(examplesFromCsv(table, select('3-4', '5', { onehot: true }), OPTIONS).classes).toHaveLength(3);
  });
});
