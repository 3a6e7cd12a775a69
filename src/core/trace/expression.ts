import { formatFactor, formatFactorTex, formatNumber, formatNumberTex } from '../notation/format';
import type { Notation } from '../notation/symbols';
import type { Factor, StepAddress } from './types';

/**
 * Building blocks for a step's right-hand side: products and sums of factors, each written
 * twice, once in symbols (the general formula) and once with the numbers in place.
 */
export interface Content {
  readonly formulaTex: string;
  readonly formulaText: string;
  readonly substitutedTex: string;
  readonly substitutedText: string;
  readonly factors: readonly Factor[];
  readonly note?: string;
}

/** One term of a sum: its symbols, its numbers, its value and the factors it is made of. */
export interface Term {
  readonly tex: string;
  readonly text: string;
  readonly numTex: string;
  readonly numText: string;
  readonly value: number;
  readonly factors: readonly Factor[];
}

/** Sums longer than this show their first SHOWN_HEAD terms, an elision with the middle's total, and the last term. */
export const MAX_SHOWN_TERMS = 6;
const SHOWN_HEAD = 3;
/** A step lists the factors of at most this many terms (so a 784-input z lists 1568 w and a, not more). */
export const FACTOR_TERM_CAP = 1024;

export function factor(symbol: Notation, value: number, refers: StepAddress | null): Factor {
  return { tex: symbol.tex, text: symbol.text, value, refers };
}

export function address(kind: StepAddress['kind'], layer: number, j: number, k = 0): StepAddress {
  return { kind, layer, j, k };
}

/**
 * A product of factors: `x · y · z` in symbols, `1 × 2 × 3` in numbers. With `shown` false only
 * the value and factors are filled (a term hidden inside an elided sum needs no strings).
 */
export function product(factors: readonly Factor[], digits: number, shown = true): Term {
  let value = 1;
  for (const f of factors) value *= f.value;
  if (!shown) return { tex: '', text: '', numTex: '', numText: '', value, factors };
  return {
    tex: factors.map((f) => f.tex).join(' \\cdot '),
    text: factors.map((f) => f.text).join(' · '),
    numTex: factors.map((f) => formatFactorTex(f.value, digits)).join(' \\times '),
    numText: factors.map((f) => formatFactor(f.value, digits)).join(' × '),
    value,
    factors,
  };
}

/** A single quantity as a term. */
export function single(f: Factor, digits: number): Term {
  return { tex: f.tex, text: f.text, numTex: formatNumberTex(f.value, digits), numText: formatNumber(f.value, digits), value: f.value, factors: [f] };
}

/**
 * t_1 + t_2 + … + t_count (+ tail). Long sums are elided in the middle; the elided terms'
 * total is shown so that the numbers still add up on the page.
 */
export function sum(count: number, term: (t: number, shown: boolean) => Term, tail: Term | null, digits: number): Term {
  const shown: Term[] = [];
  const factors: Factor[] = [];
  let value = 0;
  const elide = count > MAX_SHOWN_TERMS;
  let middle = 0;
  for (let t = 0; t < count; t++) {
    const inMiddle = elide && t >= SHOWN_HEAD && t < count - 1;
    // Hidden terms are still built, for their value and factors, but without any strings.
    const current = term(t, !inMiddle);
    value += current.value;
    if (inMiddle) middle += current.value;
    else shown.push(current);
    if (t < FACTOR_TERM_CAP) factors.push(...current.factors);
  }
  const parts = (pick: (x: Term) => string, gap: string): string => {
    const pieces = shown.map(pick);
    if (elide) pieces.splice(SHOWN_HEAD, 0, gap);
    if (tail) pieces.push(pick(tail));
    return pieces.join(' + ');
  };
  const hidden = count - SHOWN_HEAD - 1;
  if (tail) {
    value += tail.value;
    factors.push(...tail.factors);
  }
  return {
    tex: parts((x) => x.tex, '\\cdots'),
    text: parts((x) => x.text, '⋯'),
    numTex: parts((x) => x.numTex, `\\underbrace{\\cdots}_{${hidden}\\text{ terms} \\,=\\, ${formatNumberTex(middle, digits)}}`),
    numText: parts((x) => x.numText, `⋯[${hidden} terms: ${formatNumber(middle, digits)}]⋯`),
    value,
    factors,
  };
}

/** A step's content from a chain of equal forms (symbols) and of equal numeric forms. */
export function content(forms: readonly Notation[], numbers: readonly Notation[], factors: readonly Factor[], note?: string): Content {
  return {
    formulaTex: forms.map((f) => f.tex).join(' = '),
    formulaText: forms.map((f) => f.text).join(' = '),
    substitutedTex: numbers.map((f) => f.tex).join(' = '),
    substitutedText: numbers.map((f) => f.text).join(' = '),
    factors,
    ...(note !== undefined ? { note } : {}),
  };
}

export function symbols(t: Term): Notation {
  return { tex: t.tex, text: t.text };
}

export function numbers(t: Term): Notation {
  return { tex: t.numTex, text: t.numText };
}

/** A number as a Notation (for substituting into a formula written over Notations). */
export function num(value: number, digits: number): Notation {
  return { tex: formatFactorTex(value, digits), text: formatFactor(value, digits) };
}
