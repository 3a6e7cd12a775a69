import { ACTIVATION_ENTRIES } from '../activations/registry';
import { COST_ENTRIES, fittingOutputs } from '../costs/registry';
import { GENERATOR_NAMES } from '../data/generators';
import { EXACT_DIGITS } from '../edit/gradientStep';
import { KEYWORDS } from '../parser/read';
import { weightsSymbol } from '../parser/notation';
import type { Position, Range } from '../text/range';
import { KEYWORD_DETAILS, SETTING_SNIPPETS, dataSetDetail, dataSetDocumentation, dataSnippet, isTopLevel } from './keywords';
import { seededWeights } from './seededWeights';
import { MAX_SNIPPET_NUMBERS, biasesSnippet, defaultActivation, exampleSnippet, inputLayerSnippet, layerSnippet, weightsSnippet } from './snippets';
import { exampleShape, layerIndexAt, lineAt, readShape, type Keyword, type SpecShape } from './specShape';

/**
 * What may be written at a position of a spec, for the editor's completion list: a keyword at
 * the start of a line (with a snippet for its value, or for `layer`, `w`, `b` and `example` one
 * shaped by the network around the cursor), an activation after a layer's size, a cost after
 * `cost`, a data set after `data`. Names, descriptions and formulas come from the registries;
 * the keywords from the parser. Pure: the extension's provider (src/extension/editor/
 * specCompletionProvider.ts) only converts the result.
 */
export interface SpecCompletion {
  readonly label: string;
  readonly kind: 'keyword' | 'activation' | 'cost' | 'data-set' | 'inputs';
  /** One line beside the label: a formula, a shape, what the keyword says. */
  readonly detail: string;
  /** Plain text shown beside the list: what it is, its formulas. */
  readonly documentation: string;
  /** What replaces `range`: plain text, or a snippet when `snippet` is true. */
  readonly insertText: string;
  readonly snippet: boolean;
  /** The word being typed, on the cursor's line. */
  readonly range: Range;
  /** Text to delete as well: the indentation before a keyword that stands outside any layer. */
  readonly removeIndent?: Range;
  /** Orders the list: the likeliest next words first. */
  readonly sortText: string;
}

export interface SpecCompletionOptions {
  /** Significant digits of the weights a `w` snippet writes (Apply Gradient Step's setting); exact by default. */
  readonly digits?: number;
  /**
   * The request came from typing a space: only the values after `cost`, a layer's size and
   * `data` are offered, never the keywords, whose list would otherwise open while a line's
   * indentation is typed.
   */
  readonly typedSpace?: boolean;
}

