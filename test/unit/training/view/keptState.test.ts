import { describe, expect, it } from 'vitest';
import { keptState } from '../../../../webview/training/api';

/** What the Training panel keeps across its page being discarded (hidden) and loaded again. */
describe('the kept state of the Training panel', () => {
  it('keeps the scale, the run and the step the scrubber rested on', () => {
    expect(keptState({ scale: 'log', runId: 3, step: 37 })).toEqual({ scale: 'log', runId: 3, step: 37 });
  });

  it('reads anything else as the default: linear, no run, following', () => {
    expect(keptState(undefined)).toEqual({ scale: 'linear', runId: null, step: null });
    expect(keptState({ scale: 'cubic', runId: -1, step: 2.5 })).toEqual({ scale: 'linear', runId: null, step: null });
  });
});
