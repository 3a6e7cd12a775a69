import type { Range } from '../text/range';
import type { DraftExample, DraftLayer, NumberBlock, SpecDraft } from './draft';
import type { NumberStore } from './numbers';
import type { Reporter } from './reporter';
import { Scanner, TokenKind } from './scanner';
import { biasesSymbol, quoted, weightsSymbol } from './notation';

/**
 * The state the line readers share, and the token-level helpers they all use: ranges of the
 * last token, reading a list of numbers, and reporting stray text at the end of a line.
 */

/** The statement that lines starting with a number (or `x`/`y`) continue. */
export type OpenBlock =
  | { readonly kind: 'weights'; readonly layer: DraftLayer; readonly block: NumberBlock }
  | { readonly kind: 'biases'; readonly layer: DraftLayer; readonly block: NumberBlock }
  /** `part` is the `x` or `y` that numbers on following lines add to. */
  | { readonly kind: 'example'; readonly example: DraftExample; readonly number: number; part: 'x' | 'y' | null }
  /** A `w` or `b` already reported as misplaced: its rows are skipped without more messages. */
  | { readonly kind: 'discard' };

/**
 * Where a list of numbers belongs, for messages. Passed as plain values, not as a string or a
 * closure, because it is needed only on error and the happy path should allocate nothing.
 */
export const enum Place {
  /** Row `index` of w⁽ℓ⁾, ℓ = `owner`. */
  WeightsRow,
  /** b⁽ℓ⁾, ℓ = `owner`. */
  Biases,
  /** The inputs of example `owner`. */
  Inputs,
  /** The targets of example `owner`. */
  Targets,
}

function describePlace(place: Place, owner: number, index: number): string {
  switch (place) {
    case Place.WeightsRow:
      return `in row ${index} of ${weightsSymbol(owner)}`;
    case Place.Biases:
      return `in ${biasesSymbol(owner)}`;
    case Place.Inputs:
      return `among the inputs x of example ${owner}`;
    case Place.Targets:
      return `among the targets y of example ${owner}`;
  }
}

export class ReadContext {
  open: OpenBlock | null = null;
  /** Numbers read into examples so far (inputs and targets), checked against the limit as they come. */
  exampleNumbers = 0;
  /** Set once the examples pass the limit: later examples are skipped unread. */
  examplesOverLimit = false;

  constructor(
    readonly scanner: Scanner,
    readonly store: NumberStore,
    readonly reporter: Reporter,
    readonly draft: SpecDraft,
    /** The most numbers all examples may hold (Limits.maxExampleNumbers). */
    readonly maxExampleNumbers: number = Infinity,
  ) {}

  /** The range of the scanner's last token. */
  tokenRange(): Range {
    return this.rangeOf(this.scanner.tokenStart, this.scanner.tokenEnd);
  }

  /** A range on the current line, from offsets. */
  rangeOf(startOffset: number, endOffset: number): Range {
    const s = this.scanner;
    return { start: { line: s.line, character: startOffset - s.lineStart }, end: { line: s.line, character: endOffset - s.lineStart } };
  }

  /** Reports anything left on the line after a complete statement, described by `after`. */
  expectEnd(after: string, hint: string): void {
    const s = this.scanner;
    if (s.peek() === TokenKind.End) return;
    const start = s.pos;
    const end = s.skipRest();
    const stray = s.text.slice(start, end);
    this.reporter.report('unexpected-text', this.rangeOf(start, end), `unexpected ${quoted(stray)} after ${after}; ${hint}`);
  }

