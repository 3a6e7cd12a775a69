import { thousands } from '../notation/count';
import { formatNumber, formatNumberTex } from '../notation/format';
import type { Term } from './expression';
import type { Factor } from './types';

/**
 * Sums in a step's formula, shown in bounded time whatever their length: z⁽¹⁾₁ of a neuron with
 * 1,999,999 inputs writes its first SHOWN_HEAD terms, one elision that names how many terms it
 * stands for and their exact total, and its last term:
 *
 *   w⁽¹⁾₁₁ a⁽⁰⁾₁ + w⁽¹⁾₂₁ a⁽⁰⁾₂ + w⁽¹⁾₃₁ a⁽⁰⁾₃ + ⋯[1,999,995 more terms: 0.417]⋯ + w⁽¹⁾₁₉₉₉₉₉₉,₁ a⁽⁰⁾₁₉₉₉₉₉₉ + b⁽¹⁾₁
 *
 * Only the shown terms are built (symbols, numbers, factors); the hidden ones are added up by one
 * tight loop over the numbers (`add`), so a step costs a constant plus that loop. The factors of a
 * sum are those of its shown terms: a view colours what it can see, and the panel colours at
 * most a dozen factors anyway.
 */

/** Sums longer than this show their first SHOWN_HEAD terms, an elision with the middle's total, and the last term. */
export const MAX_SHOWN_TERMS = 6;
const SHOWN_HEAD = 3;

/** The terms of a sum, made on demand. */
export interface Summands {
  /** How many terms, `tail` not counted. */
  readonly count: number;
  /** Term t (0-based) with its symbols, numbers and factors; asked only for the terms shown. */
  term(t: number): Term;
  /**
   * Adds the values of terms `from` … `to` − 1 in order, each bit for bit term(t).value, onto
   * `running`; returns the new running total and the total of those terms alone. This loop is
   * all a hidden term costs: numbers only, no objects, no strings.
   */
  add(from: number, to: number, running: number): readonly [number, number];
  /** A term after the count that is always shown (z's bias), or null. */
  readonly tail: Term | null;
}

/** Whether `sum` elides some of these terms (so `nnet trace --full` has more to write). */
export function isElided(summands: Summands): boolean {
  return summands.count > MAX_SHOWN_TERMS;
}

/**
 * t_1 + t_2 + … + t_count (+ tail), elided in the middle when long. The value is the exact sum
 * of every term, added in order; the elision shows the total of the terms it hides.
 */
export function sum(summands: Summands, digits: number): Term {
  const { count, tail } = summands;
  const elide = isElided(summands);
  const shown: Term[] = [];
  let value = 0;
  let middle = 0;
  for (let t = 0; t < (elide ? SHOWN_HEAD : count); t++) shown.push(summands.term(t));
  for (const x of shown) value += x.value;
  if (elide) {
    [value, middle] = summands.add(SHOWN_HEAD, count - 1, value);
    const last = summands.term(count - 1);
    value += last.value;
    shown.push(last);
  }
  const all = tail ? [...shown, tail] : shown;
  if (tail) value += tail.value;
  const factors: Factor[] = [];
  for (const x of all) factors.push(...x.factors);
  /** The shown terms with the operator before each but the first, and the elision in its place. */
  const write = (first: (x: Term) => string, next: (x: Term) => string, gap: string): string => {
    const pieces = all.map((x, q) => (q === 0 ? first(x) : next(x)));
    if (elide) pieces.splice(SHOWN_HEAD, 0, `+ ${gap}`);
    return pieces.join(' ');
  };
  const hidden = thousands(count - SHOWN_HEAD - 1);
  return {
    tex: write((x) => x.tex, (x) => `+ ${x.tex}`, '\\cdots'),
    text: write((x) => x.text, (x) => `+ ${x.text}`, '⋯'),
    // A negative number after the first term is subtracted, not added: "a − 0.2", never "a + −0.2".
    numTex: write(
      (x) => x.numTex,
      (x) => (x.minus ? `- ${x.minus.tex}` : `+ ${x.numTex}`),
      `\\underbrace{\\cdots}_{\\text{${hidden} more terms} \\,=\\, ${formatNumberTex(middle, digits)}}`,
    ),
    numText: write((x) => x.numText, (x) => (x.minus ? `− ${x.minus.text}` : `+ ${x.numText}`), `⋯[${hidden} more terms: ${formatNumber(middle, digits)}]⋯`),
    value,
    factors,
  };
}
