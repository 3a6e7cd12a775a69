import { superscriptText } from './symbols';

/**
 * Numbers as a person reads them: `digits` significant digits (default 6), trailing zeros
 * dropped, never "-0", and a power of ten written as ×10ⁿ (text) or \times 10^{n} (TeX) rather
 * than JavaScript's "1e+2". Plain decimals are used from 10⁻⁴ up to 10^digits; outside that
 * range the scientific form is shorter and clearer.
 */
export const DEFAULT_DIGITS = 6;

interface Parts {
  /** Mantissa or plain decimal, with sign. */
  readonly digits: string;
  /** Power of ten, or null for plain decimals. */
  readonly exponent: number | null;
}

/**
 * Splits a number into what is printed. Written with plain string scans rather than regular
 * expressions: a trace of a large network formats hundreds of numbers per step shown.
 */
function parts(x: number, digits: number): Parts | string {
  if (x !== x) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  if (x === 0) return '0'; // also −0
  const size = x < 0 ? -x : x;
  if (size >= 1e-4 && size < 10 ** digits) {
    // toPrecision writes plain decimals here, unless rounding carried into one more digit (999999.7 → 1.00000e+6).
    const plain = x.toPrecision(digits);
    if (plain.indexOf('e') < 0) return { digits: trimZeros(plain), exponent: null };
  }
  const scientific = x.toExponential(digits - 1);
  const e = scientific.indexOf('e');
  return { digits: trimZeros(scientific.slice(0, e)), exponent: Number(scientific.slice(e + 1)) };
}

/** Drops trailing zeros after a decimal point, and the point itself when nothing follows it. */
function trimZeros(s: string): string {
  if (s.indexOf('.') < 0) return s === '-0' ? '0' : s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  const trimmed = end === s.length ? s : s.slice(0, end);
  return trimmed === '-0' ? '0' : trimmed;
}

/**
 * Formatted numbers are remembered: a trace shows the same δ, a and w in many steps, and
 * formatting costs far more than a lookup. Bounded, and cleared whole when full.
 */
const MEMO_LIMIT = 1 << 16;
const memo = new Map<string, Map<number, string>>();

function remembered(kind: string, digits: number, x: number, make: () => string): string {
  const key = kind + digits;
  let table = memo.get(key);
  if (table === undefined) memo.set(key, (table = new Map()));
  let s = table.get(x);
  if (s === undefined) {
    if (table.size >= MEMO_LIMIT) table.clear();
    s = make();
    table.set(x, s);
  }
  return s;
}

/**
 * e.g. 0.741365, −0.0380982, 1.5×10⁻⁷, 2.34568×10¹², 100. Negative numbers take the minus sign
 * (U+2212) that the formulas beside them use; the spec's parser reads it too, so a number copied
 * from a hover or a trace back into a spec still parses.
 */
export function formatNumber(x: number, digits: number = DEFAULT_DIGITS): string {
  return remembered('t', digits, x, () => formatText(x, digits));
}

function formatText(x: number, digits: number): string {
  const p = parts(x, digits);
  if (typeof p === 'string') return withMinusSign(p);
  const text = p.exponent === null ? p.digits : `${p.digits}×10${superscriptText(p.exponent)}`;
  return withMinusSign(text);
}

function withMinusSign(text: string): string {
  return text.charCodeAt(0) === 45 ? `−${text.slice(1)}` : text;
}

/** The same in TeX: 1.5 \times 10^{-7}, \infty. */
export function formatNumberTex(x: number, digits: number = DEFAULT_DIGITS): string {
  return remembered('x', digits, x, () => formatTex(x, digits));
}

function formatTex(x: number, digits: number): string {
  const p = parts(x, digits);
  if (typeof p === 'string') return p === '∞' ? '\\infty' : p === '-∞' ? '-\\infty' : p === 'NaN' ? '\\text{NaN}' : p;
  return p.exponent === null ? p.digits : `${p.digits} \\times 10^{${p.exponent}}`;
}

/** A number as a factor in a product: negative ones in parentheses, so "0.5 × (−2)" reads right. */
export function formatFactor(x: number, digits: number = DEFAULT_DIGITS): string {
  const s = formatNumber(x, digits);
  return s.startsWith('−') || s.includes('×') ? `(${s})` : s;
}

export function formatFactorTex(x: number, digits: number = DEFAULT_DIGITS): string {
  const s = formatNumberTex(x, digits);
  return s.startsWith('-') || s.includes('\\times') ? `\\left(${s}\\right)` : s;
}
