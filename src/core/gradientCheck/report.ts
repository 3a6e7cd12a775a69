import type { ParameterKind } from '../engine/parameterProbe';
import type { Notation } from '../notation/symbols';
import type { Verdict } from './judge';

/**
 * What a gradient check found, as plain data: the CLI prints it (text.ts), `--json` writes it,
 * and the editor's worker posts it to the Check Gradients panel unchanged.
 */

export interface CheckRow {
  readonly kind: ParameterKind;
  /** ℓ, from 1. */
  readonly layer: number;
  /** The weight's neuron k of layer ℓ − 1 (1-based); null for a bias. */
  readonly from: number | null;
  /** Neuron j of layer ℓ (1-based). */
  readonly to: number;
  /** 0-based index into Layer.weights or Layer.biases. */
  readonly index: number;
  /** w⁽ℓ⁾ₖⱼ or b⁽ℓ⁾ⱼ, in the requested weight order. */
  readonly symbol: Notation;
  /** Backprop's ∂c/∂θ. */
  readonly backprop: number;
  /** The central difference (c(θ + h) − c(θ − h)) / 2h. */
  readonly numeric: number;
  readonly relativeError: number;
  readonly verdict: Verdict;
}

export interface CheckReport {
  /** n_0 … n_L */
  readonly sizes: readonly number[];
  /** Every parameter of the network. */
  readonly total: number;
  /** The parameters probed so far (all of `planned` once finished). */
  readonly checked: number;
  /** The parameters the plan meant to probe. */
  readonly planned: number;
  /** True when `planned` is a sample, not every parameter. */
  readonly sampled: boolean;
  /** The training examples c is the mean over. */
  readonly examples: number;
  /** c at the spec's parameters. */
  readonly cost: number;
  readonly tolerance: number;
  /** The relative step: h = step · max(1, |θ|). */
  readonly step: number;
  /** The relative error's denominator floor, max(10⁻⁵·|c|, 10⁻¹²). */
  readonly floor: number;
  /** Worst first: the largest relative error first (a NaN before everything), ties in the network's order. */
  readonly rows: readonly CheckRow[];
  readonly failures: number;
  readonly kinks: number;
  /** Rows marked `clamped`. */
  readonly clamped: number;
  /** The multiply-adds the plan estimated before it started. */
  readonly multiplyAdds: number;
}

/** Sorts rows worst first, in place; a NaN error (a cost that is not finite) counts as the worst. */
export function sortWorstFirst(rows: CheckRow[]): CheckRow[] {
  const key = (row: CheckRow) => (Number.isNaN(row.relativeError) ? Infinity : row.relativeError);
  // Array.prototype.sort is stable, so equal errors keep the order they were probed in.
  return rows.sort((x, y) => {
    const a = key(x);
    const b = key(y);
    return a === b ? (Number.isNaN(y.relativeError) ? 1 : 0) - (Number.isNaN(x.relativeError) ? 1 : 0) : b - a;
  });
}

/** The first failing row: the one the CLI names on exit 1. */
export function worstFailure(report: CheckReport): CheckRow | null {
  return report.rows.find((row) => row.verdict === 'fail') ?? null;
}
