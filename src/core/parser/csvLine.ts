import { columnRef, rowRange, type ColumnRef, type RowRange } from '../data/selection';
import type { Range } from '../text/range';
import type { ReadContext } from './context';
import { quoted } from './notation';
import { TokenKind } from './scanner';
import { didYouMean } from './suggest';

/**
 * The reader of a `data` line that takes examples from a CSV file:
 *
 *   data "iris.csv" x 1-4 y species onehot
 *   data "measurements.csv" x height weight y 5 rows 1-200
 *
 * After the quoted path come, in any order and each once, `x COLUMNS`, `y COLUMNS` (then
 * optionally `onehot`) and `rows A-B`. COLUMNS is one or more words: a column number, a range
 * of numbers or a header name (core/data/selection.ts says how each is read); a header name
 * that is one of the words `x`, `y`, `onehot` or `rows`, or holds a space, is written in double
 * quotes. The file is read, and the words resolved against its header, once the layers are
 * known (dataSets.ts); here only the line's shape is checked.
 */

/** One `data "PATH" …` line as written. */
export interface DraftCsvSet {
  readonly kind: 'csv';
  /** The whole line. */
  readonly line: Range;
  readonly path: string;
  /** The path with its quotes. */
  readonly pathRange: Range;
  readonly x: readonly ColumnRef[];
  /** Where each word of `x`'s COLUMNS stands, in order. */
  readonly xRanges: readonly Range[];
  /** The `x` keyword. */
  readonly xKeyword: Range;
  readonly y: readonly ColumnRef[];
  readonly yRanges: readonly Range[];
  readonly yKeyword: Range;
  readonly onehot: boolean;
  readonly rows: RowRange | null;
  /** The `A-B` after `rows`. */
  readonly rowsRange: Range | null;
  /** How many `example` lines come before it: its examples go right after theirs. */
  readonly after: number;
}

const KEYWORDS = ['x', 'y', 'onehot', 'rows'] as const;
const SHAPE = 'a CSV `data` line is `data "FILE.csv" x COLUMNS y COLUMNS`, then optionally `onehot` after y and `rows A-B`';

