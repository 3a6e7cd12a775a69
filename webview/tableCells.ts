/**
 * What each value cell of the per-layer tables shows: per layer, one row per shown neuron with
 * z, a, ∂cᵢ/∂a, σ′(z), δ and the bias quantities; then the weight matrices w, ∂cᵢ/∂w and
 * w − η∂c/∂w (rows k of layer ℓ − 1, columns j of layer ℓ). A quantity the stepping has not
 * reached is an empty cell — never a 0. Each cell also carries its accessible name and its part
 * in the current step. Pure (no DOM), so steps can diff cells and tests can read them.
 */
import { layerText, type WeightOrder } from '../src/core/notation/symbols';
import type { Known, LayerView, QuantityKind, QuantityRef, ViewMessage } from '../src/shared/panelMessages';
import { cellName } from './accessibleNames';
import { factorBadgeText } from './factors';
import type { Highlights, Marks } from './highlight';
import { formatValue, refKey, symbolText } from './refs';

/** One quantity of a layer's neuron table: a column in the natural layout, a row transposed. */
export interface NeuronQuantity {
  readonly heading: string;
  readonly kind: QuantityKind;
  readonly values: readonly Known[];
}

export function neuronQuantities(layer: LayerView, outputLayer: number): NeuronQuantity[] {
  const l = layerText(layer.index);
  if (layer.index === 0) return [{ heading: `a⁽⁰⁾ⱼ = xᵢⱼ`, kind: 'x', values: layer.a }];
  const quantities: NeuronQuantity[] = [
    { heading: `b${l}ⱼ`, kind: 'b', values: layer.b },
    { heading: `z${l}ⱼ`, kind: 'z', values: layer.z },
    { heading: `a${l}ⱼ`, kind: 'a', values: layer.a },
  ];
  if (layer.index === outputLayer) quantities.push({ heading: 'yᵢⱼ', kind: 'y', values: layer.y });
  quantities.push(
    { heading: `∂cᵢ/∂a${l}ⱼ`, kind: 'dcda', values: layer.dcda },
    { heading: `σ′(z${l}ⱼ)`, kind: 'dadz', values: layer.dadz },
    { heading: `δ${l}ⱼ`, kind: 'delta', values: layer.delta },
    { heading: `∂cᵢ/∂b${l}ⱼ`, kind: 'db', values: layer.db },
    { heading: `b${l}ⱼ − η ∂c/∂b${l}ⱼ`, kind: 'b-new', values: layer.bNew },
  );
  return quantities;
}

/** One value cell as drawn. */
export interface CellState {
  /** Its data-ref key. */
  readonly ref: string;
  /**
   * Where it is drawn, whatever the windows show: layer, kind and its slot in the layer's window
   * ("1|z|3", "2|dw|4|0"). A step that moves a window keeps every cell's place and changes its ref.
   */
  readonly place: string;
  /** Its layer's index, and whether it is in the layer's neuron table (not a weight matrix). */
  readonly layer: number;
  readonly inNeuronTable: boolean;
  readonly text: string;
  readonly className: string;
  readonly empty: boolean;
  /** What a screen reader says: symbol, value, and its part in the current step. */
  readonly label: string;
  /** Whether it is the quantity the current step computes (`aria-current`). */
  readonly current: boolean;
  /** The numbers of the factors it is, for its badge ("2", "1 3"); empty when none. */
  readonly badge: string;
}

/**
 * A cell's state. Its name is written only when read: applying a step to the tables reads it
 * only for the few cells whose number or marks changed (tables.ts), not for the thousand others.
 */
class Cell implements CellState {
  readonly ref: string;
  readonly inNeuronTable: boolean;
  readonly text: string;
  readonly className: string;
  readonly empty: boolean;
  readonly current: boolean;
  readonly badge: string;
  private readonly marks: Marks | undefined;
  private readonly order: WeightOrder;

