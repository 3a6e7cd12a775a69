import { matrix, sameShape, vector, type Value } from './values';

/**
 * Arithmetic on values, entry by entry: a number combines with every entry of a vector or
 * matrix, two vectors or matrices combine entry by entry when their shapes are equal, and
 * reductions (sum, max, min, norm, mean) turn any value into one number. Results are new
 * arrays; the operands are never written to.
 */

/**
 * A result's label, made only when the result is a vector or matrix: a breakpoint condition on
 * numbers is evaluated at every step and should not print itself each time.
 */
export type Label = () => string;

/** f applied to every entry; `label` names the result when it is not a number. */
export function mapValue(value: Value, f: (x: number) => number, label: Label): Value {
  if (typeof value === 'number') return f(value);
  const data = new Float64Array(value.data.length);
  for (let q = 0; q < data.length; q++) data[q] = f(value.data[q]);
  return value.kind === 'vector' ? vector(data, label()) : matrix(data, value.rows, value.cols, label());
}

/** f on matching entries, or null when the shapes differ (the caller words the message). */
export function combineValues(x: Value, y: Value, f: (p: number, q: number) => number, label: Label): Value | null {
  if (typeof x === 'number' && typeof y === 'number') return f(x, y);
  if (typeof x === 'number') return mapValue(y, (q) => f(x, q), label);
  if (typeof y === 'number') return mapValue(x, (p) => f(p, y), label);
  if (!sameShape(x, y)) return null;
  const data = new Float64Array(x.data.length);
  for (let q = 0; q < data.length; q++) data[q] = f(x.data[q], y.data[q]);
  return x.kind === 'vector' ? vector(data, label()) : matrix(data, x.rows, x.cols, label());
}

const truth = (x: number): boolean => x !== 0 && x === x;
const bit = (holds: boolean): number => (holds ? 1 : 0);

/** The arithmetic and comparison operators on two numbers; logic gives 1 or 0. */
export const BINARY: Record<string, (p: number, q: number) => number> = {
  '+': (p, q) => p + q,
  '-': (p, q) => p - q,
  '*': (p, q) => p * q,
  '/': (p, q) => p / q,
  '^': (p, q) => p ** q,
  '<': (p, q) => bit(p < q),
  '<=': (p, q) => bit(p <= q),
  '>': (p, q) => bit(p > q),
  '>=': (p, q) => bit(p >= q),
  '==': (p, q) => bit(p === q),
  '!=': (p, q) => bit(p !== q),
  '&&': (p, q) => bit(truth(p) && truth(q)),
  '||': (p, q) => bit(truth(p) || truth(q)),
};

export const UNARY: Record<'-' | '+' | '!', (x: number) => number> = {
  '-': (x) => -x,
  '+': (x) => x,
  '!': (x) => bit(!truth(x)),
};

/** Entry-by-entry functions. */
export const ELEMENTWISE: Record<'abs' | 'exp' | 'log' | 'sqrt', (x: number) => number> = {
  abs: Math.abs,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
};

function entries(value: Value): ArrayLike<number> {
  return typeof value === 'number' ? [value] : value.data;
}

/** Functions that reduce a value to one number (a number reduces to itself; norm to its size). */
export const REDUCTIONS: Record<'sum' | 'max' | 'min' | 'norm' | 'mean', (value: Value) => number> = {
  sum: (value) => {
    const xs = entries(value);
    let s = 0;
    for (let q = 0; q < xs.length; q++) s += xs[q];
    return s;
  },
  mean: (value) => REDUCTIONS.sum(value) / entries(value).length,
  max: (value) => {
    const xs = entries(value);
    let m = -Infinity;
    // NaN wins, so a NaN among the entries is never hidden behind a finite maximum.
    for (let q = 0; q < xs.length; q++) if (!(xs[q] <= m)) m = xs[q];
    return m;
  },
  min: (value) => {
    const xs = entries(value);
    let m = Infinity;
    for (let q = 0; q < xs.length; q++) if (!(xs[q] >= m)) m = xs[q];
    return m;
  },
  norm: (value) => {
    const xs = entries(value);
    // Scaled by the largest entry, so squares of large or tiny numbers neither overflow nor underflow.
    let scale = 0;
    for (let q = 0; q < xs.length; q++) scale = Math.max(scale, Math.abs(xs[q]));
    // Math.max carries a NaN through, so 0, ∞ and NaN are each the answer themselves.
    if (scale === 0 || !Number.isFinite(scale)) return scale;
    let s = 0;
    for (let q = 0; q < xs.length; q++) s += (xs[q] / scale) ** 2;
    return scale * Math.sqrt(s);
  },
};
