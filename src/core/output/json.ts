import { exampleWeightGradientEntry } from '../engine/perExample';
import type { EngineResult } from '../engine/types';
import type { Network } from '../model/network';

/**
 * The engine's numbers as JSON: what `nnet trace --json` prints. Layers are indexed ℓ = 0 … L;
 * index 0 of a per-layer array is null where the quantity does not exist; neurons are 0-based in
 * arrays: w[ℓ][k][j] is w^(ℓ)_(k+1)(j+1). JSON has no NaN or Infinity: they are written null, and
 * `failure` says which quantity went first.
 *
 * The text is made as it is written, a piece at a time (traceJsonPieces), and never held whole:
 * every example's ∂cᵢ/∂w is as large as the network, so 6,297 examples of a 784-16-10 network
 * are 85 million numbers, 3 GB of text, far more than one JavaScript string can hold. Beyond
 * the engine's result, the writer holds one piece (at most PIECE_NUMBERS numbers) and one
 * example's values (`result.example(i)`) at a time.
 * The text is exactly what JSON.stringify(value, null, 2) gives for a value of type TraceJson.
 */
export interface TraceJson {
  readonly name: string | null;
  readonly costFunction: string;
  readonly learningRate: number;
  readonly layers: readonly { size: number; activation: string | null }[];
  readonly cost: number;
  readonly examples: readonly ExampleJson[];
  readonly gradient: { readonly w: (number[][] | null)[]; readonly b: (number[] | null)[] };
  readonly updated: { readonly w: (number[][] | null)[]; readonly b: (number[] | null)[]; readonly cost: number };
  readonly failure: EngineResult['failure'];
}

export interface ExampleJson {
  readonly x: number[];
  readonly y: number[];
  readonly cost: number;
  readonly z: (number[] | null)[];
  readonly a: number[][];
  readonly dcda: (number[] | null)[];
  readonly dadz: (number[] | null)[];
  readonly delta: (number[] | null)[];
  readonly dw: (number[][] | null)[];
  readonly db: (number[] | null)[];
}

/** The most numbers one piece holds: a piece is a few hundred kilobytes at most. */
export const PIECE_NUMBERS = 4096;

/** Text pieces, to be written in order joined by line breaks. */
export type Pieces = Generator<string, void, undefined>;

/**
 * The JSON of `examples` (0-based; all by default) in pieces of whole lines: joined by line
 * breaks they are the document, without a final line break. Depth d is indented 2d spaces.
 */
export function* traceJsonPieces(network: Network, result: EngineResult, examples?: readonly number[]): Pieces {
  const sizes = network.layers.map((l) => l.size);
  const L = sizes.length - 1;
  const which = examples ?? network.examples.map((_, i) => i);
  /** Neurons of layer ℓ from `values`, starting at `from` (a row of an example's quantity). */
  const layerRow = (depth: number, values: ArrayLike<number>, l: number, from: number) => (end: string) => list(depth, values, from, sizes[l], end);

  yield `{\n  "name": ${JSON.stringify(network.name)},\n  "costFunction": ${JSON.stringify(network.cost)},\n  "learningRate": ${jsonNumber(network.learningRate)},`;
  yield `  "layers": ${small(1, network.layers.map((l) => ({ size: l.size, activation: l.activation })))},\n  "cost": ${jsonNumber(result.cost)},`;
  yield* items(1, '"examples": ', which.length, (q, end) => example(which[q], end), ',');
  yield '  "gradient": {';
  yield* parameterPieces(2, sizes, result.gradient.w, result.gradient.b, '');
  yield '  },\n  "updated": {';
  yield* parameterPieces(2, sizes, result.updated.w, result.updated.b, ',');
  yield `    "cost": ${jsonNumber(result.updated.cost)}\n  },\n  "failure": ${small(1, result.failure)}\n}`;

  /** One example at depth 2: inputs, targets, cost, every per-layer quantity and ∂cᵢ/∂w. */
  function* example(i: number, end: string): Pieces {
    const { x, y } = network.examples[i];
    const values = result.example(i);
    const ofExample = (quantity: readonly Float64Array[]) => (l: number) => layerRow(4, quantity[l], l, 0);
    yield '    {';
    yield* list(3, x, 0, x.length, ',', '"x": ');
    yield* list(3, y, 0, y.length, ',', '"y": ');
    yield `      "cost": ${jsonNumber(result.costs[i])},`;
    yield* perLayer(3, '"z": ', L, ofExample(values.z), ',');
    yield* items(3, '"a": ', L + 1, (l, rowEnd) => ofExample(values.a)(l)(rowEnd), ',');
    yield* perLayer(3, '"dcda": ', L, ofExample(values.dcda), ',');
    yield* perLayer(3, '"dadz": ', L, ofExample(values.dadz), ',');
    yield* perLayer(3, '"delta": ', L, ofExample(values.delta), ',');
    // ∂cᵢ/∂w⁽ℓ⁾ₖⱼ = δ⁽ℓ⁾ⱼ · a⁽ℓ⁻¹⁾ₖ, made a row at a time as it is written, never stored.
    const dw = (l: number) => (dwEnd: string) =>
      items(4, '', sizes[l - 1], (k, rowEnd) => numbers(5, '', sizes[l], (j) => exampleWeightGradientEntry(values, l, k + 1, j + 1), rowEnd), dwEnd);
    yield* perLayer(3, '"dw": ', L, dw, ',');
    yield* perLayer(3, '"db": ', L, ofExample(values.delta), '');
    yield `    }${end}`;
  }
}