/** Reads the rest of the line after `data`, the scanner at the opening quote of the path. */
export function readCsvLine(ctx: ReadContext, keywordStart: number): void {
  const s = ctx.scanner;
  const path = s.readString();
  const pathRange = ctx.tokenRange();
  if (path === null) {
    ctx.reporter.report('unterminated-string', pathRange, 'the path of the data file has no closing double quote; end it with ", as in `data "iris.csv" x 1-4 y 5`');
    s.skipRest();
    return;
  }
  if (path.trim() === '') {
    ctx.reporter.report('missing-value', pathRange, 'expected the path of a CSV file between the quotes, relative to the spec\'s folder, as in `data "iris.csv" x 1-4 y 5`');
    s.skipRest();
    return;
  }
  let x: Part | null = null;
  let y: Part | null = null;
  let onehot = false;
  let rows: RowRange | null = null;
  let rowsRange: Range | null = null;
  let rowsSeen = false;
  for (;;) {
    const kind = s.peek();
    if (kind === TokenKind.End) break;
    if (kind === TokenKind.String || kind === TokenKind.Colon) return unexpected(ctx, y !== null ? 'after the `y` columns' : 'here');
    s.readRun();
    const word = s.tokenText();
    const wordRange = ctx.tokenRange();
    const repeated = (word === 'x' && x !== null) || (word === 'y' && y !== null) || (word === 'rows' && rowsSeen) || (word === 'onehot' && onehot);
    if (repeated) {
      ctx.reporter.report('duplicate-setting', wordRange, `\`${word}\` is given twice on this line; give it once`);
      s.skipRest();
      return;
    }
    if (word === 'x' || word === 'y') {
      const part = readColumns(ctx, word, wordRange);
      if (part === null) return;
      if (word === 'x') x = part;
      else y = part;
      continue;
    }
    if (word === 'onehot') {
      if (y === null) {
        ctx.reporter.report('unexpected-text', wordRange, '`onehot` turns the class column of `y` into one-hot targets, so it comes right after `y`\'s column: `y species onehot`');
        s.skipRest();
        return;
      }
      onehot = true;
      continue;
    }
    if (word === 'rows') {
      rowsSeen = true;
      if (s.peek() === TokenKind.End) {
        ctx.reporter.report('missing-value', wordRange, 'expected the data rows to take after `rows`, as in `rows 1-100` (the header row is not counted); found the end of the line');
        return;
      }
      s.readRun();
      rowsRange = ctx.tokenRange();
      rows = rowRange(s.tokenText());
      if (rows === null) {
        ctx.reporter.report('invalid-number', rowsRange, `expected the data rows as \`A-B\`, two whole numbers such as \`rows 1-100\` (the header row is not counted); found ${quoted(s.tokenText())}`);
        s.skipRest();
        return;
      }
      continue;
    }
    const suggestion = didYouMean(word, KEYWORDS, wordRange);
    ctx.reporter.report('unexpected-text', wordRange, `unexpected ${quoted(word)} in a \`data\` line${suggestion.tail || `; ${SHAPE}`}`, suggestion.fix);
    s.skipRest();
    return;
  }
  if (x === null || y === null) {
    const missing = x === null ? '`x` and the columns of the inputs' : '`y` and the columns of the targets';
    ctx.reporter.report('missing-keyword', ctx.rangeOf(keywordStart, s.tokenEnd), `expected ${missing} on this line; ${SHAPE}, as in \`data "iris.csv" x 1-4 y species onehot\``);
    return;
  }
  const line = ctx.rangeOf(keywordStart, s.tokenEnd);
  ctx.draft.dataSets.push({
    kind: 'csv',
    line,
    path,
    pathRange,
    x: x.refs,
    xRanges: x.ranges,
    xKeyword: x.keyword,
    y: y.refs,
    yRanges: y.ranges,
    yKeyword: y.keyword,
    onehot,
    rows,
    rowsRange,
    after: ctx.draft.examples.length,
  });
}

interface Part {
  readonly keyword: Range;
  readonly refs: ColumnRef[];
  readonly ranges: Range[];
}

/** The COLUMNS words after `x` or `y`, up to the next keyword or the end of the line. */
function readColumns(ctx: ReadContext, which: 'x' | 'y', keyword: Range): Part | null {
  const s = ctx.scanner;
  const refs: ColumnRef[] = [];
  const ranges: Range[] = [];
  for (;;) {
    const kind = s.peek();
    if (kind === TokenKind.End || kind === TokenKind.Colon) break;
    if (kind === TokenKind.String) {
      const name = s.readString();
      if (name === null) {
        ctx.reporter.report('unterminated-string', ctx.tokenRange(), 'the column name has no closing double quote; end it with "');
        s.skipRest();
        return null;
      }
      refs.push({ kind: 'name', name });
      ranges.push(ctx.tokenRange());
      continue;
    }
    const start = s.pos;
    s.readRun();
    const word = s.tokenText();
    if ((KEYWORDS as readonly string[]).includes(word)) {
      s.pos = start;
      break;
    }
    refs.push(columnRef(word));
    ranges.push(ctx.tokenRange());
  }
  if (refs.length === 0) {
    const what = which === 'x' ? 'the inputs x' : 'the targets y';
    ctx.reporter.report('missing-value', keyword, `expected the columns of ${what} after \`${which}\`: numbers (\`1\`), ranges (\`1-4\`) or header names (\`petal_width\`)`);
    s.skipRest();
    return null;
  }
  return { keyword, refs, ranges };
}

function unexpected(ctx: ReadContext, where: string): void {
  const s = ctx.scanner;
  const start = s.pos;
  const end = s.skipRest();
  ctx.reporter.report('unexpected-text', ctx.rangeOf(start, end), `unexpected ${quoted(s.text.slice(start, end))} ${where}; ${SHAPE}`);
}
