import type { Network } from '../model/network';
import { computeGradient, meanCost } from './gradient';
import { cost } from './costs';
import { Workspace, type KernelChoice } from './workspace';

/**
 * Central differences for one parameter at a time, the single implementation behind gradient
 * checking (gradientCheck.ts for the tests, core/gradientCheck/ for `nnet gradcheck` and the
 * editor's Check Gradients). It perturbs its own copies of the parameters, never the network's
 * arrays, and reuses one workspace, so a probe allocates nothing.
 *
 * A probe of θ costs two forward passes over the training examples, c(θ + h) and c(θ − h), with
 * h = step · max(1, |θ|). Beside the central difference (c(θ + h) − c(θ − h)) / 2h it gives the
 * two one-sided ones, (c(θ + h) − c(θ)) / h and (c(θ) − c(θ − h)) / h, from the cost c(θ)
 * worked out once: where c is smooth they straddle the central one closely, and where a kink
 * lies within h of θ (a ReLU-like neuron switching sides) they differ by the jump in slope.
 *
 * A cost that clamps its logs (costs/logClamp.ts) is flat wherever the clamp holds, and its
 * finite differences see that flat cost, while backprop takes the formula's value at the clamp.
 * For such a cost the probe also backpropagates the slope of the cost as computed
 * (Cost.flatGradient); `flat` holds it when it differs from backprop's anywhere, which is
 * exactly when some training output lies in a clamp.
 */

/** The default relative step: near the h that balances the h² error against rounding (≈ ε^(1/3)). */
export const DEFAULT_PROBE_STEP = 1e-5;

export type ParameterKind = 'w' | 'b';

/** One parameter: layer ℓ ≥ 1, and its 0-based index into Layer.weights or Layer.biases. */
export interface ParameterAddress {
  readonly kind: ParameterKind;
  readonly layer: number;
  readonly index: number;
}

/** ∂c/∂w⁽ℓ⁾ and ∂c/∂b⁽ℓ⁾, laid out like the network's parameters. */
export interface Gradients {
  readonly w: readonly Float64Array[];
  readonly b: readonly Float64Array[];
}

export interface Probe {
  /** The central difference, (c(θ + h) − c(θ − h)) / 2h. */
  readonly central: number;
  /** (c(θ + h) − c(θ)) / h */
  readonly forward: number;
  /** (c(θ) − c(θ − h)) / h */
  readonly backward: number;
  /** The step used. */
  readonly h: number;
}

export class ParameterProbe {
  /** c at the network's own parameters. */
  readonly cost: number;
  /** Backpropagation's ∂c/∂w and ∂c/∂b, copied out of the workspace. */
  readonly backprop: Gradients;
  /** The gradient of the cost as computed, clamps included; null when it is backprop's (no output in a clamp). */
  readonly flat: Gradients | null;
  private readonly ws: Workspace;
  private readonly weights: Float64Array[];
  private readonly biases: Float64Array[];

  constructor(
    private readonly network: Network,
    private readonly step: number = DEFAULT_PROBE_STEP,
    kernel?: KernelChoice,
  ) {
    this.ws = new Workspace(network, kernel);
    const view = computeGradient(network, this.ws);
    this.backprop = { w: view.w.map((g) => new Float64Array(g)), b: view.b.map((g) => new Float64Array(g)) };
    this.flat = flatGradient(network, this.backprop, kernel);
    this.weights = network.layers.map((layer) => new Float64Array(layer.weights));
    this.biases = network.layers.map((layer) => new Float64Array(layer.biases));
    this.cost = this.evaluate();
  }

  /** Backprop's value for one parameter. */
  exact(at: ParameterAddress): number {
    return this.backprop[at.kind][at.layer][at.index];
  }

  /** The slope of the cost as computed for one parameter, where it differs from backprop's; else null. */
  flatExact(at: ParameterAddress): number | null {
    if (this.flat === null) return null;
    const value = this.flat[at.kind][at.layer][at.index];
    return value === this.exact(at) ? null : value;
  }

  /** The three differences for one parameter; the parameter is restored afterwards. */
  probe(at: ParameterAddress): Probe {
    const values = (at.kind === 'w' ? this.weights : this.biases)[at.layer];
    const original = values[at.index];
    const h = this.step * Math.max(1, Math.abs(original));
    values[at.index] = original + h;
    const plus = this.evaluate();
    values[at.index] = original - h;
    const minus = this.evaluate();
    values[at.index] = original;
    return { central: (plus - minus) / (2 * h), forward: (plus - this.cost) / h, backward: (this.cost - minus) / h, h };
  }

  private evaluate(): number {
    return meanCost(this.network, this.weights, this.biases, this.ws);
  }
}

/** The gradient with the cost's flatGradient, when the cost has one and it changes anything. */
function flatGradient(network: Network, backprop: Gradients, kernel: KernelChoice | undefined): Gradients | null {
  if (!cost(network.cost).flatGradient) return null;
  const ws = new Workspace(network, kernel, { flatCost: true });
  try {
    const view = computeGradient(network, ws);
    if (sameValues(view.w, backprop.w) && sameValues(view.b, backprop.b)) return null;
    return { w: view.w.map((g) => new Float64Array(g)), b: view.b.map((g) => new Float64Array(g)) };
  } finally {
    ws.close();
  }
}

/** Equal to the bit, NaN equal to NaN and 0 to −0 (a held term gives 0 where backprop's is −0). */
function sameValues(ours: readonly Float64Array[], theirs: readonly Float64Array[]): boolean {
  return ours.every((g, l) => g.every((v, q) => v === theirs[l][q] || (Number.isNaN(v) && Number.isNaN(theirs[l][q]))));
}

/**
 * |numeric − exact| / max(|numeric| + |exact|, floor): 0 when they agree, 1 when they have
 * opposite signs or one is 0. The floor keeps two values that are both essentially 0 from
 * counting as a large relative disagreement. NaN when either is NaN.
 */
export function relativeError(numeric: number, exact: number, floor: number): number {
  const difference = Math.abs(numeric - exact);
  if (difference === 0) return 0;
  return difference / Math.max(Math.abs(numeric) + Math.abs(exact), floor);
}
