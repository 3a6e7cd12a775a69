/**
 * Which neurons of each layer the panel shows. A layer of up to MAX_WINDOW neurons is shown
 * whole; a bigger one shows MAX_WINDOW neurons, normally the first ones, moved so that the
 * quantity being computed is among them (stepping through ∂cᵢ/∂w⁽¹⁾₇₀₀,₃ shows input 700).
 * This is what keeps every message small and every step cheap on a 784-128-10 network.
 */
import type { Network } from '../../core/model/network';
import type { StepAddress } from '../../core/trace/types';
import { MAX_WINDOW } from '../../shared/panelMessages';

export interface LayerWindow {
  /** 0-based first neuron shown. */
  readonly start: number;
  readonly count: number;
}

/** A window of `size` neurons that contains 0-based neuron `focus` (if any), near the start. */
export function windowAround(size: number, focus: number | null, max = MAX_WINDOW): LayerWindow {
  const count = Math.min(size, max);
  if (focus === null || focus < count) return { start: 0, count };
  const start = Math.min(size - count, Math.max(0, focus - Math.floor(count / 2)));
  return { start, count };
}

/** The windows of every layer for a step at `address` (null: nothing to follow). */
export function layerWindows(network: Network, address: StepAddress | null, max = MAX_WINDOW): LayerWindow[] {
  const focus: (number | null)[] = network.layers.map(() => null);
  if (address && address.layer < network.layers.length && address.j > 0) {
    focus[address.layer] = address.j - 1;
    if (address.k > 0 && address.layer > 0) focus[address.layer - 1] = address.k - 1;
  }
  return network.layers.map((layer, l) => windowAround(layer.size, focus[l], max));
}
