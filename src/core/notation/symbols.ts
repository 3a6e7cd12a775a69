/**
 * Symbols in the article's notation, each as TeX (for KaTeX in the panel and Markdown) and as
 * Unicode text (for the CLI, hovers and code lenses):
 *   w^{(2)}_{12}  w⁽²⁾₁₂      weight from neuron 1 of layer 1 to neuron 2 of layer 2
 *   \delta^{(2)}_{1}  δ⁽²⁾₁    ∂c_i/∂z^(2)_1
 * Indices are 1-based numbers or letters (i, j, k, r, L, ℓ). When any index of a subscript has
 * several digits they are separated by commas, so w^{(1)}_{12,3} cannot be read as w_{1,23}.
 *
 * Weights are written in one of two conventions (WeightOrder), passed explicitly to every
 * builder that writes a weight: only the order of the two displayed indices changes, never
 * which weight is meant — the builders always take (layer, k, j) with k in layer ℓ − 1.
 */

/** A symbol or expression in both notations. */
export interface Notation {
  readonly tex: string;
  readonly text: string;
}

export type Index = number | string;

/**
 * How a weight's subscript is ordered:
 *   'from-to' — w⁽ℓ⁾ₖⱼ, from neuron k of layer ℓ − 1 to neuron j of layer ℓ (the article's);
 *   'to-from' — w⁽ℓ⁾ⱼₖ, the neuron it feeds first (Nielsen's book and many course notes).
 */
export type WeightOrder = 'from-to' | 'to-from';
export const WEIGHT_ORDERS: readonly WeightOrder[] = ['from-to', 'to-from'];
export const DEFAULT_WEIGHT_ORDER: WeightOrder = 'from-to';

export function otherWeightOrder(order: WeightOrder): WeightOrder {
  return order === 'from-to' ? 'to-from' : 'from-to';
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '(': '⁽', ')': '⁾', '+': '⁺', '-': '⁻', '−': '⁻', L: 'ᴸ', 'ℓ': 'ˡ', l: 'ˡ', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPT: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '(': '₍', ')': '₎', '+': '₊', '-': '₋', '−': '₋', i: 'ᵢ', j: 'ⱼ', k: 'ₖ', r: 'ᵣ', l: 'ₗ', s: 'ₛ', n: 'ₙ', L: 'ʟ',
};

/** The tables by UTF-16 code, for a loop without per-character strings or object lookups. */
function byCode(table: Record<string, string>): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const [ch, mapped] of Object.entries(table)) out[ch.charCodeAt(0)] = mapped;
  return out;
}
const SUPERSCRIPT_CODES = byCode(SUPERSCRIPT);
const SUBSCRIPT_CODES = byCode(SUBSCRIPT);

function mapChars(s: string, table: readonly (string | undefined)[]): string {
  let out = '';
  for (let q = 0; q < s.length; q++) out += table[s.charCodeAt(q)] ?? s[q];
  return out;
}

export function superscriptText(s: string | number): string {
  return mapChars(String(s), SUPERSCRIPT_CODES);
}

export function subscriptText(s: string | number): string {
  return mapChars(String(s), SUBSCRIPT_CODES);
}

function needsCommas(indices: readonly Index[]): boolean {
  return indices.length > 1 && indices.some((index) => String(index).length > 1);
}

function texIndex(index: Index): string {
  return index === 'ℓ' ? '\\ell' : String(index);
}

/** `_{12}` or `_{12,3}` */
export function subscriptTex(...indices: Index[]): string {
  return `_{${indices.map(texIndex).join(needsCommas(indices) ? ',' : '')}}`;
}

/** `₁₂` or `₁₂,₃` */
export function subscriptsText(...indices: Index[]): string {
  return indices.map(subscriptText).join(needsCommas(indices) ? ',' : '');
}

/** `^{(2)}` and `⁽²⁾` for a layer index. */
export function layerTex(layer: Index): string {
  return `^{(${texIndex(layer)})}`;
}

export function layerText(layer: Index): string {
  return superscriptText(`(${layer})`);
}

/**
 * Symbols with numeric indices are remembered (bounded): a trace names the same δ⁽ℓ⁾ⱼ and
 * a⁽ℓ⁾ₖ in many steps. The key packs letter, layer and up to two indices below 2²⁰, in the
 * order they are displayed: `w` puts its indices in the convention's order before it asks, so
 * w⁽²⁾₁₂ in one convention and w⁽²⁾₂₁ in the other are two keys, and one key is one text.
 */
const symbolMemo = new Map<number, Notation>();

