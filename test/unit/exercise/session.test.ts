import { describe, expect, it } from 'vitest';
import type { Feedback } from '../../../src/core/exercise/feedback';
import { exerciseScopes } from '../../../src/core/exercise/scopes';
import { answeredRight, answeredWrong, ended, follow, hinted, revealed, startSession, summarise } from '../../../src/core/exercise/session';
import { TraceLayout } from '../../../src/core/trace/layout';

const note: Feedback = { tone: 'info', title: 't', detail: 'd' };
const scope = { id: 'test', label: 'Test', detail: '', start: 10, end: 14 };

describe('an exercise session', () => {
  it('asks the scope’s steps in order and counts right first time, after retries and revealed', () => {
    let s = startSession(scope);
    expect(s.asked).toBe(10);
    s = answeredRight(s, 'A', note);
    expect(s.asked).toBe(11);
    s = answeredWrong(s, 'B', note, true, ['sign-flipped']);
    s = answeredWrong(s, 'B', note, false); // unreadable or close: not counted
    s = hinted(s, 'B', 2, note);
    s = hinted(s, 'B', 2, note);
    s = hinted(s, 'B', 2, note);
    expect(s.hints).toBe(2);
    s = answeredRight(s, 'B', note);
    expect(s.hints).toBe(0);
    s = revealed(s, 'C', note);
    expect(s.asked).toBe(13);
    s = answeredRight(s, 'D', note);
    expect(s.asked).toBeNull();
    const summary = summarise(s);
    expect(summary).toMatchObject({ total: 4, firstTime: 2, afterRetries: 1, revealed: 1, skipped: 0, unanswered: 0, hints: 2 });
    expect(summary.toReview).toEqual([
      { index: 11, symbolText: 'B', outcome: 'after-retries', wrong: 1 },
      { index: 12, symbolText: 'C', outcome: 'revealed', wrong: 0 },
    ]);
    expect(s.records.get(11)?.mistakes).toEqual(['sign-flipped']);
  });

  it('follows the stepping position: steps jumped over are skipped, and past the scope it ends', () => {
    let s = startSession(scope);
    s = follow(s, 11, (i) => `s${i}`);
    expect(s.asked).toBe(12);
    expect(summarise(s)).toMatchObject({ skipped: 2, unanswered: 2 });
    s = follow(s, 10, (i) => `s${i}`); // back: asked again, records kept
    expect(s.asked).toBe(11);
    expect(follow(s, 20, String).asked).toBeNull();
  });

  it('ends early with the rest unanswered', () => {
    const s = ended(answeredRight(startSession(scope), 'A', note));
    expect(s.asked).toBeNull();
    expect(summarise(s)).toMatchObject({ firstTime: 1, unanswered: 3 });
  });
});

describe('the scopes of an exercise', () => {
  it('are the trace’s phases, each with its number of answers (2-2-2: 9, 24, 12, 12, 12, 45)', () => {
    const scopes = exerciseScopes(new TraceLayout([2, 2, 2]));
    expect(scopes.map((s) => [s.id, s.end - s.start])).toEqual([
      ['forward', 9],
      ['backward', 24],
      ['backward-2', 12],
      ['backward-1', 12],
      ['update', 12],
      ['whole', 45],
    ]);
    expect(scopes[2]).toMatchObject({ label: 'Backward pass, layer 2', start: 9, end: 21 });
    expect(scopes[0].detail).toMatch(/^9 answers: /);
  });
});
