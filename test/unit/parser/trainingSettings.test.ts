import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_STEPS } from '../../../src/core/model/defaults';
import { MAX_TRAINING_STEPS } from '../../../src/core/model/limits';
import { locate } from '../../../src/core/model/locate';
import { parseSpec } from '../../../src/core/parser/parse';
import type { Range } from '../../../src/core/text/range';
import { textAt } from './text';

/**
 * `steps N`, `batch-size B` and `shuffle SEED`: read like `seed` into Network.training and the
 * SpecSource, each problem on its number, and B checked against the training examples once they
 * are known.
 */
const NETWORK = 'layer 0: 2 inputs\nlayer 1: 1 sigmoid\n';
/** Ten examples, so a batch size can be too large for them. */
const XOR10 = `${NETWORK}data xor 10\n`;

/** [code, line, the text the diagnostic covers] of each diagnostic of `text`. */
function problems(text: string): [string, number, string][] {
  return parseSpec(text).diagnostics.map((d) => [d.code, d.range.start.line, textAt(text, d.range)]);
}

function messages(text: string): string[] {
  return parseSpec(text).diagnostics.map((d) => d.message);
}

function rangeText(text: string, range: Range | null | undefined): string | undefined {
  return range ? textAt(text, range) : undefined;
}

describe('the training settings', () => {
  it('reads each line into Network.training, the others null', () => {
    const text = `steps 500\nbatch-size 4  # B\nshuffle 7\n${XOR10}`;
    const { network, diagnostics } = parseSpec(text);
    expect(diagnostics).toEqual([]);
    expect(network!.training).toEqual({ steps: 500, batchSize: 4, shuffle: 7 });
    expect(parseSpec(`steps 20\n${XOR10}`).network!.training).toEqual({ steps: 20, batchSize: null, shuffle: null });
    expect(parseSpec(`${XOR10}batch-size 10\n`).network!.training).toEqual({ steps: null, batchSize: 10, shuffle: null });
    expect(parseSpec(`shuffle 0\n${XOR10}`).network!.training).toEqual({ steps: null, batchSize: null, shuffle: 0 });
  });

  it('accepts the ends of each range, and numbers written any way that are whole', () => {
    expect(parseSpec(`steps ${MAX_TRAINING_STEPS}\nshuffle 4294967295\nbatch-size 1\n${XOR10}`).network!.training).toEqual({
      steps: MAX_TRAINING_STEPS,
      batchSize: 1,
      shuffle: 4294967295,
    });
    expect(parseSpec(`steps 1e3\nbatch-size 5.0\nshuffle +3\n${XOR10}`).network!.training).toEqual({ steps: 1000, batchSize: 5, shuffle: 3 });
  });

  it('locates each line and its value in the SpecSource', () => {
    const text = `steps 500\n  batch-size 32 # B\nshuffle 7\n${NETWORK}`;
    const { source } = parseSpec(text);
    expect(rangeText(text, source.steps?.line)).toBe('steps 500');
    expect(rangeText(text, source.steps?.value)).toBe('500');
    expect(rangeText(text, source.batchSize?.line)).toBe('batch-size 32');
    expect(rangeText(text, source.batchSize?.value)).toBe('32');
    expect(rangeText(text, source.shuffle?.line)).toBe('shuffle 7');
    expect(rangeText(text, source.shuffle?.value)).toBe('7');
    expect(locate(source, { line: 1, character: 4 })).toEqual({ kind: 'training', setting: 'batch-size', range: source.batchSize!.line });
    expect(locate(source, { line: 0, character: 7 })).toMatchObject({ kind: 'training', setting: 'steps' });
    expect(locate(source, { line: 2, character: 0 })).toMatchObject({ kind: 'training', setting: 'shuffle' });
  });

  it('leaves a spec without them exactly as before: no training, no source entries', () => {
    const { network, source } = parseSpec(XOR10);
    expect(network!.training).toBeUndefined();
    expect('training' in network!).toBe(false);
    expect(['steps', 'batchSize', 'shuffle'].filter((key) => key in source)).toEqual([]);
    expect(DEFAULT_TRAINING_STEPS).toBe(100);
  });

  it('keeps the lines in the source while a value is wrong, and gives no network', () => {
    const text = `steps 0\n${XOR10}`;
    const { network, source } = parseSpec(text);
    expect(network).toBeNull();
    expect(rangeText(text, source.steps?.value)).toBe('0');
  });
});

