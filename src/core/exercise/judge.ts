import { formatNumber } from '../notation/format';
import type { WeightOrder } from '../notation/symbols';
import type { StepSnapshot } from '../stepping/snapshot';
import type { Factor, TraceStep } from '../trace/types';
import { agreesAt, readAnswer } from './answer';
import { mistakesFor, type MistakeCandidate } from './mistakes';
import { evaluate, quantitiesOf, roundedQuantities } from './quantities';

/**
 * Judging one answer in exercise mode: right, close (right to fewer digits than the panel
 * shows), a named mistake from the catalogue (mistakes.ts), or wrong with the factors to
 * recheck. The question is built once per step from the stepping snapshot, the one place that
 * knows the numbers at a position (src/core/stepping/snapshot.ts).
 */
export interface Question {
  readonly step: TraceStep;
  /** Significant digits the panel shows. */
  readonly digits: number;
  /** The value worked out from the factors as the panel shows them (rounded), also accepted. */
  readonly fromShown: number;
  /** The catalogue's mistakes, from the exact numbers and from the shown ones. */
  readonly mistakes: readonly MistakeCandidate[];
}

export function questionFor(step: TraceStep, snapshot: StepSnapshot, digits: number, order: WeightOrder): Question {
  const exact = quantitiesOf(snapshot);
  const rounded = roundedQuantities(exact, digits);
  return {
    step,
    digits,
    fromShown: evaluate(step.address, rounded),
    mistakes: [...mistakesFor(step.address, exact, order), ...mistakesFor(step.address, rounded, order)],
  };
}

export type Verdict =
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'right'; readonly answer: number }
  /** Right to `agreeing` significant digits, fewer than the panel shows. */
  | { readonly kind: 'close'; readonly answer: number; readonly agreeing: number }
  | { readonly kind: 'mistake'; readonly answer: number; readonly mistakes: readonly MistakeCandidate[] }
  /** No mistake of the catalogue: `leftOut` is a factor of the product the answer lacks, if one fits. */
  | { readonly kind: 'wrong'; readonly answer: number; readonly leftOut: Factor | null };

/** Steps whose value is the product of their factors, where leaving one out can be recognised. */
const PRODUCTS = new Set(['delta', 'dw', 'db']);

export function judge(text: string, question: Question): Verdict {
  const read = readAnswer(text);
  if (!read.ok) return { kind: 'unreadable', message: read.message };
  const { value: x, digits: typed } = read;
  const { step, digits, fromShown } = question;
  const rightAt = (d: number) => agreesAt(x, step.value, d) || agreesAt(x, fromShown, d);
  if (rightAt(digits)) return { kind: 'right', answer: x };
  // A wrong answer is compared at the digits the learner typed (at least 3, at most the panel's).
  const at = Math.min(digits, Math.max(typed, 3));
  const isRight = (v: number) => agreesAt(v, step.value, at) || agreesAt(v, fromShown, at);
  const named: MistakeCandidate[] = [];
  for (const m of question.mistakes) {
    if (agreesAt(x, m.value, at) && !isRight(m.value) && !named.some((n) => n.id === m.id)) named.push(m);
  }
  if (named.length > 0) return { kind: 'mistake', answer: x, mistakes: named };
  if (typed < digits && typed >= 2 && rightAt(typed)) return { kind: 'close', answer: x, agreeing: typed };
  return { kind: 'wrong', answer: x, leftOut: PRODUCTS.has(step.address.kind) ? leftOutFactor(x, step, at) : null };
}

/** The factor whose omission from the product gives the answer, if there is exactly such a one. */
function leftOutFactor(x: number, step: TraceStep, digits: number): Factor | null {
  for (const f of step.factors) {
    if (f.value === 0 || Math.abs(f.value) === 1) continue;
    const without = step.value / f.value;
    if (agreesAt(x, without, digits) && !agreesAt(without, step.value, digits)) return f;
  }
  return null;
}

/** The step's factors, each once, in the order its formula writes them: what to recheck. */
export function factorsInOrder(step: TraceStep, digits: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of step.factors) {
    if (seen.has(f.text)) continue;
    seen.add(f.text);
    out.push(`${f.text} = ${formatNumber(f.value, digits)}`);
  }
  return out;
}
