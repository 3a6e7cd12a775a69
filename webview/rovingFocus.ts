/**
 * Keyboard focus inside the tables and the diagram, as a "roving tab index": each group (a
 * table, the diagram) is one Tab stop; inside it the arrow keys move between its items (cells,
 * neurons, edges, the cost, target marks — every `[data-ref]`), Home and End go to the first and
 * last item of the row (of the whole group with Ctrl, or in the diagram), and the group
 * remembers where the learner left it. Until a group has been visited its Tab stop follows the
 * current quantity (`aria-current`), so Tab lands on the number being computed.
 *
 * Movement is by position: table cells by their (column, row) in the table, diagram nodes by
 * where they are drawn. The arrows and Home/End are taken here (the default prevented), so the
 * panel's own keys for them (controls.ts) do not also step; other keys pass through.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type NavKey = 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'first' | 'last';

/** The navigation a key press asks for, or null. Shift and Alt combinations are left to others. */
export function navKey(key: string, ctrlOrMeta: boolean, shift: boolean, alt: boolean): NavKey | null {
  if (shift || alt) return null;
  if (ctrlOrMeta) return key === 'Home' ? 'first' : key === 'End' ? 'last' : null;
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'Home':
      return 'home';
    case 'End':
      return 'end';
    default:
      return null;
  }
}

/** Positions closer than this (in their own units) count as the same row or column. */
const SAME = 0.5;
/** How much a step sideways costs against a step in the arrow's direction. */
const SIDEWAYS = 2;

const DIRECTIONS: Record<'left' | 'right' | 'up' | 'down', (d: Point) => { along: number; across: number }> = {
  left: (d) => ({ along: -d.x, across: d.y }),
  right: (d) => ({ along: d.x, across: d.y }),
  up: (d) => ({ along: -d.y, across: d.x }),
  down: (d) => ({ along: d.y, across: d.x }),
};

/** Leftmost (then topmost) of `indices`, or rightmost (then bottommost) with `last`. */
function extreme(points: readonly Point[], indices: readonly number[], last: boolean): number {
  const sign = last ? -1 : 1;
  return indices.reduce((best, i) => {
    const a = points[i];
    const b = points[best];
    const dx = (a.x - b.x) * sign;
    return dx < -SAME || (Math.abs(dx) <= SAME && (a.y - b.y) * sign < 0) ? i : best;
  }, indices[0]);
}

/**
 * The item a key moves to from item `from`, or `from` itself at an edge. `rows`: Home and End
 * stay in the current row (tables); otherwise they go to the first and last item (the diagram).
 */
export function nextIndex(points: readonly Point[], from: number, key: NavKey, rows: boolean): number {
  const all = points.map((_, i) => i);
  if (key === 'first' || key === 'last') return extreme(points, all, key === 'last');
  if (key === 'home' || key === 'end') {
    const row = rows ? all.filter((i) => Math.abs(points[i].y - points[from].y) <= SAME) : all;
    return extreme(points, row, key === 'end');
  }
  const toward = DIRECTIONS[key];
  let best = from;
  let bestCost = Infinity;
  points.forEach((p, i) => {
    const { along, across } = toward({ x: p.x - points[from].x, y: p.y - points[from].y });
    if (along <= SAME) return;
    const cost = along + SIDEWAYS * Math.abs(across);
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  });
  return best;
}

export interface RovingOptions {
  /** The groups that are one Tab stop each, as a selector inside the root. */
  readonly group: string;
  /** The focusable items of a group. */
  readonly item: string;
  /** Where an item is, for the arrow keys. */
  readonly position: (item: Element) => Point;
  /** Home/End within the row (tables) rather than the whole group. */
  readonly rows: boolean;
}

/** A table cell's (column, row) in its table. */
export function cellPosition(item: Element): Point {
  const cell = item as HTMLTableCellElement;
  const row = cell.parentElement as HTMLTableRowElement | null;
  return { x: cell.cellIndex, y: row?.rowIndex ?? 0 };
}

/** How far along an edge its position is taken: crossing edges share a midpoint, never this point. */
const ALONG_EDGE = 0.35;

/** Where an element is drawn (for the diagram): its centre, or for an edge a point along it. */
export function drawnPosition(item: Element): Point {
  const matrix = item instanceof SVGLineElement ? item.getScreenCTM() : null;
  if (item instanceof SVGLineElement && matrix) {
    const [x1, y1, x2, y2] = [item.x1, item.y1, item.x2, item.y2].map((length) => length.baseVal.value);
    const point = new DOMPoint(x1 + (x2 - x1) * ALONG_EDGE, y1 + (y2 - y1) * ALONG_EDGE).matrixTransform(matrix);
    return { x: point.x, y: point.y };
  }
  const box = item.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** Marks a group the learner has been in: its Tab stop stays where they left it. */
export const VISITED = 'data-roving-visited';

/** Roving focus over the groups inside `root`; call refresh() after each render. */
export class RovingFocus {
  constructor(
    private readonly root: Element,
    private readonly options: RovingOptions,
  ) {
    root.addEventListener('keydown', (event) => this.onKey(event as KeyboardEvent));
    root.addEventListener('focusin', (event) => this.onFocus(event.target));
  }

  /**
   * Makes every item focusable by script (tabindex −1) and one per group the Tab stop (0): the
   * item the learner last left in that group, or, before they visit it, the current quantity.
   */
  refresh(): void {
    for (const group of Array.from(this.root.querySelectorAll(this.options.group))) {
      for (const item of Array.from(group.querySelectorAll(`${this.options.item}:not([tabindex])`))) item.setAttribute('tabindex', '-1');
      const stop = group.querySelector(`${this.options.item}[tabindex="0"]`);
      const wanted = (group.hasAttribute(VISITED) && stop) || group.querySelector(`${this.options.item}[aria-current]`) || stop || group.querySelector(this.options.item);
      if (wanted && wanted !== stop) this.moveStop(group, wanted);
    }
  }

  private moveStop(group: Element, to: Element): void {
    for (const old of Array.from(group.querySelectorAll(`${this.options.item}[tabindex="0"]`))) old.setAttribute('tabindex', '-1');
    to.setAttribute('tabindex', '0');
  }

  private groupOf(target: EventTarget | null): { group: Element; item: Element } | null {
    const item = target instanceof Element ? target.closest(this.options.item) : null;
    const group = item?.closest(this.options.group);
    return item && group && this.root.contains(group) ? { group, item } : null;
  }

  private onFocus(target: EventTarget | null): void {
    const found = this.groupOf(target);
    if (!found) return;
    found.group.setAttribute(VISITED, '');
    if (found.item.getAttribute('tabindex') !== '0') this.moveStop(found.group, found.item);
  }

  private onKey(event: KeyboardEvent): void {
    const found = this.groupOf(event.target);
    if (!found) return;
    const key = navKey(event.key, event.ctrlKey || event.metaKey, event.shiftKey, event.altKey);
    if (!key) return;
    // Taken even at the group's edge: an arrow that cannot move must not step the trace instead.
    event.preventDefault();
    const items = Array.from(found.group.querySelectorAll(this.options.item));
    const from = items.indexOf(found.item);
    const to = nextIndex(items.map(this.options.position), from, key, this.options.rows);
    if (to === from) return;
    this.moveStop(found.group, items[to]);
    (items[to] as HTMLElement | SVGElement).focus();
  }
}
