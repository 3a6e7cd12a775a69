/**
 * The network as an SVG picture: a column of neurons per layer, an edge per weight, each
 * target y as a mark of its own beside its output neuron, the cost at the right. Each neuron
 * shows its activation a once it is computed and its δ once the backward pass reaches it; the
 * current step's factors and quantity are marked over it (diagramMarks.ts). Every neuron, edge,
 * target and the cost carry `data-ref`, so tooltips, "reveal in spec" and keyboard focus work by
 * event delegation (tooltip.ts).
 *
 * The picture is drawn at scale 1, so its text stays 11–12 px however narrow the panel: the
 * layout (layout.ts) fits the container's width, which a ResizeObserver watches (the webview
 * narrows when editor groups are added), and the container scrolls sideways when even the
 * closest layout does not fit (each step then scrolls it to the current quantity). Its elements
 * are made again only when the layout needs other ones (diagramSvg.ts); otherwise a render moves
 * the shapes the layout moved (the room, the widest text) and rewrites numbers, classes and the
 * marks — and, when a window moves along a big layer, which neurons and edges the shapes stand
 * for (their data-ref and labels), so stepping through a 128-neuron layer redraws nothing.
 *
 * Rendering never reads layout (a read in the middle of a render forces the browser to lay out
 * the half-written page): the room comes from the ResizeObserver, the font from the last time
 * style was clean, and the sideways scroll to the current quantity waits for the next frame.
 *
 * Public surface: `new DiagramView(container)`, `render(view, highlights)`, `restyle()` (the
 * theme changed), and `onBuilt(listener)` — called with the new <svg>, the view and its
 * highlights after every rebuild, including one a resize causes between two views (focus
 * management hooks in here).
 */
import type { ViewMessage } from '../src/shared/panelMessages';
import { drawMarks } from './diagramMarks';
import { markedSpans, scrollFor } from './diagramScroll';
import { buildSvg, placeSvg, structureKey, type DrawnSvg } from './diagramSvg';
import { costText, deltaText, estimateWidth, LABEL_FONT, neuronValueText, targetValueText, textWidths, VALUE_FONT, type Measure } from './diagramText';
import { marksClass, siteKey, type Highlights } from './highlight';
import { layoutDiagram, type DiagramLayout } from './layout';
import { refKey, symbolText } from './refs';

interface Drawn extends DrawnSvg {
  /** Which elements it has (structureKey, and the number of layers). */
  readonly structure: string;
  /** The layout of the view drawn last: where its shapes are, and which neurons they stand for. */
  layout: DiagramLayout;
}

export type BuiltListener = (svg: SVGSVGElement, view: ViewMessage, highlights: Highlights) => void;

/**
 * Text widths in the panel's own font, measured on a canvas and remembered; `family()` tells
 * which font that is (read once per render: the theme or the user's font setting may change it).
 */
