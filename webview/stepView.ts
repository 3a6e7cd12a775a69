/**
 * The current step, written out the way the article writes it:
 *   symbol = general formula = formula with each factor's number = result
 * rendered with KaTeX (bundled, never from a CDN; `trust: false`), each factor in its own
 * colour, the same colour the diagram and tables use for that factor. `katex.render` builds
 * DOM nodes and sets their styles through the CSSOM, which the panel's CSP allows without
 * 'unsafe-inline' (see src/extension/panel/panelHtml.ts). A plain-text copy of the step goes
 * to an aria-live region for screen readers.
 */
import katex from 'katex';
import type { StepView } from '../src/shared/panelMessages';
import { h, replaceChildren } from './dom';
import { factorClass } from './highlight';
import { refKey } from './refs';

export interface StepElements {
  readonly root: HTMLElement;
  readonly math: HTMLElement;
  readonly factors: HTMLElement;
  /** Polite live region: the step in words, for screen readers. */
  readonly live: HTMLElement;
}

export function createStepView(): StepElements {
  const math = h('div', { class: 'step-math' });
  const factors = h('ul', { class: 'factors', 'aria-label': 'Factors of the current step' });
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
  const root = h('section', { class: 'step', 'aria-label': 'Current step' }, math, factors, live);
  return { root, math, factors, live };
}

/** Renders TeX into `target`; a formula KaTeX cannot parse shows as its source, in colour. */
export function renderTex(target: HTMLElement, tex: string, macros: Record<string, string>, display = false): void {
  katex.render(tex, target, { throwOnError: false, trust: false, strict: 'ignore', displayMode: display, macros: { ...macros } });
}

/**
 * The three lines of the step. Inline mode with \displaystyle keeps fractions full size while
 * letting KaTeX break a long sum (z of a neuron with 784 inputs) across lines.
 */
export function stepLines(step: StepView): string[] {
  return [
    `\\displaystyle ${step.symbolTex} = ${step.formulaTex}`,
    `\\displaystyle \\phantom{${step.symbolTex}} = ${step.substitutedTex}`,
    `\\displaystyle \\phantom{${step.symbolTex}} = ${step.valueText}`,
  ];
}

export function renderStep(view: StepElements, step: StepView | null, macros: Record<string, string>, idleText: string): void {
  if (!step) {
    replaceChildren(view.math, h('p', { class: 'hint' }, idleText));
    replaceChildren(view.factors);
    view.live.textContent = idleText;
    return;
  }
  const lines = stepLines(step).map((tex) => {
    const line = h('div', { class: 'step-line' });
    renderTex(line, tex, macros);
    return line;
  });
  replaceChildren(view.math, ...lines);
  const chips = step.factors.map((factor, i) => {
    const math = h('span', { class: 'factor-math' });
    renderTex(math, `${factor.tex} = ${factor.valueText}`, macros);
    const attributes: Record<string, string> = { class: `factor ${factorClass(i)}` };
    if (factor.refers) attributes['data-ref'] = refKey(factor.refers);
    return h('li', attributes, h('span', { class: 'swatch', 'aria-hidden': 'true' }), math);
  });
  replaceChildren(view.factors, ...chips);
  view.live.textContent = step.plainText;
}
