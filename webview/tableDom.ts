/**
 * The DOM of the per-layer tables (what each cell holds: tableCells.ts; how they are kept up to
 * date: tables.ts). Per layer, a section with the neuron table — a row per neuron, or transposed
 * with a row per quantity — and the matrices w, ∂cᵢ/∂w and w − η∂c/∂w, each table under its title
 * in its own sideways scroller. Cells are made by the caller (`CellMaker`), which fills and
 * remembers them. The headers that name window positions ("j = 14", "k = 700") are written by
 * `labelWindows`, so a window that moves along a big layer relabels the tables instead of
 * rebuilding them.
 */
import { a as activationSymbol, delta as deltaSymbol, w as weightSymbol } from '../src/core/notation/symbols';
import type { LayerView, QuantityKind, ViewMessage } from '../src/shared/panelMessages';
import { h } from './dom';
import { refKey } from './refs';
import { MATRICES, neuronQuantities } from './tableCells';
import type { Orientation } from './tableLayout';

/** Makes the value cell of the quantity with data-ref `ref`, already filled in. */
export type CellMaker = (ref: string) => HTMLTableCellElement;

function moreRow(span: number, hidden: number): HTMLTableRowElement | null {
  return hidden > 0 ? h('tr', { class: 'more' }, h('td', { colspan: span }, `… ${hidden} more`)) : null;
}

/**
 * A table with its title above its own sideways scroller. The title is outside the scroller
 * (and names the table through aria-labelledby) so it stays in place while the table scrolls.
 */
function tableBlock(id: string, title: readonly (string | Node)[], table: HTMLTableElement, extra = ''): HTMLElement {
  table.setAttribute('aria-labelledby', id);
  return h('div', { class: `table-block ${extra}`.trim() }, h('div', { class: 'table-title', id }, ...title), h('div', { class: 'table-scroll' }, table));
}

function moreNote(hidden: number, what: string): HTMLElement | null {
  return hidden > 0 ? h('span', { class: 'more' }, ` … ${hidden} more ${what}`) : null;
}

function neuronRef(kind: QuantityKind, layer: number, j: number): string {
  return refKey({ kind, layer: kind === 'y' ? 0 : layer, j, k: 0 });
}

/** A layer's neurons: a row per neuron ('rows') or a row per quantity ('columns'). Window headers are left to labelWindows. */
export function neuronTable(layer: LayerView, outputLayer: number, cell: CellMaker, orientation: Orientation): HTMLTableElement {
  const quantities = neuronQuantities(layer, outputLayer);
  const neurons = Array.from({ length: layer.count }, (_, slot) => layer.start + slot + 1);
  let head: HTMLTableRowElement;
  const rows: (HTMLTableRowElement | null)[] = [];
  if (orientation === 'rows') {
    head = h('tr', {}, h('th', { scope: 'col' }, 'j'), ...quantities.map((q) => h('th', { scope: 'col' }, q.heading)));
    for (const j of neurons) rows.push(h('tr', {}, h('th', { scope: 'row' }), ...quantities.map((q) => cell(neuronRef(q.kind, layer.index, j)))));
  } else {
    head = h('tr', {}, h('th', { scope: 'col' }, 'quantity'), ...neurons.map(() => h('th', { scope: 'col' })));
    for (const q of quantities) rows.push(h('tr', {}, h('th', { scope: 'row' }, q.heading), ...neurons.map((j) => cell(neuronRef(q.kind, layer.index, j)))));
  }
  const table = h('table', { class: `neuron-table ${orientation === 'columns' ? 'transposed' : ''}`.trim(), role: 'grid', 'data-orientation': orientation }, h('thead', {}, head), h('tbody', {}, ...rows));
  labelNeuronTable(table, layer);
  return table;
}

function matrixTable(kind: QuantityKind, layer: LayerView, previous: LayerView, cell: CellMaker): HTMLTableElement {
  const columns = Array.from({ length: layer.count }, () => h('th', { scope: 'col' }));
  const rows = [];
  for (let r = 0; r < previous.count; r++) {
    const k = previous.start + r + 1;
    const row = [];
    for (let c = 0; c < layer.count; c++) row.push(cell(refKey({ kind, layer: layer.index, j: layer.start + c + 1, k })));
    rows.push(h('tr', {}, h('th', { scope: 'row' }), ...row));
  }
  const table = h(
    'table',
    { class: 'matrix', role: 'grid' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), ...columns)),
    h('tbody', {}, ...rows, moreRow(layer.count + 1, previous.size - previous.count)),
  );
  labelMatrix(table, layer, previous);
  return table;
}

