import type { Limits } from '../model/limits';
import { ACTIVATIONS, activationEntry, isActivationName, type ActivationName } from '../activations/registry';
import type { DraftLayer, NumberBlock, SpecDraft } from './draft';
import { thousands } from '../notation/count';
import { alternatives, biasesSymbol, counted, preactivationSymbol, quoted, weightsSymbol } from './notation';
import type { NumberStore } from './numbers';
import { blockNumbersRange, blockRange, numbersRange } from './ranges';
import type { Reporter } from './reporter';
import { didYouMean } from './suggest';

/**
 * Checks that need all layers: which one holds the inputs, their numbering, activations,
 * the parameter limit (from the sizes alone, before anything is allocated), and the shape of
 * every `w` and `b` against the sizes of the layers around it.
 */

export interface LayerFacts {
  /** False when the first layer is not the input layer (already reported). */
  readonly hasInputLayer: boolean;
  /** Per draft layer: its valid activation, or null (input layer, missing or unknown). */
  readonly activations: readonly (ActivationName | null)[];
}

const INPUT_WORDS = ['inputs', 'input'];
const ACTIVATION_LIST = alternatives(ACTIVATIONS);

export function checkLayers(draft: SpecDraft, store: NumberStore, reporter: Reporter, limits: Limits): LayerFacts {
  const layers = draft.layers;
  if (layers.length === 0) {
    if (draft.firstStatement !== null)
      reporter.report(
        'missing-input-layer',
        draft.firstStatement,
        'expected layers, starting with the inputs as in `layer 0: 2 inputs` and then at least one layer such as `layer 1: 1 sigmoid`; found none',
      );
    return { hasInputLayer: false, activations: [] };
  }
  const first = layers[0];
  // `layer 1: 2 sigmoid` first means layer 0 was left out; `layer 1: 2 inputs` is misnumbered.
  const hasInputLayer = !(first.written !== null && first.written >= 1 && first.word !== null && !INPUT_WORDS.includes(first.word));
  if (!hasInputLayer)
    reporter.report(
      'missing-input-layer',
      first.header,
      `expected the input layer, \`layer 0: N inputs\`, before layer ${first.written}; found layer ${first.written} first. Add a line such as \`layer 0: 2 inputs\` above it, where N is the number of inputs x of each example`,
    );
  checkNumbering(layers, hasInputLayer, reporter);

  const activations = layers.map((layer, i) =>
    hasInputLayer && i === 0 ? checkInputLayer(layer, store, reporter) : checkActivation(layer, reporter),
  );
  if (hasInputLayer && layers.length === 1 && !first.damaged)
    reporter.report(
      'no-trainable-layer',
      first.header,
      'expected at least one layer after layer 0, the inputs; found none, so there are no weights to learn. Add one below, as in `layer 1: 1 sigmoid`',
    );
  checkParameterCount(layers, hasInputLayer, reporter, limits);
  for (let i = 1; i < layers.length; i++) {
    const previous = layers[i - 1].size;
    const layer = layers[i];
    if (previous === null || layer.size === null) continue;
    if (layer.weights !== null && !layer.weights.damaged) checkWeights(layer, layers[i - 1], layer.weights, store, reporter);
    if (layer.biases !== null && !layer.biases.damaged && layer.biases.count !== layer.size)
      reporter.report(
        'biases-length',
        blockNumbersRange(store, layer.biases),
        `layer ${layer.label} needs ${counted(layer.size, 'bias', 'biases')} ${biasesSymbol(layer.label)}, one for each of its neurons; found ${layer.biases.count}`,
      );
  }
  return { hasInputLayer, activations };
}

/** Each written number must be one more than the one before; the first must be 0. */
function checkNumbering(layers: readonly DraftLayer[], hasInputLayer: boolean, reporter: Reporter): void {
  let previous: number | null = null;
  for (let i = 0; i < layers.length; i++) {
    const { written, writtenRange } = layers[i];
    if (written === null || writtenRange === null) {
      previous = null;
      continue;
    }
    if (i === 0 && hasInputLayer && written !== 0)
      reporter.report(
        'layer-number',
        writtenRange,
        `expected layer 0, the inputs, first; found layer ${written}. Layers are numbered from 0: write \`layer 0: ${layers[0].size ?? 'N'} inputs\``,
      );
    else if (i > 0 && previous !== null && written !== previous + 1)
      reporter.report(
        'layer-number',
        writtenRange,
        `expected layer ${previous + 1} after layer ${previous}; found layer ${written}. Layers are numbered 0, 1, 2, … in order`,
      );
    previous = written;
  }
}

function checkInputLayer(layer: DraftLayer, store: NumberStore, reporter: Reporter): null {
  const { word, wordRange } = layer;
  if (word !== null && wordRange !== null && !INPUT_WORDS.includes(word)) {
    if (isActivationName(word))
      reporter.report(
        'input-layer-activation',
        wordRange,
        `expected \`inputs\` after the size of layer 0; found the activation ${quoted(word)}, but layer 0 holds the inputs x, which have none. Write \`layer 0: ${layer.size ?? 'N'} inputs\` and give layer 1 the activation`,
        { title: "Change to 'inputs'", range: wordRange, newText: 'inputs' },
      );
    else {
      const suggestion = didYouMean(word, INPUT_WORDS, wordRange);
      reporter.report('unexpected-text', wordRange, `expected \`inputs\` after the size of layer 0; found ${quoted(word)}${suggestion.tail}`, suggestion.fix);
    }
  }
  for (const block of [layer.weights, layer.biases]) {
    if (block === null) continue;
    const which = block === layer.weights ? 'w' : 'b';
    reporter.report(
      'input-layer-parameters',
      blockRange(store, block),
      `layer 0 holds the inputs, which have no weights or biases; found \`${which}\`. The parameters ${weightsSymbol(1)} and ${biasesSymbol(1)} go below \`layer 1\``,
    );
  }
  return null;
}

