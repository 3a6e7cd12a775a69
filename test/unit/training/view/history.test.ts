/**
 * The panel's copy of the run's history: progress messages land at their own `from`, gradient
 * norms on the row of the parameters they were taken from, and nothing a sender gets wrong can
 * grow the arrays or move a value to another step.
 */
import { describe, expect, it } from 'vitest';
import type { TrainingRun } from '../../../../src/shared/trainingMessages';
import { RunHistory } from '../../../../webview/training/history';

const run: TrainingRun = {
  type: 'run', id: 1, uri: 'u', fileName: 'x.nnet', networkName: null, steps: 5, batchSize: 2, shuffle: null,
  learningRate: 0.1, sizes: [2, 3, 1], hasValidation: true, picture: 'map', digits: 6,
};
const progress = (from: number, cost: number[], validationCost: number[], norms: number[][], done = from + cost.length) =>
  ({ type: 'progress', done, from, cost, validationCost, gradientNorms: norms, throughput: 10 }) as const;

describe('run history', () => {
  it('writes each message at its own place and tracks what is known', () => {
    const history = new RunHistory(run);
    expect(history.layers).toBe(2);
    expect(history.costAt(0)).toBeNull();
    history.apply(progress(0, [1, 0.8], [1.2, 0.9], [[0.5, 0.4], [0.2, 0.1]]));
    history.apply(progress(2, [0.6], [0.95], [[0.3], [0.05]]));
    expect([history.done, history.known]).toEqual([3, 3]);
    expect([0, 1, 2].map((t) => history.costAt(t))).toEqual([1, 0.8, 0.6]);
    // ‖∂c/∂w⁽ℓ⁾‖ of step t + 1 sits on row t, with the cost of the parameters it was taken from.
    expect(history.norms[0][2]).toBeCloseTo(0.3);
    expect(history.norms[1][0]).toBeCloseTo(0.2);
    expect(history.latestCostStep()).toBe(2);
    expect(history.bestValidationStep()).toBe(1);
  });

  it('reports the first entry written since it was last asked', () => {
    const history = new RunHistory(run);
    expect(history.takeDirty()).toBe(Infinity);
    history.apply(progress(2, [0.6, 0.5], [], []));
    history.apply(progress(1, [0.7], [], []));
    expect(history.takeDirty()).toBe(1);
    expect(history.takeDirty()).toBe(Infinity);
  });

  it('drops entries past N and never lets done pass N', () => {
    const history = new RunHistory(run);
    history.apply(progress(4, [0.1, 0.2, 0.3, 0.4], [], [[1, 2, 3, 4]], 99));
    expect(history.cost.length).toBe(6);
    expect([history.costAt(4), history.costAt(5), history.costAt(6)]).toEqual([0.1, 0.2, null]);
    expect(history.done).toBe(5);
    expect(history.known).toBe(6);
    history.apply(progress(99, [1], [], []));
    expect(history.known).toBe(6);
  });

  it('reads a non-finite cost as no number, and ends with the finish message', () => {
    const history = new RunHistory({ ...run, hasValidation: false });
    history.apply(progress(0, [1, NaN], [5], [[1, NaN]]));
    expect(history.validationCost).toBeNull();
    expect(history.validationAt(0)).toBeNull();
    expect(history.costAt(1)).toBeNull();
    expect(history.latestCostStep()).toBe(0);
    expect(history.isRunning).toBe(true);
    history.finish({ type: 'finished', done: 2, outcome: 'diverged', divergedAt: 1, elapsedMs: 5 });
    expect(history.isRunning).toBe(false);
    expect(history.done).toBe(2);
  });
});
