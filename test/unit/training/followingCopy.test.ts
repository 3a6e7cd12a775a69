import type * as vscode from 'vscode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FOLLOW_DELAY_MS, FollowingCopy, type FollowedRun } from '../../../src/extension/training/followingCopy';
import type { SteppedDocuments } from '../../../src/extension/training/steppedDocuments';
import { Guard } from '../../../src/extension/guard';
import type { WorkerAnswer } from '../../../src/extension/training/worker/trainingWire';

/**
 * The Step through copy follows the scrubber: once the scrubber rests, the open copy of the run
 * is given the text of the step it rests on; a drag asks the worker once, for where it ends; an
 * answer overtaken by a later scrub or by Step through is dropped; a copy that is not open is
 * left alone.
 */

const copyOf = (run: string) => ({ toString: () => `backprop-training:/x/xor (training).nnet?run=${run}` }) as vscode.Uri;

/** A copy store that records updates; `open` says whether the run's copy is an open document (that follows its run). */
function copies(open: boolean, step = 0) {
  const updates: { copy: string; step: number; text: string }[] = [];
  const stepped = {
    openStep: (_copy: vscode.Uri) => (open ? step : undefined),
    update: (copy: vscode.Uri, at: number, text: string) => {
      updates.push({ copy: copy.toString(), step: at, text });
      step = at;
    },
  };
  return { stepped: stepped as unknown as SteppedDocuments, updates, close: () => (open = false) };
}

/** A run whose worker answers each request when told to (`answerAll`), as the real one answers between chunks. */
function run(id = 'r1') {
  const asked: number[] = [];
  const pending: (() => void)[] = [];
  const followed: FollowedRun = {
    copy: copyOf(id),
    steppedText: (step) =>
      new Promise<WorkerAnswer | null>((resolve) => {
        asked.push(step);
        pending.push(() => resolve({ kind: 'steppedText', step, text: `text at ${step}` }));
      }),
  };
  const answerAll = async () => {
    for (const answer of pending.splice(0)) answer();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { followed, asked, answerAll };
}

const bugs: unknown[] = [];
const guard = new Guard({ bug: (_what, error) => bugs.push(error) });

beforeEach(() => {
  vi.useFakeTimers();
  bugs.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
  expect(bugs).toEqual([]);
});

describe('the Step through copy follows the scrubber', () => {
  it('moves an open copy to the step the scrubber rests on, asking the worker once per rest', async () => {
    const { stepped, updates } = copies(true, 37);
    const { followed, asked, answerAll } = run();
    const copy = new FollowingCopy(stepped, guard);
    for (const step of [38, 45, 60, 80]) {
      copy.scrubbed(followed, step);
      await vi.advanceTimersByTimeAsync(FOLLOW_DELAY_MS / 3);
    }
    expect(asked).toEqual([]); // still dragging
    await vi.advanceTimersByTimeAsync(FOLLOW_DELAY_MS);
    expect(asked).toEqual([80]);
    await answerAll();
    expect(updates).toEqual([{ copy: copyOf('r1').toString(), step: 80, text: 'text at 80' }]);
  });

  it('leaves a copy that is not open alone, and does not ask for the step it already shows', async () => {
    const closed = copies(false);
    const first = run();
    new FollowingCopy(closed.stepped, guard).scrubbed(first.followed, 5);
    await vi.advanceTimersByTimeAsync(FOLLOW_DELAY_MS * 2);
    expect(first.asked).toEqual([]);
    const same = copies(true, 5);
    const second = run();
    new FollowingCopy(same.stepped, guard).scrubbed(second.followed, 5);
    await vi.advanceTimersByTimeAsync(FOLLOW_DELAY_MS * 2);
    expect(second.asked).toEqual([]);
  });

  it('drops an answer overtaken by a later scrub, by Step through, or by the copy closing', async () => {
    const { stepped, updates, close } = copies(true, 0);
    const { followed, asked, answerAll } = run();
    const copy = new FollowingCopy(stepped, guard);
    copy.scrubbed(followed, 10);
    await vi.advanceTimersByTimeAsync(FOLLOW_DELAY_MS);
    copy.scrubbed(followed, 20); // the worker has not answered 10 yet
    await answerAll();
    expect(updates).toEqual([]);
    await vi.advanceTimersByTimeAsync(FOLLOW_DELAY_MS);
    copy.overtaken(); // Step through, while 20 is being answered
    await answerAll();
    expect(updates).toEqual([]);
    copy.scrubbed(followed, 30);
    await vi.advanceTimersByTimeAsync(FOLLOW_DELAY_MS);
    close();
    await answerAll();
    expect(asked).toEqual([10, 20, 30]);
    expect(updates).toEqual([]);
  });

  it('forgets a pending scrub when disposed', async () => {
    const { stepped } = copies(true, 0);
    const { followed, asked } = run();
    const copy = new FollowingCopy(stepped, guard);
    copy.scrubbed(followed, 10);
    copy.dispose();
    await vi.advanceTimersByTimeAsync(FOLLOW_DELAY_MS * 2);
    expect(asked).toEqual([]);
  });
});
