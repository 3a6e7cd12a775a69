import type { DataExample } from '../data/example';
import { generateData } from '../data/generators';
import type { DataProblem } from '../data/problem';
import { splitValidation } from '../data/split';
import type { Limits } from '../model/limits';
import { DEFAULT_SEED } from '../model/initialise';
import { thousands } from '../notation/count';
import type { Range } from '../text/range';
import type { DraftDataSet } from './data';
import type { SpecDraft } from './draft';
import type { NumberStore } from './numbers';
import type { Reporter } from './reporter';

/**
 * What the `data` and `validation` lines come to once the layers are known: each data set's
 * examples (generated in core/data/generators.ts), checked against the network's n_0 and n_L
 * and the example limit, and the examples held out for validation (core/data/split.ts). Every
 * problem is reported on the word of the line it is about.
 */
export interface SpecData {
  /** Each `data` line's examples, in the order of draft.dataSets (empty after a problem). */
  readonly sets: readonly (readonly DataExample[])[];
  /** The held-out examples (0-based over all examples, ascending); empty without `validation`. */
  readonly validation: Int32Array;
  /** m: the `example` lines and every generated example. */
  readonly exampleCount: number;
}

export function resolveData(draft: SpecDraft, store: NumberStore, reporter: Reporter, limits: Limits): SpecData {
  const n0 = draft.layers[0]?.size ?? null;
  const nL = draft.layers.length > 1 ? draft.layers[draft.layers.length - 1].size : null;
  const seed = draft.seed?.value ?? DEFAULT_SEED;
  let numbers = 0;
  for (const example of draft.examples) numbers += (example.x?.count ?? 0) + (example.y?.count ?? 0);
  const sets = draft.dataSets.map((set): readonly DataExample[] => {
    if (n0 === null || nL === null) return [];
    const generated = generateData({ name: set.name, count: set.count, noise: set.noise ?? 0, seed: set.seed ?? seed, inputs: n0, outputs: nL });
    for (const problem of generated.problems) reporter.report('invalid-data-set', placeOf(set, problem), problem.message);
    if (generated.problems.length > 0) return [];
    numbers += set.count * (n0 + nL);
    if (numbers > limits.maxExampleNumbers) {
      reporter.report(
        'examples-too-large',
        set.countRange,
        `expected at most ${thousands(limits.maxExampleNumbers)} numbers in all examples together (inputs and targets); this data set brings them to ${thousands(numbers)}. Generate fewer examples`,
      );
      return [];
    }
    return generated.examples;
  });
  const exampleCount = draft.examples.length + sets.reduce((total, set) => total + set.length, 0);
  let validation = new Int32Array(0);
  const split = draft.validation;
  if (split !== null && exampleCount > 0) {
    const result = splitValidation(exampleCount, split.percent, seed);
    for (const problem of result.problems) reporter.report('invalid-validation', split.percentRange, problem.message);
    validation = Int32Array.from(result.validation);
  }
  return { sets, validation, exampleCount };
}

/** The word of the `data` line a generator's problem is about. */
function placeOf(set: DraftDataSet, problem: DataProblem): Range {
  switch (problem.selection?.part) {
    case 'name':
      return set.nameRange;
    case 'count':
      return set.countRange;
    case 'noise':
      return set.noiseRange ?? set.line;
    case 'seed':
      return set.seedRange ?? set.line;
    default:
      return set.line;
  }
}