/**
 * `"w": […], "b": […]` at `depth`, laid out as the network's parameters are everywhere in this
 * JSON (w[ℓ][k][j], null for ℓ = 0), ending with `end`: trace's `updated`, and `nnet train`'s
 * final parameters (trainingJson.ts), so a script reads both the same way.
 */
export function* parameterPieces(depth: number, sizes: readonly number[], w: readonly ArrayLike<number>[], b: readonly ArrayLike<number>[], end: string): Pieces {
  const L = sizes.length - 1;
  const weights = (l: number) => (wEnd: string) => items(depth + 1, '', sizes[l - 1], (k, rowEnd) => list(depth + 2, w[l], k * sizes[l], sizes[l], rowEnd), wEnd);
  yield* perLayer(depth, '"w": ', L, weights, ',');
  yield* perLayer(depth, '"b": ', L, (l) => (bEnd: string) => list(depth + 1, b[l], 0, sizes[l], bEnd), end);
}

/** `key` and `values` as a JSON array of numbers at `depth`, ending with `end`. */
export function numberListPieces(depth: number, key: string, values: ArrayLike<number>, end: string): Pieces {
  return list(depth, values, 0, values.length, end, key);
}

/** A number as JSON.stringify writes it: null when it is not finite. */
export function jsonNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

const INDENTS: string[] = [];
function indent(depth: number): string {
  return (INDENTS[depth] ??= '  '.repeat(depth));
}

/** A small value (the layers, the failure) at `depth`, as JSON.stringify nests it. */
function small(depth: number, value: unknown): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent(depth)}`);
}

/**
 * An array at `depth`: its opening line (after `key`, e.g. `"x": `, or none for an item of an
 * array), its items one deeper, each but the last ending in a comma, and its closing line with
 * `end` (a comma, or nothing).
 */
function* items(depth: number, key: string, count: number, item: (q: number, end: string) => Iterable<string>, end: string): Pieces {
  if (count === 0) {
    yield `${indent(depth)}${key}[]${end}`;
    return;
  }
  yield `${indent(depth)}${key}[`;
  for (let q = 0; q < count; q++) yield* item(q, q < count - 1 ? ',' : '');
  yield `${indent(depth)}]${end}`;
}

/** [null, X⁽¹⁾, …, X⁽ᴸ⁾] at `depth`: a per-layer quantity, null for layer 0 where it does not exist. */
function perLayer(depth: number, key: string, L: number, layer: (l: number) => (end: string) => Iterable<string>, end: string): Pieces {
  return items(depth, key, L + 1, (l, itemEnd) => (l === 0 ? [`${indent(depth + 1)}null${itemEnd}`] : layer(l)(itemEnd)), end);
}

/** values[from … from + count − 1] as an array of numbers at `depth`. */
function list(depth: number, values: ArrayLike<number>, from: number, count: number, end: string, key = ''): Pieces {
  return numbers(depth, key, count, (q) => values[from + q], end);
}

/** An array of `count` numbers at `depth`, one per line, in pieces of PIECE_NUMBERS numbers. */
function* numbers(depth: number, key: string, count: number, value: (q: number) => number, end: string): Pieces {
  if (count === 0) {
    yield `${indent(depth)}${key}[]${end}`;
    return;
  }
  const inner = indent(depth + 1);
  let piece = `${indent(depth)}${key}[`;
  for (let q = 0; q < count; q++) {
    const line = inner + jsonNumber(value(q)) + (q < count - 1 ? ',' : '');
    piece = piece === '' ? line : `${piece}\n${line}`;
    if ((q + 1) % PIECE_NUMBERS === 0) {
      yield piece;
      piece = '';
    }
  }
  const close = `${indent(depth)}]${end}`;
  yield piece === '' ? close : `${piece}\n${close}`;
}
