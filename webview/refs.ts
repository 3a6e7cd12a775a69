/**
 * Pure helpers about the quantities the panel shows: keys for data attributes, plain-text
 * symbols in the article's notation (from src/core/notation, the same the trace uses), and
 * cell formatting. No DOM here, so these are unit-tested in Node.
 */
import type { StepAddress } from '../src/core/trace/types';
import * as n from '../src/core/notation/symbols';
import { formatNumber } from '../src/core/notation/format';
import { QUANTITY_KINDS, type QuantityKind, type QuantityRef } from '../src/shared/panelMessages';

/** "kind:layer:j:k", the value of `data-ref` on every neuron, edge and cell. */
export function refKey(ref: QuantityRef | StepAddress): string {
  return `${ref.kind}:${ref.layer}:${ref.j}:${ref.k}`;
}

/** The inverse of refKey, or null for anything that is not one (attributes are input too). */
export function parseRefKey(key: string | null | undefined): QuantityRef | null {
  if (!key) return null;
  const parts = key.split(':');
  if (parts.length !== 4) return null;
  const kind = parts[0] as QuantityKind;
  const [layer, j, k] = parts.slice(1).map(Number);
  if (!QUANTITY_KINDS.includes(kind) || ![layer, j, k].every((n) => Number.isInteger(n) && n >= 0)) return null;
  return { kind, layer, j, k };
}

/**
 * Symbols already written, by order and key: every step names each of a thousand table cells
 * and diagram nodes, nearly all of them the same as the step before, and writing a symbol's
 * superscripts and subscripts costs far more than looking it up. Cleared when it grows past
 * MAX_SYMBOLS (stepping through a big layer keeps meeting new ones).
 */
const symbols = new Map<string, string>();
const MAX_SYMBOLS = 20_000;

/**
 * The plain-text symbol of a quantity, in the core's notation: δ⁽²⁾₁, ∂cᵢ/∂w⁽¹⁾₂₁, xᵢ₁, cᵢ;
 * weights in `order` (the view's `weightOrder`).
 */
export function symbolText(ref: QuantityRef, order: n.WeightOrder = n.DEFAULT_WEIGHT_ORDER): string {
  const key = `${order}|${refKey(ref)}`;
  let text = symbols.get(key);
  if (text === undefined) {
    if (symbols.size >= MAX_SYMBOLS) symbols.clear();
    text = writeSymbol(ref, order);
    symbols.set(key, text);
  }
  return text;
}

function writeSymbol(ref: QuantityRef, order: n.WeightOrder): string {
  const { layer: l, j, k } = ref;
  switch (ref.kind) {
    case 'z':
      return n.z(l, j).text;
    case 'a':
      return n.a(l, j).text;
    case 'cost':
      return n.exampleCost.text;
    case 'dcda':
      return n.dcda(l, j).text;
    case 'dadz':
      return n.sigmaPrime(l, j).text;
    case 'delta':
      return n.delta(l, j).text;
    case 'dw':
      return n.dcdw(l, k, j, order).text;
    case 'db':
      return n.dcdb(l, j).text;
    case 'w-new':
      return `${n.w(l, k, j, order).text} − η ${n.meanDcdw(l, k, j, order).text}`;
    case 'b-new':
      return `${n.b(l, j).text} − η ${n.meanDcdb(l, j).text}`;
    case 'w':
      return n.w(l, k, j, order).text;
    case 'b':
      return n.b(l, j).text;
    case 'x':
      return `${n.a(0, j).text} = x${n.subscriptsText('i', j)}`;
    case 'y':
      return n.y(j).text;
  }
}

/**
 * A number for a table cell or a neuron, written as the trace writes numbers (core notation,
 * `digits` significant digits). Null — not computed yet — is the empty string: the panel
 * leaves such cells visibly empty, never 0.
 */
export function formatValue(value: number | null, digits: number): string {
  return value === null ? '' : formatNumber(value, digits);
}
