import { DEFAULT_WEIGHT_ORDER, type Notation } from '../notation/symbols';
import * as sym from '../notation/symbols';
import type { LayerBuffers } from './kernelTypes';
import { exampleWeightGradientEntry } from './perExample';
import type { NumericFailure } from './types';

/**
 * Weights are named in the article's from-to order whatever convention a view uses: the engine
 * runs once per spec version, before any view chooses how to write things.
 */
const ORDER = DEFAULT_WEIGHT_ORDER;

/**
 * Finds the first quantity that stopped being a finite number, in the order a person steps
 * through them: forward (z then a, layer by layer), the costs, backward (∂c/∂a, δ, ∂c/∂w, ∂c/∂b
 * from layer L down), then the update. Within one quantity and layer the lowest example comes
 * first, then the lowest neuron. Scanning after the passes keeps the hot loops free of checks;
 * a NaN anywhere must have begun at one of these, and naming it says where to look.
 *
 * The examples are scanned block by block as the engine computes them (`block`), keeping the
 * first hit of each quantity and layer; `finish` then picks the first in stepping order. Blocks
 * come in example order, so the first hit kept is the one a scan of all examples would find.
 */
export class FailureScan {
  /** The first hit of each quantity and layer ('z1', 'delta2', 'dw1', …). */
  private readonly hits = new Map<string, NumericFailure>();
  /** Layers whose running Σ_i δ·a went non-finite before any single product δ·a was found to. */
  private readonly overflowing = new Set<number>();

  constructor(
    private readonly sizes: readonly number[],
    /** Whether an example (0-based) is part of the gradient: held-out examples never are. */
    private readonly inGradient: (example: number) => boolean = () => true,
  ) {}

  /**
   * Scans a block of examples after its passes; `exampleAt(row)` is the 0-based example of each
   * row, ascending within the block. `gw` holds the running sums Σ_i δ·a through this block (or
   * the final means: their finiteness is the same).
   */
  block(values: LayerBuffers, exampleAt: (row: number) => number): void {
    const L = this.sizes.length - 1;
    for (let l = 1; l <= L; l++) {
      const n = this.sizes[l];
      this.keep(`z${l}`, () => scan(values.z[l], values.m * n, n, exampleAt, 'z', l, (j) => sym.z(l, j)));
      this.keep(`a${l}`, () => scan(values.a[l], values.m * n, n, exampleAt, 'a', l, (j) => sym.a(l, j)));
      this.keep(`dcda${l}`, () => scan(values.dcda[l], values.m * n, n, exampleAt, 'dcda', l, (j) => sym.dcda(l, j)));
      this.keep(`delta${l}`, () => scan(values.delta[l], values.m * n, n, exampleAt, 'delta', l, (j) => sym.delta(l, j)));
      if (this.hits.has(`dw${l}`) || (!this.overflowing.has(l) && allFinite(values.gw[l], values.gw[l].length))) continue;
      // The sum is not finite: some single δ·a may have overflowed although δ and a are finite.
      const hit = overflowingProduct(values, l, exampleAt, this.inGradient);
      if (hit) this.hits.set(`dw${l}`, hit);
      else this.overflowing.add(l);
    }
  }

  /** The first failure in stepping order, given every c_i, the mean gradient and the update. */
  finish(
    costs: Float64Array,
    gradient: { readonly w: readonly Float64Array[]; readonly b: readonly Float64Array[] },
    updatedW: readonly Float64Array[],
    updatedB: readonly Float64Array[],
    updatedCost: number,
  ): NumericFailure | null {
    const L = this.sizes.length - 1;
    const hit = (key: string) => this.hits.get(key) ?? null;
    for (let l = 1; l <= L; l++) {
      const found = hit(`z${l}`) ?? hit(`a${l}`);
      if (found) return found;
    }
    for (let i = 0; i < costs.length; i++) {
      if (!Number.isFinite(costs[i])) return failure('cost', i + 1, L, 0, costs[i], sym.exampleCost);
    }
    for (let l = L; l >= 1; l--) {
      const n = this.sizes[l];
      const found = hit(`dcda${l}`) ?? hit(`delta${l}`);
      if (found) return found;
      const gw = gradient.w[l];
      if (!allFinite(gw, gw.length)) {
        const q = firstBad(gw);
        return hit(`dw${l}`) ?? failure('dw', 0, l, (q % n) + 1, gw[q], sym.meanDcdw(l, Math.floor(q / n) + 1, (q % n) + 1, ORDER));
      }
      const gb = gradient.b[l];
      if (!allFinite(gb, gb.length)) {
        const q = firstBad(gb);
        return failure('db', 0, l, q + 1, gb[q], sym.meanDcdb(l, q + 1));
      }
    }
    for (let l = 1; l <= L; l++) {
      const n = this.sizes[l];
      if (!allFinite(updatedW[l], updatedW[l].length)) {
        const q = firstBad(updatedW[l]);
        return failure('w-new', 0, l, (q % n) + 1, updatedW[l][q], sym.w(l, Math.floor(q / n) + 1, (q % n) + 1, ORDER));
      }
      if (!allFinite(updatedB[l], updatedB[l].length)) {
        const q = firstBad(updatedB[l]);
        return failure('b-new', 0, l, q + 1, updatedB[l][q], sym.b(l, q + 1));
      }
    }
    if (!Number.isFinite(updatedCost)) return failure('cost-after-step', 0, L, 0, updatedCost, sym.meanCostSymbol);
    return null;
  }

