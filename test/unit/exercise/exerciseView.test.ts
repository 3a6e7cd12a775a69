import { describe, expect, it } from 'vitest';
import { exerciseScopes } from '../../../src/core/exercise/scopes';
import { answeredRight, hinted, revealed, startSession, type ExerciseSession } from '../../../src/core/exercise/session';
import { buildPanelMessage } from '../../../src/extension/panel/viewMessage';
import { isPanelMessage, type ViewMessage } from '../../../src/shared/panelMessages';
import { reviewText, summaryLines } from '../../../webview/exercise';
import { analyseText, mazurText } from '../panel/realAnalysis';

const analysis = analyseText(mazurText());
const trace = analysis.trace(0, 6)!;
const backward2 = exerciseScopes(trace).find((s) => s.id === 'backward-2')!;
const note = { tone: 'info' as const, title: 't', detail: 'd' };

/** The panel's message while `session` asks its step, the position one step before it (as Exercises keeps it). */
function viewAsking(session: ExerciseSession): ViewMessage {
  const message = buildPanelMessage({ uri: 'file:///mazur.nnet', fileName: 'mazur.nnet', analysis, position: { example: 0, step: (session.asked ?? backward2.end) - 1 }, digits: 6, exercise: session });
  if (message.type !== 'view') throw new Error('expected a view');
  return message;
}

/** The session asking δ⁽²⁾₁, the third step of the output layer's backward pass. */
function askingDelta(): ExerciseSession {
  let s = startSession(backward2);
  s = answeredRight(s, '∂cᵢ/∂a⁽²⁾₁', note);
  return answeredRight(s, 'σ′(z⁽²⁾₁)', note);
}

describe('the panel while an exercise asks a step', () => {
  it('sends the asked step without its value, anywhere in the message', () => {
    const view = viewAsking(askingDelta());
    expect(view.step?.address).toEqual({ kind: 'delta', layer: 2, j: 1, k: 0 });
    const text = JSON.stringify(view);
    expect(text).not.toContain('0.138499');
    expect(text).not.toContain('0.1384985');
    expect(view.step!.valueText).toBe('\\boxed{\\,?\\,}');
    expect(view.step!.plainText).toMatch(/^δ⁽²⁾₁ = .* = \?$/);
    expect(view.layers[2].delta).toEqual([null, null]);
    expect(view.exercise).toMatchObject({ scopeLabel: 'Backward pass, layer 2', asking: true, number: 3, total: 12, symbolText: 'δ⁽²⁾₁', hints: 0, factorCount: 2 });
  });

  it('boxes each factor’s number until a hint reveals it, and lists only the revealed factors', () => {
    let s = askingDelta();
    expect(viewAsking(s).step!.substitutedTex).toBe('\\bpfQ{0.741365} \\times \\bpfQ{0.186816}');
    expect(viewAsking(s).step!.factors).toEqual([]);
    s = hinted(s, 'δ⁽²⁾₁', 2, note);
    const one = viewAsking(s).step!;
    expect(one.substitutedTex).toBe('\\bpfA{0.741365} \\times \\bpfQ{0.186816}');
    expect(one.factors.map((f) => f.text)).toEqual(['∂cᵢ/∂a⁽²⁾₁']);
  });

  it('shows the summary once the scope is done, and the normal step again', () => {
    let s = startSession(backward2);
    while (s.asked !== null) s = s.asked % 2 === 0 ? answeredRight(s, `s${s.asked}`, note) : revealed(s, `s${s.asked}`, note);
    const view = viewAsking(s);
    expect(view.exercise?.asking).toBe(false);
    expect(view.exercise?.summary).toMatchObject({ total: 12, firstTime: 6, revealed: 6, afterRetries: 0 });
    expect(view.step?.valueText).not.toContain('?');
    expect(summaryLines(view.exercise!.summary!)).toEqual(['Right first time: 6 of 12', 'Right after a retry: 0 of 12', 'Revealed: 6 of 12', 'Hints used: 0']);
    expect(reviewText({ symbolText: 'δ⁽²⁾₁', outcome: 'after-retries', wrong: 2 })).toBe('δ⁽²⁾₁ (after 2 wrong answers)');
  });

  it('leaves the view as it was without an exercise', () => {
    const message = buildPanelMessage({ uri: 'file:///mazur.nnet', fileName: 'mazur.nnet', analysis, position: { example: 0, step: 11 }, digits: 6 });
    expect(message.type === 'view' && message.exercise).toBeNull();
    expect(message.type === 'view' && message.step?.valueText).toBe('0.138499');
  });
});

describe('the exercise box’s messages', () => {
  it('are accepted only with a known command and a short text', () => {
    expect(isPanelMessage({ type: 'exercise', command: 'answer', text: '0.138499' })).toBe(true);
    expect(isPanelMessage({ type: 'exercise', command: 'hint' })).toBe(true);
    expect(isPanelMessage({ type: 'exercise', command: 'cheat' })).toBe(false);
    expect(isPanelMessage({ type: 'exercise', command: 'answer', text: 42 })).toBe(false);
    expect(isPanelMessage({ type: 'exercise', command: 'answer', text: '1'.repeat(201) })).toBe(false);
  });
});
