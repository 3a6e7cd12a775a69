import { formatNumber } from '../notation/format';

/**
 * The learner's typed answer in exercise mode: how it is read, and when it counts as the value
 * the panel would show.
 *
 * Read: an optional sign (`-`, `+` or the minus sign `−` the panel writes), digits with one
 * decimal separator, and an optional power of ten. The separator is a point, or a comma when the
 * number has no point (`0,7414` is 0.7414): the panel never writes thousands separators, so a
 * comma can only be a decimal comma. A power of ten is written `e-3`/`E-3`, or the way the panel
 * writes it, `×10⁻³`, also typed as `x10^-3`, `*10^-3` or `· 10^{-3}`. Anything else (two
 * separators, a fraction, an expression, `1 234`) is not read, and the message says what was
 * expected.
 *
 * Accepted: an answer is right when, at the panel's `digits` significant digits, it is written
 * as the value is written, or lies within half a unit of the last digit shown. The caller also
 * offers the value worked out from the factors exactly as the panel shows them (rounded), so a
 * learner who multiplies the shown numbers is never told off for the rounding of the last digit.
 */

/** A number read from the learner's text, and how many significant digits they typed. */
export interface ReadAnswer {
  readonly ok: true;
  readonly value: number;
  /** Significant digits typed (`0.0741` has 3, `100` has 3, `1.5e-3` has 2); at least 1. */
  readonly digits: number;
}

export interface UnreadAnswer {
  readonly ok: false;
  /** Why the text is not a number, in a sentence to show beside the input. */
  readonly message: string;
}

const SUPERSCRIPTS: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9', '⁻': '-', '⁺': '+' };

/** `×10⁻³`, `x 10^-3`, `*10^{-3}`, `·10^3` at the end of the text: the exponent's text, or null. */
const TIMES_TEN = /^(.*?)\s*[×x*·]\s*10\s*(?:\^\s*\{?\s*([+\-−]?\d+)\s*\}?|([⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))$/;
const E_POWER = /^(.*?)[eE]([+\-−]?\d+)$/;
const MANTISSA = /^([+\-−]?)(\d*)(?:[.,](\d*))?$/;

export function readAnswer(input: string): ReadAnswer | UnreadAnswer {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Type a number, such as 0.1385 or −1.2e-3.' };
  let mantissa = text;
  let exponent = 0;
  const times = TIMES_TEN.exec(text);
  const power = times ? null : E_POWER.exec(text);
  if (times) {
    mantissa = times[1];
    const written = times[2] ?? [...times[3]].map((c) => SUPERSCRIPTS[c]).join('');
    exponent = Number(written.replace('−', '-'));
  } else if (power) {
    mantissa = power[1];
    exponent = Number(power[2].replace('−', '-'));
  }
  if ((mantissa.match(/[.,]/g) ?? []).length > 1) {
    return { ok: false, message: `“${shorten(text)}” has more than one decimal separator: write one point (or one comma) and no thousands separators.` };
  }
  const parts = MANTISSA.exec(mantissa.replace(/^([+\-−])\s+/, '$1'));
  if (!parts || (parts[2] === '' && (parts[3] ?? '') === '')) {
    return { ok: false, message: `“${shorten(text)}” is not a number. Write it as 0.1385, −0.042, 1.2e-3 or 1.2×10⁻³.` };
  }
  const [, sign, whole, fraction = ''] = parts;
  const value = Number(`${sign === '' || sign === '+' ? '' : '-'}${whole || '0'}.${fraction || '0'}e${exponent}`);
  if (!Number.isFinite(value)) return { ok: false, message: `“${shorten(text)}” is too large to be a value of this network.` };
  return { ok: true, value, digits: significantDigits(whole + fraction) };
}

/** Significant digits of a string of digits: from its first non-zero digit to its end. */
function significantDigits(digits: string): number {
  const first = digits.search(/[1-9]/);
  return first < 0 ? 1 : digits.length - first;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Whether `answer` is `value` as shown at `digits` significant digits: written alike, or within
 * half a unit of the last digit shown (a hair more, for the binary rounding of both numbers).
 * The value 0 is shown as "0", and only 0 (within 10⁻¹⁵) is it.
 */
export function agreesAt(answer: number, value: number, digits: number): boolean {
  if (!Number.isFinite(answer) || !Number.isFinite(value)) return false;
  if (formatNumber(answer, digits) === formatNumber(value, digits)) return true;
  if (value === 0) return Math.abs(answer) <= 1e-15;
  return Math.abs(answer - value) <= 0.5 * lastDigitUnit(value, digits) * (1 + 1e-9);
}

/** The size of one unit in the last of `digits` significant digits of `value` (not 0). */
export function lastDigitUnit(value: number, digits: number): number {
  const rounded = Number(Math.abs(value).toPrecision(digits));
  return 10 ** (Math.floor(Math.log10(rounded)) - digits + 1);
}

/** `value` rounded to `digits` significant digits: the number as the panel shows it. */
export function shown(value: number, digits: number): number {
  return Number.isFinite(value) && value !== 0 ? Number(value.toPrecision(digits)) : value;
}
