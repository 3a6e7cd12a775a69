/**
 * What a stepping command says when it changes nothing, or moves a spec whose panel is not on
 * screen (src/extension/stepping/stepMessages.ts), checked on the real mazur analysis and the
 * real position arithmetic: every move that leaves the position where it was has a reason.
 */
import { describe, expect, it } from 'vitest';
import { applyMove, BEFORE_FIRST, samePosition, type StepMove, type StepPosition } from '../../../src/core/stepping/position';
import type { SpecAnalysis } from '../../../src/extension/analysis/analyse';
import { hiddenPanelMessage, hiddenPanelStatus, notRunningMessage, unmovedMessage, whereText, type StepSituation } from '../../../src/extension/stepping/stepMessages';
import { analyseText, mazurText } from '../panel/realAnalysis';

const ALL_MOVES: readonly StepMove[] = ['next', 'previous', 'nextLayer', 'previousLayer', 'runForward', 'runBackward', 'reset', 'nextExample', 'previousExample'];

const mazur = analyseText(mazurText());
const twoExamples = analyseText(mazurText().replace(/^example .*$/m, (line) => `${line}\nexample x 0.1 0.2 y 0.5 0.5`));

function situation(analysis: SpecAnalysis, position: StepPosition): StepSituation {
  const trace = analysis.trace(position.example, 6);
  return { fileName: 'mazur.nnet', position, exampleCount: analysis.exampleCount, stepCount: trace ? trace.length : null, skipped: analysis.skipped };
}

function move(analysis: SpecAnalysis, position: StepPosition, which: StepMove): StepPosition {
  return applyMove(position, which, { exampleCount: analysis.exampleCount, traceOf: (e) => analysis.trace(e, 6) });
}

describe('messages when a stepping command changes nothing', () => {
  it('at the last step, Step and Step Layer say the trace has ended (and what to do next)', () => {
    const last = { example: 0, step: 44 };
    for (const which of ['next', 'nextLayer'] as const) {
      expect(samePosition(move(mazur, last, which), last)).toBe(true);
      expect(unmovedMessage(which, situation(mazur, last))).toBe('End of the trace: step 45 of 45 was the last for example 1. Reset starts again.');
    }
    expect(unmovedMessage('next', situation(twoExamples, last))).toBe(
      'End of the trace: step 45 of 45 was the last for example 1. Next Example steps example 2; Reset starts again.',
    );
    expect(unmovedMessage('next', situation(twoExamples, { example: 1, step: 44 }))).not.toContain('Next Example');
  });

  it('Next and Previous Example with one example, or at the last and first of several', () => {
    const here = { example: 0, step: 11 };
    expect(samePosition(move(mazur, here, 'nextExample'), here)).toBe(true);
    expect(unmovedMessage('nextExample', situation(mazur, here))).toBe('mazur.nnet has only one example, so there is no next one. Add an `example` line to step through another.');
    expect(unmovedMessage('previousExample', situation(mazur, here))).toBe('mazur.nnet has only one example, so there is no previous one.');
    expect(unmovedMessage('nextExample', situation(twoExamples, { example: 1, step: 11 }))).toBe('Example 2 is the last of the 2 examples.');
    expect(unmovedMessage('previousExample', situation(twoExamples, here))).toBe('Example 1 is the first example.');
  });

  it('before the first step, Step Back and Reset say nothing is computed yet', () => {
    const before = { example: 0, step: BEFORE_FIRST };
    for (const which of ['previous', 'previousLayer', 'reset'] as const) {
      expect(samePosition(move(mazur, before, which), before)).toBe(true);
      expect(unmovedMessage(which, situation(mazur, before))).toBe('Already before the first step: nothing is computed yet.');
    }
  });

  it('every move that stays put, anywhere in the trace, has its own sentence', () => {
    for (const analysis of [mazur, twoExamples]) {
      for (let example = 0; example < analysis.exampleCount; example++) {
        for (let step = BEFORE_FIRST; step < 45; step++) {
          for (const which of ALL_MOVES) {
            const here = { example, step };
            if (!samePosition(move(analysis, here, which), here)) continue;
            const message = unmovedMessage(which, situation(analysis, here));
            expect(message.length, `${which} at ${step}`).toBeGreaterThan(20);
            expect(message).toMatch(/\.$/);
          }
        }
      }
    }
    expect(unmovedMessage('runForward', situation(mazur, { example: 0, step: 8 }))).toBe('Already at the cost cᵢ of example 1: its forward pass is complete.');
    expect(unmovedMessage('runBackward', situation(mazur, { example: 0, step: 32 }))).toMatch(/^Already at the end of the backward pass of example 1/);
  });

  it('while the spec does not run, every command says why', () => {
    const broken = analyseText(mazurText().replace('b 0.60 0.60', 'b 0.60 0.60 0.1'));
    for (const which of ALL_MOVES) expect(unmovedMessage(which, situation(broken, { example: 0, step: 3 }))).toBe(notRunningMessage('mazur.nnet', 'errors'));
    expect(notRunningMessage('mazur.nnet', 'errors')).toMatch(/has errors.*Problems view/);
    expect(notRunningMessage('big.nnet', 'pending')).toBe('big.nnet is still being computed; step again in a moment.');
    const noExamples = analyseText(mazurText().replace(/^example .*$/m, ''));
    expect(unmovedMessage('next', situation(noExamples, { example: 0, step: 0 }))).toMatch(/has no example to step through/);
    expect(notRunningMessage('x.nnet', 'too-large')).toBe('x.nnet is too large to step through interactively.');
    expect(notRunningMessage('x.nnet', 'internal-error')).toMatch(/Output › Backprop Stepper/);
  });
});

describe('messages when the panel is not on screen', () => {
  it('say where the position now is, and whether the panel is closed or hidden', () => {
    const at12 = situation(mazur, { example: 0, step: 11 });
    expect(hiddenPanelMessage(at12, 'δ⁽²⁾₁', false)).toBe('mazur.nnet is now at step 12 of 45 (δ⁽²⁾₁), but its panel is closed.');
    expect(hiddenPanelMessage(at12, 'δ⁽²⁾₁', true)).toBe('mazur.nnet is now at step 12 of 45 (δ⁽²⁾₁), but its panel is hidden.');
    expect(hiddenPanelStatus(at12, 'δ⁽²⁾₁')).toBe('Backprop · mazur.nnet at step 12 of 45 (δ⁽²⁾₁)');
    expect(whereText(situation(mazur, { example: 0, step: BEFORE_FIRST }), null)).toBe('before the first step');
    expect(whereText(situation(twoExamples, { example: 1, step: 0 }), 'z⁽¹⁾₁')).toBe('at step 1 of 45 of example 2 (z⁽¹⁾₁)');
  });
});
