import { isActivationName, type ActivationName } from '../activations/registry';
import { isCostName, type CostName } from '../costs/registry';
import { DEFAULT_COST } from '../model/defaults';
import { DEFAULT_SEED } from '../model/initialise';
import { NumberStore } from '../parser/numbers';
import { KEYWORDS, readSpec } from '../parser/read';
import { Reporter } from '../parser/reporter';
import { isSpace } from '../parser/scanner';

/**
 * The shape of a spec as far as its lines can be read, errors or not: each layer's size and
 * activation, which layers write their `w` and `b`, the seed, the cost and the settings already
 * given. Completions and the shape quick fixes read it, because a spec being written is rarely
 * one the parser accepts, yet its layer headers already say what a `w` or an `example` must hold.
 *
 * It is read by the parser's own reading pass (parser/read.ts), so it cannot disagree with the
 * parser. Lines that cannot change any of these facts — lines of numbers (rows of `w`, numbers of
 * `b`, continued examples) and `example` lines — are blanked first, keeping every line break:
 * the line numbers stay those of the text, and a spec of a hundred thousand examples costs a
 * look at the start of each line instead of reading every number (completions run on the editor's
 * thread, on every word typed).
 */

/** A word that starts a statement line, as the parser knows them. */
export type Keyword = (typeof KEYWORDS)[number];

export interface ShapeLayer {
  /** ℓ as the parser numbers it in messages: as written when readable, else its position. */
  readonly label: number;
  /** n_ℓ, or null when the header gives none that is valid. */
  readonly size: number | null;
  /** σ for a layer ℓ ≥ 1 naming a known activation; null otherwise (and for the input layer). */
  readonly activation: ActivationName | null;
  /** 0-based line of the `layer` header. */
  readonly headerLine: number;
  readonly hasWeights: boolean;
  readonly hasBiases: boolean;
}

export interface SpecShape {
  /** The layers in text order; layers[0] is the input layer when the spec starts with one. */
  readonly layers: readonly ShapeLayer[];
  /** The spec's seed (DEFAULT_SEED without a valid `seed` line). */
  readonly seed: number;
  /** The cost the spec names, or the default; null when it names an unknown one. */
  readonly cost: CostName | null;
  /** The one-off settings already given somewhere (`network`, `cost`, `seed`, …), each once. */
  readonly settings: ReadonlySet<Keyword>;
}

/**
 * Reads the shape of `text`. `skipLine` (0-based) is blanked too: a completion reads the spec
 * as it stands around the line being typed, so that a half-typed `layer` there is not a layer.
 */
export function readShape(text: string, skipLine?: number): SpecShape {
  let kept = withoutNumberLines(text);
  if (skipLine !== undefined) kept = blankLine(kept, skipLine);
  const draft = readSpec(kept, new NumberStore(0), new Reporter(0));
  const settings = new Set<Keyword>();
  const given: readonly [Keyword, unknown][] = [
    ['network', draft.name], ['cost', draft.cost], ['learning-rate', draft.learningRate], ['seed', draft.seed],
    ['steps', draft.steps], ['batch-size', draft.batchSize], ['shuffle', draft.shuffle], ['validation', draft.validation],
  ];
  for (const [keyword, setting] of given) if (setting !== null) settings.add(keyword);
  const costWord = draft.cost === null ? DEFAULT_COST : draft.cost.value;
  return {
    layers: draft.layers.map((layer, i) => ({
      label: layer.label,
      size: layer.size,
      activation: i > 0 && isActivationName(layer.word) ? layer.word : null,
      headerLine: layer.header.start.line,
      hasWeights: layer.weights !== null,
      hasBiases: layer.biases !== null,
    })),
    seed: draft.seed?.value ?? DEFAULT_SEED,
    cost: isCostName(costWord) ? costWord : null,
    settings,
  };
}

/** The index in `shape.layers` of the layer whose lines `line` is among: the last header above it. */
export function layerIndexAt(shape: SpecShape, line: number): number {
  let index = -1;
  for (let i = 0; i < shape.layers.length && shape.layers[i].headerLine < line; i++) index = i;
  return index;
}

/** The sizes n_0 and n_L when the spec has an input layer and at least one more, both valid. */
export function exampleShape(shape: SpecShape): { readonly inputs: number; readonly outputs: number } | null {
  const layers = shape.layers;
  if (layers.length < 2) return null;
  const inputs = layers[0].size;
  const outputs = layers[layers.length - 1].size;
  return inputs === null || outputs === null ? null : { inputs, outputs };
}

/**
 * `text` with the contents of every line of numbers (maybe signed, maybe `.5`), `example` line
 * and example line going on with `x` or `y` taken out, after the spaces the scanner skips; every
 * line break stays, so the line numbers are the text's. One pass, a few characters a line.
 */
function withoutNumberLines(text: string): string {
  const lineEnd = lineEnds(text);
  // Appending to one string is quicker here than joining an array: a run of blanked lines adds
  // only their line breaks, and the engine keeps the pieces until the scanner reads them.
  let out = '';
  let kept = 0;
  let start = 0;
  for (;;) {
    const end = lineEnd(start);
    let i = start;
    while (i < end && isSpace(text.charCodeAt(i))) i++;
    if (i < end && startsNumbersOrExample(text, i)) {
      if (start > kept) out += text.slice(kept, start);
      kept = end;
    }
    if (end >= text.length) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return out + text.slice(kept);
}

/** Whether the line's first token, at `i`, is a number or `example`, `x` or `y`. */
function startsNumbersOrExample(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // 0–9, `.`, `-`, `+` and the minus sign −.
  if ((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || c === 0x2212) return true;
  const word = c === 120 || c === 121 ? 1 : text.startsWith('example', i) ? 7 : 0;
  return word > 0 && !isWordCharacter(text.charCodeAt(i + word));
}

/** A letter, digit, `_` or `-`: what may go on after `x` in a longer word such as `xor`. */
function isWordCharacter(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/**
 * A function giving where the line starting at an offset ends: at its \n or \r (the scanner's
 * line ends), or at the end of the text. Most texts have no \r: then indexOf, which the engine
 * does in bulk, finds each break.
 */
function lineEnds(text: string): (start: number) => number {
  if (text.indexOf('\r') < 0)
    return (start) => {
      const n = text.indexOf('\n', start);
      return n < 0 ? text.length : n;
    };
  return (start) => {
    let i = start;
    while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    return i;
  };
}

/** The text of line `line` (0-based, without its line break), or null past the last line. */
export function lineAt(text: string, line: number): string | null {
  const bounds = lineBounds(text, line);
  return bounds && text.slice(bounds.start, bounds.end);
}

/** `text` with the contents of line `line` removed, its line break kept. */
function blankLine(text: string, line: number): string {
  const bounds = lineBounds(text, line);
  return bounds ? text.slice(0, bounds.start) + text.slice(bounds.end) : text;
}

/** Where line `line` starts and ends (before its break), as offsets; lines end at \n, \r\n or \r as the scanner ends them. */
function lineBounds(text: string, line: number): { start: number; end: number } | null {
  const breakAfter = lineEnds(text);
  let start = 0;
  for (let l = 0; l < line; l++) {
    const i = breakAfter(start);
    if (i >= text.length) return null;
    start = text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return { start, end: breakAfter(start) };
}