/** Builds the tables, neuron tables in the given orientations ('rows' when not given). */
export function renderTables(view: ViewMessage, cell: CellMaker, orientations: ReadonlyMap<number, Orientation> = new Map()): HTMLElement {
  const L = view.layers.length - 1;
  const sections = view.layers.map((layer) => {
    const title = layer.index === 0 ? `Layer 0 · ${layer.size} inputs` : `Layer ${layer.index} · ${layer.size} ${layer.activation ?? ''}${layer.index === L ? ' · output' : ''}`;
    const neuronsTitle = [layer.index === 0 ? 'Inputs of this example' : `Neurons of layer ${layer.index}`, moreNote(layer.size - layer.count, 'neurons') ?? ''];
    const parts: HTMLElement[] = [tableBlock(`bp-table-${layer.index}-neurons`, neuronsTitle, neuronTable(layer, L, cell, orientations.get(layer.index) ?? 'rows'), 'neurons')];
    if (layer.index > 0) {
      const previous = view.layers[layer.index - 1];
      // Rows are k (layer ℓ − 1), columns j (layer ℓ) in either weight order; only the symbols' index order follows it.
      const w = weightSymbol(layer.index, 'k', 'j', view.weightOrder).text;
      const captions = [`${w} as written`, `∂cᵢ/∂${w} = ${deltaSymbol(layer.index, 'j').text} ${activationSymbol(layer.index - 1, 'k').text}`, `${w} − η ∂c/∂${w}`];
      const more = layer.size - layer.count;
      parts.push(h('div', { class: 'matrices' }, ...MATRICES.map((m, i) => tableBlock(`bp-table-${layer.index}-${m.kind}`, [captions[i], moreNote(more, 'columns') ?? ''], matrixTable(m.kind, layer, previous, cell)))));
    }
    return h('section', { class: 'layer', 'data-layer': layer.index, 'aria-label': title }, h('h3', {}, title), ...parts);
  });
  return h('div', { class: 'tables' }, ...sections);
}

function setText(element: Element | null | undefined, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

/** The row headers of a neuron table's neurons ("3"), or its column headers transposed ("j = 3"). */
function labelNeuronTable(table: HTMLTableElement, layer: LayerView): void {
  if (table.getAttribute('data-orientation') === 'columns') {
    const heads = table.tHead?.rows[0]?.cells;
    for (let slot = 0; slot < layer.count; slot++) setText(heads?.[slot + 1], `j = ${layer.start + slot + 1}`);
  } else {
    const rows = table.tBodies[0]?.rows;
    for (let slot = 0; slot < layer.count; slot++) setText(rows?.[slot]?.cells[0], String(layer.start + slot + 1));
  }
}

/** A matrix's column headers (j of layer ℓ) and row headers (k of layer ℓ − 1). */
function labelMatrix(table: HTMLTableElement, layer: LayerView, previous: LayerView): void {
  const heads = table.tHead?.rows[0]?.cells;
  for (let c = 0; c < layer.count; c++) setText(heads?.[c + 1], `j = ${layer.start + c + 1}`);
  const rows = table.tBodies[0]?.rows;
  for (let r = 0; r < previous.count; r++) setText(rows?.[r]?.cells[0], `k = ${previous.start + r + 1}`);
}

/** Rewrites the headers that name window positions in every table under `root` for `view`'s windows. */
export function labelWindows(root: Element, view: ViewMessage): void {
  for (const layer of view.layers) {
    const section = root.querySelector(`.layer[data-layer="${layer.index}"]`);
    const neurons = section?.querySelector<HTMLTableElement>('table.neuron-table');
    if (neurons) labelNeuronTable(neurons, layer);
    const previous = view.layers[layer.index - 1];
    if (previous) for (const matrix of Array.from(section?.querySelectorAll<HTMLTableElement>('table.matrix') ?? [])) labelMatrix(matrix, layer, previous);
  }
}
