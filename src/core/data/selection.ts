/**
 * Which columns of a CSV file a `data` line chooses, and the problems with that choice.
 *
 *   data "iris.csv" x 1-4 y 5
 *   data "iris.csv" x sepal_length petal_width y species onehot rows 1-100
 *
 * COLUMNS is a list of words, each a column number (1-based: `5`), a range of numbers (`1-4`,
 * both ends included, in increasing order; an en dash `1–4` is read the same) or a header name
 * (compared with the header cell's text, spaces around it ignored, case and all). A word made of
 * digits is always a number, so a column whose header is `2020` is chosen by its number. The
 * chosen columns are taken in the order written: `x 3 1` gives x = (column 3, column 1).
 *
 * Problems here are about the spec's words, not the CSV's text: their `range` is null and their
 * `selection` says which word (`x` or `y`, and the index of the word after it).
 */
import { nearestName } from '../parser/suggest';
import type { Cell } from './csv';
import type { DataProblem, DataToken } from './problem';

export type ColumnRef =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'number'; readonly number: number }
  | { readonly kind: 'range'; readonly first: number; readonly last: number };

/** Data rows A to B, 1-based, both included; the header row is not counted. */
export interface RowRange {
  readonly first: number;
  readonly last: number;
}

export interface CsvSelection {
  readonly x: readonly ColumnRef[];
  readonly y: readonly ColumnRef[];
  /** `y NAME onehot`: y is one categorical column, turned into one-hot targets (columns.ts). */
  readonly onehot: boolean;
  /** `rows A-B`, or null for all data rows. */
  readonly rows: RowRange | null;
}

/** What a COLUMNS word means: `5` a number, `1-4` (or `1–4`) a range, anything else a name. */
export function columnRef(word: string): ColumnRef {
  const range = rowRange(word);
  if (range !== null) return { kind: 'range', first: range.first, last: range.last };
  if (isDigits(word, 0, word.length)) return { kind: 'number', number: Number(word) };
  return { kind: 'name', name: word };
}

/** `A-B` (or `A–B`) as two whole numbers, or null when the word is not of that form. */
export function rowRange(word: string): RowRange | null {
  let dash = -1;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code === 0x2d || code === 0x2013) {
      dash = k;
      break;
    }
  }
  if (dash <= 0 || !isDigits(word, 0, dash) || !isDigits(word, dash + 1, word.length)) return null;
  return { first: Number(word.slice(0, dash)), last: Number(word.slice(dash + 1)) };
}

