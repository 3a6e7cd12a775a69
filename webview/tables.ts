/**
 * The per-layer tables of the panel (what each cell shows: tableCells.ts; their DOM:
 * tableDom.ts). Each table is an ARIA grid inside its own sideways scroller, one Tab stop with
 * arrow-key movement between its cells (rovingFocus.ts). A layer's neuron table is drawn with a
 * row per neuron, or transposed with a row per quantity when that fits the panel and the natural
 * one does not (tableFit.ts; re-chosen when the panel is resized). After a step the current
 * cell and its factor cells are scrolled into view (follow.ts), below the sticky step box.
 *
 * The first view builds the tables. A later view with the same layers and window lengths keeps
 * them: it rewrites the cells whose text, highlight or name changed and, when a window moved
 * along a big layer, the headers naming its neurons — never a thousand new cells per step.
 */
import type { ViewMessage } from '../src/shared/panelMessages';
import { h } from './dom';
import { follow, markFollowed } from './follow';
import type { Highlights } from './highlight';
import { RovingFocus, VISITED, cellPosition } from './rovingFocus';
import { cellStates, type CellState } from './tableCells';
import { labelWindows, neuronTable, renderTables } from './tableDom';
import { NeuronTableFit } from './tableFit';
import type { Orientation } from './tableLayout';
import { refKey } from './refs';

/** A drawn cell and the state last written into it. */
interface Drawn {
  readonly cell: HTMLTableCellElement;
  state: CellState;
}

/** Writes `state` into its cell, touching only what differs from `was` (null: a new cell); true when its text changed. */
function applyState(cell: HTMLTableCellElement, state: CellState, was: CellState | null): boolean {
  if (state.ref !== was?.ref) cell.setAttribute('data-ref', state.ref);
  const text = state.text !== (was?.text ?? '');
  if (text) cell.textContent = state.text;
  if (state.className !== was?.className) cell.className = state.className;
  // The name follows from the symbol (ref), number and marks (badge, current): read it only when one changed.
  if (!was || state.ref !== was.ref || text || state.badge !== was.badge || state.current !== was.current) {
    if (state.label !== was?.label) cell.setAttribute('aria-label', state.label);
  }
  if (state.current !== (was?.current ?? false)) state.current ? cell.setAttribute('aria-current', 'step') : cell.removeAttribute('aria-current');
  if (state.badge !== (was?.badge ?? '')) state.badge ? cell.setAttribute('data-factor', state.badge) : cell.removeAttribute('data-factor');
  return text;
}

/** What decides the tables' elements: when it is unchanged, a step only rewrites cells and headers. */
function shapeKey(view: ViewMessage): string {
  return `${view.digits}|${view.weightOrder}|` + view.layers.map((l) => `${l.index}:${l.size}:${l.count}:${l.activation}`).join('|');
}

/** Where each layer's window starts. */
function windowsKey(view: ViewMessage): string {
  return view.layers.map((l) => l.start).join('|');
}

/** Where the learner is: following scrolls only when this changes (not on an edit that keeps the step). */
function stepKey(view: ViewMessage): string {
  return `${view.uri}|${view.example}|${view.step ? refKey(view.step.address) : ''}`;
}

export interface TablesOptions {
  /** How many pixels at the top of the panel something stays over (the sticky step box). */
  readonly topInset?: () => number;
}

export class TablesView {
  readonly root = h('div', { class: 'tables-host' });
  private shape = '';
  private windows = '';
  private step = '';
  private view: ViewMessage | null = null;
  private highlights: Highlights | null = null;
  private states: readonly CellState[] = [];
  /** The states by ref, made only when cells are made (a new table), not on every step. */
  private byRef: Map<string, CellState> | null = null;
  /** The drawn cells by place (CellState.place). */
  private cells = new Map<string, Drawn>();
  private readonly focus = new RovingFocus(this.root, { group: 'table[role="grid"]', item: 'td[data-ref]', position: cellPosition, rows: true });
  private readonly fitter = new NeuronTableFit(this.root, (layer, old, orientation) => this.redrawNeurons(layer, old, orientation), () => this.schedule(false));
  private frame = 0;
  private followPending = false;
  /** Whether a step has been followed yet: until then a refit keeps the panel where it is. */
  private following = false;
  private hostWidth = -1;
  /** Tables (`.table-block`) the browser has drawn at least once: they keep their size while skipped. */
  private drawnBlocks = new WeakSet<Element>();

