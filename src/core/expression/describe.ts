import { layerText, subscriptsText, subscriptText, type Index } from '../notation/symbols';
import type { ReferenceNode } from './ast';
import { quantityInfo, type QuantityName } from './names';

/**
 * Names in the article's notation, for messages, logpoints and the Variables view: δ⁽²⁾₁,
 * ∂c/∂w⁽²⁾₁₂, σ′(z⁽¹⁾₂), yᵢ₁, and for a whole vector or matrix δ⁽²⁾, w⁽¹⁾. Indices may be
 * letters, for the general entry in messages (w⁽²⁾ₖⱼ).
 *
 * Indices are taken in the order they are displayed — the order the user wrote them in, which
 * is the weight order's (see symbols.ts) — so naming needs no weight order; the evaluator turns
 * its (k, j) back into displayed order before it asks.
 */
export function notationOf(quantity: QuantityName, layer: Index | null, indices: readonly Index[] | null): string {
  const info = quantityInfo(quantity);
  const sub = indices === null || indices.length === 0 ? '' : subscriptsText(...indices);
  if (quantity === 'x' || quantity === 'y') {
    // One index, so no commas: xᵢ₁₂ is input 12.
    return `${info.unicode}${indices === null ? '' : indices.map((index) => subscriptText(index)).join('')}`;
  }
  if (!info.layered) return info.unicode;
  const sup = layer === null ? '' : layerText(layer);
  if (quantity === 'dadz') return `σ′(z${sup}${sub})`;
  return `${info.unicode}${sup}${sub}`;
}

/** The notation name of a reference as written (`delta(2)[1]` → δ⁽²⁾₁; a layer written L stays ᴸ). */
export function describeReference(node: ReferenceNode): string {
  return notationOf(
    node.quantity,
    node.layer === null ? null : node.layer.value,
    node.indices === null ? null : node.indices.map((index) => index.value),
  );
}
