/**
 * Turns the rows of a CSV file into examples: the chosen x columns become the inputs, the chosen
 * y columns the targets (selection.ts says how columns are chosen).
 *
 * - Numbers are read as the spec reads them (parser/number.ts): an optional sign (`+`, `-` or the
 *   typographic minus `−`), digits with an optional fraction and exponent (`1.5`, `.5`, `2e-3`).
 *   Spaces and tabs around a number are ignored, and a quoted number (`"1.5"`) is a number.
 * - `y NAME onehot` reads NAME as a class column. Each distinct text (spaces around it ignored,
 *   case kept) is a class; the classes are numbered in order of first appearance in the rows
 *   taken, so the j-th output (j = 1 … K) stands for classes[j − 1], and an example of class j
 *   has targets y_j = 1 and 0 elsewhere. The order is that of the file, never sorted, so
 *   reordering the rows can reorder the classes; the hover shows it.
 * - `rows A-B` takes data rows A to B (1-based, both included, the header not counted); rows
 *   outside it are neither read nor checked.
 * - Every row taken must have one cell per header cell. A ragged row is reported on the whole
 *   row and its cells are not read (they would be misaligned); every other cell problem is
 *   reported on its cell, all in one pass.
 *
 * `examples` holds only the rows without a problem. Every problem is an error, so a caller must
 * not compute with the examples of a file that has a problem.
 */
import { thousands } from '../notation/count';
import type { Range } from '../text/range';
import { cellClass, readNumbers } from './cells';
import { readCsv, type Cell, type CsvRow, type CsvTable } from './csv';
import type { CsvExample } from './example';
import { DataProblemList, MAX_DATA_PROBLEMS, type DataProblem } from './problem';
import { describeColumn, headerName, resolveColumns, shorten, type CsvSelection, type RowRange } from './selection';

export interface CsvOptions {
  /** The name the user knows the file by (e.g. `iris.csv`), for messages. */
  readonly fileName: string;
  /** The most problems listed; default MAX_DATA_PROBLEMS (100). */
  readonly maxProblems?: number;
  /** The most numbers the examples may hold, m·(n_0 + n_L); past it no example is made. Default: no limit. */
  readonly maxNumbers?: number;
}

export interface ChosenColumn {
  /** 1-based, as the user counts columns. */
  readonly number: number;
  /** The header cell's text without surrounding spaces; may be empty. */
  readonly name: string;
  /** The header cell in the CSV. */
  readonly range: Range;
}

export interface CsvData {
  readonly examples: CsvExample[];
  /** The columns of x_1 … x_n0, in order. */
  readonly x: readonly ChosenColumn[];
  /** The columns of the targets: the class column alone for `onehot`. */
  readonly y: readonly ChosenColumn[];
  /** For `onehot`, the classes in output order (classes[j − 1] is output j); otherwise null. */
  readonly classes: readonly string[] | null;
  /** How many data rows the file has (the header and blank lines not counted). */
  readonly rowCount: number;
  /** The data rows taken, 1-based and inclusive, or null when none are. */
  readonly rows: RowRange | null;
  /** At most maxProblems, in order (see problem.ts), then one `csv-more-problems`. */
  readonly problems: DataProblem[];
}

/** Reads `text` as CSV (csv.ts) and converts it: the whole way from a file's text to examples. */
export function readCsvExamples(text: string, selection: CsvSelection, options: CsvOptions): CsvData {
  return examplesFromCsv(readCsv(text), selection, options);
}

