import { SPECIAL_SPELLINGS } from './names';
import type { ExpressionError } from './ast';

/**
 * Tokens of an expression, with their character offsets (UTF-16 code units, `end` exclusive)
 * so every message can point at the text it is about.
 *
 * Besides the ASCII operators, the lexer reads the symbols a learner copies from a trace or a
 * hover: `−` (U+2212) and `×`, `·` for minus and times, `≤ ≥ ≠`, a layer as a superscript
 * `⁽²⁾` and indices as subscripts `₁₂` (one digit each, or comma-separated `₁₂,₃` as
 * symbols.ts writes several-digit indices).
 */
export type Token =
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly start: number; readonly end: number }
  /** A name as spelled: `delta`, `δ`, `dc/dw`, `∂cᵢ/∂w`, `abs`, or any other word (the parser rejects unknown ones). */
  | { readonly type: 'name'; readonly text: string; readonly start: number; readonly end: number }
  /** `⁽²⁾` or `⁽ᴸ⁾`. */
  | { readonly type: 'layer'; readonly layer: number | 'L'; readonly start: number; readonly end: number }
  /** `₁₂`: each index with its own offsets. */
  | { readonly type: 'subscript'; readonly indices: readonly SubscriptIndex[]; readonly start: number; readonly end: number }
  | { readonly type: 'op'; readonly op: Operator; readonly start: number; readonly end: number }
  | { readonly type: 'end'; readonly start: number; readonly end: number };

export interface SubscriptIndex {
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

export type Operator = '+' | '-' | '*' | '/' | '^' | '(' | ')' | '[' | ']' | ',' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||' | '!';

/** Operators by spelling, longest first; the Unicode ones map to their ASCII equivalents. */
const OPERATORS: readonly (readonly [string, Operator])[] = [
  ['<=', '<='], ['>=', '>='], ['==', '=='], ['!=', '!='], ['&&', '&&'], ['||', '||'],
  ['≤', '<='], ['≥', '>='], ['≠', '!='], ['−', '-'], ['×', '*'], ['·', '*'], ['∧', '&&'], ['∨', '||'],
  ['+', '+'], ['-', '-'], ['*', '*'], ['/', '/'], ['^', '^'], ['(', '('], [')', ')'], ['[', '['], [']', ']'],
  [',', ','], ['<', '<'], ['>', '>'], ['!', '!'],
];

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

const isWordStart = (ch: string) => /[A-Za-z_]/.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_]/.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** The tokens of `text`, ending with an `end` token, or the first mistake in it. */
export function tokenize(text: string): { readonly tokens: readonly Token[] } | { readonly error: ExpressionError } {
  const tokens: Token[] = [];
  let p = 0;
  while (p < text.length) {
    const ch = text[p];
    if (/\s/.test(ch)) {
      p++;
      continue;
    }
    const start = p;
    // Numbers: 12, 0.5, .5, 1e-4, 2.5E+3.
    if (isDigit(ch) || (ch === '.' && isDigit(text[p + 1]))) {
      while (isDigit(text[p])) p++;
      if (text[p] === '.') for (p++; isDigit(text[p]); ) p++;
      if ((text[p] === 'e' || text[p] === 'E') && (isDigit(text[p + 1]) || (/[+-]/.test(text[p + 1] ?? '') && isDigit(text[p + 2])))) {
        p += 2;
        while (isDigit(text[p])) p++;
      }
      if (isWordChar(text[p]) || text[p] === '.') {
        while (isWordChar(text[p]) || text[p] === '.') p++;
        return failure(`‘${text.slice(start, p)}’ is not a number`, start, p);
      }
      const raw = text.slice(start, p);
      tokens.push({ type: 'number', value: Number(raw), text: raw, start, end: p });
      continue;
    }
    // Spellings with /, ', ′, ∂ or a Unicode letter (dc/dw, sigma', ∂cᵢ/∂w, cᵢ, δ), longest first.
    const special = SPECIAL_SPELLINGS.find((s) => text.startsWith(s, p) && !(isWordChar(s[s.length - 1]) && isWordChar(text[p + s.length])));
    if (special !== undefined) {
      p += special.length;
      tokens.push({ type: 'name', text: special, start, end: p });
      continue;
    }
    if (isWordStart(ch)) {
      while (isWordChar(text[p])) p++;
      tokens.push({ type: 'name', text: text.slice(start, p), start, end: p });
      continue;
    }
    if (ch === '⁽') {
      const layer = readLayer(text, p);
      if ('error' in layer) return layer;
      tokens.push(layer.token);
      p = layer.token.end;
      continue;
    }
    if (SUBSCRIPT_DIGITS.includes(ch)) {
      const token = readSubscript(text, p);
      tokens.push(token);
      p = token.end;
      continue;
    }
    const operator = OPERATORS.find(([spelling]) => text.startsWith(spelling, p));
    if (operator !== undefined) {
      p += operator[0].length;
      tokens.push({ type: 'op', op: operator[1], start, end: p });
      continue;
    }
    const width = ch.codePointAt(0)! > 0xffff ? 2 : 1;
    if (ch === '∂') {
      let q = p + 1;
      while (q < text.length && !/[\s()[\],+*^<>=!&|]/.test(text[q])) q++;
      return failure(`unknown symbol ‘${text.slice(p, q)}’: write ∂c/∂w, ∂cᵢ/∂w, ∂c/∂b, ∂cᵢ/∂b or ∂cᵢ/∂a`, p, q);
    }
    if (ch === '=' || ch === '&' || ch === '|') return failure(`‘${ch}’ alone is not an operator: write ${ch}${ch}`, p, p + 1);
    if (ch === 'σ') return failure('σ alone is not a quantity: write σ′(z⁽ℓ⁾ⱼ) for the slope', p, p + 1);
    return failure(`unexpected character ‘${text.slice(p, p + width)}’`, p, p + width);
  }
  tokens.push({ type: 'end', start: text.length, end: text.length });
  return { tokens };
}

