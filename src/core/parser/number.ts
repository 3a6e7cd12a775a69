/**
 * Reads one number literal from a stretch of text, with no allocation in the common case.
 * Accepted: an optional sign (`+`, `-` or the typographic minus `−` copied from articles),
 * digits with an optional fraction or a fraction alone (`5`, `5.`, `.5`, `0.15`), and an
 * optional exponent (`2.5e-3`, `1E4`).
 */

// 10^0 … 10^22 are exact doubles, which makes the fast path below exact (Clinger, 1990).
const POWERS_OF_TEN = [
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];
/** 15 decimal digits always fit in the 53-bit significand of a double. */
const MAX_FAST_DIGITS = 15;

const ZERO = 48;
const NINE = 57;
const PLUS = 43;
const MINUS = 45;
const TYPOGRAPHIC_MINUS = 0x2212;
const DOT = 46;

/** True for the characters a number may start with. */
export function startsNumber(code: number): boolean {
  return (code >= ZERO && code <= NINE) || code === DOT || code === PLUS || code === MINUS || code === TYPOGRAPHIC_MINUS;
}

/** Where the last call to readNumberPrefix stopped reading. */
export interface NumberCursor {
  tokenEnd: number;
}

/**
 * The value of text[start, end), which must be exactly one literal: NaN when it is not
 * (`0.1.2`, `1e`, `-`, `1,5`), ±Infinity when it overflows (`1e400`). The result is the
 * correctly rounded double, the same as Number() gives.
 */
export function readNumber(text: string, start: number, end: number): number {
  const cursor = { tokenEnd: 0 };
  const value = readNumberPrefix(text, start, end, cursor);
  return cursor.tokenEnd === end ? value : NaN;
}

/**
 * Reads the longest number literal that starts at `start` and ends by `limit`, sets
 * cursor.tokenEnd to where it ends, and returns its value; returns NaN, with tokenEnd = start,
 * when no literal starts there. One pass, no allocation unless the literal has more than 15
 * significant digits or an exponent beyond ±22 (then Number() decides the rounding).
 */
export function readNumberPrefix(text: string, start: number, limit: number, cursor: NumberCursor): number {
  let i = start;
  let negative = false;
  let code = text.charCodeAt(i);
  if (code === PLUS || code === MINUS || code === TYPOGRAPHIC_MINUS) {
    negative = code !== PLUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0; // significant digits, leading zeros excluded
  let anyDigit = false;
  let scale = 0; // the value is mantissa · 10^(scale + exponent)
  for (; i < limit; i++) {
    code = text.charCodeAt(i);
    if (code < ZERO || code > NINE) break;
    anyDigit = true;
    if (mantissa !== 0 || code !== ZERO) {
      mantissa = mantissa * 10 + (code - ZERO);
      digits++;
    }
  }
  if (i < limit && text.charCodeAt(i) === DOT) {
    for (i++; i < limit; i++) {
      code = text.charCodeAt(i);
      if (code < ZERO || code > NINE) break;
      anyDigit = true;
      scale--;
      if (mantissa !== 0 || code !== ZERO) {
        mantissa = mantissa * 10 + (code - ZERO);
        digits++;
      }
    }
  }
  if (!anyDigit) {
    cursor.tokenEnd = start;
    return NaN;
  }
  let exponent = 0;
  if (i < limit && (text.charCodeAt(i) | 0x20) === 101 /* e or E */) {
    let j = i + 1;
    let negativeExponent = false;
    code = text.charCodeAt(j);
    if (j < limit && (code === PLUS || code === MINUS || code === TYPOGRAPHIC_MINUS)) {
      negativeExponent = code !== PLUS;
      j++;
    }
    const exponentStart = j;
    for (; j < limit; j++) {
      code = text.charCodeAt(j);
      if (code < ZERO || code > NINE) break;
      if (exponent < 100_000) exponent = exponent * 10 + (code - ZERO);
    }
    // `1e` or `1e-` is no exponent: the literal ends before the `e`.
    if (j > exponentStart) {
      i = j;
      if (negativeExponent) exponent = -exponent;
    } else exponent = 0;
  }
  cursor.tokenEnd = i;

  let value: number;
  const power = scale + exponent;
  if (mantissa === 0) value = 0;
  else if (digits <= MAX_FAST_DIGITS && power >= -22 && power <= 22)
    value = power < 0 ? mantissa / POWERS_OF_TEN[-power] : mantissa * POWERS_OF_TEN[power];
  else value = slowNumber(text, start, i);
  return negative ? -value : value;
}

/** Number() on the unsigned literal, for the rare numbers outside the exact fast path. */
function slowNumber(text: string, start: number, end: number): number {
  let literal = text.slice(start, end).replace('\u2212', '-');
  const first = literal.charCodeAt(0);
  if (first === PLUS || first === MINUS) literal = literal.slice(1);
  return Number(literal.replace('\u2212', '-'));
}
