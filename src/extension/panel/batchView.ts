/**
 * The batch behind an update step. Gradient descent moves w⁽ℓ⁾ₖⱼ by −η ∂c/∂w⁽ℓ⁾ₖⱼ, and
 * ∂c/∂w⁽ℓ⁾ₖⱼ = (1/m) Σᵢ ∂cᵢ/∂w⁽ℓ⁾ₖⱼ averages every example, not only the one being stepped.
 * This module gathers each example's ∂cᵢ/∂w⁽ℓ⁾ₖⱼ = δ⁽ℓ⁾ⱼ · a⁽ℓ⁻¹⁾ₖ (∂cᵢ/∂b⁽ℓ⁾ⱼ = δ⁽ℓ⁾ⱼ) from
 * the engine's per-example δ and a, so the panel can show that mean at the w-new and b-new
 * steps. Pure (no vscode): unit-tested against an independent autodiff.
 */
import type { EngineResult } from '../../core/engine/types';
import { exampleWeightGradientEntry } from '../../core/engine/perExample';
import * as sym from '../../core/notation/symbols';
import type { StepAddress } from '../../core/trace/types';
import { MAX_BATCH_LISTED, type BatchEntry, type BatchView } from '../../shared/panelMessages';

/**
 * The batch view of an update step, or null for any other step. `example` is the 0-based
 * example being stepped; `order` is the weight-index convention the symbols are written in.
 */
export function batchView(engine: EngineResult, address: StepAddress, example: number, order: sym.WeightOrder): BatchView | null {
  if (address.kind !== 'w-new' && address.kind !== 'b-new') return null;
  const { layer: l, j, k } = address;
  const n = engine.network.layers[l].size;
  const isWeight = address.kind === 'w-new';
  const valueOf = isWeight
    ? (i: number) => exampleWeightGradientEntry(engine, i, l, k, j)
    : (i: number) => engine.delta[l][i * n + (j - 1)];
  const m = engine.exampleCount;
  const entries: BatchEntry[] = [];
  let min: BatchEntry = { example: 0, value: valueOf(0) };
  let max = min;
  for (let i = 0; i < m; i++) {
    const entry = { example: i, value: valueOf(i) };
    if (m <= MAX_BATCH_LISTED) entries.push(entry);
    if (entry.value < min.value) min = entry;
    if (entry.value > max.value) max = entry;
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
