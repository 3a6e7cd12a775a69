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
import { formatValue, refKey } from './refs';

export interface StepElements {
  readonly root: HTMLElement;
  readonly math: HTMLElement;
  readonly factors: HTMLElement;
  readonly note: HTMLElement;
  /** Polite live region: the step in words, for screen readers. */
  readonly live: HTMLElement;
}

export function createStepView(): StepElements {
  const math = h('div', { class: 'step-math', 'aria-hidden': 'true' });
  const factors = h('ul', { class: 'factors', 'aria-label': 'Factors of the current step' });
  const note = h('p', { class: 'hint note', hidden: true });
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
  const root = h('section', { class: 'step', 'aria-label': 'Current step' }, math, factors, note, live);
  return { root, math, factors, note, live };
}

/**
 * Rendered TeX by source, for the macros (theme colours) in force: steps repeat the same
 * symbols and numbers (a⁽⁰⁾₁ = 0.05 in every ∂cᵢ/∂w⁽¹⁾ₖ₁), and cloning KaTeX's DOM is much
 * cheaper than typesetting it again.
 */
const rendered = new Map<string, Node>();
let renderedFor: Record<string, string> | null = null;
const MAX_RENDERED = 500;

/** Renders TeX into `target`; a formula KaTeX cannot parse shows as its source, in colour. */
export function renderTex(target: HTMLElement, tex: string, macros: Record<string, string>): void {
  if (renderedFor !== macros || rendered.size > MAX_RENDERED) {
    rendered.clear();
    renderedFor = macros;
  }
  let node = rendered.get(tex);
  if (!node) {
    const holder = document.createElement('span');
    // HTML only (no MathML copy): half the DOM to lay out on every step. Screen readers get the
    // step as plain text from the live region instead (the typeset lines are aria-hidden).
    katex.render(tex, holder, { throwOnError: false, trust: false, strict: 'ignore', output: 'html', macros: { ...macros } });
    node = holder.firstChild ?? holder;
    rendered.set(tex, node);
  }
  target.replaceChildren(node.cloneNode(true));
}

/**
 * The three lines of the step. Inline mode with \displaystyle keeps fractions full size while
 * letting KaTeX break a long sum (z of a neuron with 784 inputs) across lines.
 */
export function stepLines(step: StepView): string[] {
  return [
    `\\displaystyle ${step.symbolTex} = ${step.formulaTex}`,
    `\\displaystyle \\hphantom{${step.symbolTex}} = ${step.substitutedTex}`,
    `\\displaystyle \\hphantom{${step.symbolTex}} = ${step.valueText}`,
  ];
}

export function renderStep(view: StepElements, step: StepView | null, macros: Record<string, string>, idleText: string, digits: number): void {
  if (!step) {
    replaceChildren(view.math, h('p', { class: 'hint' }, idleText));
    replaceChildren(view.factors);
    view.note.hidden = true;
    view.live.textContent = idleText;
    return;
  }
  const lines = stepLines(step).map((tex) => {
    const line = h('div', { class: 'step-line' });
    renderTex(line, tex, macros);
    return line;
  });
  replaceChildren(view.math, ...lines);
  // The legend of factor colours, in plain text: cheap to lay out, and read as is by screen readers.
  const chips = step.factors.map((factor, i) => {
    const attributes: Record<string, string> = { class: `factor ${factorClass(i)}` };
    if (factor.refers) attributes['data-ref'] = refKey(factor.refers);
    return h('li', attributes, h('span', { class: 'swatch', 'aria-hidden': 'true' }), `${factor.text} = ${formatValue(factor.value, digits)}`);
  });
  const more = step.factorsOmitted > 0 ? h('li', { class: 'factor more' }, `… ${step.factorsOmitted} more factors`) : null;
  replaceChildren(view.factors, ...chips, more);
  view.note.textContent = step.note ?? '';
  view.note.hidden = !step.note;
  view.live.textContent = step.note ? `${step.plainText}. ${step.note}` : step.plainText;
}
