/**
 * The number a view message holds for any quantity the panel can point at, found in the layer
 * windows it arrived in: null when not computed yet, undefined when the view does not hold it
 * (outside the window). Pure; used to name diagram nodes for screen readers.
 */
import type { Known, LayerView, QuantityRef, ViewMessage } from '../src/shared/panelMessages';

function slotOf(layer: LayerView | undefined, j: number): number {
  return layer ? j - 1 - layer.start : -1;
}

function at(values: readonly Known[], slot: number): Known | undefined {
  return slot >= 0 && slot < values.length ? values[slot] : undefined;
}

export function quantityValue(view: ViewMessage, ref: QuantityRef): Known | undefined {
  const L = view.layers.length - 1;
  if (ref.kind === 'cost') return view.exampleCost;
  if (ref.kind === 'x') return at(view.layers[0]?.a ?? [], slotOf(view.layers[0], ref.j));
  if (ref.kind === 'y') return at(view.layers[L]?.y ?? [], slotOf(view.layers[L], ref.j));
  const layer = view.layers[ref.layer];
  if (!layer) return undefined;
  const slot = slotOf(layer, ref.j);
  if (slot < 0 || slot >= layer.count) return undefined;
  if (ref.kind === 'w' || ref.kind === 'dw' || ref.kind === 'w-new') {
    const previous = view.layers[ref.layer - 1];
    const row = slotOf(previous, ref.k);
    if (!previous || row < 0 || row >= previous.count) return undefined;
    const values = ref.kind === 'w' ? layer.w : ref.kind === 'dw' ? layer.dw : layer.wNew;
    return at(values, row * layer.count + slot);
  }
  const vectors: Record<Exclude<QuantityRef['kind'], 'cost' | 'x' | 'y' | 'w' | 'dw' | 'w-new'>, readonly Known[]> = {
    z: layer.z,
    a: layer.a,
    dcda: layer.dcda,
    dadz: layer.dadz,
    delta: layer.delta,
    db: layer.db,
    b: layer.b,
    'b-new': layer.bNew,
  };
  return at(vectors[ref.kind], slot);
}
