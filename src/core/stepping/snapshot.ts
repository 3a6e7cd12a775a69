import { exampleWeightGradientEntry } from '../engine/perExample';
import type { EngineResult, ExampleValues } from '../engine/types';
import type { StepAddress, StepKind, Trace } from '../trace/types';

/**
 * What is known at one stepping position: which quantities of the stepped example the learner
 * has computed so far, and their values. It is the one place that answers "has the stepping
 * reached this quantity" and "what is this quantity's number" — the panel's tables, the code
 * lenses and the debugger's variables all read it, so they can never disagree about what is
 * known.
 *
 * A quantity is known once its step is at or before the position: everything up to and
 * including `step` has been computed, nothing after it (step −1, before the first step, knows
 * nothing). Within a layer the trace computes neuron 1 first, then 2, …, which lets
 * `reachedCount` answer for a whole layer by binary search.
 */
export class StepSnapshot {
  /** The stepped example's values (read once: past the engine's memory bound they are recomputed). */
  readonly values: ExampleValues;

  constructor(
    readonly trace: Trace,
    readonly engine: EngineResult,
    /** 0-based step index, or −1 before the first step. */
    readonly step: number,
  ) {
    this.values = engine.example(trace.example);
  }

  /** 0-based example. */
  get example(): number {
    return this.trace.example;
  }

  /** Whether the quantity has been computed at this position. */
  reached(kind: StepKind, layer: number, j: number, k = 0): boolean {
    return isReached(this.trace, this.step, { kind, layer, j, k });
  }

  /** How many neurons j = 1 … n of `layer` have their `kind` quantity computed. */
  reachedCount(kind: StepKind, layer: number): number {
    let low = 0;
    let high = this.engine.network.layers[layer].size;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.reached(kind, layer, middle)) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** The quantity's number, whether reached or not (see `known` for the number only when it is). */
  value(address: StepAddress): number {
    const { kind, layer: l, j, k } = address;
    const v = this.values;
    switch (kind) {
      case 'z':
        return v.z[l][j - 1];
      case 'a':
        return v.a[l][j - 1];
      case 'cost':
        return this.engine.costs[this.example];
      case 'dcda':
        return v.dcda[l][j - 1];
      case 'dadz':
        return v.dadz[l][j - 1];
      case 'delta':
      case 'db':
        return v.delta[l][j - 1];
      case 'dw':
        return exampleWeightGradientEntry(v, l, k, j);
      case 'w-new':
        return this.engine.updated.w[l][(k - 1) * this.engine.network.layers[l].size + (j - 1)];
      case 'b-new':
        return this.engine.updated.b[l][j - 1];
    }
  }

  /** The quantity's number once the stepping has reached it, else null. */
  known(address: StepAddress): number | null {
    return this.reached(address.kind, address.layer, address.j, address.k) ? this.value(address) : null;
  }
}

/**
 * The rule itself, for a caller that has a trace and a position but no numbers to read: a
 * quantity is known once its step is at or before the position (step −1 knows nothing).
 */
export function isReached(trace: Pick<Trace, 'indexOf'>, step: number, address: StepAddress): boolean {
  const index = trace.indexOf(address);
  return index >= 0 && index <= step;
}
