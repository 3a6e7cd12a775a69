import type { Network } from '../model/network';
import { DEFAULT_WEIGHT_ORDER, superscriptText, type WeightOrder } from '../notation/symbols';
import { notationOf } from './describe';
import { FUNCTIONS, lookupName, QUANTITIES, SPELLINGS, type QuantityInfo } from './names';

/**
 * Completions for the Debug Console and the Watch view: names after what has been typed of
 * one, layer numbers inside `delta(` or after `δ⁽`, and indices inside `delta(2)[`, each with a
 * line saying what it is. Only the network's shape is needed, so completions work whatever the
 * stepping position. Offsets are UTF-16 code units, as DAP's CompletionItem counts them.
 */
export interface ExpressionCompletion {
  /** What the list shows. */
  readonly label: string;
  /** What replaces the text from `start` to `end`. */
  readonly text: string;
  readonly detail: string;
  /** As DAP's CompletionItemType. */
  readonly type: 'variable' | 'function' | 'value';
  readonly start: number;
  readonly end: number;
}

export interface CompletionOptions {
  /** How two-index weights are written (default 'from-to'), for the index suggestions. */
  readonly weightOrder?: WeightOrder;
}

/** At most this many index suggestions: a 784-input layer would otherwise list 784. */
const MAX_INDEX_ITEMS = 50;

/** Characters a name may hold, as the lexer reads them (dc/dw, sigma', ∂cᵢ/∂w, δ, cᵢ). */
const NAME = "[A-Za-z_∂δησ][A-Za-z0-9_'′ᵢ∂/]*";
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** `delta(2` before the cursor: the name, then the layer digits typed so far. */
const ASCII_LAYER = new RegExp(`(${NAME})\\s*\\(\\s*(\\d*)$`);
/** `δ⁽²`. */
const UNICODE_LAYER = new RegExp(`(${NAME})⁽([${SUPERSCRIPT_DIGITS}]*)$`);
/** `delta(2)[1,` or `δ⁽²⁾[` or `x[`: the name, the layer (ASCII or superscript) and the indices typed so far. */
const INDICES = new RegExp(`(${NAME})\\s*(?:\\(\\s*(\\d+|L)\\s*\\)|⁽([${SUPERSCRIPT_DIGITS}]+|ᴸ)⁾)?\\s*\\[([\\d,\\s]*)$`);
const WORD = new RegExp(`(${NAME})$`);

type Item = (label: string, insert: string, detail: string, type: ExpressionCompletion['type'], typed: number) => ExpressionCompletion;

export function completions(text: string, cursor: number, network: Network, options: CompletionOptions = {}): ExpressionCompletion[] {
  // What decides a completion is the last few characters; a bounded tail keeps the matching linear.
  const before = text.slice(Math.max(0, cursor - 200), cursor);
  const item: Item = (label, insert, detail, type, typed) => ({ label, text: insert, detail, type, start: cursor - typed, end: cursor });
  // A closing bracket is added unless one already follows.
  const closes = (close: string) => (text.slice(cursor).trimStart().startsWith(close) ? '' : close);

  const asciiLayer = ASCII_LAYER.exec(before);
  const unicodeLayer = asciiLayer ? null : UNICODE_LAYER.exec(before);
  const layerMatch = asciiLayer ?? unicodeLayer;
  const layered = layerMatch && quantityNamed(layerMatch[1]);
  if (layerMatch && layered?.layered) {
    const L = network.layers.length - 1;
    return range(layered.minLayer, L).map((l) => {
      const label = asciiLayer ? String(l) : superscriptText(`${l})`);
      return item(label, asciiLayer ? `${l}${closes(')')}` : label, layerDetail(network, l), 'value', layerMatch[2].length);
    });
  }

  const indexed = INDICES.exec(before);
  const info = indexed && quantityNamed(indexed[1]);
  if (indexed && info && info.indices > 0) return indexItems(info, indexed, network, options.weightOrder ?? DEFAULT_WEIGHT_ORDER, item, closes(']'));

  return nameItems(before, network, item);
}

/** The quantity a typed name ends with, if any (`c/dc/dw` ends with dc/dw). */
function quantityNamed(word: string): QuantityInfo | null {
  const named = lookupName(knownSuffix(word, (candidate) => lookupName(candidate) !== null));
  return named?.kind === 'quantity' ? named.info : null;
}

