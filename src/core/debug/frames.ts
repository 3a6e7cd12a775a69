import type { Network } from '../model/network';
import type { SpecSource } from '../model/source';
import { layerText } from '../notation/symbols';
import type { Range } from '../text/range';
import type { StepAddress } from '../trace/types';

/**
 * The call stack of a stopped thread, read as the chain rule reads it: the current quantity,
 * then each quantity it feeds on the way to the cost. For ∂cᵢ/∂w⁽¹⁾₁₂ that is
 *   ∂cᵢ/∂w⁽¹⁾₁₂ ← δ⁽¹⁾₂ ← δ⁽²⁾ ← cᵢ,
 * for a forward quantity z⁽¹⁾₂ ← a⁽¹⁾₂ ← z⁽²⁾ ← a⁽²⁾ ← cᵢ. A frame for a whole layer's vector
 * points at the layer's line; cᵢ at the cost line (or the example's line when the spec has none).
 */
export interface ChainLink {
  /** The quantity when it is one step of the trace; null for a whole layer's vector or a mean. */
  readonly address: StepAddress | null;
  /** The name when `address` is null, e.g. "δ⁽²⁾" or "∂c/∂w⁽²⁾₁₁ (mean)". */
  readonly name: string | null;
  readonly range: Range | null;
}

export function chainOf(address: StepAddress, network: Network, source: SpecSource, example: number): ChainLink[] {
  const L = network.layers.length - 1;
  const links: ChainLink[] = [{ address, name: null, range: null }];
  const vector = (letter: string, l: number): ChainLink => ({ address: null, name: `${letter}${layerText(l)}`, range: source.layers[l]?.header ?? null });
  const cost: ChainLink = {
    address: { kind: 'cost', layer: L, j: 0, k: 0 },
    name: null,
    range: source.cost?.line ?? source.examples[example]?.line ?? null,
  };
  const deltasFrom = (l: number) => {
    for (let r = l; r <= L; r++) links.push(vector('δ', r));
  };
  const { kind, layer: l, j } = address;
  switch (kind) {
    case 'z':
      links.push({ address: { kind: 'a', layer: l, j, k: 0 }, name: null, range: null });
      for (let r = l + 1; r <= L; r++) links.push(vector('z', r), vector('a', r));
      break;
    case 'a':
      for (let r = l + 1; r <= L; r++) links.push(vector('z', r), vector('a', r));
      break;
    case 'cost':
      return links;
    case 'dcda':
    case 'dadz':
      links.push({ address: { kind: 'delta', layer: l, j, k: 0 }, name: null, range: null });
      deltasFrom(l + 1);
      break;
    case 'delta':
      deltasFrom(l + 1);
      break;
    case 'dw':
    case 'db':
      links.push({ address: { kind: 'delta', layer: l, j, k: 0 }, name: null, range: null });
      deltasFrom(l + 1);
      break;
    case 'w-new':
    case 'b-new':
      // The update follows the mean gradient, which every example's cost feeds.
      links.push({ address: { kind: kind === 'w-new' ? 'dw' : 'db', layer: l, j, k: address.k }, name: null, range: null });
      links.push({ address: { kind: 'delta', layer: l, j, k: 0 }, name: null, range: null });
      deltasFrom(l + 1);
      break;
  }
  links.push(cost);
  return links;
}
