/**
 * The diagram stays readable in narrow panels and with dense layers: it is never scaled (its
 * text stays ≥ 11 px), values fit inside their circles, and no two labels, circles, boxes or
 * number badges overlap — checked pairwise for 3-4-4-2, 4-8-8-3, 8-8 and windowed 784-128-10
 * networks, from a wide panel down to one narrower than the diagram (which then scrolls).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_WINDOW, type LayerView, type ViewMessage } from '../../../src/shared/panelMessages';
import { deltaText, estimateWidth, LABEL_FONT, neuronValueText, textWidths, VALUE_FONT } from '../../../webview/diagramText';
import { badgeWidth, BADGE_HEIGHT, boxBadgeAt, edgeBadgeAt, layoutDiagram, MAX_EDGES_PER_LAYER, MAX_GAP, neuronBadgeSlots, RING, type DiagramLayout, type TextBox } from '../../../webview/layout';

interface Rect {
  readonly what: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}
interface Circle {
  readonly what: string;
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

function layer(index: number, size: number, values: { a?: number; delta?: number } = {}, count = Math.min(size, MAX_WINDOW), start = 0): LayerView {
  const fill = (v: number | undefined) => Array.from({ length: count }, () => v ?? null);
  return {
    index, size, activation: index === 0 ? null : 'sigmoid', start, count,
    z: [], a: fill(values.a), dcda: [], dadz: [], delta: index === 0 ? [] : fill(values.delta),
    w: [], dw: [], wNew: [], b: [], db: [], bNew: [], y: [],
  };
}

function network(sizes: readonly number[], values: { a?: number; delta?: number } = {}): ViewMessage {
  const layers = sizes.map((size, i) => layer(i, size, values));
  const L = layers.length - 1;
  layers[L] = { ...layers[L], y: Array.from({ length: layers[L].count }, (_, j) => (j % 2 ? 0.99 : 0.01)) };
  return { layers, exampleCost: 0.298371 } as unknown as ViewMessage;
}

function layout(view: ViewMessage, availableWidth: number): DiagramLayout {
  return layoutDiagram(view.layers, { measure: estimateWidth, widths: textWidths(view, estimateWidth), availableWidth, targets: true });
}

/** A text's box: its width, from a little above the ascenders to below the descenders. */
function textRect(what: string, box: TextBox): Rect {
  return { what: `${what} "${box.text}"`, left: box.x - box.width / 2, right: box.x + box.width / 2, top: box.y - 0.8 * box.size, bottom: box.y + 0.25 * box.size };
}

function badgeRect(what: string, x: number, y: number, width: number): Rect {
  return { what, left: x - width / 2, right: x + width / 2, top: y - BADGE_HEIGHT / 2, bottom: y + BADGE_HEIGHT / 2 };
}

const rectsOverlap = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
function rectHitsCircle(a: Rect, c: Circle): boolean {
  const dx = Math.max(a.left - c.x, 0, c.x - a.right);
  const dy = Math.max(a.top - c.y, 0, c.y - a.bottom);
  return Math.hypot(dx, dy) < c.r;
}

/** Everything fixed in the picture: circles (with the current ring's reach), labels, boxes. */
function fixedShapes(d: DiagramLayout): { circles: Circle[]; rects: Rect[] } {
  const badge = badgeWidth('12', estimateWidth);
  const circles = d.neurons.map((n) => ({ what: `neuron ${n.layer}:${n.j}`, x: n.x, y: n.y, r: d.radius + RING }));
  const rects: Rect[] = [
    ...d.headings.map((h) => textRect('heading', h)),
    ...d.neurons.filter((n) => n.layer > 0).map((n) => textRect(`δ of ${n.layer}:${n.j}`, { x: n.x, y: n.y + d.deltaOffset, text: 'δ', width: d.deltaWidth, size: LABEL_FONT })),
    ...d.more.flatMap((m) => m.lines.map((line) => textRect('more', line))),
    ...d.targets.flatMap((t) => {
      const at = boxBadgeAt(t);
      return [
        { what: `target ${t.j} with its badge`, left: t.x - t.width / 2, right: at.x + badge / 2, top: t.y - t.height / 2 - 2, bottom: at.y + BADGE_HEIGHT / 2 },
        textRect(`target label ${t.j}`, t.label),
      ];
    }),
    { what: 'cost with its double ring', left: d.cost.x - d.cost.width / 2 - RING, right: d.cost.x + d.cost.width / 2 + RING, top: d.cost.y - d.cost.height / 2 - RING, bottom: d.cost.y + d.cost.height / 2 + RING },
    textRect('cost label', d.cost.label),
  ];
  if (d.omittedNote) rects.push(textRect('omitted', d.omittedNote));
  return { circles, rects };
}

