import type { TrainingHistory } from '../training/trainer';

/**
 * What `nnet train --csv` prints: a training run's history, one row per t = 0 … N, for a
 * spreadsheet or a plotting script.
 *
 *   step,cost,validation_cost,grad_norm_1,…,grad_norm_L
 *
 * Row t holds the costs with the parameters after t steps (row 0: before the first step) and
 * ‖∂c/∂w⁽ℓ⁾‖ of step t + 1, the step taken from there; the last row has no step after it, so its
 * norms are empty, as is validation_cost without a validation split. A run that diverged ends at
 * the step that did. Numbers are written in their shortest round-trip form (String(x)), so a
 * reader gets back the exact doubles; a non-finite one is NaN, Infinity or -Infinity.
 */
export function* trainingCsvLines(history: TrainingHistory): Generator<string, void, undefined> {
  const L = history.gradientNorms.length - 1;
  const norms = Array.from({ length: L }, (_, l) => `grad_norm_${l + 1}`);
  yield ['step', 'cost', 'validation_cost', ...norms].join(',');
  for (let t = 0; t < history.cost.length; t++) {
    const cells = [String(t), String(history.cost[t]), history.validationCost ? String(history.validationCost[t]) : ''];
    for (let l = 1; l <= L; l++) cells.push(t < history.done ? String(history.gradientNorms[l][t]) : '');
    yield cells.join(',');
  }
}