function failure(message: string, start: number, end: number): { error: ExpressionError } {
  return { error: { message, start, end } };
}

/** `⁽12⁾` or `⁽ᴸ⁾` starting at p. */
function readLayer(text: string, p: number): { token: Token & { type: 'layer' } } | { error: ExpressionError } {
  let q = p + 1;
  let digits = '';
  let isL = false;
  if (text[q] === 'ᴸ') {
    isL = true;
    q++;
  } else
    for (; q < text.length && SUPERSCRIPT_DIGITS.includes(text[q]); q++) digits += String(SUPERSCRIPT_DIGITS.indexOf(text[q]));
  if (text[q] !== '⁾' || (!isL && digits === '')) {
    const end = text.indexOf('⁾', p);
    return failure('a layer in superscript is written ⁽ℓ⁾ with superscript digits, e.g. ⁽²⁾', p, end < 0 ? q : end + 1);
  }
  return { token: { type: 'layer', layer: isL ? 'L' : Number(digits), start: p, end: q + 1 } };
}

/**
 * A run of subscript digits: each digit one index (`₁₂` is 1, 2), unless commas separate them
 * (`₁₂,₃` is 12, 3), as symbols.ts writes an index of several digits. A comma belongs to the
 * subscript only when a subscript digit follows it; otherwise it separates arguments.
 */
function readSubscript(text: string, p: number): Token & { type: 'subscript' } {
  let q = p;
  let commas = false;
  while (q < text.length && (SUBSCRIPT_DIGITS.includes(text[q]) || (text[q] === ',' && SUBSCRIPT_DIGITS.includes(text[q + 1] ?? '')))) {
    if (text[q] === ',') commas = true;
    q++;
  }
  const indices: SubscriptIndex[] = [];
  if (!commas) {
    for (let r = p; r < q; r++) indices.push({ value: SUBSCRIPT_DIGITS.indexOf(text[r]), start: r, end: r + 1 });
  } else {
    let from = p;
    for (let r = p; r <= q; r++) {
      if (r < q && text[r] !== ',') continue;
      let value = 0;
      for (let s = from; s < r; s++) value = value * 10 + SUBSCRIPT_DIGITS.indexOf(text[s]);
      indices.push({ value, start: from, end: r });
      from = r + 1;
    }
  }
  return { type: 'subscript', indices, start: p, end: q };
}
