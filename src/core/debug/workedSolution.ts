import { groupHeading, stepLine } from '../output/text';
import { StepSnapshot } from '../stepping/snapshot';
import type { BuiltTrace } from '../trace/types';
import { evaluateExpression } from './expressions';
import type { LoadedSpec } from './loadedSpec';
import type { BreakpointJudge } from './stops';

/**
 * What a session writes to the Debug Console as it moves: each step's line as `nnet trace`
 * prints it (after its group's heading when it opens one), so a session leaves a worked solution
 * behind; and the evaluation of breakpoint conditions and logpoints at the steps it passes.
 */

/** Consecutive steps a Continue lists in the Debug Console before it summarises the rest. */
const WORKED_LINES = 40;

/** The landed step's line, after its group's heading when it opens one. */
export function workedLines(trace: BuiltTrace, step: number, digits: number): string[] {
  if (step < 0) return [];
  const group = trace.groupOf(step);
  const line = stepLine(trace.step(step), digits);
  const layers = trace.groups.reduce((most, g) => Math.max(most, g.layer), 0);
  return group.start === step ? [groupHeading(group, layers), line] : [line];
}

/** The lines of the steps a Continue ran over (up to WORKED_LINES, then a count). */
export function passedLines(trace: BuiltTrace, from: number, to: number, digits: number): string[] {
  if (to <= from) return [];
  const lines: string[] = [];
  const first = Math.max(0, from + 1);
  for (let step = first; step <= to && step < first + WORKED_LINES; step++) lines.push(...workedLines(trace, step, digits));
  if (to - first + 1 > WORKED_LINES) lines.push(`… ${(to - first + 1 - WORKED_LINES).toLocaleString('en')} more steps`);
  return lines;
}

/** Conditions and logpoints evaluated in the expression language at a step of `trace`. */
export function expressionJudge(spec: LoadedSpec, trace: BuiltTrace): BreakpointJudge {
  const at = (step: number) => new StepSnapshot(trace, spec.engine!, step);
  return {
    condition: (expression, step) => {
      const outcome = evaluateExpression(spec, at(step), expression);
      return 'error' in outcome ? { error: outcome.error } : { value: outcome.truthy };
    },
    interpolate: (message, step) =>
      message.replace(/\{([^{}]*)\}/g, (_, expression: string) => {
        const outcome = evaluateExpression(spec, at(step), expression);
        return 'error' in outcome ? `{${outcome.error}}` : outcome.text;
      }),
  };
}