  constructor(
    readonly place: string,
    readonly layer: number,
    private readonly quantity: QuantityRef,
    /** The number it was made from (for `reusable`). */
    readonly value: Known,
    view: ViewMessage,
    highlights: Highlights,
  ) {
    // Only what the name needs is kept: a state may outlive many views (see cellStates).
    this.order = view.weightOrder;
    this.ref = refKey(quantity);
    this.inNeuronTable = !MATRIX_KINDS.has(quantity.kind);
    this.empty = value === null;
    this.text = formatValue(value, view.digits);
    this.className = `${this.empty ? 'empty' : 'num'} ${highlights.cells.get(this.ref) ?? ''}`;
    const marks = highlights.cellMarks.get(this.ref);
    this.current = marks?.current ?? false;
    this.badge = marks ? marks.factors.map(factorBadgeText).join(' ') : '';
    this.marks = marks;
  }

  get label(): string {
    return cellName(symbolText(this.quantity, this.order), this.text, this.marks);
  }
}

export const MATRICES: readonly { readonly kind: QuantityKind; readonly values: (layer: LayerView) => readonly Known[] }[] = [
  { kind: 'w', values: (layer) => layer.w },
  { kind: 'dw', values: (layer) => layer.dw },
  { kind: 'w-new', values: (layer) => layer.wNew },
];
const MATRIX_KINDS: ReadonlySet<QuantityKind> = new Set(MATRICES.map((m) => m.kind));

/** The states made for the view before, to make the next ones from (see cellStates). */
export interface PreviousCells {
  readonly view: ViewMessage;
  readonly highlights: Highlights;
  /** What cellStates returned for `view`, in its order. */
  readonly states: readonly CellState[];
}

/** Whether a layer shows the same neurons in both views. */
function sameWindow(a: LayerView | undefined, b: LayerView | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.start === b.start && a.count === b.count;
}

/**
 * Every value cell of the tables: per layer, the neuron table neuron by neuron, then the
 * matrices w, ∂cᵢ/∂w and w − η∂c/∂w row by row.
 *
 * Given the states made for the view before, a cell whose quantity, number and marks are the
 * same keeps its state object (the caller then skips it): a step changes a handful of the
 * thousand cells, and making the others again is most of what applying a step costs.
 */
export function cellStates(view: ViewMessage, highlights: Highlights, previous: PreviousCells | null = null): CellState[] {
  const L = view.layers.length - 1;
  const states: CellState[] = [];
  // The states before line up with these, index by index, when every layer has the sizes it had.
  const aligned =
    previous && previous.view.digits === view.digits && previous.view.weightOrder === view.weightOrder && previous.view.layers.length === view.layers.length &&
    previous.view.layers.every((l, i) => l.size === view.layers[i].size && l.count === view.layers[i].count)
      ? previous
      : null;
  const marked = (ref: string) => highlights.cellMarks.has(ref) || !!aligned?.highlights.cellMarks.has(ref);
  /** The cell of `kind` in layer `layer` at slot `a` (and row `b` of a matrix, else −1). */
  const add = (kind: QuantityKind, layer: number, a: number, b: number, j: number, k: number, value: Known, reusable: boolean) => {
    const old = reusable ? aligned?.states[states.length] : undefined;
    if (old instanceof Cell && old.value === value && !marked(old.ref)) {
      states.push(old);
      return;
    }
    const place = b < 0 ? `${layer}|${kind}|${a}` : `${layer}|${kind}|${a}|${b}`;
    // Targets y_ij belong to the example, not a layer: their key uses layer 0, as factors name them.
    states.push(new Cell(place, layer, { kind, layer: kind === 'y' ? 0 : layer, j, k }, value, view, highlights));
  };
  for (const layer of view.layers) {
    const quantities = neuronQuantities(layer, L);
    const same = sameWindow(layer, aligned?.view.layers[layer.index]);
    for (let slot = 0; slot < layer.count; slot++) {
      for (const q of quantities) add(q.kind, layer.index, slot, -1, layer.start + slot + 1, 0, q.values[slot] ?? null, same);
    }
    if (layer.index === 0) continue;
    const previousLayer = view.layers[layer.index - 1];
    const sameMatrix = same && sameWindow(previousLayer, aligned?.view.layers[layer.index - 1]);
    for (const matrix of MATRICES) {
      const values = matrix.values(layer);
      for (let r = 0; r < previousLayer.count; r++) {
        for (let c = 0; c < layer.count; c++) {
          add(matrix.kind, layer.index, c, r, layer.start + c + 1, previousLayer.start + r + 1, values[r * layer.count + c] ?? null, sameMatrix);
        }
      }
    }
  }
  return states;
}