function canvasMeasure(family: () => string): Measure {
  const context = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  let cachedFamily = '';
  return (text, size) => {
    if (!context) return estimateWidth(text, size);
    if (family() !== cachedFamily) {
      cachedFamily = family();
      cache.clear();
    }
    const key = `${size}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      context.font = `${size}px ${cachedFamily}`;
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
}

export class DiagramView {
  readonly root: HTMLElement;
  private drawn: Drawn | null = null;
  private last: { view: ViewMessage; highlights: Highlights } | null = null;
  /** The width the last render laid out for, and the container's width as last observed. */
  private width = 0;
  private observed = 0;
  private pending = 0;
  private revealing = 0;
  private focusAfterBuild: string | null = null;
  /** The panel's font, read while style is clean; '' until read (and after a theme change). */
  private fontFamily = '';
  private readonly measure: Measure;
  private readonly builtListeners: BuiltListener[] = [];

  constructor(root: HTMLElement) {
    this.root = root;
    this.measure = canvasMeasure(() => this.fontFamily || 'sans-serif');
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => {
        // Layout is clean while observers run: these reads cost nothing.
        this.observed = this.root.clientWidth;
        this.fontFamily = getComputedStyle(this.root).fontFamily;
        if (this.observed === this.width || this.pending) return;
        this.pending = requestAnimationFrame(() => {
          this.pending = 0;
          if (this.last) this.render(this.last.view, this.last.highlights);
        });
      }).observe(root);
    }
  }

  /**
   * Measures a few of the diagram's texts in the panel's font while the panel waits for its
   * first view (call it after posting `ready`): a canvas's first text in a font costs tens of
   * milliseconds (the font is looked up and loaded), which the first view need not wait for.
   */
  warmUp(): void {
    this.fontFamily = getComputedStyle(this.root).fontFamily;
    // Digits, signs and the subscripts of yᵢⱼ: a character the font lacks is looked up in others.
    for (const size of [LABEL_FONT, VALUE_FONT]) this.measure('δ −0.0123456789 ℓ = 1 … 12 more, yᵢ₀₁₂₃₄₅₆₇₈₉ cᵢ', size);
  }

  /** The theme changed: its font may have too (read again on the next render). */
  restyle(): void {
    this.fontFamily = '';
  }

  /** Calls `listener` each time the picture is rebuilt (its elements are new, their attributes gone). */
  onBuilt(listener: BuiltListener): void {
    this.builtListeners.push(listener);
  }

  /**
   * Draws `view`. Returns true when the picture was rebuilt (the onBuilt listeners have then
   * seen it), false when only its contents changed.
   */
  render(view: ViewMessage, highlights: Highlights): boolean {
    this.last = { view, highlights };
    // Only before the observer's first report, or when it last saw the diagram hidden, is the
    // room read here (forcing a layout); every other render uses the observed width.
    if (this.observed <= 0) this.observed = this.root.clientWidth;
    if (!this.fontFamily) this.fontFamily = getComputedStyle(this.root).fontFamily;
    this.width = this.observed;
    const output = view.layers[view.layers.length - 1];
    const layout = layoutDiagram(view.layers, {
      measure: this.measure,
      widths: textWidths(view, this.measure),
      // A hidden container has no width yet: lay out wide; the observer re-lays out once shown.
      availableWidth: this.width > 0 ? this.width : Infinity,
      targets: !!output && output.index > 0 && output.y.length >= output.count,
    });
    const L = view.layers.length - 1;
    const structure = `${L}#${structureKey(layout)}`;
    const rebuilt = !this.drawn || this.drawn.structure !== structure;
    const focused = rebuilt ? null : this.focusedRef();
    if (rebuilt || !this.drawn) this.rebuild(layout, structure, `cost:${L}:0:0`);
    else placeSvg(this.drawn, layout, this.drawn.layout);
    if (!this.drawn) return rebuilt;
    this.drawn.layout = layout;
    this.root.classList.toggle('scrolls', layout.scrolls);
    bind(this.drawn, view);
    update(this.drawn, view, highlights, this.measure);
    if (rebuilt) this.built(view, highlights);
    else if (focused) this.keepFocus(focused);
    if (layout.scrolls) this.reveal();
    return rebuilt;
  }

  /**
   * Scrolls the container sideways to the current quantity (and its factors when they fit), at
   * the next frame: its scroll position and width are then read from a finished layout.
   */
  private reveal(): void {
    if (this.revealing) return;
    this.revealing = requestAnimationFrame(() => {
      this.revealing = 0;
      if (!this.drawn || !this.last || !this.drawn.layout.scrolls) return;
      const spans = markedSpans(this.drawn.layout, this.last.highlights.sites);
      const left = scrollFor(spans.all, spans.current, this.root.scrollLeft, this.root.clientWidth);
      if (left === null) return;
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      this.root.scrollTo({ left, behavior: smooth ? 'smooth' : 'auto' });
    });
  }

  private focusedRef(): string | null {
    const active = document.activeElement;
    return active && this.root.contains(active) ? active.getAttribute('data-ref') : null;
  }

  /**
   * After a window moved under the keyboard focus, focus stays with the quantity, as it does
   * across a rebuild: on the node that now shows it, or nowhere when the window left it.
   */
  private keepFocus(ref: string): void {
    const active = document.activeElement;
    if (!(active instanceof SVGElement) || active.getAttribute('data-ref') === ref) return;
    const same = this.root.querySelector<SVGElement>(`[data-ref="${CSS.escape(ref)}"]`);
    if (same) same.focus();
    else active.blur();
  }

  private rebuild(layout: DiagramLayout, structure: string, costRef: string): void {
    // Keep keyboard focus on the same neuron or edge across a rebuild.
    const focused = this.focusedRef();
    this.drawn = { ...buildSvg(layout, costRef), structure, layout };
    this.root.replaceChildren(this.drawn.svg);
    this.focusAfterBuild = focused;
  }

  /** After a rebuild and its first update: tell the listeners, then put focus back where it was. */
  private built(view: ViewMessage, highlights: Highlights): void {
    if (!this.drawn) return;
    for (const listener of this.builtListeners) listener(this.drawn.svg, view, highlights);
    const focused = this.focusAfterBuild;
    this.focusAfterBuild = null;
    if (focused) this.drawn.svg.querySelector<SVGElement>(`[data-ref="${CSS.escape(focused)}"]`)?.focus();
  }
}

