/**
 * Per-layer tables: one row per shown neuron with z, a, ∂cᵢ/∂a, σ′(z), δ and the bias
 * quantities; then the weight matrices w, ∂cᵢ/∂w and w − η∂c/∂w (rows k of layer ℓ − 1,
 * columns j of layer ℓ). A quantity the stepping has not reached is an empty cell, styled as
 * such — never a 0 — and fills in when its step is taken.
 */
import type { Known, LayerView, QuantityKind, ViewMessage } from '../src/shared/panelMessages';
import { h } from './dom';
import type { Highlights } from './highlight';
import { layerText } from '../src/core/notation/symbols';
import { formatValue, refKey } from './refs';

interface Column {
  readonly heading: string;
  readonly kind: QuantityKind;
  readonly values: readonly Known[];
}

function neuronColumns(layer: LayerView, outputLayer: number): Column[] {
  const l = layerText(layer.index);
  if (layer.index === 0) return [{ heading: `a⁽⁰⁾ⱼ = xᵢⱼ`, kind: 'x', values: layer.a }];
  const columns: Column[] = [
    { heading: `b${l}ⱼ`, kind: 'b', values: layer.b },
    { heading: `z${l}ⱼ`, kind: 'z', values: layer.z },
    { heading: `a${l}ⱼ`, kind: 'a', values: layer.a },
  ];
  if (layer.index === outputLayer) columns.push({ heading: 'yᵢⱼ', kind: 'y', values: layer.y });
  columns.push(
    { heading: `∂cᵢ/∂a${l}ⱼ`, kind: 'dcda', values: layer.dcda },
    { heading: `σ′(z${l}ⱼ)`, kind: 'dadz', values: layer.dadz },
    { heading: `δ${l}ⱼ`, kind: 'delta', values: layer.delta },
    { heading: `∂cᵢ/∂b${l}ⱼ`, kind: 'db', values: layer.db },
    { heading: `b${l}ⱼ − η ∂c/∂b${l}ⱼ`, kind: 'b-new', values: layer.bNew },
  );
  return columns;
}

/** One value cell as drawn: its data-ref key, text and classes. Pure, so steps can diff cells. */
export interface CellState {
  readonly ref: string;
  readonly text: string;
  readonly className: string;
  readonly empty: boolean;
}

function cellState(kind: QuantityKind, layer: number, j: number, k: number, value: Known, digits: number, highlights: Highlights): CellState {
  // Targets y_ij belong to the example, not a layer: their key uses layer 0, as factors name them.
  const ref = refKey({ kind, layer: kind === 'y' ? 0 : layer, j, k });
  const empty = value === null;
  return { ref, text: formatValue(value, digits), className: `${empty ? 'empty' : 'num'} ${highlights.cells.get(ref) ?? ''}`, empty };
}

const MATRICES: readonly { readonly kind: QuantityKind; readonly values: (layer: LayerView) => readonly Known[] }[] = [
  { kind: 'w', values: (layer) => layer.w },
  { kind: 'dw', values: (layer) => layer.dw },
  { kind: 'w-new', values: (layer) => layer.wNew },
];

/**
 * Every value cell of the tables, in document order: per layer, the neuron table row by row,
 * then the matrices w, ∂cᵢ/∂w and w − η∂c/∂w row by row. The builder below consumes them in
 * this same order.
 */
export function cellStates(view: ViewMessage, highlights: Highlights): CellState[] {
  const L = view.layers.length - 1;
  const states: CellState[] = [];
  for (const layer of view.layers) {
    const columns = neuronColumns(layer, L);
    for (let slot = 0; slot < layer.count; slot++) {
      for (const c of columns) states.push(cellState(c.kind, layer.index, layer.start + slot + 1, 0, c.values[slot] ?? null, view.digits, highlights));
    }
    if (layer.index === 0) continue;
    const previous = view.layers[layer.index - 1];
    for (const matrix of MATRICES) {
      const values = matrix.values(layer);
      for (let r = 0; r < previous.count; r++) {
        for (let c = 0; c < layer.count; c++) {
          states.push(cellState(matrix.kind, layer.index, layer.start + c + 1, previous.start + r + 1, values[r * layer.count + c] ?? null, view.digits, highlights));
        }
      }
    }
  }
  return states;
}

function td(state: CellState): HTMLTableCellElement {
  return h('td', { 'data-ref': state.ref, class: state.className, 'aria-label': state.empty ? 'not computed yet' : null }, state.text);
}

function moreRow(span: number, hidden: number): HTMLTableRowElement | null {
  return hidden > 0 ? h('tr', { class: 'more' }, h('td', { colspan: span }, `… ${hidden} more`)) : null;
}

