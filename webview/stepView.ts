/**
 * The current step, written out the way the article writes it:
 *   symbol = general formula = formula with each factor's number = result
 * typeset with KaTeX (katexRender.ts), each factor in its own colour, the same colour the
 * diagram and tables use for that factor. A plain-text copy of the step goes to an aria-live
 * region for screen readers. At an update step the batch mean follows (batchView.ts).
 */
import type { StepView } from '../src/shared/panelMessages';
import { createBatchView, renderBatch } from './batchView';
import { h, replaceChildren } from './dom';
import { renderTex } from './katexRender';
import { factorClass } from './highlight';
import { factorBadgeText } from './factors';
import { formatValue, refKey } from './refs';
import { atomicFactors } from './texBreaks';

export interface StepElements {
  readonly root: HTMLElement;
  readonly math: HTMLElement;
  readonly factors: HTMLElement;
  readonly note: HTMLElement;
  /** Polite live region: the step in words, for screen readers. */
  readonly live: HTMLElement;
  /** At update steps, the mean over the batch (batchView.ts). */
  readonly batch: HTMLElement;
  /** The TeX each typeset line shows now, and the macros it was set with (see renderStep). */
  readonly shown: { tex: readonly string[]; macros: Record<string, string> | null };
}

export function createStepView(): StepElements {
  const math = h('div', { class: 'step-math', 'aria-hidden': 'true' });
  const factors = h('ul', { class: 'factors', 'aria-label': 'Factors of the current step' });
  const note = h('p', { class: 'hint note', hidden: true });
  const live = h('p', { class: 'visually-hidden step-announcement', 'aria-live': 'polite', role: 'status' });
  const batch = createBatchView();
  const root = h('section', { class: 'step', 'aria-label': 'Current step' }, math, factors, note, batch, live);
  return { root, math, factors, note, live, batch, shown: { tex: [], macros: null } };
}

/**
 * The three lines of the step. Inline mode with \displaystyle keeps fractions full size while
 * letting KaTeX break a long line (z of a neuron with 784 inputs, a narrow panel) — only between
 * whole factors and terms (see texBreaks.ts).
 */
export function stepLines(step: StepView): string[] {
  return [
    `\\displaystyle ${step.symbolTex} = ${step.formulaTex}`,
    `\\displaystyle \\hphantom{${step.symbolTex}} = ${step.substitutedTex}`,
    `\\displaystyle \\hphantom{${step.symbolTex}} = ${step.valueText}`,
  ].map(atomicFactors);
}

export function renderStep(view: StepElements, step: StepView | null, macros: Record<string, string>, idleText: string, digits: number): void {
  if (!step) {
    view.shown.tex = [];
    replaceChildren(view.math, h('p', { class: 'hint' }, idleText));
    replaceChildren(view.factors);
    view.note.hidden = true;
    view.live.textContent = idleText;
    renderBatch(view.batch, null, macros, digits);
    return;
  }
  typesetLines(view, stepLines(step), macros);
  // The legend of factor colours, in plain text: cheap to lay out, and read as is by screen readers.
  const chips = step.factors.map((factor, i) => {
    const attributes: Record<string, string> = { class: `factor ${factorClass(i)}` };
    if (factor.refers) attributes['data-ref'] = refKey(factor.refers);
    // The swatch carries the factor's number, the second cue beside its colour (as in the formula and diagram).
    return h('li', attributes, h('span', { class: 'swatch factor-badge', 'aria-hidden': 'true' }, factorBadgeText(i)), `${factor.text} = ${formatValue(factor.value, digits)}`);
  });
  const more = step.factorsOmitted > 0 ? h('li', { class: 'factor more' }, `… ${step.factorsOmitted} more factors`) : null;
  replaceChildren(view.factors, ...chips, more);
  view.note.textContent = step.note ?? '';
  view.note.hidden = !step.note;
  view.live.textContent = step.note ? `${step.plainText}. ${step.note}` : step.plainText;
  renderBatch(view.batch, step.batch ?? null, macros, digits);
}

/**
 * Puts the lines into the step box, keeping each line whose TeX and macros are those it already
 * shows: a typeset line is a few hundred KaTeX spans, and the result line or the general formula
 * is often the same as the step before's (and the whole step is, when an edit elsewhere or a
 * resize redraws the view). Unchanged lines are neither re-cloned nor laid out again.
 */
function typesetLines(view: StepElements, lines: readonly string[], macros: Record<string, string>): void {
  const typeset = (tex: string) => {
    const line = h('div', { class: 'step-line' });
    renderTex(line, tex, macros);
    return line;
  };
  const shown = view.math.children;
  const previous = view.shown.tex;
  const reusable = view.shown.macros === macros && previous.length === lines.length && shown.length === lines.length;
  if (!reusable) replaceChildren(view.math, ...lines.map(typeset));
  else for (const [i, tex] of lines.entries()) if (previous[i] !== tex) shown[i].replaceWith(typeset(tex));
  view.shown.tex = lines;
  view.shown.macros = macros;
}
