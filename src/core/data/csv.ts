/**
 * Reads CSV text into cells, each with its exact place in the text.
 *
 * Why our own tokenizer and not papaparse: every problem with a data file must be underlined on
 * its own cell (line and column), in the Problems panel and in `nnet check`'s FILE:LINE:COL.
 * papaparse reports rows and character offsets for a few of its errors but no position for a
 * cell, so each position would have to be recomputed by a second reading of the text anyway.
 * RFC 4180 is small; a single pass that knows the line and column of every character is the
 * simpler and faster way.
 *
 * The rules (RFC 4180, with the leniencies spreadsheets need):
 * - Fields are separated by commas. Records end at CRLF, LF or a lone CR; a line end is also
 *   where a new line of the text starts, so lines here are the lines an editor shows.
 * - A field whose first character, after any spaces or tabs, is a double quote is quoted: it
 *   runs to the next quote that is not doubled; inside it commas and line ends are plain text
 *   and `""` stands for one `"`. Spaces and tabs after the closing quote are ignored. Any other
 *   text there (`"1.5"x`, not allowed by RFC 4180) is kept in the cell's text and its place is
 *   recorded in `afterQuote`; the conversion reports it if the cell is used (columns.ts).
 * - A quote anywhere else (`5"`, `ab"c`) is a plain character.
 * - A quoted field with no closing quote gives a `csv-unterminated-quote` problem on its opening
 *   quote. Its field is then read as unquoted text to the end of its line, and quotes are plain
 *   characters in the rest of the file, so later rows keep their places and their own problems
 *   (and the text is read at most twice: the work stays linear).
 * - A byte-order mark (U+FEFF) at the start is skipped, and columns count from the character
 *   after it, as VS Code shows the text (its editor hides the mark), so a range here is a range
 *   in the CSV's editor.
 * - The first record that is not blank is the header row; the records after it are data rows.
 * - Blank records are skipped and not counted as rows: an empty line, a line of spaces and tabs,
 *   and a record whose every field is empty and unquoted (`,,,`, as spreadsheets write below
 *   their data). A blank line is never a ragged row. A line end at the very end of the text
 *   (the usual trailing newline) ends the last record and starts none.
 *
 * Positions: lines are 0-based; columns are 0-based UTF-16 code units (the `Range` of
 * text/range.ts). A cell's range is the field as written, from the character after the comma
 * (or the line's start) before it to the comma or line end after it: quotes and surrounding
 * spaces included. A quoted field with a line end inside ends on a later line than it starts.
 *
 * Cost: one pass over the text, no regular expressions, and no object per cell: cells are kept
 * packed (csvRow.ts) and made into `Cell`s only when asked for.
 */
import type { DataProblem } from './problem';
import { CellStore, CsvRow, DOUBLED_QUOTES, QUOTED, type Cell } from './csvRow';

export { CsvRow, type Cell } from './csvRow';

export interface CsvTable {
  /** The header row's cells; empty when the text holds no record at all. */
  readonly header: readonly Cell[];
  /** The data rows, in order; rows[r] is data row r + 1. */
  readonly rows: readonly CsvRow[];
  /** Problems that make the text unreadable as CSV: at most one, an unterminated quote. */
  readonly problems: readonly DataProblem[];
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const BYTE_ORDER_MARK = 0xfeff;

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

function endsField(code: number): boolean {
  return code === COMMA || code === CR || code === LF;
}

/** Reads all of `text` (see the module comment for the rules); never throws. */
export function readCsv(text: string): CsvTable {
  const reader = new Reader(text);
  reader.read();
  return { header: reader.header?.cells ?? [], rows: reader.rows, problems: reader.problems };
}

class Reader {
  private readonly n: number;
  private readonly store: CellStore;
  private i: number;
  private line = 0;
  /** The offset of the current line's first character: a column is an offset minus this. */
  private lineStart: number;
  private quotesActive = true;
  /** Whether the record being read so far is blank, and whether a cell of it spans lines. */
  private blank = true;
  private multiline = false;
  header: CsvRow | null = null;
  readonly rows: CsvRow[] = [];
  readonly problems: DataProblem[] = [];

  constructor(private readonly text: string) {
    this.n = text.length;
    this.i = this.n > 0 && text.charCodeAt(0) === BYTE_ORDER_MARK ? 1 : 0;
    this.lineStart = this.i;
    this.store = new CellStore(text);
  }

  read(): void {
    const { text, n, store } = this;
    while (this.i < n) {
      const line = this.line;
      const lineStart = this.lineStart;
      const first = store.count;
      this.blank = true;
      this.multiline = false;
      for (;;) {
        this.readField();
        if (this.i < n && text.charCodeAt(this.i) === COMMA) {
          this.i++;
          continue;
        }
        break;
      }
      if (this.i < n) {
        // The record's line end.
        this.i += text.charCodeAt(this.i) === CR && this.i + 1 < n && text.charCodeAt(this.i + 1) === LF ? 2 : 1;
        this.line++;
        this.lineStart = this.i;
      }
      if (this.blank) {
        store.count = first;
        continue;
      }
      const row = new CsvRow(store, first, store.count - first, line, lineStart, this.multiline);
      if (this.header === null) this.header = row;
      else this.rows.push(row);
    }
  }

  private readField(): void {
    const { text, n } = this;
    const start = this.i;
    let k = start;
    while (k < n && isSpaceOrTab(text.charCodeAt(k))) k++;
    if (this.quotesActive && k < n && text.charCodeAt(k) === QUOTE && this.readQuoted(start, k)) return;
    let j = k; // start … k are spaces or tabs
    for (; j < n; j++) if (endsField(text.charCodeAt(j))) break;
    if (j > k) this.blank = false; // k stopped at the first character that is not a space or tab
    this.store.push(start, j, start, j, 0);
    this.i = j;
  }

  /**
   * Reads the quoted field whose opening quote is at `open`; false, with a problem and nothing
   * read, when the quote never closes (the caller then reads the field as plain text).
   */
  private readQuoted(start: number, open: number): boolean {
    const { text, n } = this;
    const line = this.line;
    const lineStart = this.lineStart;
    let flags = QUOTED;
    let j = open + 1;
    let closed = false;
    while (j < n) {
      const code = text.charCodeAt(j);
      if (code === QUOTE) {
        if (j + 1 < n && text.charCodeAt(j + 1) === QUOTE) {
          flags |= DOUBLED_QUOTES;
          j += 2;
          continue;
        }
        closed = true;
        break;
      }
      // A line end inside quotes: CRLF counts once, at its LF.
      if (code === LF || (code === CR && (j + 1 >= n || text.charCodeAt(j + 1) !== LF))) {
        this.line++;
        this.lineStart = j + 1;
        this.multiline = true;
      }
      j++;
    }
    if (!closed) {
      const column = open - lineStart;
      this.problems.push({
        code: 'csv-unterminated-quote',
        range: { start: { line, character: column }, end: { line, character: column + 1 } },
        message:
          'this double quote opens a quoted field that is never closed, so the rest of the file would be one cell. Close it with another `"`, or write a quote inside a quoted field as `""`',
      });
      this.quotesActive = false;
      this.line = line;
      this.lineStart = lineStart;
      return false;
    }
    // j is the closing quote. Spaces after it are ignored; other text is kept (see Cell.afterQuote).
    let e = j + 1;
    while (e < n && !endsField(text.charCodeAt(e))) e++;
    this.store.push(start, e, open + 1, j, flags);
    this.blank = false;
    this.i = e;
    return true;
  }
}
