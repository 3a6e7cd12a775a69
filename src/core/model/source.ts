import type { PackedSpans, Range } from '../text/range';

/**
 * Where each part of a network stands in its spec, so that hovers, code lenses, inlay hints,
 * the panel's "reveal in spec" and Apply Gradient Step can point at single numbers.
 * Arrays are indexed like the network's (layers[ℓ], examples[i − 1]).
 */
export interface SpecSource {
  /** The whole `network "…"` line, when present. */
  readonly network: Range | null;
  readonly cost: SettingSource | null;
  readonly learningRate: SettingSource | null;
  readonly seed: SettingSource | null;
  /**
   * The training settings' lines (`steps N`, `batch-size B`, `shuffle SEED`); absent or null
   * when the spec has no such line. Optional, so sources written out by hand need not name them.
   */
  readonly steps?: SettingSource | null;
  readonly batchSize?: SettingSource | null;
  readonly shuffle?: SettingSource | null;
  readonly layers: readonly LayerSource[];
  readonly examples: readonly ExampleSource[];
  /** Each `data` line, in text order; absent or empty without one. */
  readonly dataSets?: readonly DataSetSource[];
}

export interface SettingSource {
  /** The whole line, keyword included. */
  readonly line: Range;
  /** Just the value. */
  readonly value: Range;
}

export interface LayerSource {
  /** The `layer ℓ: n activation` line. */
  readonly header: Range;
  /** The activation name, or null for layer 0 (or when it is missing). */
  readonly activation: Range | null;
  /**
   * Each weight's number, in the same order as Layer.weights, or null when the spec leaves `w`
   * out and the weights were initialised from the seed.
   */
  readonly weights: PackedSpans | null;
  /**
   * Where each written row of `w` begins in `weights`: row k (1-based) starts at index
   * weightRows[k − 1]. Lets a position be named w^(ℓ)_kj even when a row has the wrong length.
   * Absent or null when `w` is left out (or in a source not made by the parser).
   */
  readonly weightRows?: Int32Array | null;
  /** From the `w` keyword to the last weight, for messages about the whole matrix. */
  readonly weightsBlock: Range | null;
  readonly biases: PackedSpans | null;
  readonly biasesBlock: Range | null;
  /** The last line that belongs to the layer (its header, or its last `w`/`b` line). */
  readonly lastLine: number;
}

export interface ExampleSource {
  /** The whole `example` line, or the `data` line that generated the example. */
  readonly line: Range;
  /** Each input's number in the text; empty for a generated example. */
  readonly x: PackedSpans;
  readonly y: PackedSpans;
  /** Where a generated example came from; absent for an `example` line. */
  readonly origin?: ExampleOrigin;
}

/**
 * Where an example that no `example` line writes came from: the `index`-th (1-based) of the
 * `count` examples its `data` line brings. `name` is the generated set's name (`moons`) or the
 * CSV file's path as the spec writes it (`iris.csv`).
 */
export type ExampleOrigin =
  | { readonly kind: 'generated'; readonly name: string; readonly index: number; readonly count: number }
  | {
      readonly kind: 'csv';
      readonly name: string;
      readonly index: number;
      readonly count: number;
      /** The 1-based data row of the file (the header not counted). */
      readonly row: number;
      /** The 0-based line of the CSV where that row starts. */
      readonly line: number;
    };

/**
 * One `data` line and what it brought, for hovers, code lenses and the outline. The examples it
 * brought are examples[first … first + count − 1] (0-based), unless the file had a problem
 * (count 0).
 */
export type DataSetSource = GeneratedDataSource | CsvDataSource;

export interface GeneratedDataSource {
  readonly kind: 'generated';
  /** The whole `data` line. */
  readonly line: Range;
  readonly name: string;
  readonly first: number;
  readonly count: number;
}

export interface CsvDataSource {
  readonly kind: 'csv';
  readonly line: Range;
  /** The path as the spec writes it, and where it stands on the line (the quotes included). */
  readonly path: string;
  readonly pathRange: Range;
  /** The host's name for the file (src/core/data/files.ts), or null when it was never found. */
  readonly id: string | null;
  readonly first: number;
  readonly count: number;
  /** The header names of the x columns and of the y columns (the class column for `onehot`), with their 1-based numbers. */
  readonly x: readonly { readonly number: number; readonly name: string }[];
  readonly y: readonly { readonly number: number; readonly name: string }[];
  /** For `onehot`, the classes in output order: output j stands for classes[j − 1]. */
  readonly classes: readonly string[] | null;
  /** The file's data rows, and the ones taken (`rows A-B`, or all); null when the file could not be read. */
  readonly rowCount: number | null;
  readonly rows: { readonly first: number; readonly last: number } | null;
}
