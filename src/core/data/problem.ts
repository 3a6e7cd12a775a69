/**
 * A problem with a spec's data: a CSV file it reads (csv.ts, columns.ts), a generated data set
 * (generators.ts) or its validation split (split.ts). Like the parser's diagnostics, problems
 * are data, never exceptions, and every one is an error: a spec whose data has a problem is
 * never computed.
 *
 * Where a problem is shown (the caller decides; this module only says what it is about):
 * - `range` is where it is in the CSV's text, when it is in that text (a cell, a row, a header
 *   cell): 0-based line, UTF-16 columns, counted after a byte-order mark (see csv.ts);
 * - `selection` names the word of the spec's `data` or `validation` line it is about, when it
 *   is one (an unknown column name, a column number out of range, a COUNT of 0);
 * - a problem may have both (a class column with a single class: its header cell in the CSV,
 *   and the `y` word that chose it) or neither (a file too large: the data line as a whole).
 */
import type { Range } from '../text/range';
import { thousands } from '../notation/count';

/** Every code a data problem can have, with what it means (the README's table is made from this). */
export const DATA_PROBLEM_CODES = {
  'csv-empty': 'The CSV file holds nothing but blank lines: not even a header row.',
  'csv-no-rows': 'The CSV file has a header row but no data rows.',
  'csv-unterminated-quote': 'A quoted field has no closing double quote.',
  'csv-text-after-quote': 'A chosen cell has text after its closing double quote, e.g. `"1.5"x`.',
  'csv-ragged-row': 'A chosen row does not have as many cells as the header.',
  'csv-not-a-number': 'A cell of a numeric column is not a number, or too large to store.',
  'csv-empty-cell': 'A chosen cell is empty.',
  'csv-unknown-column': 'A column name is not in the header row.',
  'csv-ambiguous-column': 'A column name appears more than once in the header row.',
  'csv-column-out-of-range': 'A column number is 0 or greater than the number of columns.',
  'csv-reversed-range': 'A range of columns or rows runs backwards, e.g. `4-1`.',
  'csv-duplicate-column': 'A column is chosen twice (twice in `x`, twice in `y`, or in both).',
  'csv-no-columns': '`x` or `y` chooses no column.',
  'csv-onehot-columns': '`y … onehot` chooses more than one column.',
  'csv-single-class': 'The class column of `y … onehot` holds a single class.',
  'csv-rows-out-of-range': '`rows A-B` reaches outside the data rows of the file.',
  'csv-too-large': 'The chosen rows and columns hold more numbers than the limit.',
  'csv-more-problems': 'More problems than the limit per file: the rest are counted here.',
  'data-unknown-generator': 'The name of a generated data set is not one of the known ones.',
  'data-generator-shape': 'The network’s inputs or outputs do not fit the generated data set.',
  'data-generator-count': 'COUNT is not a whole number from 1 to the limit.',
  'data-generator-noise': '`noise` is negative or not a finite number.',
  'data-generator-seed': '`seed` is not a whole number from 0 to 4294967295.',
  'data-validation-percent': '`validation P%` with P not strictly between 0 and 100.',
  'data-validation-no-training': '`validation P%` would leave no training example.',
} as const;

export type DataProblemCode = keyof typeof DATA_PROBLEM_CODES;

/**
 * The word of a spec's line a problem is about: `x` or `y` (index: the index of the COLUMNS word
 * after it, 0-based), `rows`, or a generated set's `name`, `count`, `noise`, `seed`, or the
 * percentage of `validation` (index 0 for these).
 */
export type DataToken = 'x' | 'y' | 'rows' | 'name' | 'count' | 'noise' | 'seed' | 'validation';

export interface DataProblem {
  /** Stable and kebab-case: a key of DATA_PROBLEM_CODES. */
  readonly code: DataProblemCode;
  /** What was expected, what was found and how to fix it, in plain words (no final full stop, as the parser's). */
  readonly message: string;
  /** Where in the CSV's text, or null when the problem is not in that text. */
  readonly range: Range | null;
  /** The spec word it is about, when there is one. */
  readonly selection?: { readonly part: DataToken; readonly index: number };
  /** The name a "did you mean" proposes, so that the caller can offer it as a quick fix on `selection`. */
  readonly suggestion?: string;
}

/** The most problems listed for one data file or data line; the rest are counted in one closing entry. */
export const MAX_DATA_PROBLEMS = 100;

interface Entry {
  readonly problem: DataProblem;
  readonly seq: number;
}

/** Problems about the spec's words (no range) first, in the order found; then in CSV text order. */
function byPosition(p: Entry, q: Entry): number {
  const a = p.problem.range;
  const b = q.problem.range;
  if (a === null || b === null) return a === b ? p.seq - q.seq : a === null ? -1 : 1;
  return a.start.line - b.start.line || a.start.character - b.start.character || p.seq - q.seq;
}

/**
 * Collects the problems of one file, keeping the first `cap` in order (see byPosition) and
 * counting the rest, so that a file of a million bad cells costs O(cap) memory, not a million
 * objects. The same scheme as the parser's Reporter: entries are sorted and trimmed whenever
 * twice the cap have piled up.
 */
export class DataProblemList {
  private list: Entry[] = [];
  private seq = 0;
  private dropped = 0;
  private firstDropped: DataProblem | null = null;

  constructor(private readonly cap: number = MAX_DATA_PROBLEMS) {}

  /** Every problem added, listed or not. */
  get count(): number {
    return this.seq;
  }

  add(problem: DataProblem): void {
    this.list.push({ problem, seq: this.seq++ });
    if (this.list.length >= 2 * this.cap) this.trim();
  }

  /**
   * The kept problems in order, closed by one `csv-more-problems` entry that counts the rest
   * of `fileName` (the name the user knows the file by, such as `iris.csv`) when there are any.
   */
  finish(fileName: string): DataProblem[] {
    this.trim();
    const kept = this.list.map((entry) => entry.problem);
    if (this.dropped === 0) return kept;
    const n = this.dropped;
    kept.push({
      code: 'csv-more-problems',
      range: this.firstDropped?.range ?? null,
      message: `… and ${thousands(n)} more ${n === 1 ? 'problem' : 'problems'} in ${fileName}; only the first ${thousands(this.cap)} are listed. Fix those and the rest will show`,
    });
    return kept;
  }

  private trim(): void {
    this.list.sort(byPosition);
    if (this.list.length <= this.cap) return;
    const rest = this.list.slice(this.cap);
    this.list.length = this.cap;
    this.dropped += rest.length;
    // rest is sorted, so its head is the earliest of this batch; compare with earlier batches.
    const head = rest[0];
    if (this.firstDropped === null || byPosition(head, { problem: this.firstDropped, seq: -1 }) < 0) this.firstDropped = head.problem;
  }
}