describe('problems with the training settings', () => {
  it('puts each value out of range or not whole on its number', () => {
    const text = `steps 0\nbatch-size 2.5\nshuffle -1\n${XOR10}`;
    expect(problems(text)).toEqual([
      ['invalid-training-setting', 0, '0'],
      ['invalid-training-setting', 1, '2.5'],
      ['invalid-training-setting', 2, '-1'],
    ]);
    expect(messages(text)[1]).toBe(
      "expected the batch size B to be a whole number of at least 1, the examples each step takes; found '2.5'. Write, for example, `batch-size 32`, or leave the line out to use every training example at each step",
    );
    expect(problems(`steps 1000001\nbatch-size 0\nshuffle 4294967296\n${XOR10}`)).toEqual([
      ['invalid-training-setting', 0, '1000001'],
      ['invalid-training-setting', 1, '0'],
      ['invalid-training-setting', 2, '4294967296'],
    ]);
    expect(problems(`steps 2.5\nbatch-size -3\nshuffle 0.5\n${XOR10}`).map(([code]) => code)).toEqual(Array(3).fill('invalid-training-setting'));
  });

  it('reports a missing number, a word, a non-finite number and text after the number as for `seed`', () => {
    const text = `steps\nbatch-size many\nshuffle NaN\nsteps 5 7\n${XOR10}`;
    expect(problems(text)).toEqual([
      ['missing-number', 0, 'steps'],
      ['missing-number', 1, 'many'],
      ['non-finite-number', 2, 'NaN'],
      ['duplicate-setting', 3, 'steps 5 7'],
    ]);
    expect(messages(text).slice(0, 2)).toEqual([
      'expected the number of gradient steps N after `steps`, as in `steps 500`; found the end of the line',
      "expected the batch size B, as in `batch-size 32`; found 'many'",
    ]);
    expect(problems(`shuffle 7 8\n${XOR10}`)).toEqual([['unexpected-text', 0, '8']]);
    expect(messages(`shuffle 7 8\n${XOR10}`)).toEqual(["unexpected '8' after the shuffle seed; a `shuffle` line holds one whole number"]);
  });

  it('reports a second line of each as a duplicate, and keeps the first', () => {
    const text = `steps 5\nbatch-size 2\nshuffle 1\n${XOR10}steps 6\nbatch-size 3\nshuffle 2\n`;
    const { diagnostics, source } = parseSpec(text);
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.message])).toEqual([
      ['duplicate-setting', 6, '`steps` is already set on line 1; a spec sets it once, so remove one of the two lines'],
      ['duplicate-setting', 7, '`batch-size` is already set on line 2; a spec sets it once, so remove one of the two lines'],
      ['duplicate-setting', 8, '`shuffle` is already set on line 3; a spec sets it once, so remove one of the two lines'],
    ]);
    expect(rangeText(text, source.steps?.line)).toBe('steps 5');
    expect(source.steps!.line.start.line).toBe(0);
  });

  it('suggests the keyword for a misspelt or familiar name', () => {
    expect(messages(`step 5\nbatch_size 2\nshufle 1\nbatch 4\niterations 9\n${XOR10}`)).toEqual([
      "unknown keyword 'step'; did you mean 'steps'?",
      "unknown keyword 'batch_size'; did you mean 'batch-size'?",
      "unknown keyword 'shufle'; did you mean 'shuffle'?",
      "unknown keyword 'batch'; did you mean 'batch-size'?",
      "unknown keyword 'iterations'; did you mean 'steps'?",
    ]);
  });
});

describe('the batch size against the training examples', () => {
  it('takes at most the m examples without a validation line', () => {
    expect(parseSpec(`batch-size 10\n${XOR10}`).diagnostics).toEqual([]);
    const text = `batch-size 11\n${XOR10}`;
    expect(problems(text)).toEqual([['invalid-training-setting', 0, '11']]);
    expect(messages(text)).toEqual([
      'expected the batch size B to be at most 10, the number of training examples; found 11. Write `batch-size 10` or less, or leave the line out to use every training example at each step',
    ]);
  });

  it('takes at most the examples a validation line leaves to train on', () => {
    // 30% of 10 holds out 3, leaving 7, wherever the lines stand.
    expect(parseSpec(`${XOR10}validation 30%\nbatch-size 7\n`).diagnostics).toEqual([]);
    const text = `${XOR10}batch-size 8\nvalidation 30%\n`;
    expect(problems(text)).toEqual([['invalid-training-setting', 3, '8']]);
    expect(messages(text)[0]).toContain('at most 7, the number of training examples (10 examples less the 3 held out for validation); found 8');
    // Example lines and data lines count alike.
    expect(problems(`${XOR10}example x 0 1 y 1\nbatch-size 11\n`)).toEqual([]);
  });

  it('is not checked while the examples are unknown, and then any whole number stands', () => {
    // No examples yet: only the warning that says so.
    expect(problems(`batch-size 1000\n${NETWORK}`).map(([code]) => code)).toEqual(['no-examples']);
    // A data line that failed is reported on itself, not blamed on the batch size as well:
    // the one example line alone would be too few for B = 50.
    const one = 'example x 0 0 y 0\n';
    expect(problems(`batch-size 50\n${NETWORK}${one}data mooons 100\n`).map(([code]) => code)).toEqual(['unknown-data-set']);
    expect(problems(`batch-size 50\n${NETWORK}${one}data xor 0\n`).map(([code]) => code)).toEqual(['invalid-data-set']);
    expect(problems(`batch-size 50\n${NETWORK}${one}data xor\n`).map(([code]) => code)).toEqual(['missing-number']);
    expect(problems(`batch-size 50\nlayer 0: 3 inputs\nlayer 1: 1 sigmoid\nexample x 0 0 0 y 0\ndata xor 100\n`).map(([code]) => code)).toEqual(['invalid-data-set']);
    // Past the example limit the later example lines are never read: 3 of these 4 are.
    const four = 'example x 0 0 y 0\nexample x 0 1 y 1\nexample x 1 0 y 1\nexample x 1 1 y 0\n';
    const limited = parseSpec(`batch-size 4\n${NETWORK}${four}`, { limits: { maxExampleNumbers: 6 } });
    expect(limited.diagnostics.map((d) => d.code)).toEqual(['examples-too-large']);
    expect(parseSpec(`batch-size 5\n${NETWORK}${four}`).diagnostics.map((d) => d.code)).toEqual(['invalid-training-setting']);
  });
});
