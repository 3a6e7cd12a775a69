import { DEFAULT_WEIGHT_ORDER, type Notation } from '../notation/symbols';
import * as sym from '../notation/symbols';
import type { NumericFailure } from './types';
import type { PassArrays } from './workspace';

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
 */
export function findFailure(ws: PassArrays, updatedW: readonly Float64Array[], updatedB: readonly Float64Array[], updatedCost: number): NumericFailure | null {
  const { sizes, m } = ws;
  const L = sizes.length - 1;
  for (let l = 1; l <= L; l++) {
    const hit =
      scan(ws.z[l], sizes[l], 'z', l, (j) => sym.z(l, j)) ?? scan(ws.a[l], sizes[l], 'a', l, (j) => sym.a(l, j));
    if (hit) return hit;
  }
  for (let i = 0; i < m; i++) {
    if (!Number.isFinite(ws.costs[i])) return failure('cost', i + 1, L, 0, ws.costs[i], sym.exampleCost);
  }
  for (let l = L; l >= 1; l--) {
    const n = sizes[l];
    const hit =
      scan(ws.dcda[l], n, 'dcda', l, (j) => sym.dcda(l, j)) ?? scan(ws.delta[l], n, 'delta', l, (j) => sym.delta(l, j));
    if (hit) return hit;
    if (!allFinite(ws.gw[l])) {
      // The mean is not finite although δ and a are: some single δ·a overflowed. Find it.
      const p = sizes[l - 1];
      for (let i = 0; i < m; i++)
        for (let k = 0; k < p; k++)
          for (let j = 0; j < n; j++) {
            const v = ws.delta[l][i * n + j] * ws.a[l - 1][i * p + k];
            if (!Number.isFinite(v)) return failure('dw', i + 1, l, j + 1, v, sym.dcdw(l, k + 1, j + 1, ORDER));
          }
      const q = firstBad(ws.gw[l]);
      return failure('dw', 0, l, (q % n) + 1, ws.gw[l][q], sym.meanDcdw(l, Math.floor(q / n) + 1, (q % n) + 1, ORDER));
    }
    if (!allFinite(ws.gb[l])) {
      const q = firstBad(ws.gb[l]);
      return failure('db', 0, l, q + 1, ws.gb[l][q], sym.meanDcdb(l, q + 1));
    }
  }
  for (let l = 1; l <= L; l++) {
    const n = sizes[l];
    if (!allFinite(updatedW[l])) {
      const q = firstBad(updatedW[l]);
      return failure('w-new', 0, l, (q % n) + 1, updatedW[l][q], sym.w(l, Math.floor(q / n) + 1, (q % n) + 1, ORDER));
    }
    if (!allFinite(updatedB[l])) {
      const q = firstBad(updatedB[l]);
      return failure('b-new', 0, l, q + 1, updatedB[l][q], sym.b(l, q + 1));
    }
  }
  if (!Number.isFinite(updatedCost)) return failure('cost-after-step', 0, L, 0, updatedCost, sym.meanCostSymbol);
  return null;
}

function allFinite(values: Float64Array): boolean {
  // A sum of finite numbers is finite unless it overflows, so one pass settles the common case.
  let sum = 0;
  for (let q = 0; q < values.length; q++) sum += values[q] * 0;
  return sum === 0;
}

function firstBad(values: Float64Array): number {
  for (let q = 0; q < values.length; q++) if (!Number.isFinite(values[q])) return q;
  return 0;
}

function scan(
  values: Float64Array,
  n: number,
  quantity: string,
  layer: number,
  symbol: (j: number) => Notation,
): NumericFailure | null {
  if (allFinite(values)) return null;
  const q = firstBad(values);
  const i = Math.floor(q / n);
  return failure(quantity, i + 1, layer, (q % n) + 1, values[q], symbol((q % n) + 1));
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
