import { ReadContext, isNonFiniteWord } from './context';
import { emptyDraft, type SpecDraft } from './draft';
import { readData, readValidation } from './data';
import { continueExample, readExample } from './examples';
import { continueBiases, continueWeights, readLayerHeader, readParameters } from './layers';
import { alternatives, quoted } from './notation';
import type { NumberStore } from './numbers';
import type { Reporter } from './reporter';
import { Scanner, TokenKind } from './scanner';
import { readCost, readLearningRate, readNetwork, readSeed } from './settings';
import { didYouMean } from './suggest';
import { readBatchSize, readShuffle, readSteps } from './trainingSettings';

/**
 * The reading pass: one line at a time, the first word decides what the line is. A line that
 * starts with a number (or, inside an example, with `x` or `y`) continues the `w`, `b` or
 * `example` above it; blank lines and comments do not interrupt it. A line that cannot be
 * read is reported and skipped, so one pass finds every independent mistake.
 */

export const KEYWORDS = [
  'network', 'cost', 'learning-rate', 'seed', 'steps', 'batch-size', 'shuffle', 'layer', 'w', 'b', 'example', 'data', 'validation',
] as const;

/**
 * `maxExampleNumbers` is checked while reading: once the examples pass it, one diagnostic says so
 * and every later example line is skipped without reading its numbers, so an oversized file
 * costs one scan of its text and no more memory than the limit allows.
 */
export function readSpec(text: string, store: NumberStore, reporter: Reporter, maxExampleNumbers = Infinity): SpecDraft {
  const scanner = new Scanner(text);
  const ctx = new ReadContext(scanner, store, reporter, emptyDraft(), maxExampleNumbers);
  while (scanner.nextLine()) {
    const kind = scanner.peek();
    if (kind === TokenKind.End) continue;
    const start = scanner.pos;
    if (ctx.draft.firstStatement === null) ctx.draft.firstStatement = ctx.rangeOf(start, scanner.contentEnd());
    if (kind === TokenKind.Number) {
      continueOpen(ctx, start);
      continue;
    }
    scanner.readRun();
    const word = scanner.tokenText();
    const open = ctx.open;
    if (open !== null && open.kind !== 'discard' && (isNonFiniteWord(word) || (open.kind === 'example' && (word === 'x' || word === 'y')))) {
      scanner.pos = start;
      continueOpen(ctx, start);
      continue;
    }
    ctx.open = null;
    dispatch(ctx, word, start);
  }
  return ctx.draft;
}

function dispatch(ctx: ReadContext, word: string, start: number): void {
  switch (word) {
    case 'network':
      return readNetwork(ctx, start);
    case 'cost':
      return readCost(ctx, start);
    case 'learning-rate':
      return readLearningRate(ctx, start);
    case 'seed':
      return readSeed(ctx, start);
    case 'steps':
      return readSteps(ctx, start);
    case 'batch-size':
      return readBatchSize(ctx, start);
    case 'shuffle':
      return readShuffle(ctx, start);
    case 'layer':
      return readLayerHeader(ctx, start);
    case 'w':
    case 'b':
      return readParameters(ctx, word, start);
    case 'example':
      return readExample(ctx, start);
    case 'data':
      return readData(ctx, start);
    case 'validation':
      return readValidation(ctx, start);
  }
  const range = ctx.tokenRange();
  ctx.scanner.skipRest();
  if (word === 'x' || word === 'y') {
    ctx.reporter.report(
      'unknown-keyword',
      range,
      `\`${word}\` starts a line, but no example is open; an example is written \`example x 0.05 0.10 y 0.01 0.99\`, its parts on one line or on the lines below it`,
    );
    return;
  }
  const suggestion = didYouMean(word, KEYWORDS, range);
  ctx.reporter.report(
    'unknown-keyword',
    range,
    `unknown keyword ${quoted(word)}${suggestion.tail || `; a line starts with ${alternatives(KEYWORDS.map((k) => `\`${k}\``))}, or # for a comment`}`,
    suggestion.fix,
  );
}

/** A line of numbers: more of the open `w`, `b` or example, or a mistake when none is open. */
function continueOpen(ctx: ReadContext, start: number): void {
  const open = ctx.open;
  if (open === null) {
    const end = ctx.scanner.skipRest();
    ctx.reporter.report(
      'unexpected-number',
      ctx.rangeOf(start, end),
      `unexpected numbers ${quoted(ctx.scanner.text.slice(start, end))}: a line of numbers continues the \`w\`, \`b\` or \`example\` above it, and there is none. Put them after \`w\`, \`b\`, \`x\` or \`y\``,
    );
    return;
  }
  switch (open.kind) {
    case 'weights':
      return continueWeights(ctx, open.layer, open.block);
    case 'biases':
      return continueBiases(ctx, open.layer, open.block);
    case 'example':
      return continueExample(ctx, open);
    case 'discard':
      ctx.scanner.skipRest();
  }
}
