import { describe, expect, it } from 'vitest';
import { steppedFileName, steppedHeader } from '../../../src/extension/training/steppedNames';

/**
 * What a person reads of a Step through copy: its tab's name, distinct for copies of two runs open
 * side by side, and its opening comment, which names the step and says whether the copy still
 * follows the scrubber, as one comment line whatever the spec is called.
 */
describe('the Step through copy’s name and opening line', () => {
  it('names the first copy after the spec, and later ones with their ordinal', () => {
    expect(steppedFileName('xor.nnet')).toBe('xor (training).nnet');
    expect(steppedFileName('xor.nnet', 1)).toBe('xor (training).nnet');
    expect(steppedFileName('xor.nnet', 2)).toBe('xor (training 2).nnet');
    expect(steppedFileName('Two Moons.NNET', 3)).toBe('Two Moons (training 3).nnet');
    expect(steppedFileName('notes.txt')).toBe('notes.txt (training).nnet');
  });

  it('says the step, and whether the copy follows the scrubber or its run has ended', () => {
    expect(steppedHeader('xor.nnet', 37)).toBe("# xor.nnet after 37 steps of training, read-only: it follows the Training panel's scrubber.\n");
    expect(steppedHeader('xor.nnet', 1, 'following')).toBe("# xor.nnet after 1 step of training, read-only: it follows the Training panel's scrubber.\n");
    expect(steppedHeader('xor.nnet', 37, 'ended')).toBe('# xor.nnet after 37 steps of training, read-only: its training run has ended, so it stays at this step.\n');
  });

  it('keeps the opening comment one line whatever line breaks the spec’s name holds', () => {
    for (const state of ['following', 'ended'] as const) {
      const header = steppedHeader('a\nb\r\u2028c\u2029d\u0085e.nnet', 0, state);
      expect(header.split(/[\r\n\u0085\u2028\u2029]/)).toHaveLength(2);
      expect(header.startsWith('# a b  c d e.nnet after 0 steps')).toBe(true);
    }
  });
});