function checkActivation(layer: DraftLayer, reporter: Reporter): ActivationName | null {
  const { word, wordRange, label } = layer;
  if (word === null || wordRange === null) {
    if (!layer.damaged)
      reporter.report(
        'missing-activation',
        layer.header,
        `expected an activation after the size of layer ${label} (${ACTIVATION_LIST}); found the end of the line. Write, for example, \`layer ${label}: ${layer.size ?? 2} sigmoid\``,
      );
    return null;
  }
  if (INPUT_WORDS.includes(word)) {
    // A second `layer 0: n inputs` is already reported as misnumbered; say it once.
    if (layer.written === 0) return null;
    reporter.report(
      'unknown-activation',
      wordRange,
      `expected an activation for layer ${label} (${ACTIVATION_LIST}); found ${quoted(word)}, but only layer 0 holds the inputs`,
    );
    return null;
  }
  if (!isActivationName(word)) {
    const suggestion = didYouMean(word, ACTIVATIONS, wordRange);
    reporter.report(
      'unknown-activation',
      wordRange,
      `unknown activation ${quoted(word)}${suggestion.tail || `; expected ${ACTIVATION_LIST}`}`,
      suggestion.fix,
    );
    return null;
  }
  // Outputs that always add up to 1 leave a single neuron nothing but 1.
  if (activationEntry(word).range.sumsToOne && layer.size === 1)
    reporter.report(
      'softmax-single-neuron',
      wordRange,
      `${word} on a single neuron always outputs 1, whatever ${preactivationSymbol(label)} is, so layer ${label} cannot learn; use sigmoid for one yes/no output, or give the layer a neuron per class`,
    );
  return word;
}

/** Σ (n_(ℓ−1)·n_ℓ + n_ℓ) from the headers alone, so a huge layer is refused before allocation. */
function checkParameterCount(layers: readonly DraftLayer[], hasInputLayer: boolean, reporter: Reporter, limits: Limits): void {
  let total = 0;
  let largest: DraftLayer | null = null;
  let largestCount = 0;
  for (let i = hasInputLayer ? 1 : 0; i < layers.length; i++) {
    const previous = i > 0 ? layers[i - 1].size : null;
    const size = layers[i].size;
    if (previous === null || size === null) continue;
    const count = previous * size + size;
    total += count;
    if (count > largestCount) {
      largestCount = count;
      largest = layers[i];
    }
  }
  if (total > limits.maxParameters && largest !== null)
    reporter.report(
      'network-too-large',
      largest.header,
      `expected at most ${thousands(limits.maxParameters)} parameters (weights and biases); this network has ${thousands(total)}, of which layer ${largest.label} has ${thousands(largestCount)}. Use fewer neurons`,
    );
}

function checkWeights(layer: DraftLayer, below: DraftLayer, block: NumberBlock, store: NumberStore, reporter: Reporter): void {
  const rowsNeeded = below.size as number;
  const columns = layer.size as number;
  const starts = block.rowStarts;
  const rows = starts.length;
  const end = block.start + block.count;
  const lengthOf = (r: number) => (r + 1 < rows ? starts[r + 1] : end) - starts[r];
  let sameLength = rows > 0;
  for (let r = 1; r < rows && sameLength; r++) sameLength = lengthOf(r) === lengthOf(0);
  const symbol = weightsSymbol(layer.label);

  if (sameLength && rows === columns && lengthOf(0) === rowsNeeded && rows !== rowsNeeded) {
    reporter.report(
      'weights-transposed',
      blockRange(store, block),
      `expected ${symbol} as ${counted(rowsNeeded, 'row')} of ${columns} (row k for neuron k of layer ${below.label}, column j for neuron j of layer ${layer.label}); found ${counted(rows, 'row')} of ${lengthOf(0)}, the other way round. Swap its rows and columns`,
    );
    return;
  }
  if (rows === 1 && rowsNeeded > 1 && lengthOf(0) === rowsNeeded * columns) {
    reporter.report(
      'weights-row-count',
      blockRange(store, block),
      `layer ${layer.label} needs ${counted(rowsNeeded, 'row')} of weights, one for each neuron of layer ${below.label}; found all ${rowsNeeded * columns} weights on one line. Put each row of ${columns} on a line of its own, below the first`,
    );
    return;
  }
  if (rows !== rowsNeeded) {
    const range = rows > rowsNeeded ? numbersRange(store, starts[rowsNeeded], end) : blockRange(store, block);
    reporter.report(
      'weights-row-count',
      range,
      `layer ${layer.label} needs ${counted(rowsNeeded, 'row')} of weights, one for each neuron of layer ${below.label}; found ${rows}. Each line of numbers under \`w\` is one row`,
    );
  }
  if (rows >= 2 && sameLength && lengthOf(0) !== columns) {
    reporter.report(
      'weights-row-length',
      blockRange(store, block),
      `each row of ${symbol} needs ${counted(columns, 'number')}, one for each neuron of layer ${layer.label}; every row has ${lengthOf(0)}`,
    );
    return;
  }
  for (let r = 0; r < rows; r++) {
    const length = lengthOf(r);
    if (length !== columns && length > 0)
      reporter.report(
        'weights-row-length',
        numbersRange(store, starts[r], starts[r] + length),
        `row ${r + 1} of ${symbol} needs ${counted(columns, 'number')}, one for each neuron of layer ${layer.label}; found ${length}`,
      );
  }
}
