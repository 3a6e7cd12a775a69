import type { EngineResult } from '../../core/engine/types';
import { Command } from '../commandIds';
import { outputLayerIndex, parameterCount, type CostName } from '../../core/model/network';
import { a, COST_FORMULAS, dcda, formatNumber, layerText, subscriptsText, w } from '../../core/notation';
import { address, plural, steppedExample, type EditorState } from './editorState';
import { blocks, heading, lines, links, table } from './hoverParts';
import { HOVER_VECTOR_ENTRIES } from './layerHover';
import { commandLink, escapeMarkdown } from './markdownEscape';
import { failureNote } from './parameterHover';
import { vectorText } from './vectorText';

/**
 * Hovers of the spec's settings and data: the `network` line, the cost, the learning rate, the
 * seed, an `example` line and its numbers (inputs x, targets y).
 */

/** x_ik / y_ij with the example written as its number: x₁₂ is input 2 of example 1. */
export function inputSymbol(example: number, k: number): string {
  return `x${subscriptsText(example, k)}`;
}

export function targetSymbol(example: number, j: number): string {
  return `y${subscriptsText(example, j)}`;
}

/** c₁, c₂, …: the cost of one numbered example (cᵢ with i filled in). */
export function exampleCostSymbol(example: number): string {
  return `c${subscriptsText(example)}`;
}

export function networkHover(state: EditorState, engine: EngineResult): string {
  const network = engine.network;
  const L = outputLayerIndex(network);
  const sizes = network.layers.map((layer) => layer.size).join(' → ');
  const name = network.name === null ? 'network' : `network “${escapeMarkdown(network.name)}”`;
  return blocks(
    heading(name, `${plural(L, 'layer')} after the inputs (ℓ = 1 … L, L = ${L}), ${parameterCount(network)} weights and biases`),
    table(
      ['quantity', 'value'],
      [
        ['sizes n₀ → … → n_L', sizes],
        ['m, the number of examples', String(engine.exampleCount)],
        ['c, the mean of the cᵢ', formatNumber(engine.cost, state.digits)],
        ['c after one gradient step', formatNumber(engine.updated.cost, state.digits)],
      ],
      ['left', 'right'],
    ),
    failureNote(engine),
    links(state, null),
  );
}

export function costHover(state: EditorState, engine: EngineResult): string {
  const network = engine.network;
  const L = outputLayerIndex(network);
  const e = steppedExample(state);
  const n = network.layers[L].size;
  return blocks(
    costFormulas(network.cost),
    table(
      ['quantity', 'value'],
      [
        [`${exampleCostSymbol(e + 1)}, the cost of example ${e + 1}`, formatNumber(engine.costs[e], state.digits)],
        [`∂cᵢ/∂a${layerText(L)} for example ${e + 1}`, vectorText(engine.example(e).dcda[L], state.digits, HOVER_VECTOR_ENTRIES)],
        [`c, the mean over the m = ${engine.exampleCount}`, formatNumber(engine.cost, state.digits)],
      ],
      ['left', 'right'],
    ),
    `∂cᵢ/∂a${layerText(L)}ⱼ is where the backward pass starts: the first factor of every chain-rule product.`,
    failureNote(engine),
    links(state, address('cost', L), 'Step to the cost'),
  );
}

/** A cost's formula and derivative; needs no numbers, so it also serves specs with errors. */
export function costFormulas(name: CostName): string {
  const formulas = COST_FORMULAS[name];
  return blocks(
    heading(`${name} cost`, 'cᵢ measures how far the output a⁽ᴸ⁾ is from the target yᵢ for example i; c is their mean'),
    lines(escapeMarkdown(formulas.definition.text), escapeMarkdown(formulas.derivative.text)),
    escapeMarkdown(formulas.note),
  );
}

export function learningRateHover(state: EditorState, engine: EngineResult): string {
  const eta = engine.network.learningRate;
  return blocks(
    heading('η', 'the learning rate: how far one gradient step moves each weight and bias'),
    lines('w ← w − η · ∂c/∂w', 'b ← b − η · ∂c/∂b'),
    `With η = ${formatNumber(eta, state.digits)}, one step takes the cost c from ${formatNumber(engine.cost, state.digits)} to ${formatNumber(engine.updated.cost, state.digits)}. A larger η moves further, and can overshoot.`,
    links(state, address('w-new', 1, 1, 1), 'Step to the gradient step'),
  );
}

export function seedHover(): string {
  return blocks(
    heading('seed', 'starts the pseudo-random numbers that initialise any layer whose `w` the spec leaves out'),
    'Layers that write out their weights do not use it; a left-out `b` is all zeros.',
  );
}

export function exampleHover(state: EditorState, engine: EngineResult, example: number): string {
  const network = engine.network;
  const L = outputLayerIndex(network);
  const e = example - 1;
  const d = state.digits;
  const n = network.layers[L].size;
  const stepped = steppedExample(state) === e;
  return blocks(
    heading(`example ${example}`, `one training example: inputs x and targets y${stepped ? ' (the one being stepped)' : ''}`),
    table(
      ['quantity', 'value'],
      [
        [`${exampleCostSymbol(example)}, its cost`, formatNumber(engine.costs[e], d)],
        [`a${layerText(L)}, the network's output`, vectorText(engine.example(e).a[L], d, HOVER_VECTOR_ENTRIES)],
        ['y, the target', vectorText(network.examples[e].y, d, HOVER_VECTOR_ENTRIES)],
        ['x, the inputs', vectorText(network.examples[e].x, d, HOVER_VECTOR_ENTRIES)],
      ],
      ['left', 'left'],
    ),
    stepped
      ? links(state, address('cost', L), 'Step to its cost')
      : commandLink('Trace this example', Command.traceExample, [state.uri, e], `Step through example ${example} in the panel`),
  );
}

export function inputHover(state: EditorState, engine: EngineResult, example: number, k: number): string {
  const value = engine.network.examples[example - 1].x[k - 1];
  return blocks(
    heading(inputSymbol(example, k), `input ${k} of example ${example}`),
    `${inputSymbol(example, k)} = ${formatNumber(value, state.digits)}. When example ${example} runs it is ${a(0, k).text}, the activation of neuron ${k} of layer 0, and it reaches every neuron j of layer 1 through the weight ${w(1, k, 'j', state.weightOrder).text}.`,
  );
}

export function targetHover(state: EditorState, engine: EngineResult, example: number, j: number): string {
  const network = engine.network;
  const L = outputLayerIndex(network);
  const n = network.layers[L].size;
  const e = example - 1;
  const d = state.digits;
  const stepped = steppedExample(state) === e;
  return blocks(
    heading(targetSymbol(example, j), `the target of output neuron ${j} in example ${example}: what ${a(L, j).text} should be`),
    table(
      ['quantity', 'value'],
      [
        [targetSymbol(example, j), formatNumber(network.examples[e].y[j - 1], d)],
        [`${a(L, j).text}, the output`, formatNumber(engine.example(e).a[L][j - 1], d)],
        [`${dcda(L, j).text}`, formatNumber(engine.example(e).dcda[L][j - 1], d)],
      ],
      ['left', 'right'],
    ),
    `The target enters the gradient only through ${dcda(L, j).text}, the first factor of the chain rule for every weight and bias of neuron ${j}.`,
    links(state, stepped ? address('dcda', L, j) : null),
  );
}
