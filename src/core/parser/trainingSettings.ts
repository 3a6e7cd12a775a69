import { DEFAULT_TRAINING_STEPS } from '../model/defaults';
import { MAX_SEED } from '../model/initialise';
import { MAX_TRAINING_STEPS } from '../model/limits';
import { thousands } from '../notation/count';
import type { ReadContext } from './context';
import { quoted } from './notation';
import { isDuplicate, setting } from './settings';

/**
 * Readers for the training settings, which make a run reproducible from the file alone:
 *
 *   steps N         N gradient steps, 1 … MAX_TRAINING_STEPS
 *   batch-size B    B examples per step, 1 or more
 *   shuffle SEED    reshuffle the training examples at each pass, seeded, 0 … 4294967295
 *
 * They are read exactly as `seed` is (settings.ts): one whole number, a second line reported as
 * `duplicate-setting`. Only the batch size depends on anything else — it may not exceed the
 * training examples — and that is checked once the examples are known (check-training.ts).
 */

interface WholeNumberSetting {
  readonly key: 'steps' | 'batchSize' | 'shuffle';
  readonly keyword: string;
  /** The value as messages name it. */
  readonly what: string;
  /** A line that would be accepted, for messages. */
  readonly example: string;
  readonly min: number;
  readonly max: number;
  /** The accepted values, in words. */
  readonly expected: string;
  /** What leaving the line out does, to end the message about a bad value. */
  readonly absent: string;
}

const STEPS: WholeNumberSetting = {
  key: 'steps',
  keyword: 'steps',
  what: 'the number of gradient steps N',
  example: '`steps 500`',
  min: 1,
  max: MAX_TRAINING_STEPS,
  expected: `a whole number from 1 to ${thousands(MAX_TRAINING_STEPS)}`,
  absent: `for ${DEFAULT_TRAINING_STEPS} steps`,
};

const BATCH_SIZE: WholeNumberSetting = {
  key: 'batchSize',
  keyword: 'batch-size',
  what: 'the batch size B',
  example: '`batch-size 32`',
  min: 1,
  // Bounded by the training examples, which are not known yet (check-training.ts).
  max: Infinity,
  expected: 'a whole number of at least 1, the examples each step takes',
  absent: 'to use every training example at each step',
};

const SHUFFLE: WholeNumberSetting = {
  key: 'shuffle',
  keyword: 'shuffle',
  what: 'the shuffle seed',
  example: '`shuffle 7`',
  min: 0,
  // The seed feeds the same 32-bit generator as `seed` (model/initialise.ts).
  max: MAX_SEED,
  expected: `a whole number from 0 to ${MAX_SEED}`,
  absent: 'to keep the examples in their order',
};

export function readSteps(ctx: ReadContext, keywordStart: number): void {
  readWholeNumber(ctx, STEPS, keywordStart);
}

export function readBatchSize(ctx: ReadContext, keywordStart: number): void {
  readWholeNumber(ctx, BATCH_SIZE, keywordStart);
}

export function readShuffle(ctx: ReadContext, keywordStart: number): void {
  readWholeNumber(ctx, SHUFFLE, keywordStart);
}

function readWholeNumber(ctx: ReadContext, spec: WholeNumberSetting, keywordStart: number): void {
  if (isDuplicate(ctx, spec.key, spec.keyword, keywordStart)) return;
  const value = ctx.readSingleNumber(spec.what, spec.example);
  const valueRange = ctx.tokenRange();
  if (value === null) {
    ctx.draft[spec.key] = setting<number>(ctx, null, keywordStart, valueRange);
    ctx.scanner.skipRest();
    return;
  }
  let accepted: number | null = value;
  if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
    ctx.reporter.report(
      'invalid-training-setting',
      valueRange,
      `expected ${spec.what} to be ${spec.expected}; found ${quoted(ctx.scanner.tokenText())}. Write, for example, ${spec.example}, or leave the line out ${spec.absent}`,
    );
    accepted = null;
  }
  ctx.draft[spec.key] = setting(ctx, accepted, keywordStart, valueRange);
  ctx.expectEnd(spec.what, `a \`${spec.keyword}\` line holds one whole number`);
}
