/**
 * Reads a step's factor marks back for tests: the marked TeX is rendered with a macro that
 * names the factor's index, `\mk{3}{…}`, and parsed into spans so a test can ask which marks
 * enclose a piece of the TeX and what each mark wraps.
 */
import { renderFactorMarks } from '../../../src/core/trace/marks';

export interface MarkSpan {
  readonly index: number;
  /** Where the wrapped TeX starts and ends in the rendered string. */
  readonly start: number;
  readonly end: number;
}

export interface Marked {
  /** The TeX with every mark as `\mk{i}{…}` (labelled groups as \underbrace inside it). */
  readonly tex: string;
  readonly spans: readonly MarkSpan[];
}

const MK = '\\mk{';

export function readMarks(marked: string): Marked {
  const tex = renderFactorMarks(marked, (index) => `\\mk{${index}}`);
  const spans: MarkSpan[] = [];
  for (let at = tex.indexOf(MK); at >= 0; at = tex.indexOf(MK, at + 1)) {
    const close = tex.indexOf('}', at);
    const index = Number(tex.slice(at + MK.length, close));
    if (tex[close + 1] !== '{') throw new Error(`a mark without a body at ${at}: ${tex}`);
    const end = groupEnd(tex, close + 1);
    spans.push({ index, start: close + 2, end: end - 1 });
  }
  return { tex, spans };
}

/** The index just after the `}` closing the `{` at `open`. */
function groupEnd(tex: string, open: number): number {
  let depth = 0;
  for (let q = open; q < tex.length; q++) {
    if (tex[q] === '\\') {
      q++;
      continue;
    }
    if (tex[q] === '{') depth++;
    else if (tex[q] === '}' && --depth === 0) return q + 1;
  }
  throw new Error(`unbalanced braces in ${tex}`);
}

/** The TeX inside `span` with the marks nested in it taken off (their bodies kept). */
export function unwrapped(m: Marked, span: MarkSpan): string {
  return unmark(m.tex.slice(span.start, span.end));
}

export function unmark(tex: string): string {
  let out = tex;
  for (let at = out.indexOf(MK); at >= 0; at = out.indexOf(MK)) {
    const close = out.indexOf('}', at);
    const end = groupEnd(out, close + 1);
    out = out.slice(0, at) + out.slice(close + 2, end - 1) + out.slice(end);
  }
  return out;
}

/** The indices of the marks enclosing [start, end). */
export function enclosing(m: Marked, start: number, end: number): number[] {
  return m.spans.filter((s) => s.start <= start && end <= s.end).map((s) => s.index);
}

/** Every position at which `needle` occurs in `haystack`. */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

const NUMBER_CHAR = /[0-9.]/;

/** Occurrences of a number that are not part of a longer number (0.5 is not in 0.55 or 10.5). */
export function numberOccurrences(haystack: string, number: string): number[] {
  return occurrences(haystack, number).filter((at) => !NUMBER_CHAR.test(haystack[at - 1] ?? '') && !NUMBER_CHAR.test(haystack[at + number.length] ?? ''));
}
