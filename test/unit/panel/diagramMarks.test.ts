/**
 * The step's marks on the diagram: a place shows every factor on it (a ring arc in its colour and
 * a numbered badge each) and, when it is the current quantity, the neutral double outline too;
 * targets are marked on their own boxes, beside — never on — the output neurons. And a diagram
 * wider than the panel scrolls to keep the current quantity in sight.
 */
import { describe, expect, it } from 'vitest';
import type { LayerView, ViewMessage } from '../../../src/shared/panelMessages';
import { planMarks, type Shape } from '../../../webview/diagramMarks';
import { markedSpans, scrollFor } from '../../../webview/diagramScroll';
import { estimateWidth, textWidths } from '../../../webview/diagramText';
import type { Marks } from '../../../webview/highlight';
import { layoutDiagram, type DiagramLayout } from '../../../webview/layout';

function mazurLike(): { view: ViewMessage; layout: DiagramLayout } {
  const layer = (index: number): LayerView => ({
    index, size: 2, activation: index === 0 ? null : 'sigmoid', start: 0, count: 2,
    z: [], a: [0.5, 0.5], dcda: [], dadz: [], delta: [], w: [], dw: [], wNew: [], b: [], db: [], bNew: [], y: index === 2 ? [0.01, 0.99] : [],
  });
  const view = { layers: [layer(0), layer(1), layer(2)], exampleCost: 0.3 } as unknown as ViewMessage;
  const layout = layoutDiagram(view.layers, { measure: estimateWidth, widths: textWidths(view, estimateWidth), availableWidth: Infinity, targets: true });
  return { view, layout };
}

const classOf = (shape: Shape) => String(shape.attrs.class ?? '');
const badges = (shapes: readonly Shape[]) => shapes.filter((s) => classOf(s).startsWith('badge'));
const badgeText = (shape: Shape) => shape.children?.find((c) => c.tag === 'text')?.text;
const at = (sites: Record<string, Marks>) => new Map(Object.entries(sites));

describe('marks on the diagram', () => {
  it('a neuron that is factors 1 and 2 and the current quantity shows all three', () => {
    const { layout } = mazurLike();
    const plan = planMarks(layout, at({ 'n:2:1': { factors: [0, 1], current: true } }), estimateWidth);
    const arcs = plan.over.filter((s) => classOf(s).startsWith('factor-ring'));
    expect(arcs.map(classOf)).toEqual(['factor-ring f0', 'factor-ring f1']);
    expect(arcs.map((a) => a.attrs['stroke-dashoffset'])).toEqual([-0, -1]);
    expect(plan.over.filter((s) => classOf(s) === 'current-ring')).toHaveLength(2);
    expect(badges(plan.over).map(badgeText)).toEqual(['1', '2']);
    expect(badges(plan.over).map(classOf)).toEqual(['badge f0', 'badge f1']);
  });

  it('the cost step: y badges sit on the target boxes, a badges on the neurons, the cost in the double outline', () => {
    const { layout } = mazurLike();
    const plan = planMarks(
      layout,
      at({ 't:1': { factors: [0], current: false }, 'n:2:1': { factors: [1], current: false }, 't:2': { factors: [2], current: false }, 'n:2:2': { factors: [3], current: false }, cost: { factors: [], current: true } }),
      estimateWidth,
    );
    const badgeX = (text: string) => Number(badges(plan.over).find((b) => badgeText(b) === text)!.children![0].attrs.x);
    const target1 = layout.targets[0];
    const neuron1 = layout.neurons.find((n) => n.layer === 2 && n.j === 1)!;
    expect(badgeX('1')).toBeGreaterThan(target1.x);
    expect(badgeX('1')).toBeGreaterThan(neuron1.x + layout.radius);
    expect(badgeX('2')).toBeLessThan(neuron1.x + layout.radius);
    const outlines = plan.over.filter((s) => s.tag === 'rect' && classOf(s) === 'current-ring');
    expect(outlines).toHaveLength(2);
    expect(Number(outlines[0].attrs.x)).toBeLessThan(layout.cost.x - layout.cost.width / 2);
    // No ring of y's colour on an output neuron: y is drawn on its own box only.
    const rings = plan.over.filter((s) => s.tag === 'circle' && classOf(s).startsWith('factor-ring'));
    expect(rings.map(classOf).sort()).toEqual(['factor-ring f1', 'factor-ring f3']);
  });

  it('the current edge is a double line, with each factor on it as a line of its own inside', () => {
    const { layout } = mazurLike();
    const plan = planMarks(layout, at({ 'e:2:2:1': { factors: [0, 2], current: true } }), estimateWidth);
    expect(plan.under.map(classOf)).toEqual(['current-casing', 'current-gap', 'factor-line f0', 'factor-line f2']);
    const [casing, gap, first, second] = plan.under;
    expect(Number(casing.attrs['stroke-width'])).toBeGreaterThan(Number(gap.attrs['stroke-width']));
    expect(first.attrs.y1).not.toBe(second.attrs.y1);
    expect(badges(plan.over).map(badgeText)).toEqual(['1', '3']);
  });

  it('a place nobody marks gets nothing', () => {
    const { layout } = mazurLike();
    const plan = planMarks(layout, at({}), estimateWidth);
    expect(plan.under.length + plan.over.length).toBe(0);
  });
});

describe('scrolling the diagram to the step', () => {
  it('finds where the current quantity and its factors are', () => {
    const { layout } = mazurLike();
    const spans = markedSpans(layout, at({ 'n:2:1': { factors: [], current: true }, 'n:0:1': { factors: [0], current: false } }));
    const [input, output] = [layout.neurons.find((n) => n.layer === 0)!, layout.neurons.find((n) => n.layer === 2)!];
    expect(spans.current!.left).toBeLessThan(output.x);
    expect(spans.current!.right).toBeGreaterThan(output.x);
    expect(spans.all!.left).toBeLessThan(input.x);
  });

  it('moves as little as needed, prefers showing the factors too, and keeps the current quantity when both do not fit', () => {
    expect(scrollFor({ left: 50, right: 100 }, { left: 50, right: 100 }, 0, 300)).toBeNull();
    expect(scrollFor({ left: 400, right: 500 }, { left: 400, right: 500 }, 0, 300)).toBe(500 + 12 - 300);
    expect(scrollFor({ left: 10, right: 60 }, { left: 10, right: 60 }, 200, 300)).toBe(0);
    expect(scrollFor({ left: 0, right: 900 }, { left: 600, right: 650 }, 0, 300)).toBe(650 + 12 - 300);
    expect(scrollFor(null, null, 0, 300)).toBeNull();
  });
});