  constructor(private readonly options: TablesOptions = {}) {
    // Re-fit the neuron tables when the panel's width changes (not its height: that changes with every step).
    new ResizeObserver(() => {
      if (this.root.clientWidth === this.hostWidth) return;
      this.hostWidth = this.root.clientWidth;
      if (this.view) this.fitter.invalidate(this.view.layers.map((l) => l.index));
      this.schedule(false);
    }).observe(this.root);
    // The event does not bubble, so it is caught on its way down.
    this.root.addEventListener(
      'contentvisibilityautostatechange',
      (event) => {
        if ('skipped' in event && !event.skipped && event.target instanceof Element) this.drawnBlocks.add(event.target);
      },
      true,
    );
  }

  render(view: ViewMessage, highlights: Highlights): void {
    const before = this.states;
    const previous = this.view && this.highlights ? { view: this.view, highlights: this.highlights, states: before } : null;
    const states = cellStates(view, highlights, previous);
    this.view = view;
    this.highlights = highlights;
    this.states = states;
    this.byRef = null;
    const shape = shapeKey(view);
    if (shape !== this.shape) {
      this.shape = shape;
      this.windows = windowsKey(view);
      this.cells.clear();
      this.root.replaceChildren(renderTables(view, (ref) => this.makeCell(ref)));
      this.fitter.reset(view.layers.map((l) => l.index));
    } else {
      const windows = windowsKey(view);
      if (windows !== this.windows) {
        this.windows = windows;
        labelWindows(this.root, view);
        // Other neurons, other headers: the tables' widths may have changed.
        this.fitter.invalidate(view.layers.map((l) => l.index));
      }
      const changed = new Set<number>();
      for (const [i, state] of states.entries()) {
        // The same state object: nothing about the cell changed (cellStates).
        if (state === before[i]) continue;
        const drawn = this.cells.get(state.place);
        if (!drawn || drawn.state === state) continue;
        if (applyState(drawn.cell, state, drawn.state) && state.inNeuronTable) changed.add(state.layer);
        drawn.state = state;
      }
      this.fitter.invalidate(changed);
    }
    this.focus.refresh();
    // The first view keeps the panel at its top (title, controls, formula); later steps are followed.
    const step = stepKey(view);
    const moved = this.step !== '' && step !== this.step;
    this.step = step;
    this.schedule(moved);
  }

  /** A new cell for the quantity `ref`, filled in and remembered by its place. */
  private makeCell(ref: string): HTMLTableCellElement {
    const cell = h('td', { tabindex: -1 });
    this.byRef ??= new Map(this.states.map((s) => [s.ref, s]));
    const state = this.byRef.get(ref);
    if (state) {
      applyState(cell, state, null);
      this.cells.set(state.place, { cell, state });
    }
    return cell;
  }

  /**
   * After layout (once per frame): mark the layers to follow, fit the neuron tables, then
   * follow the step if it moved — in that order, so the browser lays the tables out once.
   */
  private schedule(followStep: boolean): void {
    this.followPending ||= followStep;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.followPending) {
        markFollowed(this.root, ...this.targets(), (block) => this.drawnBlocks.has(block));
        // Followed tables are drawn by the layout that comes next.
        for (const block of Array.from(this.root.querySelectorAll('.table-block.is-followed'))) this.drawnBlocks.add(block);
      }
      const refitted = this.fitter.fit();
      if (refitted) this.focus.refresh();
      // After a refit (a resize) the current cell is kept in view, without animation.
      if (this.followPending || (refitted && this.following)) follow(this.root, ...this.targets(), !this.followPending, this.options.topInset?.() ?? 0);
      this.following ||= this.followPending;
      this.followPending = false;
    });
  }

  private targets(): [Element | null, Element[]] {
    return [this.root.querySelector('td[aria-current]'), Array.from(this.root.querySelectorAll('td[data-factor]'))];
  }

  private redrawNeurons(layer: number, old: HTMLTableElement, orientation: Orientation): void {
    const view = this.view;
    const wrapper = old.parentElement;
    const layerView = view?.layers[layer];
    if (!view || !wrapper || !layerView) return;
    const focused = old.contains(document.activeElement) ? document.activeElement?.getAttribute('data-ref') : null;
    const stop = old.querySelector('td[tabindex="0"]')?.getAttribute('data-ref');
    const table = neuronTable(layerView, view.layers.length - 1, (ref) => this.makeCell(ref), orientation);
    table.setAttribute('aria-labelledby', old.getAttribute('aria-labelledby') ?? '');
    // The learner's place in the table survives the new layout.
    if (old.hasAttribute(VISITED)) table.setAttribute(VISITED, '');
    wrapper.replaceChildren(table);
    const cell = (ref: string | null | undefined) => (ref ? table.querySelector<HTMLTableCellElement>(`td[data-ref="${CSS.escape(ref)}"]`) : null);
    cell(stop)?.setAttribute('tabindex', '0');
    if (focused) cell(focused)?.focus({ preventScroll: true });
  }
}
