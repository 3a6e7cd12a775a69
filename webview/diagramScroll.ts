/**
 * Keeping the step in sight when the diagram is wider than the panel and scrolls sideways: the
 * current quantity's place must be visible, and its factors too when they fit beside it. Pure:
 * geometry in, the container's new scrollLeft (or null: leave it) out.
 */
import type { Marks } from './highlight';
import { RING, type DiagramLayout } from './layout';

export interface Span {
  readonly left: number;
  readonly right: number;
}

function siteSpan(layout: DiagramLayout, site: string): Span | null {
  const reach = layout.radius + RING;
  const [kind, ...parts] = site.split(':');
  const [a, b, c] = parts.map(Number);
  if (kind === 'n') {
    const n = layout.neurons.find((box) => box.layer === a && box.j === b);
    return n ? { left: n.x - reach, right: n.x + reach } : null;
  }
  if (kind === 'e') {
    const e = layout.edges.find((edge) => edge.layer === a && edge.j === b && edge.k === c);
    return e ? { left: Math.min(e.x1, e.x2), right: Math.max(e.x1, e.x2) } : null;
  }
  if (kind === 't') {
    const t = layout.targets.find((target) => target.j === a);
    return t ? { left: t.x - t.width / 2, right: t.x + t.width / 2 + 24 } : null;
  }
  if (kind === 'cost') return { left: layout.cost.x - layout.cost.width / 2 - RING, right: layout.cost.x + layout.cost.width / 2 + RING };
  return null;
}

function union(spans: readonly Span[]): Span | null {
  if (spans.length === 0) return null;
  return { left: Math.min(...spans.map((s) => s.left)), right: Math.max(...spans.map((s) => s.right)) };
}

/** The horizontal extent of the current quantity's place, and of it with all its factors'. */
export function markedSpans(layout: DiagramLayout, sites: ReadonlyMap<string, Marks>): { current: Span | null; all: Span | null } {
  const current: Span[] = [];
  const all: Span[] = [];
  for (const [site, marks] of sites) {
    const span = siteSpan(layout, site);
    if (!span) continue;
    all.push(span);
    if (marks.current) current.push(span);
  }
  return { current: union(current), all: union(all) };
}

/**
 * Where to scroll a container showing [scrollLeft, scrollLeft + width) so that `want` is in
 * view, moving as little as possible; falls back to `must` when `want` is wider than the view.
 * Null when no scrolling is needed.
 */
export function scrollFor(want: Span | null, must: Span | null, scrollLeft: number, width: number, margin = 12): number | null {
  const target = want && want.right - want.left + 2 * margin <= width ? want : must;
  if (!target) return null;
  const [left, right] = [target.left - margin, target.right + margin];
  if (left >= scrollLeft && right <= scrollLeft + width) return null;
  if (right - left > width) return Math.max(0, Math.round((left + right) / 2 - width / 2));
  return Math.max(0, Math.round(left < scrollLeft ? left : right - width));
}
