import { formatFactor, formatFactorTex, formatNumber, formatNumberTex } from '../notation/format';
import type { Notation } from '../notation/symbols';
import { mark } from './marks';
import type { Summands } from './sum';
import type { Factor, StepAddress } from './types';

/**
 * Building blocks for a step's right-hand side: products and sums of factors, each written
 * twice, once in symbols (the general formula) and once with the numbers in place. Every
 * factor's symbol and number is marked as that factor where it is written (see marks.ts). Sums
 * are in sum.ts.
 */
export interface Content {
  readonly formulaTex: string;
  readonly formulaText: string;
  readonly substitutedTex: string;
  readonly substitutedText: string;
  readonly factors: readonly Factor[];
  readonly note?: string;
  /** The terms of the step's sum, when its formula is one (see sum.ts): what `nnet trace --full` lists. */
  readonly summands?: Summands;
}

/** One term of a sum: its symbols, its numbers, its value and the factors it is made of. */
export interface Term {
  readonly tex: string;
  readonly text: string;
  readonly numTex: string;
  readonly numText: string;
  readonly value: number;
  readonly factors: readonly Factor[];
  /**
   * For a negative number standing alone, its numbers without the minus sign: a sum then writes
   * "… − 0.2" rather than "… + −0.2".
   */
  readonly minus?: Notation;
}

export function factor(symbol: Notation, value: number, refers: StepAddress | null): Factor {
  return { tex: symbol.tex, text: symbol.text, value, refers };
}

/** The factor's own symbol, marked as itself. */
export function marked(f: Factor): Notation {
  return mark(f, f);
}

/** The factor's number as a factor of a product is written (negative ones in parentheses), marked. */
export function numberOf(f: Factor, digits: number): Notation {
  return mark(f, num(f.value, digits));
}

export function address(kind: StepAddress['kind'], layer: number, j: number, k = 0): StepAddress {
  return { kind, layer, j, k };
}

/** A product of factors: `x · y · z` in symbols, `1 × 2 × 3` in numbers. */
export function product(factors: readonly Factor[], digits: number): Term {
  let value = 1;
  for (const f of factors) value *= f.value;
  const numbers = factors.map((f) => numberOf(f, digits));
  return {
    tex: factors.map((f) => marked(f).tex).join(' \\cdot '),
    text: factors.map((f) => f.text).join(' · '),
    numTex: numbers.map((n) => n.tex).join(' \\times '),
    numText: numbers.map((n) => n.text).join(' × '),
    value,
    factors,
  };
}

/** A single quantity as a term. */
export function single(f: Factor, digits: number): Term {
  const symbol = marked(f);
  const number = mark(f, { tex: formatNumberTex(f.value, digits), text: formatNumber(f.value, digits) });
  const minus = f.value < 0 ? { minus: mark(f, { tex: formatNumberTex(-f.value, digits), text: formatNumber(-f.value, digits) }) } : {};
  return { tex: symbol.tex, text: symbol.text, numTex: number.tex, numText: number.text, value: f.value, factors: [f], ...minus };
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
