/**
 * Hovering (or focusing) any neuron, edge, table cell or factor shows what it is: its symbol,
 * the formula it came from, and its value. The symbol is known here; the formula and value are
 * asked of the extension (`describe`), which answers from the trace in the article's words,
 * and are cached per analysis version. Clicking reveals the number in the spec; double-clicking
 * a quantity of the trace steps to it. From the keyboard, Enter on a focused one does what a
 * click does and Shift+Enter what a double-click does; the tooltip of a focused one is also its
 * accessible description.
 */
import { DEFAULT_WEIGHT_ORDER, type WeightOrder } from '../src/core/notation/symbols';
import { isStepRef, type DescriptionMessage, type PanelToExtension, type QuantityRef } from '../src/shared/panelMessages';
import { h } from './dom';
import { parseRefKey, refKey, symbolText } from './refs';

export class Tooltips {
  private readonly tip = h('div', { class: 'tooltip', role: 'tooltip', id: 'bp-tooltip', hidden: true });
  private readonly cache = new Map<string, DescriptionMessage>();
  private version = -1;
  private order: WeightOrder = DEFAULT_WEIGHT_ORDER;
  private shown: { ref: QuantityRef; target: Element; focused: boolean } | null = null;

  constructor(
    root: HTMLElement,
    private readonly post: (message: PanelToExtension) => void,
  ) {
    document.body.append(this.tip);
    root.addEventListener('pointerover', (e) => this.enter(e.target, false));
    // Focus from the keyboard gets the keyboard's hint; a click also focuses, and keeps the pointer's.
    root.addEventListener('focusin', (e) => this.enter(e.target, e.target instanceof Element && e.target.matches(':focus-visible')));
    root.addEventListener('pointerout', (e) => this.leave(e.target, (e as PointerEvent).relatedTarget));
    root.addEventListener('focusout', () => this.hide());
    root.addEventListener('click', (e) => {
      const found = this.refOf(e.target);
      if (found) this.post({ type: 'reveal', ref: found.ref });
    });
    root.addEventListener('dblclick', (e) => {
      const found = this.refOf(e.target);
      if (found && isStepRef(found.ref)) this.post({ type: 'stepTo', address: found.ref });
    });
    root.addEventListener('keydown', (e) => {
      const found = e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey ? this.refOf(e.target) : null;
      if (!found || found.element !== e.target) return;
      e.preventDefault();
      if (!e.shiftKey) this.post({ type: 'reveal', ref: found.ref });
      else if (isStepRef(found.ref)) this.post({ type: 'stepTo', address: found.ref });
    });
    document.addEventListener('keydown', (e) => e.key === 'Escape' && this.hide());
  }

  /** New numbers: cached descriptions of the old version no longer hold. `order` writes symbols until they come. */
  setVersion(version: number, order: WeightOrder = DEFAULT_WEIGHT_ORDER): void {
    if (version !== this.version || order !== this.order) this.cache.clear();
    this.version = version;
    this.order = order;
    this.hide();
  }

  receive(message: DescriptionMessage): void {
    if (message.version !== this.version) return;
    this.cache.set(refKey(message.ref), message);
    if (this.shown && refKey(this.shown.ref) === refKey(message.ref)) this.fill(this.shown.ref, this.shown.target, this.shown.focused);
  }

  private refOf(target: EventTarget | null): { ref: QuantityRef; element: Element } | null {
    const element = target instanceof Element ? target.closest('[data-ref]') : null;
    const ref = element ? parseRefKey(element.getAttribute('data-ref')) : null;
    return element && ref ? { ref, element } : null;
  }

  private enter(target: EventTarget | null, focused: boolean): void {
    const found = this.refOf(target);
    if (!found) return;
    if (this.shown?.focused) this.shown.target.removeAttribute('aria-describedby');
    this.shown = { ref: found.ref, target: found.element, focused };
    if (focused) found.element.setAttribute('aria-describedby', this.tip.id);
    const key = refKey(found.ref);
    if (!this.cache.has(key)) this.post({ type: 'describe', version: this.version, ref: found.ref });
    this.fill(found.ref, found.element, focused);
  }

  private leave(target: EventTarget | null, to: EventTarget | null): void {
    const from = this.refOf(target);
    const next = this.refOf(to);
    if (from && (!next || next.element !== from.element)) this.hide();
  }

  private hide(): void {
    if (this.shown?.focused) this.shown.target.removeAttribute('aria-describedby');
    this.shown = null;
    this.tip.hidden = true;
  }

  private fill(ref: QuantityRef, target: Element, focused: boolean): void {
    const description = this.cache.get(refKey(ref));
    const symbol = description?.symbolText ?? symbolText(ref, this.order);
    const value = description?.valueText ?? target.textContent ?? '';
    const lines = [h('div', { class: 'tip-symbol' }, `${symbol} = ${value || 'not computed yet'}`)];
    if (description?.formulaText) lines.push(h('div', { class: 'tip-formula' }, description.formulaText));
    const stepHere = isStepRef(ref);
    const hint = focused ? `Enter: show in spec${stepHere ? ' · Shift+Enter: step here' : ''}` : `Click: show in spec${stepHere ? ' · double-click: step here' : ''}`;
    lines.push(h('div', { class: 'tip-hint' }, hint));
    this.tip.replaceChildren(...lines);
    this.tip.hidden = false;
    const box = target.getBoundingClientRect();
    const left = Math.min(window.innerWidth - 320, Math.max(4, box.left));
    this.tip.style.left = `${left + window.scrollX}px`;
    this.tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  }
}
