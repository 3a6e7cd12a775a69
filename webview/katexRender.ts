/**
 * Typesets TeX with KaTeX (bundled, never from a CDN; `trust: false`). `katex.render` builds DOM
 * nodes and sets their styles through the CSSOM, which the panel's CSP allows without
 * 'unsafe-inline' (see src/extension/panel/panelHtml.ts).
 */
import katex, { type KatexOptions } from 'katex';

/**
 * Rendered TeX by source, for the macros (theme colours) in force: steps repeat the same
 * symbols and numbers (a⁽⁰⁾₁ = 0.05 in every ∂cᵢ/∂w⁽¹⁾ₖ₁), and cloning KaTeX's DOM is much
 * cheaper than typesetting it again.
 */
const rendered = new Map<string, Node>();
let renderedFor: Record<string, string> | null = null;
const MAX_RENDERED = 500;

// HTML only (no MathML copy): half the DOM to lay out on every step. Screen readers get the
// step as plain text from the live region instead (the typeset lines are aria-hidden).
function options(macros: Record<string, string>): KatexOptions {
  return { throwOnError: false, trust: false, strict: 'ignore', output: 'html', macros: { ...macros } };
}

/** Renders TeX into `target`; a formula KaTeX cannot parse shows as its source, in colour. */
export function renderTex(target: HTMLElement, tex: string, macros: Record<string, string>): void {
  if (renderedFor !== macros || rendered.size > MAX_RENDERED) {
    rendered.clear();
    renderedFor = macros;
  }
  let node = rendered.get(tex);
  if (!node) {
    const holder = document.createElement('span');
    katex.render(tex, holder, options(macros));
    node = holder.firstChild ?? holder;
    rendered.set(tex, node);
  }
  target.replaceChildren(node.cloneNode(true));
}

/** What the panel typesets, in small: a fraction, indices, a marked factor with its box, a brace. */
const WARM_UP_TEX =
  "\\displaystyle \\hphantom{\\delta^{(2)}_{1}} = {\\bpfA{\\frac{\\partial c_i}{\\partial a^{(2)}_{1}}}} \\cdot {\\bpfB{\\sigma'(z^{(2)}_{1})}} = " +
  '{\\bpfC{\\left(-0.5\\right)}} \\times \\underbrace{\\cdots}_{\\text{3 more terms} \\,=\\, 0.25} + \\sum_{k=1}^{2} w^{(1)}_{k1}\\, a^{(0)}_{k}';

/**
 * Typesets a formula like the panel's once, into nothing, while the panel waits for its first
 * view (call it after posting `ready`): KaTeX's first formula costs several times a later one —
 * its code is compiled and its font metrics read — and the first view, a step of nine factors on
 * a big network, would otherwise pay for that while the learner waits for it.
 */
export function warmUpTex(macros: Record<string, string>): void {
  katex.render(WARM_UP_TEX, document.createElement('span'), options(macros));
}
