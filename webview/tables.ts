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

function cell(kind: QuantityKind, layer: number, j: number, k: number, value: Known, digits: number, highlights: Highlights): HTMLTableCellElement {
  // Targets y_ij belong to the example, not a layer: their key uses layer 0, as factors name them.
  const ref = refKey({ kind, layer: kind === 'y' ? 0 : layer, j, k });
  const mark = highlights.cells.get(ref);
  const empty = value === null;
  return h(
    'td',
    { 'data-ref': ref, class: `${empty ? 'empty' : 'num'} ${mark ?? ''}`, 'aria-label': empty ? 'not computed yet' : null },
    formatValue(value, digits),
  );
}

function moreRow(span: number, hidden: number): HTMLTableRowElement | null {
  return hidden > 0 ? h('tr', { class: 'more' }, h('td', { colspan: span }, `… ${hidden} more`)) : null;
}

function neuronTable(layer: LayerView, outputLayer: number, digits: number, highlights: Highlights): HTMLTableElement {
  const columns = neuronColumns(layer, outputLayer);
  const head = h('tr', {}, h('th', { scope: 'col' }, 'j'), ...columns.map((c) => h('th', { scope: 'col' }, c.heading)));
  const rows = [];
  for (let slot = 0; slot < layer.count; slot++) {
    const j = layer.start + slot + 1;
    rows.push(h('tr', {}, h('th', { scope: 'row' }, String(j)), ...columns.map((c) => cell(c.kind, layer.index, j, 0, c.values[slot] ?? null, digits, highlights))));
  }
  return h(
    'table',
    { class: 'neuron-table' },
    h('caption', {}, layer.index === 0 ? 'Inputs of this example' : `Neurons of layer ${layer.index}`),
    h('thead', {}, head),
    h('tbody', {}, ...rows, moreRow(columns.length + 1, layer.size - layer.count)),
  );
}

function matrixTable(caption: string, kind: QuantityKind, layer: LayerView, previous: LayerView, values: readonly Known[], digits: number, highlights: Highlights): HTMLTableElement {
  const columns = [];
  for (let c = 0; c < layer.count; c++) columns.push(h('th', { scope: 'col' }, `j = ${layer.start + c + 1}`));
  const rows = [];
  for (let r = 0; r < previous.count; r++) {
    const k = previous.start + r + 1;
    const cells = [];
    for (let c = 0; c < layer.count; c++) cells.push(cell(kind, layer.index, layer.start + c + 1, k, values[r * layer.count + c] ?? null, digits, highlights));
    rows.push(h('tr', {}, h('th', { scope: 'row' }, `k = ${k}`), ...cells));
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
    const shape = shapeKey(view);
    if (shape !== this.shape) {
      this.shape = shape;
      this.root.replaceChildren(renderTables(view, highlights));
      this.cells = Array.from(this.root.querySelectorAll<HTMLTableCellElement>('td[data-ref]'));
      return;
    }
    const fresh = renderTables(view, highlights).querySelectorAll<HTMLTableCellElement>('td[data-ref]');
    fresh.forEach((cell, i) => {
      const old = this.cells[i];
      if (old.textContent !== cell.textContent) old.textContent = cell.textContent;
      if (old.className !== cell.className) old.className = cell.className;
      const label = cell.getAttribute('aria-label');
      if (old.getAttribute('aria-label') !== label) label === null ? old.removeAttribute('aria-label') : old.setAttribute('aria-label', label);
    });
  }
}

export function renderTables(view: ViewMessage, highlights: Highlights): HTMLElement {
  const L = view.layers.length - 1;
  const sections = view.layers.map((layer) => {
    const title = layer.index === 0 ? `Layer 0 · ${layer.size} inputs` : `Layer ${layer.index} · ${layer.size} ${layer.activation ?? ''}${layer.index === L ? ' · output' : ''}`;
    const parts: HTMLElement[] = [neuronTable(layer, L, view.digits, highlights)];
    if (layer.index > 0) {
      const previous = view.layers[layer.index - 1];
      const l = layerText(layer.index);
      const kj = 'ₖⱼ';
      parts.push(
        h('div', { class: 'matrices' },
          matrixTable(`w${l}${kj} as written`, 'w', layer, previous, layer.w, view.digits, highlights),
          matrixTable(`∂cᵢ/∂w${l}${kj} = δ${l}ⱼ a${layerText(layer.index - 1)}ₖ`, 'dw', layer, previous, layer.dw, view.digits, highlights),
          matrixTable(`w${l}${kj} − η ∂c/∂w${l}${kj}`, 'w-new', layer, previous, layer.wNew, view.digits, highlights),
        ),
      );
    }
    return h('section', { class: 'layer', 'aria-label': title }, h('h3', {}, title), ...parts);
  });
  return h('div', { class: 'tables' }, ...sections);
}
