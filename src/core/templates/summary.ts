/**
 * What a list of specs says about each one (Backprop: New Network Spec lists the templates and
 * the shipped examples): its name, one sentence about it, and whether it reads a data file —
 * read from the file itself, so a new example shows up described without any code change.
 *
 * Only the text is looked at, with no parse: a spec's opening comment and its `network` line.
 */

export interface SpecSummary {
  /** The `network "…"` name, or null without one (the caller falls back on the file name). */
  readonly name: string | null;
  /** The first sentence of the spec's opening comment, shortened to MAX_SENTENCE; '' without a comment. */
  readonly sentence: string;
  /** Whether a `data "FILE"` line reads a file beside the spec (a copy elsewhere could not find it). */
  readonly readsFile: boolean;
}

/** Longer sentences are cut at a word and end in `…`. */
export const MAX_SENTENCE = 140;

export function specSummary(text: string): SpecSummary {
  const lines = text.split(/\r\n|\r|\n/);
  return { name: networkName(lines), sentence: shorten(firstSentence(openingComment(lines))), readsFile: lines.some((line) => /^\s*data\s+"/.test(line)) };
}

/** The comment lines before the first statement, joined with spaces, `#` and indentation removed. */
function openingComment(lines: readonly string[]): string {
  const words: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (words.length > 0) break;
      continue;
    }
    if (!trimmed.startsWith('#')) break;
    words.push(trimmed.replace(/^#+\s*/, ''));
  }
  return words.join(' ').trim();
}

/** Up to the first full stop, question or exclamation mark followed by a space or the end. */
function firstSentence(text: string): string {
  const end = /[.!?](\s|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}

function shorten(sentence: string): string {
  if (sentence.length <= MAX_SENTENCE) return sentence;
  const cut = sentence.lastIndexOf(' ', MAX_SENTENCE - 1);
  return `${sentence.slice(0, cut > 0 ? cut : MAX_SENTENCE - 1).replace(/[\s,;:]+$/, '')}…`;
}

/** The name on the first `network "…"` line, its `\"` and `\\` escapes read as the parser reads them. */
function networkName(lines: readonly string[]): string | null {
  for (const line of lines) {
    const match = /^\s*network\s+"((?:[^"\\]|\\.)*)"/.exec(line);
    if (match) return match[1].replace(/\\(["\\])/g, '$1');
  }
  return null;
}