function neuronTable(layer: LayerView, outputLayer: number, next: () => CellState): HTMLTableElement {
  const columns = neuronColumns(layer, outputLayer);
  const head = h('tr', {}, h('th', { scope: 'col' }, 'j'), ...columns.map((c) => h('th', { scope: 'col' }, c.heading)));
  const rows = [];
  for (let slot = 0; slot < layer.count; slot++) {
    const j = layer.start + slot + 1;
    rows.push(h('tr', {}, h('th', { scope: 'row' }, String(j)), ...columns.map(() => td(next()))));
  }
  return h(
    'table',
    { class: 'neuron-table' },
    h('caption', {}, layer.index === 0 ? 'Inputs of this example' : `Neurons of layer ${layer.index}`),
    h('thead', {}, head),
    h('tbody', {}, ...rows, moreRow(columns.length + 1, layer.size - layer.count)),
  );
}

function matrixTable(caption: string, layer: LayerView, previous: LayerView, next: () => CellState): HTMLTableElement {
  const columns = [];
  for (let c = 0; c < layer.count; c++) columns.push(h('th', { scope: 'col' }, `j = ${layer.start + c + 1}`));
  const rows = [];
  for (let r = 0; r < previous.count; r++) {
    const cells = [];
    for (let c = 0; c < layer.count; c++) cells.push(td(next()));
    rows.push(h('tr', {}, h('th', { scope: 'row' }, `k = ${previous.start + r + 1}`), ...cells));
  }
  const hiddenColumns = layer.size - layer.count;
  const note = hiddenColumns > 0 ? h('p', { class: 'more' }, `… ${hiddenColumns} more columns`) : null;
  const table = h(
    'table',
    { class: 'matrix' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', {}, ''), ...columns)),
    h('tbody', {}, ...rows, moreRow(layer.count + 1, previous.size - previous.count)),
  );
  if (note) table.caption?.append(' ', note);
  return table;
}

/** What decides the tables' structure: when it is unchanged, a step only rewrites cells. */
function shapeKey(view: ViewMessage): string {
  return `${view.digits}|` + view.layers.map((l) => `${l.index}:${l.size}:${l.start}:${l.count}:${l.activation}`).join('|');
}

/**
 * The tables of the panel. The first view builds them; later views with the same layers and
 * windows only rewrite the cells whose text or highlight changed, so a step touches a handful
 * of cells instead of rebuilding a thousand (and the browser re-lays out only those).
 */
export class TablesView {
  readonly root = h('div', { class: 'tables-host' });
  private shape = '';
  private cells: HTMLTableCellElement[] = [];

  render(view: ViewMessage, highlights: Highlights): void {
    const states = cellStates(view, highlights);
    const shape = shapeKey(view);
    if (shape !== this.shape) {
      this.shape = shape;
      this.root.replaceChildren(renderTables(view, states));
      this.cells = Array.from(this.root.querySelectorAll<HTMLTableCellElement>('td[data-ref]'));
      return;
    }
    states.forEach((state, i) => {
      const cell = this.cells[i];
      if (cell.textContent !== state.text) cell.textContent = state.text;
      if (cell.className !== state.className) cell.className = state.className;
      if (state.empty !== cell.hasAttribute('aria-label')) state.empty ? cell.setAttribute('aria-label', 'not computed yet') : cell.removeAttribute('aria-label');
    });
  }
}

/** Builds the tables, consuming `states` (from cellStates) in document order. */
export function renderTables(view: ViewMessage, states: readonly CellState[]): HTMLElement {
  const L = view.layers.length - 1;
  let at = 0;
  const next = () => states[at++];
  const sections = view.layers.map((layer) => {
    const title = layer.index === 0 ? `Layer 0 · ${layer.size} inputs` : `Layer ${layer.index} · ${layer.size} ${layer.activation ?? ''}${layer.index === L ? ' · output' : ''}`;
    const parts: HTMLElement[] = [neuronTable(layer, L, next)];
    if (layer.index > 0) {
      const previous = view.layers[layer.index - 1];
      const l = layerText(layer.index);
      const kj = 'ₖⱼ';
      const captions = [`w${l}${kj} as written`, `∂cᵢ/∂w${l}${kj} = δ${l}ⱼ a${layerText(layer.index - 1)}ₖ`, `w${l}${kj} − η ∂c/∂w${l}${kj}`];
      parts.push(h('div', { class: 'matrices' }, ...captions.map((caption) => matrixTable(caption, layer, previous, next))));
    }
    return h('section', { class: 'layer', 'aria-label': title }, h('h3', {}, title), ...parts);
  });
  return h('div', { class: 'tables' }, ...sections);
}