function overlaps(d: DiagramLayout): string[] {
  const found: string[] = [];
  const { circles, rects } = fixedShapes(d);
  for (let i = 0; i < circles.length; i++) {
    for (let j = i + 1; j < circles.length; j++) {
      if (Math.hypot(circles[i].x - circles[j].x, circles[i].y - circles[j].y) < circles[i].r + circles[j].r) found.push(`${circles[i].what} × ${circles[j].what}`);
    }
  }
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) if (rectsOverlap(rects[i], rects[j])) found.push(`${rects[i].what} × ${rects[j].what}`);
    for (const c of circles) if (rectHitsCircle(rects[i], c)) found.push(`${rects[i].what} × ${c.what}`);
    const r = rects[i];
    if (r.left < 0 || r.top < 0 || r.right > d.width || r.bottom > d.height) found.push(`${r.what} outside the picture`);
  }
  // Number badges: a neuron's four slots, and an edge's middle, clear of everything but their own neuron.
  const badge = badgeWidth('12', estimateWidth);
  for (const n of d.neurons) {
    for (const [s, slot] of neuronBadgeSlots(n.x, n.y, d.radius).entries()) {
      const b = badgeRect(`badge ${s} of ${n.layer}:${n.j}`, slot.x, slot.y, badge);
      for (const c of circles) if (c.what !== `neuron ${n.layer}:${n.j}` && rectHitsCircle(b, c)) found.push(`${b.what} × ${c.what}`);
      for (const r of rects) if (rectsOverlap(b, r)) found.push(`${b.what} × ${r.what}`);
    }
  }
  // The factor edges of one step share a target (z = Σ w a + b) or a source (∂cᵢ/∂a = Σ w δ).
  const groups = new Map<string, Rect[]>();
  for (const e of d.edges) {
    const at = edgeBadgeAt(e);
    const b = badgeRect(`badge of edge ${e.layer}:${e.j}:${e.k}`, at.x, at.y, badge);
    for (const c of circles) if (rectHitsCircle(b, c)) found.push(`${b.what} × ${c.what}`);
    for (const r of rects) if (rectsOverlap(b, r)) found.push(`${b.what} × ${r.what}`);
    for (const key of [`to ${e.layer}:${e.j}`, `from ${e.layer - 1}:${e.k}`]) groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) if (rectsOverlap(group[i], group[j])) found.push(`${group[i].what} × ${group[j].what}`);
  }
  return found;
}

const NETWORKS: Record<string, readonly number[]> = { '3-4-4-2': [3, 4, 4, 2], '4-8-8-3': [4, 8, 8, 3], '8-8': [8, 8] };
const VALUES = [
  { name: 'typical values', values: { a: -0.98765, delta: -0.0387377 } },
  { name: 'long values', values: { a: -0.000123456, delta: -0.00387377 } },
  { name: 'short values, long δ', values: { a: 0.5, delta: -1.23456e-7 } },
];

