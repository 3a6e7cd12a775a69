/**
 * `validation P%`: which examples are held out for validation (shown and costed, never in the
 * gradient) and which are trained on.
 *
 * The rule, exactly (so that every machine holds out the same examples):
 * 1. The indices 0 … m−1 of the m examples (inline, CSV and generated, in spec order) are
 *    shuffled by Fisher–Yates with a fresh mulberry32 stream (model/initialise.ts) seeded with
 *    the spec's seed: for k = m−1 down to 1, j = ⌊r·(k + 1)⌋ with r the next draw, and the
 *    entries k and j swap.
 * 2. v = ⌊P·m/100 + ½⌋ examples are held out — P% of m rounded to the nearest whole number, a
 *    half rounded up, computed in double arithmetic (12.5% of 4 is 1) — but at least 1, so that
 *    a `validation` line always holds something out.
 * 3. The last v indices of the shuffled order are the validation examples, the others the
 *    training examples. Both lists are returned sorted ascending, so examples keep their order
 *    i = 1 … m within each.
 *
 * Edges: P must lie strictly between 0 and 100 (`data-validation-percent`); when v would leave
 * no training example (m = 1, or 99% of 10 rounding to all 10) the split is refused
 * (`data-validation-no-training`). After a problem every example is a training example and
 * none is held out. With no examples at all both lists are empty. Changing the seed changes which examples are held out; adding an example
 * changes m and so the whole shuffle.
 */
import { mulberry32 } from '../model/initialise';
import { shuffleInPlace } from '../model/shuffle';
import type { DataProblem } from './problem';

export interface ValidationSplit {
  /** 0-based example indices, ascending. */
  readonly training: number[];
  /** 0-based example indices, ascending; disjoint from training, and together they are 0 … m−1. */
  readonly validation: number[];
  readonly problems: DataProblem[];
}

/** How many of m examples `validation P%` holds out (rule 2 above), before the no-training check. */
export function validationCount(count: number, percent: number): number {
  return Math.max(1, Math.floor((percent * count) / 100 + 0.5));
}

/** Splits examples 0 … count−1 by the rule above. */
export function splitValidation(count: number, percent: number, seed: number): ValidationSplit {
  const all = (): number[] => Array.from({ length: count }, (_, i) => i);
  const at = { part: 'validation' as const, index: 0 };
  if (!(percent > 0 && percent < 100))
    return {
      training: all(),
      validation: [],
      problems: [{ code: 'data-validation-percent', range: null, selection: at, message: `the share held out for validation must lie strictly between 0% and 100%, such as \`validation 20%\`; found ${percent}%` }],
    };
  if (count === 0) return { training: [], validation: [], problems: [] };
  const held = validationCount(count, percent);
  if (held >= count)
    return {
      training: all(),
      validation: [],
      problems: [
        {
          code: 'data-validation-no-training',
          range: null,
          selection: at,
          message: `\`validation ${percent}%\` would hold out ${held} of the ${count} ${count === 1 ? 'example' : 'examples'} and leave none to train on. Hold out less, or add examples`,
        },
      ],
    };
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  shuffleInPlace(order, mulberry32(seed));
  const training = Array.from(order.subarray(0, count - held)).sort((a, b) => a - b);
  const validation = Array.from(order.subarray(count - held)).sort((a, b) => a - b);
  return { training, validation, problems: [] };
}