function setAttribute(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

function setClass(element: Element, className: string): void {
  setAttribute(element, 'class', className);
}

function setText(element: Element, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

/**
 * Writes what each shape stands for in `drawn.layout`: the neuron, edge or target it is
 * (data-ref), an edge's weight (its width) and a target's symbol. Unchanged on most steps; on a
 * step that moves a window, this (with the "… n more" labels, placeSvg) is all that changes.
 */
function bind(drawn: Drawn, view: ViewMessage): void {
  const { layout } = drawn;
  layout.edges.forEach((edge, i) => {
    const line = drawn.edges[i];
    setAttribute(line, 'data-ref', refKey({ kind: 'w', layer: edge.layer, j: edge.j, k: edge.k }));
    setAttribute(line, 'stroke-width', (1 + Math.min(3, Math.abs(view.layers[edge.layer].w[edge.slot] ?? 0) * 2)).toFixed(2));
  });
  layout.neurons.forEach((box, i) => {
    const ref = box.layer === 0 ? { kind: 'x' as const, layer: 0, j: box.j, k: 0 } : { kind: 'a' as const, layer: box.layer, j: box.j, k: 0 };
    setAttribute(drawn.neurons[i].g, 'data-ref', refKey(ref));
  });
  layout.targets.forEach((target, i) => {
    // Targets y_ij belong to the example, not a layer: their key uses layer 0, as factors name them.
    setAttribute(drawn.targets[i].g, 'data-ref', refKey({ kind: 'y', layer: 0, j: target.j, k: 0 }));
    setText(drawn.targets[i].label, target.label.text);
  });
}

function update(drawn: Drawn, view: ViewMessage, highlights: Highlights, measure: Measure): void {
  const { layout } = drawn;
  const mark = (site: string) => marksClass(highlights.sites.get(site));
  const shape = view.layers.map((l) => l.size).join('-');
  setAttribute(drawn.svg, 'aria-label', `Network diagram, ${shape} neurons; current quantity ${view.step ? symbolText(view.step.address, view.weightOrder) : 'none yet'}`);
  layout.edges.forEach((edge, i) => {
    const layer = view.layers[edge.layer];
    const sign = layer.w[edge.slot] < 0 ? 'negative' : 'positive';
    const known = layer.dw[edge.slot] !== null ? ' has-gradient' : '';
    setClass(drawn.edges[i], `edge ${sign}${known} ${mark(siteKey({ kind: 'w', layer: edge.layer, j: edge.j, k: edge.k }))}`.trim());
  });
  layout.neurons.forEach((box, i) => {
    const { g, value, delta } = drawn.neurons[i];
    const layer = view.layers[box.layer];
    const activation = layer.a[box.slot] ?? null;
    setClass(g, `neuron${activation === null ? ' empty' : ''} ${mark(`n:${box.layer}:${box.j}`)}`.trim());
    setText(value, neuronValueText(activation));
    setText(delta, box.layer > 0 ? deltaText(layer.delta[box.slot] ?? null) : '');
  });
  const output = view.layers[view.layers.length - 1];
  layout.targets.forEach((target, i) => {
    const { g, value } = drawn.targets[i];
    setClass(g, `target ${mark(`t:${target.j}`)}`.trim());
    setText(value, targetValueText(output.y[target.slot]));
  });
  setClass(drawn.cost.g, `cost-node${view.exampleCost === null ? ' empty' : ''} ${mark('cost')}`.trim());
  setText(drawn.cost.value, costText(view.exampleCost));
  const marks = drawMarks(layout, highlights.sites, measure);
  drawn.under.replaceChildren(...marks.under);
  drawn.over.replaceChildren(...marks.over);
}
