import { describe, expect, it } from 'vitest';
import { readCsv, type Cell } from '../../../src/core/data/csv';
import { at, textAt } from './csvText';

const texts = (cells: readonly Cell[]): string[] => cells.map((cell) => cell.text);

describe('readCsv', () => {
  it('reads a header and rows, each cell with its line and column range', () => {
    const table = readCsv('a,bb\n1,22\n333,4\n');
    expect(texts(table.header)).toEqual(['a', 'bb']);
    expect(table.header.map((c) => at(c.range))).toEqual([
      [0, 0, 0, 1],
      [0, 2, 0, 4],
    ]);
    expect(table.rows.map((row) => [row.line, texts(row.cells)])).toEqual([
      [1, ['1', '22']],
      [2, ['333', '4']],
    ]);
    expect(at(table.rows[1].cells[1].range)).toEqual([2, 4, 2, 5]);
    expect(table.problems).toEqual([]);
  });

  it('ignores the trailing line end, and an empty line after it', () => {
    for (const text of ['a\n1\n', 'a\n1\n\n', 'a\r\n1\r\n\r\n', 'a\n1']) {
      const table = readCsv(text);
      expect(table.rows.length, JSON.stringify(text)).toBe(1);
      expect(texts(table.rows[0].cells)).toEqual(['1']);
    }
  });

  it('reads a quoted field with commas in it; its range includes the quotes', () => {
    const text = 'name,v\n"Smith, J.",1\n';
    const [cell, next] = readCsv(text).rows[0].cells;
    expect(cell).toMatchObject({ text: 'Smith, J.', quoted: true, afterQuote: null });
    expect(at(cell.range)).toEqual([1, 0, 1, 11]);
    expect(textAt(text, cell.range)).toBe('"Smith, J."');
    expect(at(next.range)).toEqual([1, 12, 1, 13]);
  });

  it('reads doubled quotes inside a quoted field as one quote', () => {
    const [cell] = readCsv('q\n"say ""hi"""\n').rows[0].cells;
    expect(cell.text).toBe('say "hi"');
    expect(at(cell.range)).toEqual([1, 0, 1, 12]);
  });

  it('reads line ends inside quotes as text, and counts the lines after them', () => {
    const text = 'a,b\n"x\ny,z",3\n4,5\n';
    const table = readCsv(text);
    const [quoted, three] = table.rows[0].cells;
    expect(quoted.text).toBe('x\ny,z');
    expect(at(quoted.range)).toEqual([1, 0, 2, 4]);
    expect(at(three.range)).toEqual([2, 5, 2, 6]);
    expect(table.rows.map((row) => row.line)).toEqual([1, 3]);
    expect(at(table.rows[1].cells[1].range)).toEqual([3, 2, 3, 3]);
  });

  it('reads CRLF line ends, inside quotes too, as one line end', () => {
    const text = 'a,b\r\n1,2\r\n"p\r\nq",4\r\n5,6\r\n';
    const table = readCsv(text);
    expect(table.rows.map((row) => [row.line, texts(row.cells)])).toEqual([
      [1, ['1', '2']],
      [2, ['p\r\nq', '4']],
      [4, ['5', '6']],
    ]);
    expect(at(table.rows[0].cells[1].range)).toEqual([1, 2, 1, 3]);
    expect(at(table.rows[1].cells[0].range)).toEqual([2, 0, 3, 2]);
    expect(at(table.rows[1].cells[1].range)).toEqual([3, 3, 3, 4]);
    expect(at(table.rows[2].cells[1].range)).toEqual([4, 2, 4, 3]);
  });

  it('reads lone CR line ends', () => {
    const table = readCsv('a,b\r1,2\r"x\ry",3');
    expect(table.rows.map((row) => [row.line, texts(row.cells)])).toEqual([
      [1, ['1', '2']],
      [2, ['x\ry', '3']],
    ]);
    expect(at(table.rows[1].cells[1].range)).toEqual([3, 3, 3, 4]);
  });

  it('skips a byte-order mark and counts columns from the character after it', () => {
    const table = readCsv('\uFEFFa,b\n1,2\n');
    expect(texts(table.header)).toEqual(['a', 'b']);
    expect(at(table.header[0].range)).toEqual([0, 0, 0, 1]);
    expect(at(table.header[1].range)).toEqual([0, 2, 0, 3]);
    expect(readCsv('\uFEFF')).toEqual({ header: [], rows: [], problems: [] });
  });

  it('skips blank lines, lines of spaces and rows of empty cells, and does not count them', () => {
    const table = readCsv('\n\na,b\n1,2\n\n  \t\n,,\n3,4\n');
    expect(table.header.map((c) => at(c.range))).toEqual([
      [2, 0, 2, 1],
      [2, 2, 2, 3],
    ]);
    expect(table.rows.map((row) => [row.line, texts(row.cells)])).toEqual([
      [3, ['1', '2']],
      [7, ['3', '4']],
    ]);
  });

  it('keeps a row of one quoted empty cell, which is written on purpose', () => {
    const table = readCsv('a\n""\n');
    expect(table.rows.map((row) => texts(row.cells))).toEqual([['']]);
    expect(table.rows[0].cells[0].quoted).toBe(true);
  });

  it('reads an empty text as no header and no rows', () => {
    expect(readCsv('')).toEqual({ header: [], rows: [], problems: [] });
    expect(readCsv('\n\r\n \n')).toEqual({ header: [], rows: [], problems: [] });
  });

  it('gives an empty cell after a trailing comma, with an empty range', () => {
    const table = readCsv('a,b,\n');
    expect(texts(table.header)).toEqual(['a', 'b', '']);
    expect(at(table.header[2].range)).toEqual([0, 4, 0, 4]);
  });

  it('reports an unterminated quote on its opening quote and keeps reading the rows after it', () => {
    const text = 'a,b\n1,"2\n3,4\n';
    const table = readCsv(text);
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0].code).toBe('csv-unterminated-quote');
    expect(at(table.problems[0].range)).toEqual([1, 2, 1, 3]);
    expect(table.rows.map((row) => [row.line, texts(row.cells)])).toEqual([
      [1, ['1', '"2']],
      [2, ['3', '4']],
    ]);
    expect(at(table.rows[1].cells[1].range)).toEqual([2, 2, 2, 3]);
  });

  it('after an unterminated quote, reads later quotes as plain characters', () => {
    const table = readCsv('a,b\n"1,2\n3,""x""\n');
    expect(table.problems.map((p) => at(p.range))).toEqual([[1, 0, 1, 1]]);
    expect(table.rows.map((row) => texts(row.cells))).toEqual([
      ['"1', '2'],
      ['3', '""x""'],
    ]);
  });

  it('keeps text after a closing quote in the cell and records where it is', () => {
    const [cell, next] = readCsv('a,b\n"1.5"x ,2\n').rows[0].cells;
    expect(cell.text).toBe('1.5x ');
    expect(at(cell.afterQuote)).toEqual([1, 5, 1, 7]);
    expect(at(cell.range)).toEqual([1, 0, 1, 7]);
    expect(at(next.range)).toEqual([1, 8, 1, 9]);
  });

  it('reads a quoted field after spaces, ignoring the spaces after its closing quote', () => {
    const [cell, next] = readCsv('a,b\n  "x" \t,2\n').rows[0].cells;
    expect(cell).toMatchObject({ text: 'x', quoted: true, afterQuote: null });
    expect(at(cell.range)).toEqual([1, 0, 1, 7]);
    expect(at(next.range)).toEqual([1, 8, 1, 9]);
  });

  it('reads a quote inside an unquoted field as a plain character', () => {
    expect(texts(readCsv('ab"c,5"\n').header)).toEqual(['ab"c', '5"']);
  });

  it('counts columns in UTF-16 code units', () => {
    const table = readCsv('é😀,x\n');
    expect(at(table.header[0].range)).toEqual([0, 0, 0, 3]);
    expect(at(table.header[1].range)).toEqual([0, 4, 0, 5]);
  });

  it('reads a long file in time linear in its length', () => {
    const row = '5.1,3.5,1.4,0.2,"Iris, setosa"\n';
    const text = 'a,b,c,d,e\n' + row.repeat(20_000);
    const table = readCsv(text);
    expect(table.rows).toHaveLength(20_000);
    expect(at(table.rows[19_999].cells[4].range)).toEqual([20_000, 16, 20_000, 30]);
    // A quote that never closes near the start is read to the end once, then once more.
    const bad = readCsv('a\n"' + 'x\n'.repeat(50_000));
    expect(bad.problems).toHaveLength(1);
    expect(bad.rows).toHaveLength(50_000);
  });
});
