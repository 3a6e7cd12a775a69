/**
 * The diagram for keyboard and screen-reader users, added from outside diagram.ts after each
 * render: every neuron, edge, target mark and the cost (each `[data-ref]` in the SVG) becomes
 * a focusable button named by its symbol, number and part in the current step, with arrow-key
 * movement between them (one Tab stop for the whole diagram, rovingFocus.ts). The SVG becomes a
 * group: an image's children would be hidden from assistive technology.
 */
import type { ViewMessage } from '../src/shared/panelMessages';
import { nodeName } from './accessibleNames';
import { siteKey, type Highlights } from './highlight';
import { formatValue, parseRefKey, symbolText } from './refs';
import { drawnPosition, RovingFocus } from './rovingFocus';
import { quantityValue } from './viewValues';

function set(element: Element, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

export class DiagramFocus {
  private readonly roving: RovingFocus;

  constructor(private readonly root: HTMLElement) {
    this.roving = new RovingFocus(root, { group: 'svg', item: '[data-ref]', position: drawnPosition, rows: false });
  }

  /** Names and marks the nodes of the diagram just drawn for `view`. */
  update(view: ViewMessage, highlights: Highlights): void {
    const svg = this.root.querySelector('svg');
    if (!svg) return;
    set(svg, 'role', 'group');
    const factors = view.step?.factors ?? [];
    const currentSymbol = view.step ? symbolText(view.step.address, view.weightOrder) : null;
    for (const node of Array.from(svg.querySelectorAll('[data-ref]'))) {
      const ref = parseRefKey(node.getAttribute('data-ref'));
      if (!ref) continue;
      const marks = highlights.sites.get(siteKey(ref));
      const value = quantityValue(view, ref);
      set(node, 'role', 'button');
      set(node, 'aria-label', nodeName(symbolText(ref, view.weightOrder), value === undefined ? '' : formatValue(value, view.digits), marks, factors, currentSymbol));
      set(node, 'aria-current', marks?.current ? 'step' : null);
    }
    this.roving.refresh();
  }
}