function layerDetail(network: Network, l: number): string {
  const layer = network.layers[l];
  if (l === 0) return `layer 0: ${layer.size} inputs`;
  return `layer ${l}: ${layer.size} ${layer.activation} neurons${l === network.layers.length - 1 ? ' (the output layer, L)' : ''}`;
}

/**
 * Names starting with what has been typed of one (after a division sign, unless that sign is
 * part of dc/dw), or every name when nothing has been; Unicode spellings once a Unicode
 * character has been typed.
 */
function nameItems(before: string, network: Network, item: Item): ExpressionCompletion[] {
  if (/[0-9.]$/.test(before)) return [];
  const L = network.layers.length - 1;
  const word = WORD.exec(before)?.[1] ?? '';
  const prefix = knownSuffix(word, (candidate) => SPELLINGS.some((spelling) => spelling.startsWith(candidate)));
  const unicode = prefix !== '' && !isAscii(prefix);
  const out: ExpressionCompletion[] = [];
  for (const info of QUANTITIES) {
    // Other spellings (sigma', dci/dz) only once something is typed: the full list stays one line a name.
    const aliases = prefix === '' ? [] : info.aliases.filter((spelling) => isAscii(spelling) !== unicode);
    for (const spelling of [unicode ? info.unicode : info.ascii, ...aliases]) {
      if (!spelling.startsWith(prefix)) continue;
      const opened = `${spelling}${info.layered ? (unicode ? '⁽' : '(') : ''}`;
      out.push(item(opened, opened, `${info.detail}${info.layered ? `; ℓ = ${info.minLayer} … ${L}` : ''}`, 'variable', prefix.length));
    }
  }
  if (!unicode)
    for (const fn of FUNCTIONS) if (fn.name.startsWith(prefix)) out.push(item(`${fn.name}(`, `${fn.name}(`, fn.detail, 'function', prefix.length));
  return out;
}

const isAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/**
 * The longest tail of `word` that starts it or follows a `/` and that `accept`s: in `c/dc/dw`
 * the name is `dc/dw`, in `c/del` it is `del`. The empty string when none is accepted.
 */
function knownSuffix(word: string, accept: (candidate: string) => boolean): string {
  for (let from = 0; from <= word.length; from = word.indexOf('/', from) + 1) {
    if (accept(word.slice(from))) return word.slice(from);
    if (word.indexOf('/', from) < 0) break;
  }
  return '';
}

function range(low: number, high: number): number[] {
  return Array.from({ length: Math.max(0, high - low + 1) }, (_, q) => low + q);
}

/** Index suggestions once a layer is known: `1]` … for one index, `1,2]` … for a weight. */
function indexItems(info: QuantityInfo, match: RegExpExecArray, network: Network, order: WeightOrder, item: Item, close: string): ExpressionCompletion[] {
  const L = network.layers.length - 1;
  const superscript = match[3];
  const written = match[2] ?? (superscript === undefined ? undefined : superscript === 'ᴸ' ? 'L' : [...superscript].map((d) => SUPERSCRIPT_DIGITS.indexOf(d)).join(''));
  if (info.layered !== (written !== undefined)) return [];
  const layer = written === undefined ? 0 : written === 'L' ? L : Number(written);
  if (info.layered && !(layer >= info.minLayer && layer <= L)) return [];
  const typed = match[4].length;
  const n = info.name === 'x' ? network.layers[0].size : info.name === 'y' ? network.layers[L].size : network.layers[layer].size;
  const out: ExpressionCompletion[] = [];
  if (info.indices === 1) {
    const shownLayer = info.layered ? layer : null;
    for (let j = 1; j <= n && out.length < MAX_INDEX_ITEMS; j++) out.push(item(String(j), `${j}${close}`, notationOf(info.name, shownLayer, [j]), 'value', typed));
    return out;
  }
  const p = network.layers[layer - 1].size;
  for (let k = 1; k <= p && out.length < MAX_INDEX_ITEMS; k++)
    for (let j = 1; j <= n && out.length < MAX_INDEX_ITEMS; j++) {
      const [first, second] = order === 'to-from' ? [j, k] : [k, j];
      const detail = `${notationOf(info.name, layer, [first, second])}: from neuron ${k} of layer ${layer - 1} to neuron ${j} of layer ${layer}`;
      out.push(item(`${first},${second}`, `${first},${second}${close}`, detail, 'value', typed));
    }
  return out;
}
