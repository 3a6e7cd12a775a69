import type { ExampleValues } from './types';

/**
 * Per-example gradients ∂c_i/∂w^(ℓ)_kj = δ^(ℓ)_j · a^(ℓ−1)_k, made on demand from one example's δ
 * and a: a 784-512-512-10 network has 670k weights per example, far too many to keep for every
 * example when the mean is what the update needs. This is the one place the product is formed;
 * every view that shows one example's ∂c_i/∂w reads it from here.
 */
export function exampleWeightGradientEntry(values: Pick<ExampleValues, 'delta' | 'a'>, layer: number, k: number, j: number): number {
  return values.delta[layer][j - 1] * values.a[layer - 1][k - 1];
}

/** The whole ∂c_i/∂w^(ℓ) for one example, laid out like Layer.weights (into `out` when given). */
export function exampleWeightGradient(values: ExampleValues, layer: number, out?: Float64Array): Float64Array {
  const delta = values.delta[layer];
  const a = values.a[layer - 1];
  const n = delta.length;
  const p = a.length;
  const target = out ?? new Float64Array(p * n);
  for (let k = 0; k < p; k++) {
    const ak = a[k];
    const row = k * n;
    for (let j = 0; j < n; j++) target[row + j] = delta[j] * ak;
  }
  return target;
}

/** ∂c_i/∂b^(ℓ) for one example: δ^(ℓ) itself (a view, not a copy). */
export function exampleBiasGradient(values: ExampleValues, layer: number): Float64Array {
  return values.delta[layer];
}
