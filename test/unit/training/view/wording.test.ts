/** The Training panel's words, the buttons' states and the screen-reader summary. */
import { describe, expect, it } from 'vitest';
import type { TrainingRun } from '../../../../src/shared/trainingMessages';
import { RunHistory } from '../../../../webview/training/history';
import { scrubTarget } from '../../../../webview/training/scrubber';
import { summaryFacts, summaryText } from '../../../../webview/training/summary';
import { controlState, durationText, runText, scrubText, scrubValueText, statusText, titleText } from '../../../../webview/training/wording';

const run: TrainingRun = {
  type: 'run', id: 1, uri: 'u', fileName: 'xor.nnet', networkName: 'XOR', steps: 10_000, batchSize: 4, shuffle: 7,
  learningRate: 0.5, sizes: [2, 2, 1], hasValidation: true, picture: 'map', digits: 6,
};

describe('training wording', () => {
  it('describes the run', () => {
    expect(titleText(run)).toBe('Training · XOR');
    expect(titleText({ ...run, networkName: null })).toBe('Training · xor.nnet');
    expect(runText(run)).toBe('2-2-1 network · 10,000 steps · batch size 4, reshuffled at each pass (seed 7) · η = 0.5');
    expect(runText({ ...run, steps: 1, shuffle: null })).toContain('1 step · batch size 4, in order');
  });

  it('says how far the run is, or how it ended', () => {
    const base = { done: 1_234, steps: 10_000, throughput: 5_678.4, finished: null };
    expect(statusText({ ...base, phase: 'running' })).toBe('Training: 1,234 of 10,000 steps · 5,678 examples/s');
    const finished = { type: 'finished', done: 1_234, outcome: 'cancelled', divergedAt: null, elapsedMs: 3_210 } as const;
    expect(statusText({ ...base, phase: 'cancelled', finished })).toBe('Cancelled after 1,234 of 10,000 steps (3.21 s)');
    expect(statusText({ ...base, phase: 'diverged', finished: { ...finished, outcome: 'diverged', divergedAt: 77 } })).toBe(
      'Diverged: the cost or the gradient after 77 steps was not finite; stopped after 1,234 of 10,000 steps',
    );
    expect(statusText({ ...base, phase: 'completed', done: 10_000, finished: { ...finished, elapsedMs: 125_000 } })).toBe('Trained 10,000 steps in 2 min 5 s');
    expect(durationText(850)).toBe('850 ms');
  });

  it('reads out the scrubber’s step and costs, with … for what is not known yet', () => {
    const facts = { step: 120, steps: 1_000, cost: 0.25, validationCost: null, digits: 6 };
    expect(scrubText(facts)).toBe('step 120 of 1,000 · c = 0.25 · validation c = …');
    expect(scrubText({ ...facts, validationCost: undefined })).toBe('step 120 of 1,000 · c = 0.25');
    expect(scrubText({ ...facts, cost: 1.5e-7, validationCost: 0.31 })).toBe('step 120 of 1,000 · c = 1.5×10⁻⁷ · validation c = 0.31');
    expect(scrubValueText({ ...facts, cost: null })).toBe('step 120 of 1,000, cost not known yet, validation cost not known yet');
  });

  it('moves the scrubber by keys, inside 0 … max', () => {
    expect(scrubTarget('ArrowRight', 5, 100)).toBe(6);
    expect(scrubTarget('ArrowDown', 0, 100)).toBe(0);
    expect(scrubTarget('PageUp', 95, 100)).toBe(100);
    expect(scrubTarget('PageDown', 50, 100)).toBe(40);
    expect(scrubTarget('PageUp', 0, 3)).toBe(1);
    expect(scrubTarget('Home', 50, 100)).toBe(0);
    expect(scrubTarget('End', 50, 100)).toBe(100);
    expect(scrubTarget('a', 50, 100)).toBeNull();
  });
});

describe('button states', () => {
  const facts = { step: 10, done: 100, divergedAt: null, cancelAsked: false, retrainAsked: false };

  it('offers Cancel while training and Train again after, each once', () => {
    const running = controlState({ ...facts, phase: 'running' });
    expect([running.cancelShown, running.cancelEnabled, running.retrainShown, running.useStep]).toEqual([true, true, false, false]);
    expect(running.useStepReason).toBe('Available when training stops');
    expect(controlState({ ...facts, phase: 'running', cancelAsked: true }).cancelEnabled).toBe(false);
    const done = controlState({ ...facts, phase: 'completed' });
    expect([done.cancelShown, done.retrainShown, done.retrainEnabled, done.useStep, done.scrubberEnabled]).toEqual([false, true, true, true, true]);
    expect(controlState({ ...facts, phase: 'completed', retrainAsked: true }).retrainEnabled).toBe(false);
  });

  it('disables everything before a run, and stepping past where a run diverged', () => {
    const waiting = controlState({ ...facts, phase: 'waiting' });
    expect([waiting.useStep, waiting.cancelShown, waiting.retrainShown, waiting.scrubberEnabled]).toEqual([false, false, false, false]);
    expect(controlState({ ...facts, phase: 'diverged', step: 77, divergedAt: 77 }).useStep).toBe(true);
    const past = controlState({ ...facts, phase: 'diverged', step: 78, divergedAt: 77 });
    expect(past.useStep).toBe(false);
    expect(past.useStepReason).toBe('The parameters after step 77 are not finite');
    expect(controlState({ ...facts, phase: 'cancelled', step: 101 }).useStep).toBe(false);
  });
});

describe('screen-reader summary', () => {
  it('tells steps done, first and latest cost, and the best validation cost', () => {
    const history = new RunHistory(run);
    history.apply({ type: 'progress', done: 3, from: 0, cost: [0.7, 0.5, 0.4], validationCost: [0.8, 0.55, 0.6], gradientNorms: [], throughput: 1 });
    expect(summaryText(summaryFacts(history, 'running', 6))).toBe(
      'Training: 3 of 10,000 steps done. Cost 0.7 before the first step, 0.4 after 2 steps. Best validation cost 0.55, after 1 step.',
    );
    history.finish({ type: 'finished', done: 3, outcome: 'diverged', divergedAt: 2, elapsedMs: 1 });
    expect(summaryText(summaryFacts(history, 'diverged', 6))).toMatch(/^Training diverged: the cost or the gradient after 2 steps was not finite\. 3 of 10,000 steps done\./);
    expect(summaryText(summaryFacts(new RunHistory(run), 'running', 6))).toBe('Training: 0 of 10,000 steps done.');
  });
});