function memoKey(letter: number, layer: Index, indices: readonly Index[]): number {
  if (typeof layer !== 'number' || layer >= 1024 || indices.length > 2) return -1;
  let key = letter * 1024 + layer;
  for (let q = 0; q < 2; q++) {
    const index = q < indices.length ? indices[q] : 0;
    if (typeof index !== 'number' || index >= 1 << 20) return -1;
    key = key * (1 << 20) + index;
  }
  return key;
}

/** A letter with a layer superscript and subscripts: w^{(ℓ)}_{kj}. */
function layered(texLetter: string, textLetter: string, layer: Index, ...indices: Index[]): Notation {
  const key = memoKey(LETTERS.indexOf(textLetter), layer, indices);
  if (key >= 0) {
    const known = symbolMemo.get(key);
    if (known !== undefined) return known;
  }
  const made = makeLayered(texLetter, textLetter, layer, indices);
  if (key >= 0) {
    if (symbolMemo.size >= 1 << 16) symbolMemo.clear();
    symbolMemo.set(key, made);
  }
  return made;
}

const LETTERS = ['w', 'b', 'z', 'a', 'δ'];

function makeLayered(texLetter: string, textLetter: string, layer: Index, indices: readonly Index[]): Notation {
  return {
    tex: `${texLetter}${layerTex(layer)}${subscriptTex(...indices)}`,
    text: `${textLetter}${layerText(layer)}${subscriptsText(...indices)}`,
  };
}

/** w⁽ℓ⁾ₖⱼ (from-to) or w⁽ℓ⁾ⱼₖ (to-from): the weight from neuron k of layer ℓ − 1 to neuron j of layer ℓ. */
export const w = (layer: Index, k: Index, j: Index, order: WeightOrder): Notation =>
  order === 'to-from' ? layered('w', 'w', layer, j, k) : layered('w', 'w', layer, k, j);
export const b = (layer: Index, j: Index): Notation => layered('b', 'b', layer, j);
export const z = (layer: Index, j: Index): Notation => layered('z', 'z', layer, j);
export const a = (layer: Index, j: Index): Notation => layered('a', 'a', layer, j);
export const delta = (layer: Index, j: Index): Notation => layered('\\delta', 'δ', layer, j);

/** y_{ij}: the target for neuron j of the output layer, in example i. */
export const y = (j: Index): Notation => ({ tex: `y${subscriptTex('i', j)}`, text: `y${subscriptsText('i', j)}` });

/** c_i, the cost of one example, and c, the mean over the m examples. */
export const exampleCost: Notation = { tex: 'c_i', text: 'cᵢ' };
export const meanCostSymbol: Notation = { tex: 'c', text: 'c' };
export const learningRate: Notation = { tex: '\\eta', text: 'η' };

/** ∂top/∂bottom as \frac{\partial top}{\partial bottom} and ∂top/∂bottom. */
export function partial(top: Notation, bottom: Notation): Notation {
  return { tex: `\\frac{\\partial ${top.tex}}{\\partial ${bottom.tex}}`, text: `∂${top.text}/∂${bottom.text}` };
}

export const dcda = (layer: Index, j: Index): Notation => partial(exampleCost, a(layer, j));
export const dcdz = (layer: Index, j: Index): Notation => partial(exampleCost, z(layer, j));
export const dcdw = (layer: Index, k: Index, j: Index, order: WeightOrder): Notation => partial(exampleCost, w(layer, k, j, order));
export const dcdb = (layer: Index, j: Index): Notation => partial(exampleCost, b(layer, j));
/** ∂c/∂w and ∂c/∂b: the gradient of the mean cost, which the update step uses. */
export const meanDcdw = (layer: Index, k: Index, j: Index, order: WeightOrder): Notation => partial(meanCostSymbol, w(layer, k, j, order));
export const meanDcdb = (layer: Index, j: Index): Notation => partial(meanCostSymbol, b(layer, j));
/** ∂a^(ℓ)_r/∂z^(ℓ)_j, one entry of an activation's Jacobian. */
export const dadz = (layer: Index, r: Index, j: Index): Notation => partial(a(layer, r), z(layer, j));
/** ∂z^(ℓ)_j/∂w^(ℓ)_kj, which works out to a^(ℓ−1)_k. */
export const dzdw = (layer: Index, k: Index, j: Index, order: WeightOrder): Notation => partial(z(layer, j), w(layer, k, j, order));

/** σ′(z^(ℓ)_j) */
export function sigmaPrime(layer: Index, j: Index): Notation {
  const arg = z(layer, j);
  return { tex: `\\sigma'(${arg.tex})`, text: `σ′(${arg.text})` };
}
