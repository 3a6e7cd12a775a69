/**
 * What each value cell of the per-layer tables shows: per layer, one row per shown neuron with
 * z, a, ∂cᵢ/∂a, σ′(z), δ and the bias quantities; then the weight matrices w, ∂cᵢ/∂w and
 * w − η∂c/∂w (rows k of layer ℓ − 1, columns j of layer ℓ). A quantity the stepping has not
 * reached is an empty cell — never a 0. Each cell also carries its accessible name and its part
 * in the current step. Pure (no DOM), so steps can diff cells and tests can read them.
 */
import { layerText } from '../src/core/notation/symbols';
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

  constructor(
    readonly place: string,
    readonly layer: number,
    private readonly quantity: QuantityRef,
    value: Known,
    private readonly view: ViewMessage,
    highlights: Highlights,
  ) {
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

  private readonly marks: Marks | undefined;

  get label(): string {
    return cellName(symbolText(this.quantity, this.view.weightOrder), this.text, this.marks);
  }
}

function cellState(place: string, kind: QuantityKind, layer: number, j: number, k: number, value: Known, view: ViewMessage, highlights: Highlights): CellState {
  // Targets y_ij belong to the example, not a layer: their key uses layer 0, as factors name them.
  return new Cell(place, layer, { kind, layer: kind === 'y' ? 0 : layer, j, k }, value, view, highlights);
}

export const MATRICES: readonly { readonly kind: QuantityKind; readonly values: (layer: LayerView) => readonly Known[] }[] = [
  { kind: 'w', values: (layer) => layer.w },
  { kind: 'dw', values: (layer) => layer.dw },
  { kind: 'w-new', values: (layer) => layer.wNew },
];
const MATRIX_KINDS: ReadonlySet<QuantityKind> = new Set(MATRICES.map((m) => m.kind));

/**
 * Every value cell of the tables: per layer, the neuron table neuron by neuron, then the
 * matrices w, ∂cᵢ/∂w and w − η∂c/∂w row by row.
 */
export function cellStates(view: ViewMessage, highlights: Highlights): CellState[] {
  const L = view.layers.length - 1;
  const states: CellState[] = [];
  for (const layer of view.layers) {
    const quantities = neuronQuantities(layer, L);
    for (let slot = 0; slot < layer.count; slot++) {
      for (const q of quantities) states.push(cellState(`${layer.index}|${q.kind}|${slot}`, q.kind, layer.index, layer.start + slot + 1, 0, q.values[slot] ?? null, view, highlights));
    }
    if (layer.index === 0) continue;
    const previous = view.layers[layer.index - 1];
    for (const matrix of MATRICES) {
      const values = matrix.values(layer);
      for (let r = 0; r < previous.count; r++) {
        for (let c = 0; c < layer.count; c++) {
          const place = `${layer.index}|${matrix.kind}|${c}|${r}`;
          states.push(cellState(place, matrix.kind, layer.index, layer.start + c + 1, previous.start + r + 1, values[r * layer.count + c] ?? null, view, highlights));
        }
      }
    }
  }
  return states;
}
