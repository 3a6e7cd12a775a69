/**
 * The panel follows the learner: after a step, the current quantity's table cell and its factor
 * cells are scrolled into view — sideways inside a table too wide for the panel, and up or down
 * in the panel — moving as little as needed, smoothly unless the learner asked for reduced
 * motion. The current cell comes first: factor cells are included only while they fit in the
 * same view with it. Scrolling never moves the keyboard focus.
 *
 * Tables away from the view skip layout (`content-visibility: auto` in panel.css) and keep the
 * size they had when last drawn. The tables holding a target, and any table above them that was
 * never drawn (its size is a placeholder), are marked `is-followed` (markFollowed), which draws
 * them, so the targets are measured where they will stay.
 *
 * The step box stays at the top of the panel (position: sticky, media/panel.css), so the panel's
 * view starts below it: a followed cell is never left under the formula. Everything is read
 * before anything is scrolled, so following costs at most one layout.
 */

/** A stretch along one axis, in the scrolling element's content coordinates. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Room kept between a followed cell and the edge of the view. */
export const FOLLOW_MARGIN = 8;

/**
 * Where to scroll a view (`start`, `size`) so that `spans` are in it: the first span always,
 * then each further span while all chosen still fit together. Moves as little as needed, and
 * not at all when they are already in view. Returns the new scroll start (not clamped).
 */
export function scrollStart(view: { readonly start: number; readonly size: number }, spans: readonly Span[], margin = FOLLOW_MARGIN): number {
  if (spans.length === 0) return view.start;
  let lo = spans[0].start;
  let hi = spans[0].end;
  for (const span of spans.slice(1)) {
    const nextLo = Math.min(lo, span.start);
    const nextHi = Math.max(hi, span.end);
    if (nextHi - nextLo + 2 * margin <= view.size) {
      lo = nextLo;
      hi = nextHi;
    }
  }
  const viewEnd = view.start + view.size;
  if (lo - margin >= view.start && hi + margin <= viewEnd) return view.start;
  // Too big to show whole (a cell wider than the view): show its start.
  if (hi - lo + 2 * margin > view.size || lo - margin < view.start) return lo - margin;
  return hi + margin - view.size;
}

function behaviour(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** The nearest ancestor of `cell` (below `root`) that scrolls sideways, if any. */
function sidewaysScroller(cell: Element, root: Element): HTMLElement | null {
  for (let el = cell.parentElement; el && el !== root; el = el.parentElement) {
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') return el;
  }
  return null;
}

/** The cells to follow: the current one first (the cost has none), then the factors'. */
function targetsOf(current: Element | null, factors: readonly Element[]): Element[] {
  return current ? [current, ...factors] : [...factors];
}

/**
 * Marks `is-followed` the tables (`.table-block`) holding the cells to follow, and every table
 * above them that has not been drawn yet (`drawn` tells): a never-drawn table above would take
 * its real height only once scrolled near, moving the target after it was measured. A table
 * drawn before keeps its last size while skipped, so it needs no drawing. Call it before anything
 * measures the tables, so one layout serves all.
 */
export function markFollowed(root: HTMLElement, current: Element | null, factors: readonly Element[], drawn: (block: Element) => boolean): void {
  const targets = targetsOf(current, factors);
  const blocks = Array.from(root.querySelectorAll('.table-block'));
  const holding = blocks.map((block) => targets.some((target) => block.contains(target)));
  const last = holding.lastIndexOf(true);
  blocks.forEach((block, i) => block.classList.toggle('is-followed', holding[i] || (i < last && !drawn(block))));
}

/**
 * Scrolls `current` (may be null: the cost has no cell) and `factors` into view, below the top
 * `topInset` pixels of the panel (the sticky step box). `instant` skips the animation (after a
 * resize, when the learner is not waiting for a step).
 */
export function follow(root: HTMLElement, current: Element | null, factors: readonly Element[], instant = false, topInset = 0): void {
  const targets = targetsOf(current, factors);
  if (targets.length === 0) return;
  const behavior: ScrollBehavior = instant ? 'auto' : behaviour();

  // Sideways, inside each table that scrolls: its own targets, the current cell first.
  const scrollers = new Map<HTMLElement, Element[]>();
  for (const target of targets) {
    const scroller = sidewaysScroller(target, root);
    if (scroller) scrollers.set(scroller, [...(scrollers.get(scroller) ?? []), target]);
  }
  const moves: { scroller: HTMLElement; left: number }[] = [];
  for (const [scroller, inside] of scrollers) {
    const box = scroller.getBoundingClientRect();
    const spans = inside.map((t) => {
      const r = t.getBoundingClientRect();
      return { start: r.left - box.left + scroller.scrollLeft, end: r.right - box.left + scroller.scrollLeft };
    });
    // A sticky row header covers the scroller's left edge: the view starts after it.
    const header = inside[0].closest('tr')?.querySelector('th');
    const covered = header && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().width : 0;
    const left = scrollStart({ start: scroller.scrollLeft + covered, size: scroller.clientWidth - covered }, spans) - covered;
    if (Math.abs(left - scroller.scrollLeft) > 0.5) moves.push({ scroller, left });
  }

  // Up or down, in the panel, whose top `topInset` pixels the step box covers.
  const page = document.scrollingElement ?? document.documentElement;
  const spans = targets.map((t) => {
    const r = t.getBoundingClientRect();
    return { start: r.top + page.scrollTop, end: r.bottom + page.scrollTop };
  });
  const inset = Math.min(Math.max(0, topInset), window.innerHeight / 2);
  const top = scrollStart({ start: page.scrollTop + inset, size: window.innerHeight - inset }, spans) - inset;

  // Only now write: a scroll between two reads would make the browser lay out again.
  for (const { scroller, left } of moves) scroller.scrollTo({ left: Math.max(0, left), behavior });
  if (Math.abs(top - page.scrollTop) > 0.5) window.scrollTo({ top: Math.max(0, top), behavior });
}