  /** Keeps the hit of the lowest example: blocks of held-out examples come after the others. */
  private keep(key: string, find: () => NumericFailure | null): void {
    const known = this.hits.get(key);
    const found = find();
    if (found && (!known || found.example < known.example)) this.hits.set(key, found);
  }
}

/** The first product δ^(ℓ)_j · a^(ℓ−1)_k of the block that is not finite, by example, then k, then j. */
function overflowingProduct(values: LayerBuffers, l: number, exampleAt: (row: number) => number, inGradient: (example: number) => boolean): NumericFailure | null {
  const n = values.sizes[l];
  const p = values.sizes[l - 1];
  const delta = values.delta[l];
  const a = values.a[l - 1];
  const row: { delta: Float64Array[]; a: Float64Array[] } = { delta: [], a: [] };
  for (let i = 0; i < values.m; i++) {
    if (!inGradient(exampleAt(i))) continue;
    row.delta[l] = delta.subarray(i * n, (i + 1) * n);
    row.a[l - 1] = a.subarray(i * p, (i + 1) * p);
    for (let k = 0; k < p; k++)
      for (let j = 0; j < n; j++) {
        const v = exampleWeightGradientEntry(row, l, k + 1, j + 1);
        if (!Number.isFinite(v)) return failure('dw', exampleAt(i) + 1, l, j + 1, v, sym.dcdw(l, k + 1, j + 1, ORDER));
      }
  }
  return null;
}

/** Whether the first `length` numbers are all finite. */
function allFinite(values: Float64Array, length: number): boolean {
  // x·0 is 0 for every finite x and NaN otherwise, so one sum settles the common case.
  let sum = 0;
  for (let q = 0; q < length; q++) sum += values[q] * 0;
  return sum === 0;
}

function firstBad(values: Float64Array): number {
  for (let q = 0; q < values.length; q++) if (!Number.isFinite(values[q])) return q;
  return 0;
}

/** The first non-finite number among the first `length` of a block's values, numbered from example `first`. */
function scan(
  values: Float64Array,
  length: number,
  n: number,
  exampleAt: (row: number) => number,
  quantity: string,
  layer: number,
  symbol: (j: number) => Notation,
): NumericFailure | null {
  if (allFinite(values, length)) return null;
  const q = firstBad(values);
  const i = Math.floor(q / n);
  return failure(quantity, exampleAt(i) + 1, layer, (q % n) + 1, values[q], symbol((q % n) + 1));
}

const HINTS: Record<string, string> = {
  z: 'the weighted sum overflowed: some weights, biases or inputs are too large',
  a: 'the activation could not be evaluated at this z',
  cost: 'the cost could not be evaluated at this output',
  dcda: 'the derivative of the cost, or the sum carrying it back, overflowed',
  delta: 'the product ∂cᵢ/∂a · σ′(z) overflowed',
  dw: 'the product δ · a overflowed',
  db: 'the mean of δ over the examples overflowed',
  'w-new': 'the step η · ∂c/∂w is too large: try a smaller learning rate',
  'b-new': 'the step η · ∂c/∂b is too large: try a smaller learning rate',
  'cost-after-step': 'the network no longer gives finite outputs after the step: try a smaller learning rate',
};

function failure(quantity: string, example: number, layer: number, neuron: number, value: number, symbol: Notation): NumericFailure {
  const where = example > 0 ? ` of example ${example}` : '';
  const shown = Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '−Infinity';
  const message = `${symbol.text}${where} is ${shown}: ${HINTS[quantity] ?? 'it is not a finite number'}. Everything computed from it is meaningless.`;
  return { quantity, example, layer, neuron, value, message };
}
