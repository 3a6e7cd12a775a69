/**
 * The run's history as the panel has received it, for t = 0 … N on one step axis:
 *   cost[t], validationCost[t]  the costs with the parameters after t steps;
 *   norms[ℓ − 1][t]              ‖∂c/∂w⁽ℓ⁾‖ of step t + 1, the step taken from those parameters
 * (as `nnet train --csv` puts them on one row), so every curve is read at the same t as the
 * scrubber. Entries not received yet are NaN. Progress messages hold only what is new; each is
 * written at its own `from`, so a repeated or overlapping message changes nothing. Pure.
 *
 * The arrays are allocated once for N + 1 entries (N ≤ 1,000,000: 8 MB per cost curve). The
 * gradient norms are only drawn, never printed, so they are kept in single precision.
 */
import type { TrainingFinished, TrainingProgress, TrainingRun } from '../../src/shared/trainingMessages';

export class RunHistory {
  /** N, the steps planned, and L, the layers with weights. */
  readonly steps: number;
  readonly layers: number;
  readonly cost: Float64Array;
  readonly validationCost: Float64Array | null;
  readonly norms: readonly Float32Array[];
  /** Steps done so far: the scrubber's range is 0 … done. */
  done = 0;
  /** Entries 0 … known − 1 may hold data: how far the charts reach. */
  known = 0;
  throughput = 0;
  finished: TrainingFinished | null = null;
  /** The lowest entry written since takeDirty(): the decimation redoes buckets from there. */
  private dirtyFrom = Infinity;

  constructor(run: TrainingRun) {
    this.steps = run.steps;
    this.layers = run.sizes.length - 1;
    this.cost = new Float64Array(run.steps + 1).fill(NaN);
    this.validationCost = run.hasValidation ? new Float64Array(run.steps + 1).fill(NaN) : null;
    this.norms = Array.from({ length: this.layers }, () => new Float32Array(run.steps + 1).fill(NaN));
  }

  get isRunning(): boolean {
    return this.finished === null;
  }

  apply(progress: TrainingProgress): void {
    this.done = Math.max(this.done, Math.min(this.steps, progress.done));
    this.throughput = progress.throughput;
    this.write(this.cost, progress.from, progress.cost);
    if (this.validationCost) this.write(this.validationCost, progress.from, progress.validationCost);
    // gradientNorms[ℓ − 1][q] is of step from + q + 1: taken from the parameters after from + q steps.
    for (let l = 0; l < this.layers && l < progress.gradientNorms.length; l++) this.write(this.norms[l], progress.from, progress.gradientNorms[l]);
  }

  finish(finished: TrainingFinished): void {
    this.finished = finished;
    this.done = Math.max(this.done, Math.min(this.steps, finished.done));
  }

  /** The lowest entry written since the last call (Infinity when none), and starts afresh. */
  takeDirty(): number {
    const from = this.dirtyFrom;
    this.dirtyFrom = Infinity;
    return from;
  }

  /** cost[t], or null when not received (or t is outside 0 … N). */
  costAt(t: number): number | null {
    return valueAt(this.cost, t);
  }

  validationAt(t: number): number | null {
    return this.validationCost ? valueAt(this.validationCost, t) : null;
  }

  /** The last t ≤ known − 1 with a finite training cost, or null. */
  latestCostStep(): number | null {
    for (let t = this.known - 1; t >= 0; t--) if (Number.isFinite(this.cost[t])) return t;
    return null;
  }

  /** The t with the lowest finite validation cost (the first of equals), or null. */
  bestValidationStep(): number | null {
    const costs = this.validationCost;
    if (!costs) return null;
    let best: number | null = null;
    for (let t = 0; t < this.known; t++) if (Number.isFinite(costs[t]) && (best === null || costs[t] < costs[best])) best = t;
    return best;
  }

  private write(target: Float64Array | Float32Array, from: number, values: ArrayLike<number>): void {
    // Entries past N are a fault of the sender: dropped, never allowed to grow the arrays.
    const count = Math.max(0, Math.min(values.length, target.length - from));
    if (count === 0) return;
    for (let q = 0; q < count; q++) target[from + q] = values[q];
    this.known = Math.max(this.known, from + count);
    this.dirtyFrom = Math.min(this.dirtyFrom, from);
  }
}

function valueAt(values: Float64Array, t: number): number | null {
  if (!Number.isInteger(t) || t < 0 || t >= values.length) return null;
  const value = values[t];
  // NaN marks "not received"; a received NaN (a diverged step) reads the same: not a number to show.
  return Number.isNaN(value) ? null : value;
}
