import type { DraftDataSet, DraftValidation } from './data';
import type { Range } from '../text/range';

/**
 * What the reading pass collects before any check that needs the whole spec (layer sizes,
 * the output layer, the cost). Mutable while the lines are read; numbers live in the
 * NumberStore and are referred to by index.
 */

/*
 * Blocks and examples keep their positions as plain numbers, not Range objects: a spec with
 * ten thousand examples would otherwise keep a hundred thousand small objects alive until the
 * parse ends. Ranges are made (ranges.ts) only for what is reported or returned.
 */

/** A `w`, a `b`, or an example's `x` or `y`: a contiguous stretch of the NumberStore. */
export interface NumberBlock {
  /** The keyword (`w`, `b`, `x`, `y`), or the first number when the keyword is missing. */
  readonly keywordLine: number;
  readonly keywordStart: number;
  readonly keywordEnd: number;
  /** Index of the first number in the store. */
  readonly start: number;
  count: number;
  /** For `w`: the store index of each row's first number (each written line is one row). */
  readonly rowStarts: number[];
  /** True when a word stood among the numbers: the block's shape is then not checked. */
  damaged: boolean;
}

export interface Setting<T> {
  /** null when the value was missing or invalid (already reported). */
  readonly value: T | null;
  readonly line: Range;
  readonly valueRange: Range;
}

export interface DraftLayer {
  /** The number messages call this layer: as written when readable, else its position. */
  readonly label: number;
  /** From `layer` to the end of the header's last token. */
  readonly header: Range;
  /** The layer number as written, when it is a whole number. */
  readonly written: number | null;
  readonly writtenRange: Range | null;
  readonly size: number | null;
  readonly sizeRange: Range | null;
  /** The word after the size (an activation, `inputs`, or anything else), unchecked. */
  readonly word: string | null;
  readonly wordRange: Range | null;
  /** True when the header could not be read to its end (already reported). */
  readonly damaged: boolean;
  weights: NumberBlock | null;
  biases: NumberBlock | null;
  lastLine: number;
}

export interface DraftExample {
  /** The `example` keyword, on line `line`. */
  readonly line: number;
  readonly keywordStart: number;
  readonly keywordEnd: number;
  /** Where its last token ends: the example runs from `example` to there, maybe over several lines. */
  endLine: number;
  endCharacter: number;
  x: NumberBlock | null;
  y: NumberBlock | null;
  damaged: boolean;
}

export interface SpecDraft {
  name: Setting<string> | null;
  cost: Setting<string> | null;
  learningRate: Setting<number> | null;
  seed: Setting<number> | null;
  /** The training settings (`steps N`, `batch-size B`, `shuffle SEED`), read by trainingSettings.ts. */
  steps: Setting<number> | null;
  batchSize: Setting<number> | null;
  shuffle: Setting<number> | null;
  readonly layers: DraftLayer[];
  readonly examples: DraftExample[];
  /** Well-formed `data` lines, in order; each says how many `example` lines precede it. */
  readonly dataSets: DraftDataSet[];
  /** `data` lines read, well-formed or not: a spec with one is not a spec without examples. */
  dataLines: number;
  /** `data "FILE" …` lines read, well-formed or not: such a spec reads files (sizes.ts tells hosts so). */
  csvLines: number;
  /** Examples the `data` lines read so far will generate (their COUNTs), for numbering the `example` lines after them. */
  generatedCount: number;
  validation: DraftValidation | null;
  /** The text of the first line that holds anything but a comment. */
  firstStatement: Range | null;
}

export function emptyDraft(): SpecDraft {
  return {
    name: null, cost: null, learningRate: null, seed: null, steps: null, batchSize: null, shuffle: null,
    layers: [], examples: [], dataSets: [], dataLines: 0, csvLines: 0, generatedCount: 0, validation: null, firstStatement: null,
  };
}
