import { describe, expect, it } from 'vitest';
import { keptState } from '../../../../webview/training/api';

/** What the Training panel keeps across its page being discarded (hidden) and loaded again. */
describe('the kept state of the Training panel', () => {
  it('keeps the scale, the run, the step the scrubber rested on and the spec (for restoring the panel)', () => {
    expect(keptState({ scale: 'log', runId: 3, step: 37, uri: 'file:///x/xor.nnet' })).toEqual({ scale: 'log', runId: 3, step: 37, uri: 'file:///x/xor.nnet' });
  });

  it('reads anything else as the default: linear, no run, following', () => {
    expect(keptState(undefined)).toEqual({ scale: 'linear', runId: null, step: null, uri: null });
    expect(keptState({ scale: 'cubic', runId: -1, step: 2.5, uri: 7 })).toEqual({ scale: 'linear', runId: null, step: null, uri: null });
  });
});
