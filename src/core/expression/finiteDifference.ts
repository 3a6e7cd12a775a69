import { meanCost } from '../engine/gradient';
import type { Network } from '../model/network';

/**
 * The relative step of `fd(…)`, the same as gradient checking's default (gradientCheck.ts):
 * h = 1e−5 · max(1, |θ|), where the central difference's h² error and the rounding error of
 * c(θ ± h) are both around 1e−10, so backprop's value is expected to agree to about 1e−8.
 */
export const FD_STEP = 1e-5;

/**
 * ∂c/∂θ for one parameter estimated by the central difference (c(θ + h) − c(θ − h)) / 2h, with
 * c the mean cost over all the examples: the number a learner sets beside backprop's ∂c/∂w to
 * see that the chain rule got it right.
 *
 * `index` is 0-based into the layer's Layer.weights or Layer.biases. Only a copy of that one
 * layer's array is perturbed; the network's own arrays are never written to, so the snapshot
 * and anything else reading the network stay as they were.
 */
export function centralDifference(network: Network, kind: 'w' | 'b', layer: number, index: number, step: number = FD_STEP): number {
  const weights = network.layers.map((l) => l.weights);
  const biases = network.layers.map((l) => l.biases);
  const perturbed = Float64Array.from(kind === 'w' ? weights[layer] : biases[layer]);
  (kind === 'w' ? weights : biases)[layer] = perturbed;
  const original = perturbed[index];
  const h = step * Math.max(1, Math.abs(original));
  perturbed[index] = original + h;
  const plus = meanCost(network, weights, biases);
  perturbed[index] = original - h;
  const minus = meanCost(network, weights, biases);
  return (plus - minus) / (2 * h);
}
