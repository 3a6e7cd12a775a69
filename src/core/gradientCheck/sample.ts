import type { ParameterAddress, ParameterKind } from '../engine/parameterProbe';
import { mulberry32 } from '../model/initialise';
import type { Network } from '../model/network';

/**
 * Which parameters a gradient check probes, decided from the sizes alone before any work starts.
 *
 * Each probe costs two forward passes over the training examples, m·Σ_ℓ n_(ℓ−1)·n_ℓ multiply-adds
 * each. A network whose every parameter fits in CHECK_BUDGET is checked whole; a larger one
 * gets a deterministic sample: at least one weight and one bias of every layer, the rest shared
 * out in proportion to how many each layer has, the indices drawn with the spec's seed, so the
 * same spec always checks the same parameters.
 */

/** About half a second of passes on small layers, far less on large ones (multiply-adds). */
export const CHECK_BUDGET = 1e8;
/** The most parameters a check probes even when asked for more (`--sample`): each becomes a row. */
export const MAX_SAMPLE = 100_000;

export interface CheckPlan {
  /** Every parameter of the network. */
  readonly total: number;
  /** The parameters to probe, layer by layer, weights before biases, indices ascending. */
  readonly parameters: readonly ParameterAddress[];
  /** True when `parameters` is not all of them. */
  readonly sampled: boolean;
  /** m·Σ n_(ℓ−1)·n_ℓ: one forward pass over the training examples. */
  readonly passMultiplyAdds: number;
  /** The whole check, estimated: the backprop gradient and c (≈ 4 passes), then 2 passes a probe. */
  readonly multiplyAdds: number;
}

export interface PlanOptions {
  /** Probe this many parameters (at least one weight and one bias per layer); default: as many as CHECK_BUDGET allows. */
  readonly sample?: number;
  readonly budget?: number;
}

interface Stratum {
  readonly kind: ParameterKind;
  readonly layer: number;
  readonly size: number;
}

export function planCheck(network: Network, options: PlanOptions = {}): CheckPlan {
  const layers = network.layers;
  const training = network.examples.length - (network.validation?.length ?? 0);
  const strata: Stratum[] = [];
  let perExample = 0;
  for (let l = 1; l < layers.length; l++) {
    perExample += layers[l - 1].size * layers[l].size;
    strata.push({ kind: 'w', layer: l, size: layers[l].weights.length }, { kind: 'b', layer: l, size: layers[l].biases.length });
  }
  const total = strata.reduce((sum, s) => sum + s.size, 0);
  const pass = Math.max(1, training) * perExample;
  const affordable = Math.floor(((options.budget ?? CHECK_BUDGET) - 4 * pass) / (2 * pass));
  const wanted = Math.min(options.sample ?? affordable, MAX_SAMPLE);
  const count = Math.min(total, Math.max(wanted, strata.length));
  const counts = count === total ? strata.map((s) => s.size) : shareOut(strata, count);
  const random = mulberry32(network.seed);
  const parameters: ParameterAddress[] = [];
  strata.forEach((s, q) => {
    for (const index of pick(s.size, counts[q], random)) parameters.push({ kind: s.kind, layer: s.layer, index });
  });
  return { total, parameters, sampled: count < total, passMultiplyAdds: pass, multiplyAdds: (4 + 2 * count) * pass };
}

/** One each, then the rest in proportion to the size beyond that one (largest remainders first, ties to the earlier layer). */
function shareOut(strata: readonly Stratum[], count: number): number[] {
  const counts = strata.map(() => 1);
  const rest = count - strata.length;
  const spare = strata.reduce((sum, s) => sum + s.size - 1, 0);
  if (rest <= 0 || spare === 0) return counts;
  const shares = strata.map((s) => (rest * (s.size - 1)) / spare);
  let given = 0;
  shares.forEach((share, q) => {
    counts[q] += Math.floor(share);
    given += Math.floor(share);
  });
  const order = shares.map((share, q) => ({ q, fraction: share - Math.floor(share) })).sort((x, y) => y.fraction - x.fraction || x.q - y.q);
  for (let r = 0; r < rest - given; r++) counts[order[r].q]++;
  return counts;
}

/** `count` distinct indices of 0 … size − 1, ascending: Floyd's algorithm, memory O(count) however large `size` is. */
function pick(size: number, count: number, random: () => number): number[] {
  if (count >= size) return Array.from({ length: size }, (_, q) => q);
  const chosen = new Set<number>();
  for (let top = size - count; top < size; top++) {
    const r = Math.floor(random() * (top + 1));
    chosen.add(chosen.has(r) ? top : r);
  }
  return [...chosen].sort((x, y) => x - y);
}