/** Converts the rows of `table` that `selection` takes into examples, reporting every problem. */
export function examplesFromCsv(table: CsvTable, selection: CsvSelection, options: CsvOptions): CsvData {
  const { fileName } = options;
  const problems = new DataProblemList(options.maxProblems ?? MAX_DATA_PROBLEMS);
  const report = (problem: DataProblem): void => problems.add(problem);
  for (const problem of table.problems) report(problem);
  const header = table.header;
  const result = (examples: CsvExample[], x: ChosenColumn[], y: ChosenColumn[], classes: string[] | null, rows: RowRange | null): CsvData => ({
    examples,
    x,
    y,
    classes,
    rowCount: table.rows.length,
    rows,
    problems: problems.finish(fileName),
  });

  if (header.length === 0) {
    report({ code: 'csv-empty', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `${fileName} is empty: it needs a header row naming the columns, then one row per example` });
    return result([], [], [], null, null);
  }
  const names = header.map(headerName);
  const resolved = resolveColumns(header, selection, fileName, report);
  const chosen = (column: number): ChosenColumn => ({ number: column + 1, name: names[column], range: header[column].range });
  const x = resolved.x.map(chosen);
  const y = resolved.y.map(chosen);
  const onehot = selection.onehot;
  const rowCount = table.rows.length;
  if (rowCount === 0) {
    report({ code: 'csv-no-rows', range: spanOf(header), message: `${fileName} has a header row but no data rows; add one row per example below it` });
    return result([], x, y, onehot ? [] : null, null);
  }
  const rows = takenRows(selection.rows, rowCount, fileName, report);
  if (rows === null) return result([], x, y, onehot ? [] : null, null);

  const taken = rows.last - rows.first + 1;
  const width = resolved.x.length + (onehot ? 1 : resolved.y.length);
  if (options.maxNumbers !== undefined && taken * width > options.maxNumbers) {
    report(tooLarge(fileName, taken, width, options.maxNumbers, onehot));
    return result([], x, y, onehot ? [] : null, rows);
  }

  const classColumn = onehot && resolved.y.length === 1 ? resolved.y[0] : -1;
  const classIndex = new Map<string, number>();
  const classes: string[] = [];
  // The numbers of all examples go into one array for x and one for y (see examplesOf), m·n_0
  // and m·n_L numbers; for each example kept, its row, its line and, for onehot, its class.
  const nx = resolved.x.length;
  const ny = onehot ? 0 : resolved.y.length;
  const xValues = new Float64Array(taken * nx);
  const yValues = new Float64Array(taken * ny);
  const rowOf = new Int32Array(taken);
  const lineOf = new Int32Array(taken);
  const classOf = new Int32Array(onehot ? taken : 0);
  let m = 0;
  for (let r = rows.first; r <= rows.last; r++) {
    const row = table.rows[r - 1];
    if (row.cellCount !== header.length) {
      report(ragged(row, r, header.length, fileName));
      continue;
    }
    // Each row is read into the place of example m; a row with a problem is not counted, and the
    // next good row writes over every number it left there.
    let good = readNumbers(row, r, resolved.x, xValues, m * nx, 'x', names, report);
    // For onehot, y is filled in below, once the number of classes is known.
    let c = -1;
    if (!onehot) good = readNumbers(row, r, resolved.y, yValues, m * ny, 'y', names, report) && good;
    else if (classColumn >= 0) {
      const name = cellClass(row, classColumn, r, names, report);
      if (name === null) good = false;
      else {
        c = classIndex.get(name) ?? -1;
        if (c < 0) {
          c = classes.length;
          classIndex.set(name, c);
          classes.push(name);
        }
      }
    } else good = false; // no class column: reported by resolveColumns
    if (!good) continue;
    rowOf[m] = r;
    lineOf[m] = row.line;
    if (onehot) classOf[m] = c;
    m++;
  }

  if (!onehot) return result(examplesOf(m, xValues, nx, yValues, ny, rowOf, lineOf), x, y, null, rows);
  if (classes.length === 1)
    report({
      code: 'csv-single-class',
      range: header[classColumn].range,
      selection: { part: 'y', index: 0 },
      message: `${describeColumn(classColumn, names)} holds a single class, '${shorten(classes[0])}', in rows ${rows.first}-${rows.last}, so every one-hot target would be the same and there is nothing to learn. Take rows with at least two classes, or choose another column`,
    });
  if (options.maxNumbers !== undefined && taken * (resolved.x.length + classes.length) > options.maxNumbers) {
    report(tooLarge(fileName, taken, resolved.x.length + classes.length, options.maxNumbers, false));
    return result([], x, y, classes, rows);
  }
  const k = classes.length;
  const targets = new Float64Array(m * k);
  for (let e = 0; e < m; e++) targets[e * k + classOf[e]] = 1;
  return result(examplesOf(m, xValues, nx, targets, k, rowOf, lineOf), x, y, classes, rows);
}

