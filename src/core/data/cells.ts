/**
 * Reading one chosen cell of a CSV row for columns.ts: a number for x and y, or a class name for
 * `y … onehot`, with the problem on the cell when it has none (empty, not a number, too large,
 * or text after a closing quote). Good cells take a fast path that reads straight from the CSV's
 * text; only a bad cell is made into a `Cell` with its range.
 */
import { readNumber } from '../parser/number';
import type { Cell, CsvRow } from './csv';
import type { DataProblem } from './problem';
import { describeColumn, shorten } from './selection';

/**
 * Reads the cells of `columns` into target[offset], target[offset + 1], …; false, after
 * reporting each bad cell, when any is not a number.
 */
export function readNumbers(
  row: CsvRow,
  r: number,
  columns: readonly number[],
  target: Float64Array,
  offset: number,
  part: 'x' | 'y',
  names: readonly string[],
  report: (problem: DataProblem) => void,
): boolean {
  let good = true;
  for (let k = 0; k < columns.length; k++) {
    // The fast path reads the number straight from the text; only a bad cell is made into a Cell.
    let value = row.number(columns[k]);
    if (!Number.isFinite(value)) value = cellNumber(row.cell(columns[k]), r, columns[k], part, names, report);
    if (Number.isNaN(value)) good = false;
    target[offset + k] = value;
  }
  return good;
}

/** The value of a numeric cell, or NaN after reporting why it has none. */
function cellNumber(cell: Cell, row: number, column: number, part: 'x' | 'y', names: readonly string[], report: (problem: DataProblem) => void): number {
  const where = `row ${row}, ${describeColumn(column, names)}`;
  if (cell.afterQuote !== null) {
    report(afterQuote(cell, where));
    return NaN;
  }
  const text = cell.text;
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  if (start === end) {
    report({ code: 'csv-empty-cell', range: cell.range, message: `${where} is empty, but \`${part}\` needs a number in every row it takes. Fill it in, or delete the row` });
    return NaN;
  }
  const value = readNumber(text, start, end);
  if (Number.isFinite(value)) return value;
  const found = shorten(text.slice(start, end));
  report({
    code: 'csv-not-a-number',
    range: cell.range,
    message: Number.isNaN(value)
      ? `${where}: '${found}' is not a number, but \`${part}\` takes numbers such as 1.5, -2 or 3e-4. Correct the cell, or leave the column out of \`${part}\`${part === 'y' ? ' (a column of class names needs `onehot` after it)' : ''}`
      : `${where}: '${found}' is too large to store as a number (the largest is about 1.8e308)`,
  });
  return NaN;
}

/** The class name of a class cell, or null after reporting why it has none. */
export function cellClass(row: CsvRow, column: number, r: number, names: readonly string[], report: (problem: DataProblem) => void): string | null {
  const name = row.text(column).trim();
  if (name !== '' && !row.hasTextAfterQuote(column)) return name;
  const cell = row.cell(column);
  const where = `row ${r}, ${describeColumn(column, names)}`;
  if (cell.afterQuote !== null) {
    report(afterQuote(cell, where));
    return null;
  }
  if (name !== '') return name;
  report({ code: 'csv-empty-cell', range: cell.range, message: `${where} is empty, but \`y … onehot\` needs a class name in every row it takes. Fill it in, or delete the row` });
  return null;
}

function afterQuote(cell: Cell, where: string): DataProblem {
  return {
    code: 'csv-text-after-quote',
    range: cell.afterQuote,
    message: `${where}: text after the closing double quote of a quoted cell. Put all of the cell inside the quotes, and write a quote inside them as \`""\``,
  };
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
