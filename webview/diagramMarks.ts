/**
 * The marks a step puts on the diagram, drawn over the picture (diagram.ts) and redrawn on every
 * step: each factor in its colour AND its number, the current quantity in a neutral double
 * outline of the theme's foreground. Every mark that falls on a place is drawn — a neuron that is
 * factor 1, factor 2 and the current quantity gets its ring split between the two factor colours,
 * badges 1 and 2, and the double ring. The marks ignore the pointer (media/panel.css), so hovering
 * and clicking reach the neuron, edge or target underneath.
 *
 * `planMarks` is pure (shapes as plain data, unit-tested); `drawMarks` turns the plan into SVG.
 */
import { s } from './dom';
import type { Measure } from './diagramText';
import { factorBadgeText, factorClass } from './factors';
import type { Marks } from './highlight';
import { badgeWidth, BADGE_HEIGHT, boxBadgeAt, edgeBadgeAt, neuronBadgeSlots, type DiagramLayout, type EdgeLine } from './layout';

/** One SVG element to draw: its tag, attributes, text and children. */
export interface Shape {
  readonly tag: 'g' | 'circle' | 'rect' | 'line' | 'text';
  readonly attrs: Readonly<Record<string, string | number | undefined>>;
  readonly text?: string;
  readonly children?: readonly Shape[];
}

/** Offsets of the current quantity's double outline outside a shape. */
const CURRENT_INNER = 3;
const CURRENT_OUTER = 6;
/** Width of one factor's line along a marked edge; several factors run side by side. */
const FACTOR_LINE = 3;

function badge(index: number, x: number, y: number, measure: Measure): Shape {
  const label = factorBadgeText(index);
  const width = badgeWidth(label, measure);
  return {
    tag: 'g',
    attrs: { class: `badge ${factorClass(index)}` },
    children: [
      { tag: 'rect', attrs: { x: x - width / 2, y: y - BADGE_HEIGHT / 2, width, height: BADGE_HEIGHT, rx: 3 } },
      { tag: 'text', attrs: { x, y: y + 4 }, text: label },
    ],
  };
}

/** Badges for several factors side by side, centred on (x, y). */
function badgeRow(factors: readonly number[], x: number, y: number, measure: Measure): Shape[] {
  const widths = factors.map((i) => badgeWidth(factorBadgeText(i), measure) + 2);
  let left = x - widths.reduce((a, b) => a + b, 0) / 2;
  return factors.map((i, n) => {
    const at = left + widths[n] / 2;
    left += widths[n];
    return badge(i, at, y, measure);
  });
}

/** A circle's ring split into equal arcs, one per factor colour. */
function ringArcs(factors: readonly number[], x: number, y: number, r: number): Shape[] {
  const n = factors.length;
  return factors.map((index, i) => ({
    tag: 'circle',
    attrs: {
      class: `factor-ring ${factorClass(index)}`, cx: x, cy: y, r,
      // pathLength n: each factor's arc is one unit long, starting where the previous one ends.
      ...(n > 1 ? { pathLength: n, 'stroke-dasharray': `1 ${n - 1}`, 'stroke-dashoffset': -i } : {}),
    },
  }));
}

function currentRings(x: number, y: number, r: number): Shape[] {
  return [CURRENT_INNER, CURRENT_OUTER].map((d) => ({ tag: 'circle', attrs: { class: 'current-ring', cx: x, cy: y, r: r + d } }));
}

function boxOutline(className: string, box: { x: number; y: number; width: number; height: number }, grow: number): Shape {
  return { tag: 'rect', attrs: { class: className, x: box.x - box.width / 2 - grow, y: box.y - box.height / 2 - grow, width: box.width + 2 * grow, height: box.height + 2 * grow, rx: 4 + grow } };
}

/** A box's marks: an outline per factor (nested, so none hides another) and the double outline. */
function boxMarks(marks: Marks, box: { x: number; y: number; width: number; height: number }): Shape[] {
  const shapes = marks.factors.map((i, n) => boxOutline(`factor-ring ${factorClass(i)}`, box, -n * 3.5));
  if (marks.current) shapes.push(boxOutline('current-ring', box, CURRENT_INNER), boxOutline('current-ring', box, CURRENT_OUTER));
  return shapes;
}

