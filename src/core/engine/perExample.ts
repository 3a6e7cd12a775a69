import type { EngineResult } from './types';

/**
 * Per-example gradients ∂c_i/∂w^(ℓ)_kj = δ^(ℓ)_j · a^(ℓ−1)_k, made on demand from the stored δ
 * and a: a 784-512-512-10 network has 670k weights per example, far too many to keep for every
 * example when the mean is what the update needs. `example` is 0-based.
 */
export function exampleWeightGradientEntry(result: EngineResult, example: number, layer: number, k: number, j: number): number {
  const n = result.network.layers[layer].size;
  const p = result.network.layers[layer - 1].size;
  return result.delta[layer][example * n + (j - 1)] * result.a[layer - 1][example * p + (k - 1)];
}

/** The whole ∂c_i/∂w^(ℓ) for one example, laid out like Layer.weights (into `out` when given). */
export function exampleWeightGradient(result: EngineResult, example: number, layer: number, out?: Float64Array): Float64Array {
  const n = result.network.layers[layer].size;
  const p = result.network.layers[layer - 1].size;
  const target = out ?? new Float64Array(p * n);
  const delta = result.delta[layer];
  const a = result.a[layer - 1];
  for (let k = 0; k < p; k++) {
    const ak = a[example * p + k];
    const row = k * n;
    for (let j = 0; j < n; j++) target[row + j] = delta[example * n + j] * ak;
  }
  return target;
}

/** ∂c_i/∂b^(ℓ) for one example: δ^(ℓ) itself (a view, not a copy). */
export function exampleBiasGradient(result: EngineResult, example: number, layer: number): Float64Array {
  const n = result.network.layers[layer].size;
  return result.delta[layer].subarray(example * n, (example + 1) * n);
}
