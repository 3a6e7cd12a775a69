/**
 * How csv.ts keeps its cells: packed, five integers a cell in one growing Int32Array, so that a
 * file of 100,000 rows × 10 columns costs one array and 100,000 row objects, not a million cells
 * with a million strings and four million position objects (which took seconds to allocate and
 * collect). A `Cell` with its text and range is made only when asked for (a hover, a problem);
 * the conversion to examples reads numbers straight from the CSV's text (`CsvRow.number`).
 */
import { readNumberPrefix, type NumberCursor } from '../parser/number';
import type { Position, Range } from '../text/range';

export interface Cell {
  /** The field's content: enclosing quotes removed, `""` read as `"`, line ends inside quotes kept as written; spaces kept. */
  readonly text: string;
  /** The field as written (see csv.ts). */
  readonly range: Range;
  /** Whether the field was quoted: `""` is a deliberately empty cell. */
  readonly quoted: boolean;
  /** Text found after a quoted field's closing quote, or null; such a cell is malformed. */
  readonly afterQuote: Range | null;
}

// Per cell: the field as written [start, end), its content [contentStart, contentEnd) (inside
// the quotes of a quoted field), and flags. Offsets index the CSV's text, a BOM included.
const FIELDS = 5;
export const QUOTED = 1;
export const DOUBLED_QUOTES = 2;

export class CellStore {
  data = new Int32Array(FIELDS * 1024);
  count = 0;

  constructor(readonly source: string) {}

  push(start: number, end: number, contentStart: number, contentEnd: number, flags: number): void {
    if ((this.count + 1) * FIELDS > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const base = this.count++ * FIELDS;
    this.data[base] = start;
    this.data[base + 1] = end;
    this.data[base + 2] = contentStart;
    this.data[base + 3] = contentEnd;
    this.data[base + 4] = flags;
  }
}

/** Where CsvRow.number's last read stopped; one for all rows, as a read never calls another. */
const CURSOR: NumberCursor = { tokenEnd: 0 };

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** One record of the file: its cells, packed in the table's store. Made by readCsv only. */
export class CsvRow {
  /**
   * @param line The 0-based line on which the row starts.
   * @param lineStart The offset in the text of that line's first character.
   * @param multiline Whether a quoted cell of the row holds a line end.
   */
  constructor(
    private readonly store: CellStore,
    private readonly first: number,
    readonly cellCount: number,
    readonly line: number,
    private readonly lineStart: number,
    private readonly multiline: boolean,
  ) {}

  /** The row's cells, made afresh on each call; keep the array rather than asking twice. */
  get cells(): Cell[] {
    const cells: Cell[] = [];
    for (let k = 0; k < this.cellCount; k++) cells.push(this.cell(k));
    return cells;
  }

  /** Cell k (0-based), with its text and range. */
  cell(k: number): Cell {
    const base = (this.first + k) * FIELDS;
    const data = this.store.data;
    const start = data[base];
    const end = data[base + 1];
    const quoted = (data[base + 4] & QUOTED) !== 0;
    const after = quoted ? this.afterQuoteStart(k) : -1;
    return {
      text: this.text(k),
      range: { start: this.position(start), end: this.position(end) },
      quoted,
      afterQuote: after < 0 ? null : { start: this.position(after), end: this.position(end) },
    };
  }

  /** Cell k's text alone (see Cell.text). */
  text(k: number): string {
    const base = (this.first + k) * FIELDS;
    const data = this.store.data;
    const source = this.store.source;
    const flags = data[base + 4];
    let content = source.slice(data[base + 2], data[base + 3]);
    if ((flags & QUOTED) === 0) return content;
    if ((flags & DOUBLED_QUOTES) !== 0) content = content.replaceAll('""', '"');
    return this.afterQuoteStart(k) < 0 ? content : content + source.slice(data[base + 3] + 1, data[base + 1]);
  }

  /**
   * Cell k's number when it is a plain one (spaces around it ignored, as parser/number.ts reads
   * it); NaN or ±Infinity otherwise: empty, not a number, too large, or text after a closing
   * quote. A `""` inside quotes is never part of a number, so reading the raw content is exact.
   */
  number(k: number): number {
    const base = (this.first + k) * FIELDS;
    const data = this.store.data;
    const source = this.store.source;
    if (this.hasTextAfterQuote(k)) return NaN;
    let start = data[base + 2];
    let end = data[base + 3];
    while (start < end && isSpaceOrTab(source.charCodeAt(start))) start++;
    while (end > start && isSpaceOrTab(source.charCodeAt(end - 1))) end--;
    if (start === end) return NaN;
    // readNumber, without its cursor object: one a cell made most of the garbage of a large file.
    const value = readNumberPrefix(source, start, end, CURSOR);
    return CURSOR.tokenEnd === end ? value : NaN;
  }

  /** Whether cell k is quoted and has text after its closing quote (see Cell.afterQuote). */
  hasTextAfterQuote(k: number): boolean {
    return (this.store.data[(this.first + k) * FIELDS + 4] & QUOTED) !== 0 && this.afterQuoteStart(k) >= 0;
  }

  /** Where text after cell k's closing quote starts, or −1 when there is none (k must be quoted). */
  private afterQuoteStart(k: number): number {
    const base = (this.first + k) * FIELDS;
    const data = this.store.data;
    const source = this.store.source;
    const end = data[base + 1];
    let m = data[base + 3] + 1; // after the closing quote
    while (m < end && isSpaceOrTab(source.charCodeAt(m))) m++;
    return m < end ? m : -1;
  }

  /** The line and column of an offset inside this row. */
  private position(offset: number): Position {
    if (!this.multiline) return { line: this.line, character: offset - this.lineStart };
    // A quoted cell holds a line end: count the line ends from the row's start (rare, and only
    // when a cell's range is asked for).
    const source = this.store.source;
    let line = this.line;
    let lineStart = this.lineStart;
    for (let i = this.store.data[this.first * FIELDS]; i < offset; i++) {
      const code = source.charCodeAt(i);
      if (code === 10 || (code === 13 && source.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, character: offset - lineStart };
  }
}
