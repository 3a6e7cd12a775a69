/**
 * The SVG elements of the network diagram (diagram.ts draws with them): made once for a
 * structure — how many neurons, edges, targets and labels the layout has — and placed on every
 * render. Placing writes only the coordinates that differ from the layout placed before, so a
 * step whose layout moved a column (a window's "… 693 before" label is wider than "… 13
 * before") moves a few attributes instead of drawing the picture again, and a step whose layout
 * did not move writes nothing. What each shape stands for (data-ref, texts, classes) is
 * written by diagram.ts.
 */
import { s } from './dom';
import { VALUE_FONT } from './diagramText';
import type { DiagramLayout, TextBox } from './layout';

export interface DrawnSvg {
  readonly svg: SVGSVGElement;
  readonly edges: SVGLineElement[];
  readonly headings: SVGTextElement[];
  readonly neurons: { readonly g: SVGGElement; readonly circle: SVGCircleElement; readonly value: SVGTextElement; readonly delta: SVGTextElement }[];
  readonly targets: { readonly g: SVGGElement; readonly rect: SVGRectElement; readonly label: SVGTextElement; readonly value: SVGTextElement }[];
  /**
   * The "… n more" lines, in layout order (layout.more, each label's lines), in their group: one
   * line or two ("… 13 before," / "103 more") as a window leaves the start of its layer.
   */
  readonly more: SVGTextElement[];
  readonly moreGroup: SVGGElement;
  readonly cost: { readonly g: SVGGElement; readonly rect: SVGRectElement; readonly label: SVGTextElement; readonly value: SVGTextElement };
  readonly omittedNote: SVGTextElement | null;
  /** Where the step's marks go: under the neurons (edge casings) and over everything. */
  readonly under: SVGGElement;
  readonly over: SVGGElement;
}

/** What decides which elements a layout needs: equal keys, the same elements. */
export function structureKey(layout: DiagramLayout): string {
  return [layout.edges.length, layout.headings.length, layout.neurons.length, layout.targets.length, !!layout.omittedNote].join(',');
}

/** The elements for `layout`'s shapes, in drawing order, placed where it puts them. */
export function buildSvg(layout: DiagramLayout, costRef: string): DrawnSvg {
  const text = (className: string) => s('text', { class: className });
  const edges = layout.edges.map(() => s('line', {}));
  const headings = layout.headings.map(() => text('heading'));
  const neurons = layout.neurons.map(() => {
    const [circle, value, delta] = [s('circle', {}), text('value'), text('delta')];
    return { g: s('g', {}, circle, value, delta), circle, value, delta };
  });
  const targets = layout.targets.map(() => {
    const [rect, label, value] = [s('rect', { rx: 3 }), text('heading'), text('value')];
    return { g: s('g', {}, rect, label, value), rect, label, value };
  });
  const moreGroup = s('g', { class: 'more-labels' });
  const [costRect, costLabel, costValue] = [s('rect', { rx: 6 }), text('heading'), text('value')];
  const cost = { g: s('g', { 'data-ref': costRef }, costRect, costLabel, costValue), rect: costRect, label: costLabel, value: costValue };
  const omittedNote = layout.omittedNote ? text('more') : null;
  const under = s('g', { class: 'marks-under', 'aria-hidden': 'true' });
  const over = s('g', { class: 'marks', 'aria-hidden': 'true' });
  const svg = s(
    'svg',
    { class: 'diagram', role: 'img' },
    s('g', { class: 'edges' }, ...edges),
    under,
    s('g', { class: 'headings' }, ...headings),
    s('g', { class: 'neurons' }, ...neurons.map((n) => n.g)),
    s('g', { class: 'targets' }, ...targets.map((t) => t.g)),
    moreGroup,
    cost.g,
    over,
  );
  if (omittedNote) svg.append(omittedNote);
  const drawn = { svg, edges, headings, neurons, targets, more: [], moreGroup, cost, omittedNote, under, over };
  placeSvg(drawn, layout, null);
  return drawn;
}

type Attributes = Record<string, number | string>;

