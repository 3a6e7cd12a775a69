import type { Feedback } from './feedback';
import type { MistakeId } from './mistakes';
import type { ExerciseScope } from './scopes';

/**
 * One exercise's state, as plain immutable data moved by pure functions: which step is asked,
 * how many of its factors the hints have revealed, what happened at every step so far, and the
 * last feedback. The stepping position stays the source of what is known (a right answer or a
 * reveal moves it onto the asked step); the session only follows it (`follow`).
 */
export type Outcome = 'first-time' | 'after-retries' | 'revealed' | 'skipped';

export interface StepRecord {
  readonly symbolText: string;
  /** Wrong answers given (unreadable and close ones are not counted). */
  readonly wrong: number;
  readonly hints: number;
  readonly mistakes: readonly MistakeId[];
  readonly outcome: Outcome | null;
}

export interface ExerciseSession {
  readonly scope: ExerciseScope;
  /** The step being asked (trace index), or null once the exercise has ended. */
  readonly asked: number | null;
  /** Factors of the asked step revealed by hints so far. */
  readonly hints: number;
  /** Records of the steps met so far, by trace index (only those: a scope may be long). */
  readonly records: ReadonlyMap<number, StepRecord>;
  readonly feedback: Feedback | null;
}

export function startSession(scope: ExerciseScope): ExerciseSession {
  return { scope, asked: scope.start, hints: 0, records: new Map(), feedback: null };
}

function record(session: ExerciseSession, index: number, symbolText: string): StepRecord {
  return session.records.get(index) ?? { symbolText, wrong: 0, hints: 0, mistakes: [], outcome: null };
}

function withRecord(session: ExerciseSession, index: number, next: StepRecord, changes: Partial<ExerciseSession>): ExerciseSession {
  const records = new Map(session.records);
  records.set(index, next);
  return { ...session, ...changes, records };
}

/** After an answer that was not right: counts it when it was a wrong number. */
export function answeredWrong(session: ExerciseSession, symbolText: string, feedback: Feedback, counted: boolean, mistakes: readonly MistakeId[] = []): ExerciseSession {
  if (session.asked === null) return session;
  const r = record(session, session.asked, symbolText);
  const next = counted ? { ...r, wrong: r.wrong + 1, mistakes: [...r.mistakes, ...mistakes] } : r;
  return withRecord(session, session.asked, next, { feedback });
}

/** After a right answer: the step is done, and the next one is asked (or the exercise ends). */
export function answeredRight(session: ExerciseSession, symbolText: string, feedback: Feedback): ExerciseSession {
  if (session.asked === null) return session;
  const r = record(session, session.asked, symbolText);
  return advance(withRecord(session, session.asked, { ...r, outcome: r.wrong === 0 ? 'first-time' : 'after-retries' }, { feedback }));
}

/** A hint: one more factor of the asked step revealed (at most `factorCount`). */
export function hinted(session: ExerciseSession, symbolText: string, factorCount: number, feedback: Feedback): ExerciseSession {
  if (session.asked === null) return session;
  const hints = Math.min(session.hints + 1, factorCount);
  const r = record(session, session.asked, symbolText);
  return withRecord(session, session.asked, { ...r, hints }, { hints, feedback });
}

/** The answer shown: the step counts as revealed, and the next one is asked. */
export function revealed(session: ExerciseSession, symbolText: string, feedback: Feedback): ExerciseSession {
  if (session.asked === null) return session;
  const r = record(session, session.asked, symbolText);
  return advance(withRecord(session, session.asked, { ...r, outcome: 'revealed' }, { feedback }));
}

function advance(session: ExerciseSession): ExerciseSession {
  const next = (session.asked ?? session.scope.end) + 1;
  return { ...session, asked: next < session.scope.end ? next : null, hints: 0 };
}

/**
 * Follows the stepping position when something else moved it (a key in the editor, the
 * debugger): the step after the position is asked. Steps of the scope jumped over unanswered
 * count as skipped; a position past the scope ends the exercise.
 */
export function follow(session: ExerciseSession, position: number, symbolOf: (index: number) => string): ExerciseSession {
  if (session.asked === null) return session;
  const wanted = Math.max(position + 1, session.scope.start);
  if (wanted === session.asked) return session;
  let records: Map<number, StepRecord> | null = null;
  for (let index = session.asked; index < Math.min(wanted, session.scope.end); index++) {
    const r = session.records.get(index);
    if (r?.outcome) continue;
    records ??= new Map(session.records);
    records.set(index, { ...(r ?? { symbolText: symbolOf(index), wrong: 0, hints: 0, mistakes: [] }), outcome: 'skipped' });
  }
  return { ...session, records: records ?? session.records, asked: wanted < session.scope.end ? wanted : null, hints: 0, feedback: null };
}

/** Ends the exercise where it stands: what is left unanswered is not counted. */
export function ended(session: ExerciseSession): ExerciseSession {
  return { ...session, asked: null, hints: 0 };
}

export interface Summary {
  /** Steps in the scope. */
  readonly total: number;
  readonly firstTime: number;
  readonly afterRetries: number;
  readonly revealed: number;
  readonly skipped: number;
  /** Steps never reached (the exercise was ended early). */
  readonly unanswered: number;
  readonly hints: number;
  /** Steps answered after wrong answers, or revealed, in order: what to look at again. */
  readonly toReview: readonly { readonly index: number; readonly symbolText: string; readonly outcome: Outcome; readonly wrong: number }[];
}

export function summarise(session: ExerciseSession): Summary {
  const counts = { 'first-time': 0, 'after-retries': 0, revealed: 0, skipped: 0 };
  let hints = 0;
  const toReview: Summary['toReview'][number][] = [];
  for (const [index, r] of [...session.records].sort((x, y) => x[0] - y[0])) {
    hints += r.hints;
    if (!r.outcome) continue;
    counts[r.outcome]++;
    if (r.outcome === 'after-retries' || r.outcome === 'revealed') toReview.push({ index, symbolText: r.symbolText, outcome: r.outcome, wrong: r.wrong });
  }
  const total = session.scope.end - session.scope.start;
  const done = counts['first-time'] + counts['after-retries'] + counts.revealed + counts.skipped;
  return { total, firstTime: counts['first-time'], afterRetries: counts['after-retries'], revealed: counts.revealed, skipped: counts.skipped, unanswered: total - done, hints, toReview };
}
