import { formatFactorTex, formatNumberTex } from '../notation/format';
import { renderFactorMarks } from '../trace/marks';
import type { TraceStep } from '../trace/types';

/**
 * The TeX of one step in a worked solution or an exercise sheet (solution.ts): the parts the
 * panel typesets — symbol, general formula, numbers, value — and, for an exercise, the same with
 * the value and the results of earlier steps as empty boxes.
 */

/**
 * One step's TeX as the panel writes it: the symbol, the general formula, the formula with each
 * factor's number in place, and the value — each only when it says something the part before
 * it did not. In an exercise (`blanks`) the value is a box to fill in, and so is every number
 * that an earlier step computes (exerciseNumbers): only the spec's own numbers are given.
 */
export function stepParts(step: TraceStep, digits: number, blanks = false, examples = 1): string[] {
  const parts = [step.symbolTex];
  const value = formatNumberTex(step.value, digits);
  for (const part of [step.formulaTex, blanks ? exerciseNumbers(step, digits, examples) : step.substitutedTex]) {
    if (part !== '' && part !== parts[parts.length - 1] && part !== value) parts.push(part);
  }
  // The answer's box is as wide as a negative number of `digits` digits, whatever the answer.
  parts.push(blanks ? blankTex(`-0.${'0'.repeat(digits)}`) : value);
  return parts;
}

/**
 * An empty box about as wide as the number `sized` (TeX) would be: where an exercise's answer
 * goes. Its digits are written as zeros, so the sheet's source does not hold the answers either.
 */
export function blankTex(sized: string): string {
  return `\\boxed{\\phantom{${sized.replace(/[1-9]/g, '0')}}}`;
}

/** Stands for "box factor i" while the marks are rendered (`\\nnetHidden{i}{…}`); never left in the output. */
const HIDE = '\\nnetHidden';

/**
 * The step's numbers as an exercise shows them, as the panel's exercise mode does before any
 * hint: each factor that is the result of an earlier step (a z, a, δ, …) is an empty box the
 * size of its number — the learner puts their own earlier answer there — while the spec's own
 * numbers (w, b, x, y, η) stay. The trace marked every factor as it wrote it (marks.ts).
 */
export function exerciseNumbers(step: TraceStep, digits: number, examples: number): string {
  // An update's ∂c/∂w is the mean over every example: a number this sheet's steps give only when there is one example.
  const given = step.phase === 'update' && examples > 1;
  const tex = renderFactorMarks(step.markedSubstitutedTex, (index) => (step.factors[index]?.refers && !given ? `${HIDE}{${index}}` : null));
  let out = '';
  let q = 0;
  for (let at = tex.indexOf(HIDE); at >= 0; at = tex.indexOf(HIDE, q)) {
    const index = tex.slice(at + HIDE.length + 1, tex.indexOf('}', at));
    const body = tex.indexOf('}', at) + 1;
    out += `${tex.slice(q, at)}${blankTex(formatFactorTex(step.factors[Number(index)].value, digits))}`;
    // The factor's whole body goes, with any factor marked inside it (δ's ∂c/∂a · σ′).
    q = matchingBrace(tex, body) + 1;
  }
  // "δ · a = δ · a" says nothing once δ's product and its value are the same box: one is kept.
  return (out + tex.slice(q)).split(' = ').filter((part, q, parts) => q === 0 || part !== parts[q - 1]).join(' = ');
}

/** The index of the `}` that closes the `{` at `open`, skipping escaped braces. */
function matchingBrace(tex: string, open: number): number {
  let depth = 0;
  for (let q = open; q < tex.length; q++) {
    const ch = tex[q];
    if (ch === '\\') q++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return q;
  }
  return tex.length;
}
