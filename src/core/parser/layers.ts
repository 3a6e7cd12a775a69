import { Place, type ReadContext } from './context';
import type { DraftLayer, NumberBlock } from './draft';
import { TokenKind } from './scanner';
import { biasesSymbol, weightsSymbol, quoted } from './notation';

const NO_ROWS: number[] = [];

/**
 * Readers for a layer: its header `layer ℓ: n activation`, and its `w` and `b` with their
 * continuation lines. Whether the word after the size fits the layer (an activation, or
 * `inputs` for layer 0) is decided later, once it is known which layer holds the inputs.
 */

export function readLayerHeader(ctx: ReadContext, keywordStart: number): void {
  const s = ctx.scanner;
  const position = ctx.draft.layers.length;
  let written: number | null = null;
  let writtenRange = null;
  let size: number | null = null;
  let sizeRange = null;
  let word: string | null = null;
  let wordRange = null;
  let damaged = false;
  let label = position;

  const number = ctx.readSingleNumber('the layer number', '`layer 1: 2 sigmoid`');
  if (number === null) damaged = true;
  else {
    writtenRange = ctx.tokenRange();
    if (Number.isInteger(number) && number >= 0) written = label = number;
    else
      ctx.reporter.report(
        'layer-number',
        writtenRange,
        `expected a layer number 0, 1, 2, …; found ${quoted(s.tokenText())}. Layers are numbered in order from 0, the inputs`,
      );
  }
  if (!damaged) {
    if (s.peek() === TokenKind.Colon) s.readColon();
    const example = label === 0 ? '`layer 0: 2 inputs`' : `\`layer ${label}: 2 sigmoid\``;
    const value = ctx.readSingleNumber(`the number of neurons of layer ${label}`, example);
    if (value === null) damaged = true;
    else {
      sizeRange = ctx.tokenRange();
      if (Number.isSafeInteger(value) && value >= 1) size = value;
      else
        ctx.reporter.report(
          'invalid-layer-size',
          sizeRange,
          `expected the number of neurons of layer ${label} to be a whole number of at least 1; found ${quoted(s.tokenText())}`,
        );
    }
  }
  if (!damaged && s.peek() === TokenKind.Word) {
    s.readRun();
    word = s.tokenText();
    wordRange = ctx.tokenRange();
  }
  const header = ctx.rangeOf(keywordStart, s.tokenEnd);
  if (damaged) s.skipRest();
  else
    ctx.expectEnd(
      `the header of layer ${label}`,
      label === 0 ? 'the input layer is written `layer 0: n inputs`' : 'a layer is written `layer ℓ: n activation`, with w and b on the lines below',
    );
  ctx.draft.layers.push({ label, header, written, writtenRange, size, sizeRange, word, wordRange, damaged, weights: null, biases: null, lastLine: s.line });
  ctx.open = null;
}

/** Reads `w …` or `b …` and leaves it open for the rows or numbers on the lines below. */
export function readParameters(ctx: ReadContext, which: 'w' | 'b', keywordStart: number): void {
  const s = ctx.scanner;
  const keyword = ctx.rangeOf(keywordStart, s.tokenEnd);
  const layers = ctx.draft.layers;
  const layer = layers.length > 0 ? layers[layers.length - 1] : null;
  const what = which === 'w' ? 'weights' : 'biases';
  if (layer === null) {
    ctx.reporter.report(
      'parameters-outside-layer',
      keyword,
      `\`${which}\` comes before any layer; put it below the \`layer\` line whose ${what} it holds, as in \`layer 1: 2 sigmoid\` then \`${which} …\``,
    );
    s.skipRest();
    ctx.open = { kind: 'discard' };
    return;
  }
  layer.lastLine = s.line;
  const earlier = which === 'w' ? layer.weights : layer.biases;
  if (earlier !== null) {
    const symbol = which === 'w' ? weightsSymbol(layer.label) : biasesSymbol(layer.label);
    ctx.reporter.report(
      'duplicate-parameters',
      keyword,
      `layer ${layer.label} already has its ${what} ${symbol} on line ${earlier.keywordLine + 1}; remove one of the two \`${which}\` blocks`,
    );
    s.skipRest();
    ctx.open = { kind: 'discard' };
    return;
  }
  const block: NumberBlock = {
    keywordLine: keyword.start.line,
    keywordStart: keyword.start.character,
    keywordEnd: keyword.end.character,
    start: ctx.store.count,
    count: 0,
    rowStarts: which === 'w' ? [] : NO_ROWS,
    damaged: false,
  };
  if (which === 'w') {
    layer.weights = block;
    ctx.open = { kind: 'weights', layer, block };
    if (s.peek() !== TokenKind.End) continueWeights(ctx, layer, block);
  } else {
    layer.biases = block;
    ctx.open = { kind: 'biases', layer, block };
    continueBiases(ctx, layer, block);
  }
}

/** One written line of `w` is one row: the weights leaving neuron k of layer ℓ − 1. */
export function continueWeights(ctx: ReadContext, layer: DraftLayer, block: NumberBlock): void {
  block.rowStarts.push(ctx.store.count);
  ctx.readNumbers(block, Place.WeightsRow, layer.label, block.rowStarts.length);
  layer.lastLine = ctx.scanner.line;
}

export function continueBiases(ctx: ReadContext, layer: DraftLayer, block: NumberBlock): void {
  ctx.readNumbers(block, Place.Biases, layer.label);
  layer.lastLine = ctx.scanner.line;
}
