/**
 * The exercise box of the panel (exercise mode, src/core/exercise/): the question's place, an
 * answer box labelled for screen readers (Enter checks the answer), Hint / Reveal / End
 * exercise, the feedback in a polite live region, and the summary at the end. Built once and
 * updated in place on every view, so typing and focus survive the views that come while the
 * learner works. Feedback is said in words and an icon as well as its border colour; every
 * colour is a theme variable (media/panel.css).
 */
import type { ExerciseCommand, ExerciseFeedbackView, ExerciseSummaryView, ExerciseView } from '../src/shared/panelMessages';
import { h, replaceChildren } from './dom';

/** The macro the extension wraps a factor's number in until a hint reveals it: an empty box. */
export const HIDDEN_FACTOR_MACROS: Readonly<Record<string, string>> = { '\\bpfQ': '\\boxed{\\vphantom{#1}\\,?\\,}' };

export type SendExercise = (command: ExerciseCommand, text?: string) => void;

const ICONS: Record<ExerciseFeedbackView['tone'], string> = { right: '✓', close: '≈', wrong: '✗', info: 'ℹ' };

/** The words of the summary, pure (tested in Node). */
export function summaryLines(summary: ExerciseSummaryView): string[] {
  const of = (n: number) => `${n} of ${summary.total}`;
  const lines = [`Right first time: ${of(summary.firstTime)}`, `Right after a retry: ${of(summary.afterRetries)}`, `Revealed: ${of(summary.revealed)}`];
  if (summary.skipped > 0) lines.push(`Skipped by stepping: ${of(summary.skipped)}`);
  if (summary.unanswered > 0) lines.push(`Not reached: ${of(summary.unanswered)}`);
  lines.push(`Hints used: ${summary.hints}`);
  return lines;
}

/** "δ⁽²⁾₁ (after 2 wrong answers)", "σ′(z⁽²⁾₁) (revealed)". */
export function reviewText(item: ExerciseSummaryView['toReview'][number]): string {
  if (item.outcome === 'revealed') return `${item.symbolText} (revealed)`;
  return `${item.symbolText} (after ${item.wrong === 1 ? 'one wrong answer' : `${item.wrong} wrong answers`})`;
}