/** The word being typed at a line's start, after its indentation. */
const LINE_START = /^(\s*)([A-Za-z][\w-]*)?$/;
/** `cost ` and the cost typed so far. */
const AFTER_COST = /^\s*cost\s+([\w-]*)$/;
/** `layer ℓ: n ` (the colon optional) and the activation typed so far. */
const AFTER_LAYER_SIZE = /^\s*layer\s*(\d+)\s*:?\s*[^\s#:]+\s+([\w-]*)$/;
/** `data ` and the set typed so far. */
const AFTER_DATA = /^\s*data\s+([\w-]*)$/;
/** The rest of a word after the cursor, replaced along with its start. */
const WORD_REST = /^[\w-]*/;

/**
 * Whether anything may be offered with the cursor at `character` of `line` (its text): a cheap
 * test on the one line, so that an editor need not read a large spec's text for nothing.
 */
export function wantsCompletion(line: string, character: number, options: SpecCompletionOptions = {}): boolean {
  const before = line.slice(0, character);
  if (before.includes('#')) return false;
  if (AFTER_COST.test(before) || AFTER_LAYER_SIZE.test(before) || AFTER_DATA.test(before)) return true;
  return !options.typedSpace && LINE_START.test(before);
}

export function specCompletions(text: string, position: Position, options: SpecCompletionOptions = {}): SpecCompletion[] {
  const line = lineAt(text, position.line);
  if (line === null || position.character > line.length) return [];
  const before = line.slice(0, position.character);
  if (before.includes('#')) return [];
  const after = WORD_REST.exec(line.slice(position.character))![0].length;
  const wordRange = (typed: number): Range => ({
    start: { line: position.line, character: position.character - typed },
    end: { line: position.line, character: position.character + after },
  });

  const cost = AFTER_COST.exec(before);
  if (cost) return costItems(wordRange(cost[1].length));
  const layer = AFTER_LAYER_SIZE.exec(before);
  if (layer) return activationItems(wordRange(layer[2].length), Number(layer[1]) === 0);
  const data = AFTER_DATA.exec(before);
  if (data) return dataSetItems(wordRange(data[1].length));
  const start = options.typedSpace ? null : LINE_START.exec(before);
  if (!start) return [];
  const indent = start[1].length;
  const typed = start[2]?.length ?? 0;
  const removeIndent: Range | undefined =
    indent > 0 ? { start: { line: position.line, character: 0 }, end: { line: position.line, character: indent } } : undefined;
  return keywordItems(readShape(text, position.line), position.line, wordRange(typed), removeIndent, options.digits ?? EXACT_DIGITS);
}

function costItems(range: Range): SpecCompletion[] {
  return COST_ENTRIES.map((entry, i) => {
    const needs = entry.needs === 'unrestricted' ? '' : `\n\nNeeds an output layer of ${fittingOutputs(entry).join(' or ')}.`;
    return plain(entry.name, 'cost', entry.formulas.definition.text, `${entry.description}\n\n${entry.formulas.definition.text}\n${entry.formulas.derivative.text}${needs}`, range, i);
  });
}

function activationItems(range: Range, inputLayer: boolean): SpecCompletion[] {
  if (inputLayer) return [plain('inputs', 'inputs', 'layer 0 holds the inputs x', 'Layer 0 holds the inputs a⁽⁰⁾ = xᵢ of each example; it has no activation, weights or biases.', range, 0)];
  return ACTIVATION_ENTRIES.map((entry, i) =>
    plain(entry.name, 'activation', entry.formulas.definition.text, `${entry.description}\n\n${entry.formulas.definition.text}\n${entry.formulas.derivative.text}\n\nOutputs ${entry.range.text}.`, range, i),
  );
}

function dataSetItems(range: Range): SpecCompletion[] {
  return GENERATOR_NAMES.map((name, i) => plain(name, 'data-set', dataSetDetail(name), dataSetDocumentation(name), range, i));
}

function plain(label: string, kind: SpecCompletion['kind'], detail: string, documentation: string, range: Range, order: number): SpecCompletion {
  return { label, kind, detail, documentation, insertText: label, snippet: false, range, sortText: order.toString().padStart(2, '0') };
}

/**
 * The keywords that may start the line: a setting the spec already has is left out (a second
 * would be an error), and so are `w` and `b` outside a layer ℓ ≥ 1 or in one that has them.
 * Inside such a layer its missing `w` and `b` come first.
 */
function keywordItems(shape: SpecShape, line: number, range: Range, removeIndent: Range | undefined, digits: number): SpecCompletion[] {
  const index = layerIndexAt(shape, line);
  const layer = index >= 0 ? shape.layers[index] : null;
  const items: SpecCompletion[] = [];
  for (const keyword of KEYWORDS) {
    if (shape.settings.has(keyword)) continue;
    if ((keyword === 'w' || keyword === 'b') && (layer === null || index === 0)) continue;
    if ((keyword === 'w' && layer?.hasWeights) || (keyword === 'b' && layer?.hasBiases)) continue;
    const made = bodyOf(keyword, shape, index, digits);
    const first = keyword === 'w' || keyword === 'b' ? '0' : '1';
    items.push({
      label: keyword,
      kind: 'keyword',
      detail: made.detail ?? KEYWORD_DETAILS[keyword],
      documentation: made.documentation ?? KEYWORD_DETAILS[keyword],
      insertText: made.body,
      snippet: true,
      range,
      ...(removeIndent && isTopLevel(keyword) ? { removeIndent } : {}),
      sortText: `${first}${KEYWORDS.indexOf(keyword).toString().padStart(2, '0')}`,
    });
  }
  return items;
}

interface Body {
  readonly body: string;
  readonly detail?: string;
  readonly documentation?: string;
}

/** The snippet of one keyword at this place of this spec. */
function bodyOf(keyword: Keyword, shape: SpecShape, index: number, digits: number): Body {
  const layers = shape.layers;
  switch (keyword) {
    case 'layer': {
      const above = index >= 0 ? layers[index] : null;
      if (above === null) return { body: inputLayerSnippet(0, 2), detail: 'layer 0: the inputs' };
      const label = above.label + 1;
      const last = index === layers.length - 1;
      // A new last layer becomes the output layer: the size the examples' targets already have keeps them valid.
      const size = last && index > 0 && above.size !== null ? above.size : 2;
      return { body: layerSnippet(label, size, defaultActivation(shape.cost, last)), detail: `layer ${label}: its size and activation` };
    }
    case 'w':
      return weightsBody(shape, index, digits);
    case 'b': {
      const size = layers[index].size;
      if (size === null || size > MAX_SNIPPET_NUMBERS) return { body: 'b $0' };
      return { body: biasesSnippet(size), detail: `b⁽${layers[index].label}⁾: ${size} zeros, as the engine starts a layer without b` };
    }
    case 'example': {
      const sizes = exampleShape(shape);
      if (sizes === null || sizes.inputs + sizes.outputs > MAX_SNIPPET_NUMBERS) return { body: 'example x $1 y $2$0' };
      return { body: exampleSnippet(sizes.inputs, sizes.outputs, shape.cost), detail: `x: ${sizes.inputs} inputs, y: ${sizes.outputs} targets` };
    }
    case 'data': {
      const sizes = exampleShape(shape);
      return { body: dataSnippet(sizes?.inputs ?? null, sizes?.outputs ?? null) };
    }
    default:
      return { body: SETTING_SNIPPETS[keyword] ?? `${keyword} $0` };
  }
}

/** `w` with the seeded matrix of the layer at the cursor, when its shape and numbers are known. */
function weightsBody(shape: SpecShape, index: number, digits: number): Body {
  const layer = shape.layers[index];
  const rows = shape.layers[index - 1].size;
  const columns = layer.size;
  if (rows === null || columns === null || rows * columns > MAX_SNIPPET_NUMBERS) return { body: 'w $0' };
  const weights = seededWeights(shape, index);
  if (weights === null) return { body: 'w $0' };
  const symbol = weightsSymbol(layer.label);
  return {
    body: weightsSnippet(weights, rows, columns, digits),
    detail: `${symbol}: ${rows} × ${columns}, drawn from seed ${shape.seed}`,
    documentation:
      `The ${rows} × ${columns} weights ${symbol} the engine draws from seed ${shape.seed} while the layer leaves w out, written out: ` +
      `row k holds the weights from neuron k of layer ${shape.layers[index - 1].label}. Layers below that leave their w out then draw other numbers.`,
  };
}