  /**
   * Reads numbers up to the end of the line into `block`, each with its span. A malformed or
   * non-finite number is reported and kept as NaN, so the block keeps its shape. A word ends
   * the list: in an example `x` and `y` are left for the caller; any other word is reported
   * and the rest of the line skipped. `place`, `owner` and `index` say where the numbers belong.
   */
  readNumbers(block: NumberBlock, place: Place, owner: number, index = 0): void {
    const s = this.scanner;
    const inExample = place === Place.Inputs || place === Place.Targets;
    for (;;) {
      const kind = s.peek();
      if (kind === TokenKind.End) return;
      if (kind === TokenKind.Number) {
        const value = s.readNumberToken();
        if (value !== value) this.reportBadNumber(describePlace(place, owner, index));
        else if (value === Infinity || value === -Infinity) this.reportOverflow(describePlace(place, owner, index));
        this.pushToken(block, value);
        continue;
      }
      s.readRun();
      const word = s.tokenText();
      if (inExample && (word === 'x' || word === 'y')) {
        s.pos = s.tokenStart;
        return;
      }
      if (isNonFiniteWord(word)) {
        this.reportNonFiniteWord(describePlace(place, owner, index));
        this.pushToken(block, NaN);
        continue;
      }
      const next = inExample && block.count > 0 ? ' or `y`' : '';
      this.reporter.report('missing-number', this.tokenRange(), `expected a number${next} ${describePlace(place, owner, index)}; found ${quoted(word)}`);
      block.damaged = true;
      s.skipRest();
      return;
    }
  }

  /**
   * Reads one number after a keyword such as `learning-rate`. Returns its value, or null after
   * reporting a missing, malformed or non-finite number; `what` names it in messages.
   */
  readSingleNumber(what: string, example: string): number | null {
    const s = this.scanner;
    const kind = s.peek();
    if (kind === TokenKind.End) {
      // Pinned to the token the number should follow: a zero-width range would be hard to see.
      this.reporter.report('missing-number', this.tokenRange(), `expected ${what} after \`${s.tokenText()}\`, as in ${example}; found the end of the line`);
      return null;
    }
    if (kind !== TokenKind.Number) {
      s.readRun();
      if (isNonFiniteWord(s.tokenText())) this.reportNonFiniteWord(`for ${what}`);
      else this.reporter.report('missing-number', this.tokenRange(), `expected ${what}, as in ${example}; found ${quoted(s.tokenText())}`);
      return null;
    }
    const value = s.readNumberToken();
    if (value !== value) this.reportBadNumber(`for ${what}`);
    else if (value === Infinity || value === -Infinity) this.reportOverflow(`for ${what}`);
    else return value;
    return null;
  }

  private pushToken(block: NumberBlock, value: number): void {
    const s = this.scanner;
    this.store.push(value, s.line, s.tokenStart - s.lineStart, s.tokenEnd - s.lineStart);
    block.count++;
  }

  private reportBadNumber(where: string): void {
    const text = this.scanner.tokenText();
    if (isNonFiniteWord(text)) return this.reportNonFiniteWord(where);
    const hint = text.includes(',')
      ? 'separate numbers with spaces, and write decimals with a point, as in 1.5'
      : 'write numbers like 2, -0.5, .5 or 1e-3';
    this.reporter.report('invalid-number', this.tokenRange(), `expected a number ${where}; found ${quoted(text)}, which is not one: ${hint}`);
  }

  private reportNonFiniteWord(where: string): void {
    const text = this.scanner.tokenText();
    this.reporter.report(
      'non-finite-number',
      this.tokenRange(),
      `expected a finite number ${where}; found ${quoted(text)}. Write an ordinary number such as 0.5`,
    );
  }

  private reportOverflow(where: string): void {
    const text = this.scanner.tokenText();
    this.reporter.report(
      'non-finite-number',
      this.tokenRange(),
      `expected a finite number ${where}; found ${quoted(text)}, which is beyond the largest number that can be stored (about 1.8e308)`,
    );
  }
}

/** NaN, Infinity and their spellings, with an optional sign. */
export function isNonFiniteWord(word: string): boolean {
  let text = word.toLowerCase();
  const first = text.charCodeAt(0);
  if (first === 43 || first === 45 || first === 0x2212) text = text.slice(1);
  return text === 'nan' || text === 'inf' || text === 'infinity';
}
