/**
 * What the panel shows of an exercise (src/core/exercise/): the asked step without its value,
 * the place of the question, the last feedback and, at the end, the summary. Pure (no vscode),
 * so the masking is unit-tested: nothing the learner is asked for travels to the page.
 *
 * The asked step is sent as a StepView whose value is a box, whose substituted formula shows
 * only the factors the hints have revealed (each other factor's number is wrapped in `\bpfQ`,
 * which the page typesets as an empty box), and whose factor list holds only those revealed
 * factors, so neither the legend nor the tables point at the rest before a hint does. The
 * stepping position stays one step before the asked one, so the tables, the diagram and the
 * editor know nothing from the asked step on (src/core/stepping/snapshot.ts).
 */
import { summarise, type ExerciseSession } from '../../core/exercise/session';
import { renderFactorMarks } from '../../core/trace/marks';
import type { Trace } from '../../core/trace/types';
import type { WeightOrder } from '../../core/notation/symbols';
import type { ExerciseView, StepView } from '../../shared/panelMessages';
import { factorMacro, MAX_FACTORS, stepView } from './viewMessage';

/** The macro a factor not yet revealed is wrapped in; the page typesets it as an empty box. */
export const HIDDEN_FACTOR_MACRO = '\\bpfQ';

/** The asked step's view with its answer left out; null when the session asks nothing. */
export function askedStepView(session: ExerciseSession, trace: Trace, digits: number, weightOrder: WeightOrder): StepView | null {
  if (session.asked === null || session.asked >= trace.length) return null;
  const step = trace.step(session.asked);
  const full = stepView(step, trace.length, digits, weightOrder);
  const hints = session.hints;
  const macro = (index: number): string | null => (index < hints ? (index < MAX_FACTORS ? factorMacro(index) : null) : HIDDEN_FACTOR_MACRO);
  return {
    ...full,
    substitutedTex: renderFactorMarks(step.markedSubstitutedTex, macro),
    valueText: '\\boxed{\\,?\\,}',
    value: Number.NaN,
    factors: full.factors.slice(0, hints),
    factorsOmitted: 0,
    plainText: `${step.symbolText} = ${step.formulaText} = ?`,
  };
}

export function exerciseView(session: ExerciseSession, trace: Trace, digits: number): ExerciseView {
  const { scope, asked } = session;
  const asking = asked !== null && asked < trace.length;
  const step = asking ? trace.step(asked) : null;
  const summary = asking ? null : summarise(session);
  return {
    scopeLabel: scope.label,
    asking,
    number: asking ? asked - scope.start + 1 : scope.end - scope.start,
    total: scope.end - scope.start,
    symbolText: step?.symbolText ?? '',
    hints: session.hints,
    factorCount: step?.factors.length ?? 0,
    digits,
    feedback: session.feedback,
    summary: summary && {
      total: summary.total,
      firstTime: summary.firstTime,
      afterRetries: summary.afterRetries,
      revealed: summary.revealed,
      skipped: summary.skipped,
      unanswered: summary.unanswered,
      hints: summary.hints,
      toReview: summary.toReview.map(({ symbolText, outcome, wrong }) => ({ symbolText, outcome, wrong })),
    },
  };
}
