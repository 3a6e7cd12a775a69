import type { Network } from '../model/network';
import { DEFAULT_PROBE_STEP, ParameterProbe, relativeError, type ParameterKind } from './parameterProbe';
import type { KernelChoice } from './workspace';

/**
 * Gradient checking of every parameter at once, as the engine's tests use it: every ∂c/∂w and
 * ∂c/∂b estimated by central finite differences,
 *   (c(θ + h) − c(θ − h)) / 2h,  h = step · max(1, |θ|),
 * compared with backpropagation (the probes themselves are parameterProbe.ts, shared with the
 * sampled, reported check of core/gradientCheck/). The central difference's error shrinks like
 * h², so with h ≈ 1e−5 agreement to about 1e−8 is expected where the cost is smooth. The
 * relative error of one parameter is |numeric − backprop| / max(|numeric| + |backprop|, floor):
 * the floor keeps gradients that are both essentially 0 from counting as large relative
 * disagreements.
 */
export interface GradientCheck {
  /** Finite-difference ∂c/∂w^(ℓ) and ∂c/∂b^(ℓ), laid out like the network's parameters. */
  readonly numeric: { readonly w: readonly Float64Array[]; readonly b: readonly Float64Array[] };
  /** Backpropagation's gradient, copied. */
  readonly backprop: { readonly w: readonly Float64Array[]; readonly b: readonly Float64Array[] };
  /** The largest relative error over all parameters, and where it is. */
  readonly maxRelativeError: number;
  readonly worst: { readonly kind: ParameterKind; readonly layer: number; readonly index: number } | null;
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
  const floor = options.floor ?? 1e-8;
  const probe = new ParameterProbe(network, options.step ?? DEFAULT_PROBE_STEP, options.kernel);
  const { backprop } = probe;
  const numeric = { w: backprop.w.map((g) => new Float64Array(g.length)), b: backprop.b.map((g) => new Float64Array(g.length)) };
  let maxRelativeError = 0;
  let worst: GradientCheck['worst'] = null;
  for (let layer = 1; layer < network.layers.length; layer++)
    for (const kind of ['w', 'b'] as const)
      for (let index = 0; index < numeric[kind][layer].length; index++) {
        const estimate = probe.probe({ kind, layer, index }).central;
        numeric[kind][layer][index] = estimate;
        const error = relativeError(estimate, backprop[kind][layer][index], floor);
        if (!(error <= maxRelativeError)) {
          maxRelativeError = error;
          worst = { kind, layer, index };
        }
      }
  return { numeric, backprop, maxRelativeError, worst };
}