/**
 * The first m examples: example e's x is a view of xs[e·nx, (e + 1)·nx), its y of
 * ys[e·ny, (e + 1)·ny). One array of numbers per file and a small view per example, not an
 * ArrayBuffer per example: for 100,000 rows those took most of the time, in the garbage
 * collector (npm run bench csv). The views do not overlap and nothing else writes to them, so a
 * caller may keep and change them as its own arrays (NumberStore.valuesView does the same).
 */
function examplesOf(m: number, xs: Float64Array, nx: number, ys: Float64Array, ny: number, rowOf: Int32Array, lineOf: Int32Array): CsvExample[] {
  const examples: CsvExample[] = [];
  // The constructor, not subarray(): subarray looks up a species constructor on every call.
  for (let e = 0; e < m; e++)
    examples.push({ x: new Float64Array(xs.buffer, 8 * e * nx, nx), y: new Float64Array(ys.buffer, 8 * e * ny, ny), row: rowOf[e], line: lineOf[e] });
  return examples;
}

/** The rows `rows A-B` takes, clamped to the file (with a problem when it reaches outside), or null for none. */
function takenRows(rows: RowRange | null, count: number, fileName: string, report: (problem: DataProblem) => void): RowRange | null {
  if (rows === null) return { first: 1, last: count };
  const at = { part: 'rows' as const, index: 0 };
  if (rows.first > rows.last) {
    report({ code: 'csv-reversed-range', range: null, selection: at, message: `the rows ${rows.first}-${rows.last} run backwards; write the smaller number first: \`rows ${rows.last}-${rows.first}\`` });
    return null;
  }
  if (rows.first < 1 || rows.last > count) {
    report({
      code: 'csv-rows-out-of-range',
      range: null,
      selection: at,
      message: `\`rows ${rows.first}-${rows.last}\` reaches outside ${fileName}, whose data rows are 1-${count} (the header row is not counted). Write a range inside them, such as \`rows 1-${count}\``,
    });
    const first = Math.max(1, rows.first);
    const last = Math.min(count, rows.last);
    return first <= last ? { first, last } : null;
  }
  return rows;
}

function ragged(row: CsvRow, r: number, expected: number, fileName: string): DataProblem {
  const found = row.cellCount;
  const hint =
    found > expected
      ? 'A comma inside a cell needs the cell in double quotes, such as `"1,5"`; a decimal comma must be written as a point'
      : 'Add the missing cells (an empty cell is written as nothing between two commas)';
  return {
    code: 'csv-ragged-row',
    range: { start: row.cell(0).range.start, end: row.cell(found - 1).range.end },
    message: `row ${r} has ${found} ${found === 1 ? 'cell' : 'cells'}, but the header row of ${fileName} has ${expected}: every row needs one cell per column. ${hint}`,
  };
}

/** `atLeast` while the number of classes, and so of one-hot targets, is not yet known. */
function tooLarge(fileName: string, rows: number, width: number, limit: number, atLeast: boolean): DataProblem {
  return {
    code: 'csv-too-large',
    range: null,
    message: `the rows and columns taken from ${fileName} hold ${atLeast ? 'at least ' : ''}${thousands(rows)} × ${thousands(width)} = ${thousands(rows * width)} numbers, more than the limit of ${thousands(limit)}. Take fewer rows with \`rows A-B\``,
  };
}

/** From a row's first cell to the end of its last. */
function spanOf(cells: readonly Cell[]): Range {
  return { start: cells[0].range.start, end: cells[cells.length - 1].range.end };
}