export class ExerciseBox {
  /** The question: placed in the step box (main.ts), which stays at the top of the panel. */
  readonly root: HTMLElement;
  /** The summary at the end: placed under the toolbar, where it has room. */
  readonly summaryRoot: HTMLElement;
  /** The toolbar's button that starts an exercise (placed by main.ts). */
  readonly startButton: HTMLButtonElement;
  private readonly progress = h('p', { class: 'exercise-progress' });
  private readonly label = h('label', { for: 'exercise-answer', class: 'exercise-label' });
  private readonly input = h('input', { id: 'exercise-answer', type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false', maxlength: '100', class: 'exercise-input' });
  private readonly form: HTMLFormElement;
  private readonly hint: HTMLButtonElement;
  private readonly actions: HTMLElement;
  private readonly feedback = h('div', { class: 'exercise-feedback', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  private readonly summaryHeading = h('h3', { class: 'exercise-summary-title', tabindex: '-1' });
  private readonly summaryBody = h('div', {});
  /** The question last shown ("scope:number"), to clear and focus the box when it changes. */
  private shown: string | null = null;

  constructor(private readonly send: SendExercise) {
    const button = (text: string, label: string, command: ExerciseCommand, extra = '') => {
      const b = h('button', { type: 'button', class: `control wide ${extra}`, 'aria-label': label, title: label, 'data-exercise': command }, text);
      b.addEventListener('click', () => send(command));
      return b;
    };
    this.startButton = button('Exercise…', 'Start an exercise: each step is asked in turn', 'start');
    const check = h('button', { type: 'submit', class: 'control wide primary' }, 'Check');
    this.form = h('form', { class: 'exercise-form', 'aria-describedby': 'exercise-feedback' }, this.label, h('span', { class: 'exercise-entry' }, this.input, check));
    this.feedback.id = 'exercise-feedback';
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      send('answer', this.input.value);
      // Kept, selected: a wrong answer is corrected in place or typed over.
      this.input.select();
    });
    this.hint = button('Hint', 'Hint: reveal the next factor of the formula', 'hint');
    this.actions = h(
      'div',
      { class: 'exercise-actions', role: 'group', 'aria-label': 'Exercise' },
      this.hint,
      button('Reveal', 'Reveal the value and go on to the next step', 'reveal'),
      button('End exercise', 'End the exercise and show its summary', 'end'),
    );
    this.summaryRoot = h(
      'section',
      { class: 'exercise-summary', 'aria-label': 'Exercise summary', hidden: true },
      this.summaryHeading,
      this.summaryBody,
      h('div', { class: 'exercise-actions' }, button('Start another', 'Start another exercise', 'start'), button('Close summary', 'Close the summary', 'close')),
    );
    this.root = h('section', { class: 'exercise', 'aria-label': 'Exercise', hidden: true }, this.progress, this.form, this.actions, this.feedback);
  }

  /** Whether a step is being asked: the panel's stepping keys and buttons rest meanwhile. */
  asking = false;

  render(view: ExerciseView | null | undefined): void {
    this.asking = !!view?.asking;
    this.root.hidden = !this.asking;
    this.summaryRoot.hidden = !view || view.asking || !view.summary;
    if (!view) {
      this.shown = null;
      return;
    }
    this.progress.textContent = `Exercise · ${view.scopeLabel} · step ${view.number} of ${view.total}`;
    this.renderFeedback(view.feedback);
    const key = view.asking ? `${view.scopeLabel}:${view.number}` : `${view.scopeLabel}:end`;
    const changed = key !== this.shown;
    this.shown = key;
    if (view.asking) {
      this.label.textContent = `Your value of ${view.symbolText}, to ${view.digits} significant digits`;
      this.hint.disabled = view.hints >= view.factorCount;
      this.hint.textContent = view.factorCount > 0 ? `Hint (${view.hints}/${view.factorCount})` : 'Hint';
      if (changed) {
        this.input.value = '';
        this.input.focus({ preventScroll: true });
      }
    } else if (view.summary) {
      this.renderSummary(view.scopeLabel, view.summary, view.feedback);
      // The panel may have followed the tables far down, and follows the step once more after this
      // view's layout (tables.ts, on the next frame): bring the summary into view after that.
      if (changed) {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            this.summaryRoot.scrollIntoView({ block: 'start', behavior: 'instant' });
            this.summaryHeading.focus({ preventScroll: true });
          }),
        );
      }
    }
  }

  private renderFeedback(feedback: ExerciseFeedbackView | null): void {
    this.feedback.className = `exercise-feedback${feedback ? ` tone-${feedback.tone}` : ''}`;
    if (!feedback) {
      replaceChildren(this.feedback);
      return;
    }
    replaceChildren(
      this.feedback,
      h('span', { class: 'feedback-icon', 'aria-hidden': 'true' }, ICONS[feedback.tone]),
      h('strong', { class: 'feedback-title' }, `${feedback.title}.`),
      ' ',
      h('span', { class: 'feedback-detail' }, feedback.detail),
    );
  }

  private renderSummary(scopeLabel: string, summary: ExerciseSummaryView, last: ExerciseFeedbackView | null): void {
    this.summaryHeading.textContent = `Exercise finished: ${scopeLabel}`;
    const review = summary.toReview.length > 0 ? h('p', {}, `To look at again: ${summary.toReview.slice(0, 20).map(reviewText).join(', ')}${summary.toReview.length > 20 ? ', …' : ''}.`) : null;
    // The last answer's feedback, so finishing on an answer still says how it went.
    const lastLine = last ? h('p', { class: 'exercise-last' }, `${ICONS[last.tone]} ${last.title}. ${last.detail}`) : null;
    replaceChildren(this.summaryBody, lastLine, h('ul', { class: 'exercise-counts' }, ...summaryLines(summary).map((line) => h('li', {}, line))), review);
  }
}