describe('diagram layout', () => {
  for (const [name, sizes] of Object.entries(NETWORKS)) {
    for (const { name: kind, values } of VALUES) {
      for (const width of [Infinity, 900, 500, 250]) {
        it(`${name}, ${kind}, ${width} px: no label, circle, box or badge overlaps another`, () => {
          const d = layout(network(sizes, values), width);
          expect(overlaps(d)).toEqual([]);
        });
      }
    }
  }

  it('a font whose δ labels run wide: columns move apart rather than let labels or badges touch', () => {
    const wideLabels = (text: string, size: number) => estimateWidth(text, size) * (text.startsWith('δ') ? 2 : 1);
    const view = network([3, 4, 4, 2], VALUES[2].values);
    for (const width of [Infinity, 400]) {
      const d = layoutDiagram(view.layers, { measure: wideLabels, widths: textWidths(view, wideLabels), availableWidth: width, targets: true });
      expect(overlaps(d)).toEqual([]);
    }
  });

  it('a windowed 784-128-10 network: summary labels and the omitted-edges note overlap nothing', () => {
    const view = { layers: [layer(0, 784, {}, MAX_WINDOW, 30), layer(1, 128), layer(2, 10)], exampleCost: null } as unknown as ViewMessage;
    const d = layout(view, 600);
    expect(d.more.map((m) => m.text)).toEqual([`… 30 before, ${784 - 30 - MAX_WINDOW} more`, `… ${128 - MAX_WINDOW} more`]);
    const perLayer = (l: number) => d.edges.filter((e) => e.layer === l).length;
    expect(perLayer(1)).toBeLessThanOrEqual(MAX_EDGES_PER_LAYER);
    expect(d.edgesOmitted).toBe(784 * 128 - perLayer(1) + 128 * 10 - perLayer(2));
    expect(d.omittedNote?.text).toBe(`${d.edgesOmitted} more edges not drawn`);
    expect(overlaps(d)).toEqual([]);
  });

  it('sizes circles so the widest value fits inside, at a digit’s height', () => {
    for (const values of VALUES.map((v) => v.values)) {
      const view = network([3, 4, 4, 2], values);
      const d = layout(view, Infinity);
      const widest = Math.max(...view.layers.flatMap((l) => l.a.map((a) => estimateWidth(neuronValueText(a), VALUE_FONT))));
      const chord = 2 * Math.sqrt(d.radius ** 2 - (0.4 * VALUE_FONT) ** 2);
      expect(widest).toBeLessThanOrEqual(chord);
      expect(estimateWidth(deltaText(values.delta), LABEL_FONT)).toBeLessThanOrEqual(d.deltaWidth);
    }
    const long = layout(network([3, 4], VALUES[1].values), Infinity);
    const typical = layout(network([3, 4], VALUES[0].values), Infinity);
    expect(long.radius).toBeGreaterThan(typical.radius);
  });

  it('uses the room it is given, never scales its 11–12 px text, and scrolls when even its closest layout is too wide', () => {
    expect(Math.min(VALUE_FONT, LABEL_FONT)).toBeGreaterThanOrEqual(11);
    const view = network([3, 4, 4, 2], VALUES[0].values);
    const wide = layout(view, 2000);
    const fits = layout(view, 700);
    const narrow = layout(view, 300);
    const gap = (d: DiagramLayout) => d.neurons.find((n) => n.layer === 1)!.x - d.neurons.find((n) => n.layer === 0)!.x;
    expect(gap(wide)).toBe(MAX_GAP);
    expect(fits.width).toBeLessThanOrEqual(700);
    expect(fits.scrolls).toBe(false);
    expect(gap(fits)).toBeLessThan(gap(wide));
    expect(narrow.scrolls).toBe(true);
    expect(narrow.width).toBeGreaterThan(300);
    expect(gap(narrow)).toBeLessThan(gap(fits));
    // The stylesheet must not shrink the picture to the panel (that is what made text 6 px).
    const css = readFileSync('media/panel.css', 'utf8');
    expect(css).toMatch(/\.diagram \{[^}]*max-width: none/);
    expect(css).not.toMatch(/\.diagram \{[^}]*max-width: 100%/);
  });

  it('puts each target beside its output neuron, apart from it, and the cost beyond', () => {
    const d = layout(network([2, 2, 2]), Infinity);
    const outputs = d.neurons.filter((n) => n.layer === 2);
    expect(d.targets.map((t) => t.j)).toEqual([1, 2]);
    for (const t of d.targets) {
      const n = outputs.find((o) => o.j === t.j)!;
      expect(t.y).toBe(n.y);
      expect(t.x - t.width / 2).toBeGreaterThan(n.x + d.radius + RING);
      expect(d.cost.x - d.cost.width / 2).toBeGreaterThan(t.x + t.width / 2);
    }
    expect(d.targets.map((t) => t.label.text)).toEqual(['yᵢ₁', 'yᵢ₂']);
  });
});