function isDigits(word: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let k = start; k < end; k++) {
    const code = word.charCodeAt(k);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The chosen columns, 0-based, in the order written (a duplicate is kept, and reported). */
export interface ResolvedColumns {
  readonly x: number[];
  readonly y: number[];
}

/** A header cell's text as a name: without the spaces around it. */
export function headerName(cell: Cell): string {
  return cell.text.trim();
}

/** Resolves `selection`'s x and y against the header, reporting every problem with the words. */
export function resolveColumns(
  header: readonly Cell[],
  selection: CsvSelection,
  fileName: string,
  report: (problem: DataProblem) => void,
): ResolvedColumns {
  const names = header.map(headerName);
  const byName = new Map<string, number[]>();
  names.forEach((name, column) => {
    if (name === '') return;
    const columns = byName.get(name);
    if (columns === undefined) byName.set(name, [column]);
    else columns.push(column);
  });
  const count = header.length;
  const chosenBy = new Map<number, { part: DataToken; index: number }>();

  const resolve = (part: 'x' | 'y'): number[] => {
    const refs = selection[part];
    const result: number[] = [];
    if (refs.length === 0)
      report({
        code: 'csv-no-columns',
        range: null,
        selection: { part, index: 0 },
        message: `\`${part}\` chooses no column of ${fileName}. Write column names or numbers after it, such as \`${part} 1-4\` or \`${part} ${names[0] || '1'}\``,
      });
    refs.forEach((ref, index) => {
      const at = { part, index };
      const columns = refColumns(ref, at, names, byName, count, fileName, report);
      for (const column of columns) {
        const earlier = chosenBy.get(column);
        if (earlier !== undefined)
          report({
            code: 'csv-duplicate-column',
            range: null,
            selection: at,
            message: `${describeColumn(column, names)} is chosen twice: by \`${earlier.part}\` and again by \`${part}\`. Each column can be one input or one target; remove one of them`,
          });
        else chosenBy.set(column, at);
        result.push(column);
      }
    });
    return result;
  };
  const x = resolve('x');
  const y = resolve('y');
  if (selection.onehot && y.length > 1)
    report({
      code: 'csv-onehot-columns',
      range: null,
      selection: { part: 'y', index: selection.y.length > 1 ? 1 : 0 },
      message: `\`y … onehot\` takes one class column, whose classes become the one-hot targets; found ${y.length} columns. Choose a single column, such as \`y ${names[y[0]] || y[0] + 1} onehot\``,
    });
  return { x, y };
}

function refColumns(
  ref: ColumnRef,
  at: { part: DataToken; index: number },
  names: readonly string[],
  byName: ReadonlyMap<string, number[]>,
  count: number,
  fileName: string,
  report: (problem: DataProblem) => void,
): number[] {
  const columnsText = `${fileName} has ${count === 1 ? '1 column' : `${count} columns, 1 to ${count}`}`;
  switch (ref.kind) {
    case 'name': {
      const columns = byName.get(ref.name);
      if (columns === undefined) {
        const suggestion = nearestName(ref.name, [...byName.keys()]);
        const tail = suggestion !== null ? `; did you mean '${suggestion}'?` : `. The header has ${listNames(names)}`;
        report({
          code: 'csv-unknown-column',
          range: null,
          selection: at,
          message: `no column named '${ref.name}' in the header row of ${fileName}${tail}`,
          ...(suggestion !== null ? { suggestion } : {}),
        });
        return [];
      }
      if (columns.length > 1)
        report({
          code: 'csv-ambiguous-column',
          range: null,
          selection: at,
          message: `the header row of ${fileName} names ${columns.length} columns '${ref.name}' (${columns.map((c) => c + 1).join(', ')}); choose one by its number instead, such as \`${at.part} ${columns[0] + 1}\``,
        });
      return [columns[0]];
    }
    case 'number': {
      if (ref.number >= 1 && ref.number <= count) return [ref.number - 1];
      report({ code: 'csv-column-out-of-range', range: null, selection: at, message: `there is no column ${ref.number}: ${columnsText}` });
      return [];
    }
    case 'range': {
      if (ref.first > ref.last) {
        report({
          code: 'csv-reversed-range',
          range: null,
          selection: at,
          message: `the columns ${ref.first}-${ref.last} run backwards; write the smaller number first: \`${ref.last}-${ref.first}\`, or list them one by one in the order you want`,
        });
        return [];
      }
      if (ref.first < 1 || ref.last > count) {
        report({ code: 'csv-column-out-of-range', range: null, selection: at, message: `the columns ${ref.first}-${ref.last} reach outside the file: ${columnsText}` });
        return [];
      }
      const columns: number[] = [];
      for (let c = ref.first - 1; c < ref.last; c++) columns.push(c);
      return columns;
    }
  }
}

/** `column 3 ('petal_length')`, or `column 3` when its header cell is empty; `column` is 0-based. */
export function describeColumn(column: number, names: readonly string[]): string {
  const name = names[column];
  return name ? `column ${column + 1} ('${shorten(name)}')` : `column ${column + 1}`;
}

/** The header's names for a message: all of a short header, the first eight of a long one. */
function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 8).map((name, column) => (name ? `'${shorten(name)}'` : `(column ${column + 1} unnamed)`));
  return shown.join(', ') + (names.length > 8 ? `, … (${names.length} columns)` : '');
}

/** A cell's text for a message: one line, at most 40 characters. */
export function shorten(text: string): string {
  const oneLine = (text.length > 80 ? text.slice(0, 80) : text).replace(/\r\n|\r|\n/g, '↵');
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}
