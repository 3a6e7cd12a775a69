import type { StepKind } from '../trace/types';

/**
 * The names an expression may use: the article's quantities and the functions. This table is
 * the one place that knows them; the lexer, the parser, the evaluator, the printer and the
 * completions all read it, so a new quantity is added here once.
 *
 * Every quantity has one ASCII and one Unicode spelling that the printer writes, and any number
 * of other spellings the lexer also accepts (`sigma'` for `dadz`, `∂cᵢ/∂z` for δ).
 */

export type QuantityName =
  | 'w'
  | 'b'
  | 'z'
  | 'a'
  | 'delta'
  | 'dcdw'
  | 'dcidw'
  | 'dcdb'
  | 'dcidb'
  | 'dcda'
  | 'dadz'
  | 'x'
  | 'y'
  | 'ci'
  | 'c'
  | 'eta';

export interface QuantityInfo {
  readonly name: QuantityName;
  /** What the ASCII printer writes, e.g. `delta`, `dc/dw`. */
  readonly ascii: string;
  /** What the Unicode printer writes before the layer, e.g. `δ`, `∂c/∂w`. */
  readonly unicode: string;
  /** Further spellings the lexer accepts. */
  readonly aliases: readonly string[];
  /** Whether it needs a layer ℓ: `delta(2)`, `δ⁽²⁾`. */
  readonly layered: boolean;
  /** The lowest layer it exists in (a⁽⁰⁾ is x; the inputs have no z, δ, w …). */
  readonly minLayer: 0 | 1;
  /** How many indices one entry takes; 0 for a number such as η. */
  readonly indices: 0 | 1 | 2;
  /**
   * The trace step that computes one entry for the stepped example, or null when it is known
   * from the start (w, b, x, y, η). For the mean gradient ∂c/∂w it is the step of this
   * example's ∂cᵢ/∂w of the same weight: the panel shows both from there on.
   */
  readonly step: StepKind | null;
  /** One line for completions: what it is. */
  readonly detail: string;
}

const q = (
  name: QuantityName,
  ascii: string,
  unicode: string,
  aliases: readonly string[],
  shape: { layered: boolean; minLayer?: 0 | 1; indices: 0 | 1 | 2 },
  step: StepKind | null,
  detail: string,
): QuantityInfo => ({ name, ascii, unicode, aliases, layered: shape.layered, minLayer: shape.minLayer ?? 1, indices: shape.indices, step, detail });

const LAYER1 = { layered: true, indices: 1 } as const;
const LAYER2 = { layered: true, indices: 2 } as const;

export const QUANTITIES: readonly QuantityInfo[] = [
  q('w', 'w', 'w', [], LAYER2, null, 'weight w⁽ℓ⁾ₖⱼ from neuron k of layer ℓ−1 to neuron j of layer ℓ'),
  q('b', 'b', 'b', [], LAYER1, null, 'bias b⁽ℓ⁾ⱼ'),
  q('z', 'z', 'z', [], LAYER1, 'z', 'weighted input z⁽ℓ⁾ⱼ = Σₖ w⁽ℓ⁾ₖⱼ a⁽ℓ⁻¹⁾ₖ + b⁽ℓ⁾ⱼ'),
  q('a', 'a', 'a', [], { layered: true, minLayer: 0, indices: 1 }, 'a', 'activation a⁽ℓ⁾ⱼ = σ(z⁽ℓ⁾ⱼ); a⁽⁰⁾ is x'),
  q('delta', 'delta', 'δ', ['dci/dz', '∂cᵢ/∂z'], LAYER1, 'delta', 'error δ⁽ℓ⁾ⱼ = ∂cᵢ/∂z⁽ℓ⁾ⱼ'),
  q('dcdw', 'dc/dw', '∂c/∂w', [], LAYER2, 'dw', 'mean gradient ∂c/∂w⁽ℓ⁾ₖⱼ over all examples'),
  q('dcidw', 'dci/dw', '∂cᵢ/∂w', [], LAYER2, 'dw', 'this example’s gradient ∂cᵢ/∂w⁽ℓ⁾ₖⱼ = δ⁽ℓ⁾ⱼ a⁽ℓ⁻¹⁾ₖ'),
  q('dcdb', 'dc/db', '∂c/∂b', [], LAYER1, 'db', 'mean gradient ∂c/∂b⁽ℓ⁾ⱼ over all examples'),
  q('dcidb', 'dci/db', '∂cᵢ/∂b', [], LAYER1, 'db', 'this example’s gradient ∂cᵢ/∂b⁽ℓ⁾ⱼ = δ⁽ℓ⁾ⱼ'),
  q('dcda', 'dc/da', '∂cᵢ/∂a', ['dci/da', '∂c/∂a'], LAYER1, 'dcda', 'this example’s ∂cᵢ/∂a⁽ℓ⁾ⱼ'),
  q('dadz', 'dadz', 'σ′', ["sigma'", "σ'"], LAYER1, 'dadz', 'slope σ′(z⁽ℓ⁾ⱼ) = ∂a⁽ℓ⁾ⱼ/∂z⁽ℓ⁾ⱼ'),
  q('x', 'x', 'xᵢ', [], { layered: false, indices: 1 }, null, 'this example’s input xᵢ'),
  q('y', 'y', 'yᵢ', [], { layered: false, indices: 1 }, null, 'this example’s target yᵢ'),
  q('ci', 'c_i', 'cᵢ', [], { layered: false, indices: 0 }, 'cost', 'this example’s cost cᵢ'),
  q('c', 'c', 'c', [], { layered: false, indices: 0 }, 'cost', 'the mean cost c over all examples'),
  q('eta', 'eta', 'η', [], { layered: false, indices: 0 }, null, 'the learning rate η'),
];