/** Writes the attributes of `now` that differ from `before` (all of them when there is no before). */
function put(element: Element, now: Attributes, before: Attributes | null): void {
  for (const name in now) if (!before || before[name] !== now[name]) element.setAttribute(name, String(now[name]));
}

function textAt(box: TextBox): Attributes {
  return { x: box.x, y: box.y };
}

/** A box's rectangle, centred on (x, y). */
function rectOf(box: { x: number; y: number; width: number; height: number }): Attributes {
  return { x: box.x - box.width / 2, y: box.y - box.height / 2, width: box.width, height: box.height };
}

/**
 * Moves the shapes from where `before` put them to where `layout` does (same structure). Texts
 * that come from the layout (headings, the omitted-edges note) are written here too.
 */
export function placeSvg(drawn: DrawnSvg, layout: DiagramLayout, before: DiagramLayout | null): void {
  const size = (l: DiagramLayout) => ({ viewBox: `0 0 ${l.width} ${l.height}`, width: l.width, height: l.height });
  put(drawn.svg, size(layout), before && size(before));
  layout.edges.forEach((e, i) => {
    const was = before?.edges[i];
    put(drawn.edges[i], { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2 }, was ? { x1: was.x1, y1: was.y1, x2: was.x2, y2: was.y2 } : null);
  });
  layout.headings.forEach((box, i) => {
    const was = before?.headings[i];
    put(drawn.headings[i], textAt(box), was ? textAt(was) : null);
    if (!was || was.text !== box.text) drawn.headings[i].textContent = box.text;
  });
  const neuron = (l: DiagramLayout, i: number) => {
    const n = l.neurons[i];
    return { circle: { cx: n.x, cy: n.y, r: l.radius }, value: { x: n.x, y: n.y + VALUE_FONT * 0.35 }, delta: { x: n.x, y: n.y + l.deltaOffset } };
  };
  drawn.neurons.forEach((n, i) => {
    const [now, was] = [neuron(layout, i), before ? neuron(before, i) : null];
    put(n.circle, now.circle, was?.circle ?? null);
    put(n.value, now.value, was?.value ?? null);
    put(n.delta, now.delta, was?.delta ?? null);
  });
  layout.targets.forEach((t, i) => {
    const was = before?.targets[i];
    const { rect, label, value } = drawn.targets[i];
    put(rect, rectOf(t), was ? rectOf(was) : null);
    put(label, textAt(t.label), was ? textAt(was.label) : null);
    put(value, { x: t.x, y: t.y + VALUE_FONT * 0.35 }, was ? { x: was.x, y: was.y + VALUE_FONT * 0.35 } : null);
  });
  const lines = (l: DiagramLayout | null) => l?.more.flatMap((m) => m.lines) ?? [];
  const [moreNow, moreBefore] = [lines(layout), lines(before)];
  while (drawn.more.length > moreNow.length) drawn.more.pop()?.remove();
  while (drawn.more.length < moreNow.length) drawn.more.push(drawn.moreGroup.appendChild(s('text', { class: 'more' })));
  moreNow.forEach((box, i) => {
    const was = moreBefore[i];
    put(drawn.more[i], textAt(box), was ? textAt(was) : null);
    if (!was || was.text !== box.text) drawn.more[i].textContent = box.text;
  });
  const c = layout.cost;
  const b = before?.cost;
  put(drawn.cost.rect, rectOf(c), b ? rectOf(b) : null);
  put(drawn.cost.label, textAt(c.label), b ? textAt(b.label) : null);
  if (!b || b.label.text !== c.label.text) drawn.cost.label.textContent = c.label.text;
  put(drawn.cost.value, { x: c.x, y: c.y + VALUE_FONT * 0.35 }, b ? { x: b.x, y: b.y + VALUE_FONT * 0.35 } : null);
  const note = layout.omittedNote;
  if (drawn.omittedNote && note) {
    const was = before?.omittedNote;
    put(drawn.omittedNote, textAt(note), was ? textAt(was) : null);
    if (!was || was.text !== note.text) drawn.omittedNote.textContent = note.text;
  }
}
