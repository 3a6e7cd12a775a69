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

function parts(x: number, digits: number): Parts | string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '-∞';
  if (x === 0) return '0'; // also −0
  const precise = x.toPrecision(digits);
  const [mantissa, exp] = precise.split('e');
  // The power of ten after rounding (0.9999996 rounds to 1.00000, which is 10⁰).
  const exponent = exp !== undefined ? Number(exp) : Math.floor(Math.log10(Math.abs(Number(precise))));
  if (exponent >= -4 && exponent < Math.max(digits, 1)) {
    return { digits: trimZeros(Number(precise).toFixed(Math.max(0, digits - 1 - exponent))), exponent: null };
  }
  const scaled = trimZeros((Number(mantissa) / (exp !== undefined ? 1 : 10 ** exponent)).toFixed(digits - 1));
  return { digits: scaled, exponent };
}

function trimZeros(s: string): string {
  if (!s.includes('.')) return s === '-0' ? '0' : s;
  const trimmed = s.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

/** e.g. 0.741365, -0.0380982, 1.5×10⁻⁷, 2.34568×10¹², 100. */
export function formatNumber(x: number, digits: number = DEFAULT_DIGITS): string {
  const p = parts(x, digits);
  if (typeof p === 'string') return p;
  return p.exponent === null ? p.digits : `${p.digits}×10${superscriptText(p.exponent)}`;
}

/** The same in TeX: 1.5 \times 10^{-7}, \infty. */
export function formatNumberTex(x: number, digits: number = DEFAULT_DIGITS): string {
  const p = parts(x, digits);
  if (typeof p === 'string') return p === '∞' ? '\\infty' : p === '-∞' ? '-\\infty' : p === 'NaN' ? '\\text{NaN}' : p;
  return p.exponent === null ? p.digits : `${p.digits} \\times 10^{${p.exponent}}`;
}

/** A number as a factor in a product: negative ones in parentheses, so "0.5 × (−2)" reads right. */
export function formatFactor(x: number, digits: number = DEFAULT_DIGITS): string {
  const s = formatNumber(x, digits);
  return s.startsWith('-') || s.includes('×') ? `(${s})` : s;
}

export function formatFactorTex(x: number, digits: number = DEFAULT_DIGITS): string {
  const s = formatNumberTex(x, digits);
  return s.startsWith('-') || s.includes('\\times') ? `\\left(${s}\\right)` : s;
}
