import { describe, expect, it } from 'vitest';
import { DebugRuntime } from '../../../src/core/debug/runtime';
import { MAX_LISTED_THREADS } from '../../../src/core/debug/threads';

/**
 * A spec with many examples (a data set) lists a bounded number of threads on every stop: the
 * first MAX_LISTED_THREADS, and any thread further on that has been started, so the one being
 * stepped is always in the list.
 */
const SPEC = 'layer 0: 2 inputs\nlayer 1: 1 sigmoid\ndata xor 500 seed 3\n';

describe('threads of a spec with many examples', () => {
  it('lists the first ones and every thread that has moved', () => {
    const runtime = new DebugRuntime();
    expect(runtime.load(SPEC).blocked).toBe(false);
    const first = runtime.threads();
    expect(first.map((t) => t.id)).toEqual(Array.from({ length: MAX_LISTED_THREADS }, (_, i) => i + 1));
    expect(first[0].name).toMatch(/^example 1: x = \(.+\), y = \(.+\)$/);

    runtime.start(400, true);
    runtime.stepOver(400);
    runtime.start(250, true);
    const ids = runtime.threads().map((t) => t.id);
    expect(ids).toHaveLength(MAX_LISTED_THREADS + 2);
    expect(ids.slice(-2)).toEqual([250, 400]);
  });

  it('lists every example when there are few', () => {
    const runtime = new DebugRuntime();
    runtime.load('layer 0: 2 inputs\nlayer 1: 1 sigmoid\ndata xor 5\n');
    expect(runtime.threads().map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
  });
});
