import { COSTS, isCostName } from '../costs/registry';
import { MAX_SEED } from '../model/initialise';
import type { Range } from '../text/range';
import type { ReadContext } from './context';
import type { Setting } from './draft';
import { TokenKind } from './scanner';
import { alternatives, quoted } from './notation';
import { didYouMean } from './suggest';

/**
 * Readers for the one-line settings: `network "…"`, `cost NAME`, `learning-rate η`, `seed N`.
 * The training settings (`steps`, `batch-size`, `shuffle`) are read alike in trainingSettings.ts.
 */

type SettingKey = 'name' | 'cost' | 'learningRate' | 'seed' | 'steps' | 'batchSize' | 'shuffle';

/**
 * True when the setting was given before; then the whole line is reported and skipped, so
 * the first value stands.
 */
export function isDuplicate(ctx: ReadContext, key: SettingKey, keyword: string, keywordStart: number): boolean {
  const earlier = ctx.draft[key];
  if (earlier === null) return false;
  const end = ctx.scanner.skipRest();
  ctx.reporter.report(
    'duplicate-setting',
    ctx.rangeOf(keywordStart, end),
    `\`${keyword}\` is already set on line ${earlier.line.start.line + 1}; a spec sets it once, so remove one of the two lines`,
  );
  return true;
}

export function setting<T>(ctx: ReadContext, value: T | null, keywordStart: number, valueRange: Range): Setting<T> {
  return { value, line: ctx.rangeOf(keywordStart, ctx.scanner.tokenEnd), valueRange };
}

export function readNetwork(ctx: ReadContext, keywordStart: number): void {
  if (isDuplicate(ctx, 'name', 'network', keywordStart)) return;
  const s = ctx.scanner;
  const kind = s.peek();
  if (kind === TokenKind.End) {
    const at = ctx.tokenRange();
    ctx.reporter.report('missing-value', at, 'expected a name in double quotes after `network`, as in network "XOR"; found the end of the line');
    ctx.draft.name = setting<string>(ctx, null, keywordStart, at);
    return;
  }
  if (kind !== TokenKind.String) {
    const start = s.pos;
    const end = s.skipRest();
    const text = s.text.slice(start, end);
    ctx.reporter.report(
      'expected-string',
      ctx.rangeOf(start, end),
      `expected the network name in double quotes; found ${quoted(text)}. Write network "${text.replace(/["\\]/g, '\\$&')}"`,
    );
    ctx.draft.name = setting<string>(ctx, null, keywordStart, ctx.tokenRange());
    return;
  }
  const name = s.readString();
  if (name === null) {
    ctx.reporter.report(
      'unterminated-string',
      ctx.tokenRange(),
      'the network name has no closing double quote; end it with ", and write \\" for a quote inside the name',
    );
    ctx.draft.name = setting<string>(ctx, null, keywordStart, ctx.tokenRange());
    return;
  }
  ctx.draft.name = setting(ctx, name, keywordStart, ctx.tokenRange());
  ctx.expectEnd('the network name', 'a `network` line holds just the name in double quotes');
}

export function readCost(ctx: ReadContext, keywordStart: number): void {
  if (isDuplicate(ctx, 'cost', 'cost', keywordStart)) return;
  const s = ctx.scanner;
  const names = alternatives(COSTS);
  if (s.peek() === TokenKind.End) {
    const at = ctx.tokenRange();
    ctx.reporter.report('missing-value', at, `expected a cost after \`cost\`: ${names}; found the end of the line`);
    ctx.draft.cost = setting<string>(ctx, null, keywordStart, at);
    return;
  }
  s.readRun();
  const word = s.tokenText();
  const valueRange = ctx.tokenRange();
  if (!isCostName(word)) {
    const suggestion = didYouMean(word, COSTS, valueRange);
    ctx.reporter.report('unknown-cost', valueRange, `unknown cost ${quoted(word)}${suggestion.tail || `; expected ${names}`}`, suggestion.fix);
    ctx.draft.cost = setting<string>(ctx, null, keywordStart, valueRange);
    s.skipRest();
    return;
  }
  ctx.draft.cost = setting(ctx, word, keywordStart, valueRange);
  ctx.expectEnd(`\`cost ${word}\``, 'a `cost` line names one cost');
}

export function readLearningRate(ctx: ReadContext, keywordStart: number): void {
  if (isDuplicate(ctx, 'learningRate', 'learning-rate', keywordStart)) return;
  const value = ctx.readSingleNumber('the learning rate η', '`learning-rate 0.5`');
  const valueRange = ctx.tokenRange();
  if (value === null) {
    ctx.draft.learningRate = setting<number>(ctx, null, keywordStart, valueRange);
    ctx.scanner.skipRest();
    return;
  }
  let accepted: number | null = value;
  if (value <= 0) {
    ctx.reporter.report(
      'invalid-learning-rate',
      valueRange,
      `the learning rate η must be greater than 0, since each step moves the parameters by −η times the gradient; found ${quoted(ctx.scanner.tokenText())}. Try 0.1`,
    );
    accepted = null;
  }
  ctx.draft.learningRate = setting(ctx, accepted, keywordStart, valueRange);
  ctx.expectEnd('the learning rate', 'a `learning-rate` line holds one number');
}

export function readSeed(ctx: ReadContext, keywordStart: number): void {
  if (isDuplicate(ctx, 'seed', 'seed', keywordStart)) return;
  const value = ctx.readSingleNumber('the seed', '`seed 42`');
  const valueRange = ctx.tokenRange();
  if (value === null) {
    ctx.draft.seed = setting<number>(ctx, null, keywordStart, valueRange);
    ctx.scanner.skipRest();
    return;
  }
  let accepted: number | null = value;
  if (!Number.isInteger(value) || value < 0 || value > MAX_SEED) {
    ctx.reporter.report(
      'invalid-seed',
      valueRange,
      `expected the seed to be a whole number from 0 to ${MAX_SEED}; found ${quoted(ctx.scanner.tokenText())}`,
    );
    accepted = null;
  }
  ctx.draft.seed = setting(ctx, accepted, keywordStart, valueRange);
  ctx.expectEnd('the seed', 'a `seed` line holds one whole number');
}
