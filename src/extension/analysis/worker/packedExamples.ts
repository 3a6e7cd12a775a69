import type { Example, Network } from '../../../core/model/network';
import type { ExampleOrigin, ExampleSource, SpecSource } from '../../../core/model/source';
import type { Range } from '../../../core/text/range';
import { lazyArray } from './lazyArray';

/**
 * The examples of an analysis as they cross from the worker when there are many: packed into a
 * few arrays in the worker, and made into objects on the main thread only when read (see
 * lazyArray.ts for why). Below PACK_MIN_EXAMPLES they cross as they are.
 */
export const PACK_MIN_EXAMPLES = 256;

/** network.examples as two arrays: example i's x is x[i·n0, (i + 1)·n0), its y y[i·nL, (i + 1)·nL). */
export interface PackedExamples {
  readonly n0: number;
  readonly nL: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * source.examples: an `example` line's source crosses as it is (`written`); an example of a
 * `data` line is made again from its set and, for a CSV, its row and line.
 */
export interface PackedSources {
  readonly count: number;
  /** slot[i] ≥ 0: source i is written[slot[i]]; slot[i] < 0: an example of set −slot[i] − 1. */
  readonly slot: Int32Array;
  readonly written: readonly ExampleSource[];
  readonly sets: readonly PackedSet[];
  /** For CSV examples, their data row and their 0-based line in the file (0 elsewhere). */
  readonly rows: Int32Array;
  readonly lines: Int32Array;
}

interface PackedSet {
  readonly kind: ExampleOrigin['kind'];
  readonly line: Range;
  readonly name: string;
  readonly count: number;
  /** The 0-based number of the set's first example. */
  readonly first: number;
}

export function packExamples(network: Network): PackedExamples {
  const n0 = network.layers[0].size;
  const nL = network.layers[network.layers.length - 1].size;
  const m = network.examples.length;
  const x = new Float64Array(m * n0);
  const y = new Float64Array(m * nL);
  network.examples.forEach((example, i) => {
    x.set(example.x, i * n0);
    y.set(example.y, i * nL);
  });
  return { n0, nL, x, y };
}

export function unpackExamples({ n0, nL, x, y }: PackedExamples): readonly Example[] {
  const m = n0 > 0 ? x.length / n0 : 0;
  return lazyArray(m, (i): Example => ({ x: x.subarray(i * n0, (i + 1) * n0), y: y.subarray(i * nL, (i + 1) * nL) }));
}

export function packSources(examples: readonly ExampleSource[]): PackedSources {
  const count = examples.length;
  const slot = new Int32Array(count);
  const rows = new Int32Array(count);
  const lines = new Int32Array(count);
  const written: ExampleSource[] = [];
  const sets: PackedSet[] = [];
  examples.forEach((example, i) => {
    const origin = example.origin;
    if (origin === undefined) {
      slot[i] = written.length;
      written.push(example);
      return;
    }
    // An example's index within its set is 1-based: the first of a set opens it.
    if (origin.index === 1) sets.push({ kind: origin.kind, line: example.line, name: origin.name, count: origin.count, first: i });
    slot[i] = -sets.length;
    if (origin.kind === 'csv') {
      rows[i] = origin.row;
      lines[i] = origin.line;
    }
  });
  return { count, slot, written, sets, rows, lines };
}

const NO_SPANS = new Int32Array(0);

export function unpackSources(packed: PackedSources): readonly ExampleSource[] {
  const { slot, written, sets, rows, lines } = packed;
  return lazyArray(packed.count, (i): ExampleSource => {
    if (slot[i] >= 0) return written[slot[i]];
    const set = sets[-slot[i] - 1];
    const index = i - set.first + 1;
    const origin: ExampleOrigin =
      set.kind === 'csv'
        ? { kind: 'csv', name: set.name, index, count: set.count, row: rows[i], line: lines[i] }
        : { kind: 'generated', name: set.name, index, count: set.count };
    return { line: set.line, x: NO_SPANS, y: NO_SPANS, origin };
  });
}

/** The source with its examples packed, for the wire; `examples` itself crosses empty. */
export function packedSource(source: SpecSource): { source: SpecSource; packed: PackedSources | null } {
  if (source.examples.length < PACK_MIN_EXAMPLES) return { source, packed: null };
  return { source: { ...source, examples: [] }, packed: packSources(source.examples) };
}
