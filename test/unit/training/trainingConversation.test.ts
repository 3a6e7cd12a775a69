import { describe, expect, it } from 'vitest';
import type { ExtensionToTraining, TrainingProgress, TrainingRun } from '../../../src/shared/trainingMessages';
import { TrainingConversation } from '../../../src/extension/training/conversation';
import { HistoryLog } from '../../../src/extension/training/historyLog';

/**
 * The host's side of the Training panel's handshake (shared/trainingMessages.ts): nothing before
 * the page is ready, everything so far when it is (again), and a new run that starts over.
 */
const RUN: TrainingRun = { type: 'run', id: 1, uri: 'file:///x/xor.nnet', fileName: 'xor.nnet', networkName: 'XOR', steps: 4, batchSize: 4, shuffle: null, learningRate: 1, sizes: [2, 2, 1], hasValidation: false, picture: 'map', digits: 6 };

function progress(from: number, cost: number[], done = from + cost.length): TrainingProgress {
  return { type: 'progress', done, from, cost, validationCost: [], gradientNorms: [cost.map((c) => c * 10), cost.map((c) => c * 100)].map((n) => n.slice(0, Math.min(cost.length, done - from))), throughput: 7 };
}

function conversation() {
  const posted: ExtensionToTraining[] = [];
  return { posted, talk: new TrainingConversation((message) => posted.push(message)) };
}

describe('the Training panel conversation', () => {
  it('posts nothing until the page is ready, then the run, its history and its end', () => {
    const { posted, talk } = conversation();
    talk.started(RUN);
    talk.progress(progress(0, [0.5, 0.4]));
    talk.progress(progress(2, [0.3, 0.2, 0.1], 4));
    talk.finished({ type: 'finished', done: 4, outcome: 'completed', divergedAt: null, elapsedMs: 3 });
    expect(posted).toEqual([]);
    talk.pageReady();
    expect(posted).toEqual([
      RUN,
      { type: 'progress', done: 4, from: 0, cost: [0.5, 0.4, 0.3, 0.2, 0.1], validationCost: [], gradientNorms: [[5, 4, 3, 2], [50, 40, 30, 20]], throughput: 7 },
      { type: 'finished', done: 4, outcome: 'completed', divergedAt: null, elapsedMs: 3 },
    ]);
  });

  it('passes each message on once the page is ready, and catches a reloaded page up', () => {
    const { posted, talk } = conversation();
    talk.pageReady();
    expect(posted).toEqual([]); // no run yet
    talk.started(RUN);
    talk.progress(progress(0, [0.5]));
    expect(posted.map((m) => m.type)).toEqual(['run', 'progress']);
    talk.pageGone();
    talk.progress(progress(1, [0.4]));
    talk.snapshot({ type: 'snapshot', step: 1, cost: 0.4, validationCost: null, picture: null });
    expect(posted).toHaveLength(2);
    talk.pageReady();
    expect(posted.slice(2)).toEqual([RUN, { ...progress(0, [0.5, 0.4]), gradientNorms: [[5, 4], [50, 40]] }]);
  });

  it('starts over with a new run, and ends a run once', () => {
    const { posted, talk } = conversation();
    talk.pageReady();
    talk.started(RUN);
    talk.progress(progress(0, [0.5, 0.4]));
    talk.finished({ type: 'finished', done: 2, outcome: 'cancelled', divergedAt: null, elapsedMs: 1 });
    talk.finished({ type: 'finished', done: 2, outcome: 'completed', divergedAt: null, elapsedMs: 1 });
    expect(posted.filter((m) => m.type === 'finished')).toHaveLength(1);
    expect(talk.snapshotFromHistory(1)).toEqual({ type: 'snapshot', step: 1, cost: 0.4, validationCost: null, picture: null });
    talk.started({ ...RUN, steps: 9 });
    expect(talk.outcome).toBeNull();
    expect(talk.done).toBe(0);
    talk.progress(progress(0, [0.9]));
    expect(posted.at(-1)).toMatchObject({ from: 0, cost: [0.9] });
  });
});

describe('the history log', () => {
  it('passes a rename on, and a page loaded after it gets the run under its new name', () => {
    const { posted, talk } = conversation();
    talk.renamed('file:///x/early.nnet', 'early.nnet'); // no run yet: nothing to rename
    talk.pageReady();
    talk.started(RUN);
    talk.progress(progress(0, [0.5]));
    talk.renamed('file:///y/xor-2.nnet', 'xor-2.nnet');
    expect(posted.map((m) => m.type)).toEqual(['run', 'progress', 'renamed']);
    expect(posted[2]).toEqual({ type: 'renamed', uri: 'file:///y/xor-2.nnet', fileName: 'xor-2.nnet' });
    expect(talk.current).toMatchObject({ id: 1, uri: 'file:///y/xor-2.nnet', fileName: 'xor-2.nnet' });
    talk.pageGone();
    talk.pageReady();
    expect(posted[3]).toEqual({ ...RUN, uri: 'file:///y/xor-2.nnet', fileName: 'xor-2.nnet' });
  });

  it('refuses progress that does not follow on', () => {
    const log = new HistoryLog();
    log.add(progress(0, [1, 2]));
    expect(() => log.add(progress(3, [4]))).toThrow(/from step 3/);
  });

  it('sends a long history back in pieces that follow on', () => {
    const log = new HistoryLog();
    const cost = Array.from({ length: 250 }, (_, t) => t);
    log.add(progress(0, cost, 249));
    const pieces = log.catchUp(7, 100);
    expect(pieces.map((p) => [p.from, p.cost.length, p.gradientNorms[0].length, p.done])).toEqual([
      [0, 100, 100, 100],
      [100, 100, 100, 200],
      [200, 50, 49, 249],
    ]);
    const again = new HistoryLog();
    for (const piece of pieces) again.add(piece);
    expect(again.catchUp(7, 1000)).toEqual(log.catchUp(7, 1000));
    expect(log.costAt(1000)).toEqual({ step: 249, cost: 249, validationCost: null });
  });
});
