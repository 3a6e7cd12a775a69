import { thousands } from '../notation/count';
import type { SpecData } from './dataSets';
import type { SpecDraft } from './draft';
import type { Reporter } from './reporter';

/**
 * The one training setting that depends on the rest of the spec: `batch-size B` may not take
 * more examples per step than there are to train on, the m examples less those `validation`
 * holds out. Until the examples are known — no examples yet, or a `data` line that failed
 * (already reported) — any whole B ≥ 1 stands, as the reading pass accepted it.
 */
export function checkBatchSize(draft: SpecDraft, data: SpecData, reporter: Reporter): void {
  const batch = draft.batchSize;
  if (batch === null || batch.value === null || !data.complete || data.exampleCount === 0) return;
  const heldOut = data.validation.length;
  const training = data.exampleCount - heldOut;
  if (batch.value <= training) return;
  // With a split m ≥ 2: at least one example is held out and one left to train on (data/split.ts).
  const which = heldOut > 0 ? ` (${thousands(data.exampleCount)} examples less the ${thousands(heldOut)} held out for validation)` : '';
  reporter.report(
    'invalid-training-setting',
    batch.valueRange,
    `expected the batch size B to be at most ${thousands(training)}, the number of training examples${which}; found ${thousands(batch.value)}. Write \`batch-size ${training}\` or less, or leave the line out to use every training example at each step`,
  );
}
