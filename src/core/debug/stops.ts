import type { Trace } from '../trace/types';
import { hitTest, stepsOf, type ResolvedBreakpoint } from './breakpoints';
import type { ExceptionHit } from './exceptions';

/**
 * Where Continue and Reverse Continue stop: the next (or previous) step of the trace at which a
 * breakpoint or an exception filter applies, found from sorted lists of candidate steps rather
 * than by visiting every step, so continuing through a 784-128-10 trace costs what its stops cost.
 */
export interface Candidate {
  readonly step: number;
  readonly breakpoints: readonly ResolvedBreakpoint[];
  readonly exception: ExceptionHit | null;
}

/** Every step with a breakpoint or an exception hit, ascending, each listed once. */
export function candidates(trace: Trace, breakpoints: readonly ResolvedBreakpoint[], exceptions: readonly ExceptionHit[]): Candidate[] {
  const byStep = new Map<number, { breakpoints: ResolvedBreakpoint[]; exception: ExceptionHit | null }>();
  const at = (step: number) => {
    let entry = byStep.get(step);
    if (entry === undefined) {
      entry = { breakpoints: [], exception: null };
      byStep.set(step, entry);
    }
    return entry;
  };
  for (const breakpoint of breakpoints) for (const step of stepsOf(breakpoint, trace)) at(step).breakpoints.push(breakpoint);
  for (const hit of exceptions) {
    const entry = at(hit.step);
    entry.exception ??= hit;
  }
  return [...byStep.entries()].map(([step, entry]) => ({ step, ...entry })).sort((p, q) => p.step - q.step);
}

/** What a breakpoint does at a step it applies to: stop, print (a logpoint), or nothing (a false condition, a hit count not yet met). */
export type BreakpointAction = { readonly kind: 'stop' } | { readonly kind: 'log'; readonly text: string } | { readonly kind: 'skip' } | { readonly kind: 'error'; readonly message: string };

export interface BreakpointJudge {
  /** Evaluates a condition or a logpoint's `{expression}` at the step; an error is a message. */
  condition(expression: string, step: number): { readonly value: boolean } | { readonly error: string };
  interpolate(message: string, step: number): string;
}

/**
 * Decides a breakpoint at `step`: its condition, then its hit count (counted only going forward,
 * as a program's hits are), then whether it logs instead of stopping.
 */
export function judge(breakpoint: ResolvedBreakpoint, step: number, forward: boolean, hits: Map<number, number>, by: BreakpointJudge): BreakpointAction {
  const { condition, hitCondition, logMessage } = breakpoint.request;
  if (condition && condition.trim() !== '') {
    const outcome = by.condition(condition, step);
    if ('error' in outcome) return { kind: 'error', message: outcome.error };
    if (!outcome.value) return { kind: 'skip' };
  }
  if (forward) hits.set(breakpoint.id, (hits.get(breakpoint.id) ?? 0) + 1);
  if (hitCondition && hitCondition.trim() !== '') {
    const test = hitTest(hitCondition);
    if (test && !test(hits.get(breakpoint.id) ?? 0)) return { kind: 'skip' };
  }
  if (logMessage !== undefined && logMessage !== '') return forward ? { kind: 'log', text: by.interpolate(logMessage, step) } : { kind: 'skip' };
  return { kind: 'stop' };
}
