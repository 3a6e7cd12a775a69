import { DEFAULT_DIGITS, formatNumber } from '../notation/format';

/**
 * What an expression evaluates to: a number, a vector (δ⁽²⁾, x) or a matrix (w⁽¹⁾, ∂c/∂w⁽¹⁾).
 * Comparisons and logic give 1 or 0, so a breakpoint condition is a number like any other.
 *
 * A vector or matrix read straight from a quantity keeps its notation name as `label` and can
 * name each entry (`entryName`), which the Variables view pages through without making a string
 * per entry up front; computed ones are labelled with the expression that made them.
 */
export type Value = number | VectorValue | MatrixValue;

export interface VectorValue {
  readonly kind: 'vector';
  /** Owned by the value: never a view into the engine's arrays. */
  readonly data: Float64Array;
  readonly label: string;
  /** The notation name of entry `index` (1-based), e.g. δ⁽²⁾₁, when the vector is a quantity. */
  readonly entryName?: (index: number) => string;
}

export interface MatrixValue {
  readonly kind: 'matrix';
  readonly rows: number;
  readonly cols: number;
  /** Row by row: entry (r, c), 1-based, at (r − 1)·cols + (c − 1). */
  readonly data: Float64Array;
  readonly label: string;
  /** The notation name of entry (row, col), 1-based, e.g. w⁽²⁾₁₂, when the matrix is a quantity. */
  readonly entryName?: (row: number, col: number) => string;
}

export function vector(data: Float64Array, label: string, entryName?: (index: number) => string): VectorValue {
  return entryName === undefined ? { kind: 'vector', data, label } : { kind: 'vector', data, label, entryName };
}

export function matrix(data: Float64Array, rows: number, cols: number, label: string, entryName?: (row: number, col: number) => string): MatrixValue {
  return entryName === undefined ? { kind: 'matrix', rows, cols, data, label } : { kind: 'matrix', rows, cols, data, label, entryName };
}

/** "a number", "a vector of 3", "a 2×3 matrix": for messages about shapes. */
export function shapeOf(value: Value): string {
  if (typeof value === 'number') return 'a number';
  return value.kind === 'vector' ? `a vector of ${value.data.length}` : `a ${value.rows}×${value.cols} matrix`;
}

export function sameShape(x: VectorValue | MatrixValue, y: VectorValue | MatrixValue): boolean {
  if (x.kind === 'vector' || y.kind === 'vector') return x.kind === y.kind && x.data.length === y.data.length;
  return x.rows === y.rows && x.cols === y.cols;
}

/**
 * A breakpoint condition's verdict: a number is true unless it is 0 or NaN (as in JavaScript
 * and C); a vector or matrix has no single truth, so it gives null and the caller says so.
 */
export function truthy(value: Value): boolean | null {
  return typeof value === 'number' ? value !== 0 && value === value : null;
}

/**
 * A value as the Debug Console and the Watch view show it, numbers with `digits` significant
 * digits as everywhere else: 0.138499, [0.138499, −0.0380982], [[0.4, 0.5], [0.45, 0.55]].
 * Past `maxEntries` entries in a row, or rows in a matrix, the rest is elided with a count.
 */
export function formatValue(value: Value, digits: number = DEFAULT_DIGITS, maxEntries = 16): string {
  if (typeof value === 'number') return formatNumber(value, digits);
  if (value.kind === 'vector') return formatRow(value.data, 0, value.data.length, digits, maxEntries);
  const rows: string[] = [];
  const shownRows = Math.min(value.rows, maxEntries);
  for (let r = 0; r < shownRows; r++) rows.push(formatRow(value.data, r * value.cols, value.cols, digits, maxEntries));
  if (shownRows < value.rows) rows.push(`… ${value.rows - shownRows} more rows`);
  return `[${rows.join(', ')}]`;
}

function formatRow(data: Float64Array, offset: number, length: number, digits: number, maxEntries: number): string {
  const shown = Math.min(length, maxEntries);
  const parts: string[] = [];
  for (let q = 0; q < shown; q++) parts.push(formatNumber(data[offset + q], digits));
  if (shown < length) parts.push(`… ${length - shown} more`);
  return `[${parts.join(', ')}]`;
}
