import { GENERATOR_NAMES, isGeneratorName } from '../data/generators';
import type { Range } from '../text/range';
import type { ReadContext } from './context';
import { readCsvLine, type DraftCsvSet } from './csvLine';
import { alternatives, quoted } from './notation';
import { readNumber } from './number';
import { TokenKind } from './scanner';
import { didYouMean } from './suggest';

/**
 * Readers for the lines that bring examples other than `example` lines, and hold some out:
 *
 *   data NAME COUNT [noise N] [seed S]   a generated data set (src/core/data/generators.ts)
 *   data "FILE.csv" x COLUMNS y COLUMNS   examples read from a CSV file (csvLine.ts)
 *   validation P%                         P% of the examples held out (src/core/data/split.ts)
 *
 * The reader checks the words and numbers as written; what the set or the split makes of them
 * (the network's sizes, the limits) is checked once the layers are known (dataSets.ts).
 */

/** One `data` line as written: a generated set or a CSV file. */
export type DraftDataSet = DraftGeneratedSet | DraftCsvSet;

/** One `data NAME COUNT …` line as written. */
export interface DraftGeneratedSet {
  readonly kind: 'generated';
  /** The whole line. */
  readonly line: Range;
  readonly name: string;
  readonly nameRange: Range;
  readonly count: number;
  readonly countRange: Range;
  readonly noise: number | null;
  readonly noiseRange: Range | null;
  readonly seed: number | null;
  readonly seedRange: Range | null;
  /** How many `example` lines come before it: its examples go right after theirs. */
  readonly after: number;
}

/** The `validation P%` line. */
export interface DraftValidation {
  readonly line: Range;
  readonly percent: number;
  readonly percentRange: Range;
}

export function readData(ctx: ReadContext, keywordStart: number): void {
  const s = ctx.scanner;
  ctx.draft.dataLines++;
  const kind = s.peek();
  if (kind === TokenKind.String) {
    ctx.draft.csvLines++;
    return readCsvLine(ctx, keywordStart);
  }
  if (kind !== TokenKind.Word) {
    const found = kind === TokenKind.End ? 'the end of the line' : quoted(s.text.slice(s.pos, s.skipRest()));
    ctx.reporter.report(
      'unknown-data-set',
      kind === TokenKind.End ? ctx.tokenRange() : ctx.rangeOf(s.tokenStart, s.pos),
      `expected the name of a data set after \`data\`, one of ${alternatives(GENERATOR_NAMES.map((n) => `\`${n}\``))}, as in \`data moons 200 noise 0.1\`, or a CSV file's path in double quotes, as in \`data "iris.csv" x 1-4 y 5\`; found ${found}`,
    );
    s.skipRest();
    return;
  }
  s.readRun();
  const name = s.tokenText();
  const nameRange = ctx.tokenRange();
  if (!isGeneratorName(name)) {
    const suggestion = didYouMean(name, GENERATOR_NAMES, nameRange);
    ctx.reporter.report(
      'unknown-data-set',
      nameRange,
      `unknown data set ${quoted(name)}${suggestion.tail || `; the data sets are ${alternatives(GENERATOR_NAMES.map((n) => `\`${n}\``))}`}`,
      suggestion.fix,
    );
    s.skipRest();
    return;
  }
  const count = ctx.readSingleNumber('how many examples to generate', '`data moons 200`');
  const countRange = ctx.tokenRange();
  if (count === null) {
    s.skipRest();
    return;
  }
  let noise: number | null = null;
  let noiseRange: Range | null = null;
  let seed: number | null = null;
  let seedRange: Range | null = null;
  while (s.peek() === TokenKind.Word) {
    s.readRun();
    const option = s.tokenText();
    const optionRange = ctx.tokenRange();
    if ((option === 'noise' && noiseRange !== null) || (option === 'seed' && seedRange !== null)) {
      ctx.reporter.report('duplicate-setting', optionRange, `\`${option}\` is given twice on this line; give it once`);
      s.skipRest();
      return;
    }
    if (option === 'noise' || option === 'seed') {
      const value = ctx.readSingleNumber(option === 'noise' ? 'the noise N' : 'the seed S', option === 'noise' ? '`noise 0.1`' : '`seed 7`');
      if (value === null) {
        s.skipRest();
        return;
      }
      if (option === 'noise') [noise, noiseRange] = [value, ctx.tokenRange()];
      else [seed, seedRange] = [value, ctx.tokenRange()];
      continue;
    }
    const suggestion = didYouMean(option, ['noise', 'seed'], optionRange);
    ctx.reporter.report('unexpected-text', optionRange, `unexpected ${quoted(option)} in a \`data\` line${suggestion.tail || '; after COUNT come `noise N` and `seed S`, each optional'}`, suggestion.fix);
    s.skipRest();
    return;
  }
  ctx.expectEnd(`\`data ${name}\``, 'a `data` line is `data NAME COUNT`, then optionally `noise N` and `seed S`');
  const line = ctx.rangeOf(keywordStart, s.tokenEnd);
  ctx.draft.dataSets.push({ kind: 'generated', line, name, nameRange, count, countRange, noise, noiseRange, seed, seedRange, after: ctx.draft.examples.length });
  if (Number.isInteger(count) && count > 0) ctx.draft.generatedCount += count;
}

export function readValidation(ctx: ReadContext, keywordStart: number): void {
  const s = ctx.scanner;
  const earlier = ctx.draft.validation;
  if (earlier !== null) {
    const end = s.skipRest();
    ctx.reporter.report('duplicate-setting', ctx.rangeOf(keywordStart, end), `\`validation\` is already set on line ${earlier.line.start.line + 1}; a spec sets it once, so remove one of the two lines`);
    return;
  }
  const kind = s.peek();
  if (kind === TokenKind.End) {
    ctx.reporter.report('missing-number', ctx.tokenRange(), 'expected the share of examples to hold out after `validation`, as in `validation 20%`; found the end of the line');
    return;
  }
  s.readRun();
  const text = s.tokenText();
  const percentRange = ctx.tokenRange();
  const percent = text.endsWith('%') ? readNumber(text, 0, text.length - 1) : NaN;
  if (!Number.isFinite(percent)) {
    ctx.reporter.report('invalid-validation', percentRange, `expected a percentage such as \`20%\` after \`validation\`; found ${quoted(text)}`);
    s.skipRest();
    return;
  }
  ctx.expectEnd(`\`validation ${text}\``, 'a `validation` line holds one percentage');
  ctx.draft.validation = { line: ctx.rangeOf(keywordStart, s.tokenEnd), percent, percentRange };
}
