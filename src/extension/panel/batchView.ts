/**
 * The batch behind an update step. Gradient descent moves w⁽ℓ⁾ₖⱼ by −η ∂c/∂w⁽ℓ⁾ₖⱼ, and
 * ∂c/∂w⁽ℓ⁾ₖⱼ = (1/m) Σᵢ ∂cᵢ/∂w⁽ℓ⁾ₖⱼ averages every example, not only the one being stepped.
 * This module gathers each example's ∂cᵢ/∂w⁽ℓ⁾ₖⱼ = δ⁽ℓ⁾ⱼ · a⁽ℓ⁻¹⁾ₖ (∂cᵢ/∂b⁽ℓ⁾ⱼ = δ⁽ℓ⁾ⱼ) from
 * the engine's per-example δ and a, so the panel can show that mean at the w-new and b-new
 * steps. Pure (no vscode): unit-tested against an independent autodiff.
 */
import type { EngineResult } from '../../core/engine/types';
import { exampleBiasGradient, exampleWeightGradientEntry } from '../../core/engine/perExample';
import * as sym from '../../core/notation/symbols';
import type { StepAddress } from '../../core/trace/types';
import { MAX_BATCH_LISTED, type BatchEntry, type BatchView } from '../../shared/panelMessages';

/**
 * The batch view of an update step, or null for any other step. `example` is the 0-based
 * example being stepped; `order` is the weight-index convention the symbols are written in.
 * Every example's value comes from its own δ and a: read from the engine's stored values, or,
 * past its memory bound, recomputed for a batch small enough to list (a larger one then shows
 * this example and the mean only: the others' values were never kept).
 */
export function batchView(engine: EngineResult, address: StepAddress, example: number, order: sym.WeightOrder): BatchView | null {
  if (address.kind !== 'w-new' && address.kind !== 'b-new') return null;
  const { layer: l, j, k } = address;
  const n = engine.network.layers[l].size;
  const isWeight = address.kind === 'w-new';
  const valueOf = (i: number) => {
    const values = engine.example(i);
    return isWeight ? exampleWeightGradientEntry(values, l, k, j) : exampleBiasGradient(values, l)[j - 1];
  };
  const m = engine.exampleCount;
  const everyExample = engine.stored !== null || m <= MAX_BATCH_LISTED;
  const entries: BatchEntry[] = [];
  let min: BatchEntry | null = null;
  let max: BatchEntry | null = null;
  for (let i = 0; everyExample && i < m; i++) {
    const entry = { example: i, value: valueOf(i) };
    if (m <= MAX_BATCH_LISTED) entries.push(entry);
    if (min === null || entry.value < min.value) min = entry;
    if (max === null || entry.value > max.value) max = entry;
  }
  const parameter = isWeight ? sym.w(l, k, j, order) : sym.b(l, j);
  return {
    parameterTex: parameter.tex,
    parameterText: parameter.text,
    exampleCount: m,
    current: { example, value: valueOf(example) },
    mean: isWeight ? engine.gradient.w[l][(k - 1) * n + (j - 1)] : engine.gradient.b[l][j - 1],
    entries,
    min,
    max,
  };
}
