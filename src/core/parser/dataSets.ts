import type { DataExample } from '../data/example';
import { NO_DATA_FILES, type DataFiles } from '../data/files';
import { generateData } from '../data/generators';
import type { DataProblem } from '../data/problem';
import { splitValidation } from '../data/split';
import type { Limits } from '../model/limits';
import { DEFAULT_SEED } from '../model/initialise';
import type { CsvDataSource, ExampleOrigin, GeneratedDataSource } from '../model/source';
import { thousands } from '../notation/count';
import type { Range } from '../text/range';
import { resolveCsvSet, type DataFileDiagnostics } from './csvData';
import type { DraftGeneratedSet } from './data';
import type { SpecDraft } from './draft';
import type { Reporter } from './reporter';

/**
 * What the `data` and `validation` lines come to once the layers are known: each data set's
 * examples — generated (core/data/generators.ts) or read from a CSV file (csvData.ts) —
 * checked against the network's n_0 and n_L and the example limit, and the examples held out
 * for validation (core/data/split.ts). Every problem is reported on the word of the line it is
 * about, or, for a problem inside a CSV file, on that file (`files`).
 */
/** A `data` line's facts before the examples are numbered (assemble.ts adds `first`). */
export type UnnumberedDataSet = Omit<GeneratedDataSource, 'first'> | Omit<CsvDataSource, 'first'>;

export interface SpecData {
  /** Each `data` line's examples, in the order of draft.dataSets (empty after a problem). */
  readonly sets: readonly (readonly DataExample[])[];
  /** Where each of a set's examples came from, in the same order as `sets`. */
  readonly origins: readonly ((q: number) => ExampleOrigin)[];
  /** Each `data` line, for hovers and lenses; `first` is filled in by the caller's numbering. */
  readonly sources: readonly UnnumberedDataSet[];
  /** Every data file the spec reads, with the problems found in it. */
  readonly files: readonly DataFileDiagnostics[];
  /** The held-out examples (0-based over all examples, ascending); empty without `validation`. */
  readonly validation: Int32Array;
  /** m: the `example` lines and every example of the `data` lines. */
  readonly exampleCount: number;
  /**
   * Whether m counts every example the spec means: no `data` line failed to bring its examples
   * and no `example` line was skipped past the example limit. Checks that compare a number with
   * m (check-training.ts) wait for this, so that one failed file is not also blamed on them.
   */
  readonly complete: boolean;
}

export const NO_DATA: SpecData = { sets: [], origins: [], sources: [], files: [], validation: new Int32Array(0), exampleCount: 0, complete: false };

export function resolveData(draft: SpecDraft, reporter: Reporter, limits: Limits, files: DataFiles = NO_DATA_FILES): SpecData {
  const n0 = draft.layers[0]?.size ?? null;
  const nL = draft.layers.length > 1 ? draft.layers[draft.layers.length - 1].size : null;
  const seed = draft.seed?.value ?? DEFAULT_SEED;
  let numbers = 0;
  for (const example of draft.examples) numbers += (example.x?.count ?? 0) + (example.y?.count ?? 0);
  // Past the limit the reading pass skipped the later `example` lines (examples.ts).
  const readAll = numbers <= limits.maxExampleNumbers;
  const sets: (readonly DataExample[])[] = [];
  const origins: ((q: number) => ExampleOrigin)[] = [];
  const sources: UnnumberedDataSet[] = [];
  const read: DataFileDiagnostics[] = [];
  for (const set of draft.dataSets) {
    if (set.kind === 'csv') {
      // Without the network's sizes there is nothing to check the columns against: the file
      // is not read, and the layers' own errors say what to fix first.
      if (n0 === null || nL === null) {
        sets.push([]);
        origins.push(() => ({ kind: 'csv', name: set.path, index: 0, count: 0, row: 0, line: 0 }));
        sources.push({ kind: 'csv', line: set.line, path: set.path, pathRange: set.pathRange, id: null, count: 0, x: [], y: [], classes: null, rowCount: null, rows: null });
        continue;
      }
      const result = resolveCsvSet(set, files, { inputs: n0, outputs: nL, maxNumbers: limits.maxExampleNumbers - numbers }, reporter);
      const examples = result.examples;
      numbers += examples.reduce((total, example) => total + example.x.length + example.y.length, 0);
      sets.push(examples);
      origins.push((q) => ({ kind: 'csv', name: set.path, index: q + 1, count: examples.length, row: examples[q].row, line: examples[q].line }));
      sources.push(result.source);
      read.push(result.file);
      continue;
    }
    const examples = n0 === null || nL === null ? [] : generated(set, n0, nL, seed, reporter);
    if (examples.length > 0) numbers += set.count * (n0! + nL!);
    if (numbers > limits.maxExampleNumbers) {
      reporter.report(
        'examples-too-large',
        set.countRange,
        `expected at most ${thousands(limits.maxExampleNumbers)} numbers in all examples together (inputs and targets); this data set brings them to ${thousands(numbers)}. Generate fewer examples`,
      );
      sets.push([]);
    } else sets.push(examples);
    const kept = sets[sets.length - 1];
    origins.push((q) => ({ kind: 'generated', name: set.name, index: q + 1, count: kept.length }));
    sources.push({ kind: 'generated', line: set.line, name: set.name, count: kept.length });
  }
  const exampleCount = draft.examples.length + sets.reduce((total, set) => total + set.length, 0);
  let validation = new Int32Array(0);
  const split = draft.validation;
  if (split !== null && exampleCount > 0) {
    const result = splitValidation(exampleCount, split.percent, seed);
    for (const problem of result.problems) reporter.report('invalid-validation', split.percentRange, problem.message);
    validation = Int32Array.from(result.validation);
  }
  // A `data` line brings at least one example unless it had a problem (reported on it).
  const complete = readAll && draft.dataLines === draft.dataSets.length && sets.every((set) => set.length > 0);
  return { sets, origins, sources, files: read, validation, exampleCount, complete };
}

function generated(set: DraftGeneratedSet, n0: number, nL: number, seed: number, reporter: Reporter): readonly DataExample[] {
  const result = generateData({ name: set.name, count: set.count, noise: set.noise ?? 0, seed: set.seed ?? seed, inputs: n0, outputs: nL });
  for (const problem of result.problems) reporter.report('invalid-data-set', placeOf(set, problem), problem.message);
  return result.problems.length > 0 ? [] : result.examples;
}

/** The word of the `data` line a generator's problem is about. */
function placeOf(set: DraftGeneratedSet, problem: DataProblem): Range {
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
