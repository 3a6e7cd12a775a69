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
  readonly layers: readonly LayerSource[];
  readonly examples: readonly ExampleSource[];
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

/** A generated example: example `index` (1-based) of the `count` that the `data NAME` line makes. */
export interface ExampleOrigin {
  readonly kind: 'generated';
  readonly name: string;
  readonly index: number;
  readonly count: number;
}
