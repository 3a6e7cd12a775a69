import type { Network } from '../model/network';
import { computeGradient, meanCost } from './gradient';
import { Workspace, type KernelChoice } from './workspace';

/**
 * Gradient checking: every ∂c/∂w and ∂c/∂b estimated by central finite differences,
 *   (c(θ + h) − c(θ − h)) / 2h,  h = step · max(1, |θ|),
 * compared with backpropagation. The central difference's error shrinks like h², so with
 * h ≈ 1e−5 agreement to about 1e−8 is expected where the cost is smooth. The relative error of
 * one parameter is |numeric − backprop| / max(|numeric| + |backprop|, floor): the floor keeps
 * gradients that are both essentially 0 from counting as large relative disagreements.
 */
export interface GradientCheck {
  /** Finite-difference ∂c/∂w^(ℓ) and ∂c/∂b^(ℓ), laid out like the network's parameters. */
  readonly numeric: { readonly w: readonly Float64Array[]; readonly b: readonly Float64Array[] };
  /** Backpropagation's gradient, copied. */
  readonly backprop: { readonly w: readonly Float64Array[]; readonly b: readonly Float64Array[] };
  /** The largest relative error over all parameters, and where it is. */
  readonly maxRelativeError: number;
  readonly worst: { readonly kind: 'w' | 'b'; readonly layer: number; readonly index: number } | null;
}

export interface GradientCheckOptions {
  /** Relative step (default 1e−5). */
  readonly step?: number;
  /** Denominator floor of the relative error (default 1e−8). */
  readonly floor?: number;
  /** Which matrix kernel evaluates the passes (default 'auto', as everywhere else). */
  readonly kernel?: KernelChoice;
}

export function gradientCheck(network: Network, options: GradientCheckOptions = {}): GradientCheck {
  const step = options.step ?? 1e-5;
  const floor = options.floor ?? 1e-8;
  const ws = new Workspace(network, options.kernel);
  const view = computeGradient(network, ws);
  const backprop = { w: view.w.map((g) => new Float64Array(g)), b: view.b.map((g) => new Float64Array(g)) };
  // Perturb copies, never the network's own arrays.
  const weights = network.layers.map((layer) => new Float64Array(layer.weights));
  const biases = network.layers.map((layer) => new Float64Array(layer.biases));
  const numeric = { w: weights.map((w) => new Float64Array(w.length)), b: biases.map((b) => new Float64Array(b.length)) };
  let maxRelativeError = 0;
  let worst: GradientCheck['worst'] = null;
  const probe = (kind: 'w' | 'b', layer: number, values: Float64Array, out: Float64Array, exact: Float64Array) => {
    for (let q = 0; q < values.length; q++) {
      const original = values[q];
      const h = step * Math.max(1, Math.abs(original));
      values[q] = original + h;
      const plus = meanCost(network, weights, biases, ws);
      values[q] = original - h;
      const minus = meanCost(network, weights, biases, ws);
      values[q] = original;
      const estimate = (plus - minus) / (2 * h);
      out[q] = estimate;
      const error = Math.abs(estimate - exact[q]) / Math.max(Math.abs(estimate) + Math.abs(exact[q]), floor);
      if (!(error <= maxRelativeError)) {
        maxRelativeError = error;
        worst = { kind, layer, index: q };
      }
    }
  };
  for (let l = 1; l < network.layers.length; l++) {
    probe('w', l, weights[l], numeric.w[l], backprop.w[l]);
    probe('b', l, biases[l], numeric.b[l], backprop.b[l]);
  }
  return { numeric, backprop, maxRelativeError, worst };
}