/**
 * A marked edge: one line per factor in its colour, side by side, and for the current quantity a
 * foreground casing around them with a background gap — a double line, like the double outlines.
 */
function edgeLines(edge: EdgeLine, marks: Marks): Shape[] {
  const n = marks.factors.length;
  const length = Math.hypot(edge.x2 - edge.x1, edge.y2 - edge.y1) || 1;
  const [px, py] = [-(edge.y2 - edge.y1) / length, (edge.x2 - edge.x1) / length];
  const line = (className: string, offset: number, width: number): Shape => ({
    tag: 'line',
    attrs: { class: className, x1: edge.x1 + px * offset, y1: edge.y1 + py * offset, x2: edge.x2 + px * offset, y2: edge.y2 + py * offset, 'stroke-width': width },
  });
  const lines: Shape[] = [];
  if (marks.current) {
    const gap = Math.max(5, n * FACTOR_LINE + 2);
    lines.push(line('current-casing', 0, gap + 4), line('current-gap', 0, gap));
  }
  marks.factors.forEach((index, m) => lines.push(line(`factor-line ${factorClass(index)}`, (m - (n - 1) / 2) * FACTOR_LINE, FACTOR_LINE)));
  return lines;
}

export interface MarkPlan {
  /** Go under the neurons: marked edges' lines. */
  readonly under: readonly Shape[];
  /** Go over everything: rings, outlines, then badges. */
  readonly over: readonly Shape[];
}

/** The marks of `sites` (highlight.ts) on a diagram laid out as `layout`. */
export function planMarks(layout: DiagramLayout, sites: ReadonlyMap<string, Marks>, measure: Measure): MarkPlan {
  const under: Shape[] = [];
  const over: Shape[] = [];
  const badges: Shape[] = [];
  const r = layout.radius;
  for (const edge of layout.edges) {
    const marks = sites.get(`e:${edge.layer}:${edge.j}:${edge.k}`);
    if (!marks) continue;
    under.push(...edgeLines(edge, marks));
    const at = edgeBadgeAt(edge);
    badges.push(...badgeRow(marks.factors, at.x, at.y, measure));
  }
  for (const n of layout.neurons) {
    const marks = sites.get(`n:${n.layer}:${n.j}`);
    if (!marks) continue;
    if (marks.factors.length > 0) over.push(...ringArcs(marks.factors, n.x, n.y, r));
    if (marks.current) over.push(...currentRings(n.x, n.y, r));
    const slots = neuronBadgeSlots(n.x, n.y, r);
    marks.factors.forEach((index, i) => {
      // Past the four slots (a rare crowd), further badges line up right of the first.
      const slot = slots[i] ?? { x: slots[0].x + (i - slots.length + 1) * (badgeWidth('12', measure) + 2), y: slots[0].y };
      badges.push(badge(index, slot.x, slot.y, measure));
    });
  }
  const boxes = [...layout.targets.map((t) => ({ site: `t:${t.j}`, box: t })), { site: 'cost', box: layout.cost }];
  for (const { site, box } of boxes) {
    const marks = sites.get(site);
    if (!marks) continue;
    over.push(...boxMarks(marks, box));
    const at = boxBadgeAt(box);
    badges.push(...badgeRow(marks.factors, at.x, at.y, measure));
  }
  return { under, over: [...over, ...badges] };
}

function toSvg(shape: Shape): SVGElement {
  return s(shape.tag, shape.attrs, shape.text, ...(shape.children ?? []).map(toSvg));
}

/** The plan as SVG elements, for the diagram's two mark layers. */
export function drawMarks(layout: DiagramLayout, sites: ReadonlyMap<string, Marks>, measure: Measure): { under: SVGElement[]; over: SVGElement[] } {
  const plan = planMarks(layout, sites, measure);
  return { under: plan.under.map(toSvg), over: plan.over.map(toSvg) };
}
