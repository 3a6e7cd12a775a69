import { formatNumber } from '../notation/format';
import { factorsInOrder, type Question, type Verdict } from './judge';

/**
 * What the learner is told, in words that do not depend on colour: a tone (which the panel also
 * writes out as a word and an icon), a title and one or two sentences.
 */
export interface Feedback {
  readonly tone: 'right' | 'close' | 'wrong' | 'info';
  readonly title: string;
  readonly detail: string;
}

export function verdictFeedback(verdict: Verdict, question: Question, wrongBefore: number): Feedback {
  const { step, digits } = question;
  const value = formatNumber(step.value, digits);
  switch (verdict.kind) {
    case 'unreadable':
      return { tone: 'info', title: 'Not a number', detail: verdict.message };
    case 'right':
      return {
        tone: 'right',
        title: 'Right',
        detail: `${step.symbolText} = ${value}${wrongBefore === 0 ? ', first time.' : `, after ${wrongBefore === 1 ? 'one wrong answer' : `${wrongBefore} wrong answers`}.`}`,
      };
    case 'close':
      return {
        tone: 'close',
        title: 'Close',
        detail: `${formatNumber(verdict.answer, digits)} agrees with ${step.symbolText} to ${verdict.agreeing} significant digits; the panel shows ${digits}. Give it to ${digits} significant digits.`,
      };
    case 'mistake':
      return {
        tone: 'wrong',
        title: verdict.mistakes.length === 1 ? 'Likely mistake' : 'Likely mistakes',
        detail: `${formatNumber(verdict.answer, digits)} is not ${step.symbolText}. ${verdict.mistakes.map((m) => m.explanation).join(' Or: ')}`,
      };
    case 'wrong': {
      const recheck = verdict.leftOut
        ? `It is what the product gives without ${verdict.leftOut.text}: check that this factor is in.`
        : `Recheck the factors, in order: ${factorsInOrder(step, digits).join('; ')}.`;
      return { tone: 'wrong', title: 'Not right', detail: `${formatNumber(verdict.answer, digits)} is not ${step.symbolText}. ${recheck}` };
    }
  }
}

/** The n-th hint (1-based): the n-th factor of the step, with its value. */
export function hintFeedback(question: Question, n: number): Feedback {
  const factors = question.step.factors;
  const f = factors[Math.min(n, factors.length) - 1];
  if (!f) return { tone: 'info', title: 'No hint', detail: `${question.step.symbolText} has no factors to reveal: work it out from its formula.` };
  return { tone: 'info', title: `Hint ${Math.min(n, factors.length)} of ${factors.length}`, detail: `Factor ${Math.min(n, factors.length)}: ${f.text} = ${formatNumber(f.value, question.digits)}.` };
}

export function revealFeedback(question: Question): Feedback {
  const { step, digits } = question;
  return { tone: 'info', title: 'Revealed', detail: `${step.symbolText} = ${step.substitutedText} = ${formatNumber(step.value, digits)}.` };
}