export type FunctionName = 'abs' | 'sum' | 'max' | 'min' | 'norm' | 'mean' | 'exp' | 'log' | 'sqrt' | 'fd';

export interface FunctionInfo {
  readonly name: FunctionName;
  readonly minArgs: number;
  /** Infinity for max and min, which also take several arguments (elementwise). */
  readonly maxArgs: number;
  readonly detail: string;
}

export const FUNCTIONS: readonly FunctionInfo[] = [
  { name: 'abs', minArgs: 1, maxArgs: 1, detail: 'absolute value, entry by entry' },
  { name: 'sum', minArgs: 1, maxArgs: 1, detail: 'sum of the entries' },
  { name: 'max', minArgs: 1, maxArgs: Infinity, detail: 'largest entry; with several arguments, entry by entry' },
  { name: 'min', minArgs: 1, maxArgs: Infinity, detail: 'smallest entry; with several arguments, entry by entry' },
  { name: 'norm', minArgs: 1, maxArgs: 1, detail: 'Euclidean norm √(Σ entry²)' },
  { name: 'mean', minArgs: 1, maxArgs: 1, detail: 'mean of the entries' },
  { name: 'exp', minArgs: 1, maxArgs: 1, detail: 'eˣ, entry by entry' },
  { name: 'log', minArgs: 1, maxArgs: 1, detail: 'natural logarithm, entry by entry' },
  { name: 'sqrt', minArgs: 1, maxArgs: 1, detail: 'square root, entry by entry' },
  { name: 'fd', minArgs: 1, maxArgs: 1, detail: 'central finite difference of c for one weight or bias: fd(w(2)[1,2])' },
];

export type Named = { readonly kind: 'quantity'; readonly info: QuantityInfo } | { readonly kind: 'function'; readonly info: FunctionInfo };

const BY_SPELLING = new Map<string, Named>();
for (const info of QUANTITIES)
  for (const spelling of [info.ascii, info.unicode, ...info.aliases]) BY_SPELLING.set(spelling, { kind: 'quantity', info });
for (const info of FUNCTIONS) BY_SPELLING.set(info.name, { kind: 'function', info });

/** What a spelling names, or null. */
export function lookupName(spelling: string): Named | null {
  return BY_SPELLING.get(spelling) ?? null;
}

export function quantityInfo(name: QuantityName): QuantityInfo {
  return QUANTITIES.find((info) => info.name === name)!;
}

/** Every accepted spelling, for the lexer and for suggestions. */
export const SPELLINGS: readonly string[] = [...BY_SPELLING.keys()];

/**
 * Spellings that a plain ASCII word would not cover — with `/`, `'`, `′`, `∂` or a Unicode
 * letter — longest first, so the lexer tries `dci/dw` before a word `dci`, and `cᵢ` before `c`.
 */
export const SPECIAL_SPELLINGS: readonly string[] = SPELLINGS.filter((s) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)).sort(
  (x, y) => y.length - x.length,
);

/** Known spellings close to an unknown word (a prefix of it, or one or two edits away), for "did you mean". */
export function suggestNames(word: string): string[] {
  const lower = word.toLowerCase();
  return SPELLINGS.filter((s) => /^[\x20-\x7e]+$/.test(s) && (s.startsWith(lower) || editDistance(lower, s) <= (lower.length > 3 ? 2 : 1))).slice(0, 4);
}

function editDistance(s: string, t: string): number {
  let previous = Array.from({ length: t.length + 1 }, (_, c) => c);
  for (let r = 1; r <= s.length; r++) {
    const current = [r];
    for (let c = 1; c <= t.length; c++)
      current[c] = Math.min(previous[c] + 1, current[c - 1] + 1, previous[c - 1] + (s[r - 1] === t[c - 1] ? 0 : 1));
    previous = current;
  }
  return previous[t.length];
}
