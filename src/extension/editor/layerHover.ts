import type { EngineResult } from '../../core/engine/types';
import { outputLayerIndex } from '../../core/model/network';
import {
  a, ACTIVATION_FORMULAS, b, dcda, dcdb, dcdw, delta, formatNumber, layerText, meanDcdb, meanDcdw, sigmaPrime, w, z,
} from '../../core/notation';
import { address, steppedExample, type EditorState } from './editorState';
import { blocks, heading, lines, links, neurons, table } from './hoverParts';
import { escapeMarkdown } from './markdownEscape';
import { failureNote } from './parameterHover';
import { vectorText } from './vectorText';

/**
 * Hovers of a layer's parts: its `layer ℓ:` line (the layer's z, a and δ vectors for the example
 * being stepped), its activation name (σ and σ′ as formulas), and the `w` / `b` keywords (the
 * whole matrix w⁽ℓ⁾ or vector b⁽ℓ⁾ and where its gradient is steepest).
 */

/** How many entries of a vector a hover shows before "… n more". */
export const HOVER_VECTOR_ENTRIES = 8;

/** "⁽²⁾" alone, for whole-layer vectors: z⁽²⁾, δ⁽²⁾. */
function vectorSymbol(letter: string, layer: number): string {
  return `${letter}${layerText(layer)}`;
}

export function layerHover(state: EditorState, engine: EngineResult, layer: number): string {
  const network = engine.network;
  const L = outputLayerIndex(network);
  const e = steppedExample(state);
  const d = state.digits;
  const size = network.layers[layer].size;
  const values = engine.example(e);
  const slice = (quantity: readonly Float64Array[]) => vectorText(quantity[layer], d, HOVER_VECTOR_ENTRIES);
  const example = `example ${e + 1}`;

  if (layer === 0) {
    return blocks(
      heading('layer 0', `the inputs: ${neurons(size)} whose activations a⁽⁰⁾ are the example's x`),
      table(['quantity', `value for ${example}`], [[`${vectorSymbol('a', 0)} = x`, slice(values.a)]], ['left', 'left']),
      failureNote(engine),
    );
  }

  const activation = network.layers[layer].activation!;
  const role = layer === L ? `the output layer, ℓ = L = ${L}` : `a hidden layer`;
  const deltaRule =
    layer === L
      ? `${delta(layer, 'j').text} = ${dcda(layer, 'j').text} · ${sigmaPrime(layer, 'j').text}: how the cost changes with each neuron's z`
      : `${delta(layer, 'j').text} = (Σᵣ ${delta(layer + 1, 'r').text} ${w(layer + 1, 'j', 'r', state.weightOrder).text}) · ${sigmaPrime(layer, 'j').text}: δ of layer ${layer + 1} carried back through the weights`;
  return blocks(
    heading(`layer ${layer}`, `${neurons(size)} with ${activation} activation (${role})`),
    table(
      ['quantity', `value for ${example}`],
      [
        [vectorSymbol('z', layer), slice(values.z)],
        [vectorSymbol('a', layer), slice(values.a)],
        [`∂cᵢ/∂${vectorSymbol('a', layer)}`, slice(values.dcda)],
        [`σ′(${vectorSymbol('z', layer)})`, slice(values.dadz)],
        [vectorSymbol('δ', layer), slice(values.delta)],
      ],
      ['left', 'left'],
    ),
    lines(
      `${z(layer, 'j').text} = Σₖ ${w(layer, 'k', 'j', state.weightOrder).text} ${a(layer - 1, 'k').text} + ${b(layer, 'j').text}`,
      `${a(layer, 'j').text} = σ(${z(layer, 'j').text})`,
      deltaRule,
    ),
    failureNote(engine),
    links(state, address('z', layer, 1), 'Step to this layer'),
  );
}

export function activationHover(state: EditorState, engine: EngineResult, layer: number): string {
  const name = engine.network.layers[layer].activation;
  if (!name) return layerHover(state, engine, layer);
  const e = steppedExample(state);
  return blocks(
    activationFormulas(name, layer),
    table(
      ['quantity', `value for example ${e + 1}`],
      [
        [`σ′(${vectorSymbol('z', layer)})`, vectorText(engine.example(e).dadz[layer], state.digits, HOVER_VECTOR_ENTRIES)],
      ],
      ['left', 'left'],
    ),
    links(state, address('dadz', layer, 1), `Step to ${sigmaPrime(layer, 1).text}`),
  );
}

/** σ and σ′ of a named activation, as formulas; needs no numbers, so it also serves specs with errors. */
export function activationFormulas(name: keyof typeof ACTIVATION_FORMULAS, layer: number | null): string {
  const formulas = ACTIVATION_FORMULAS[name];
  const where = layer === null ? 'an activation function' : `the activation σ of layer ${layer}: a = σ(z) for each of its neurons`;
  return blocks(
    heading(name, where),
    lines(escapeMarkdown(formulas.definition.text), escapeMarkdown(formulas.derivative.text)),
    escapeMarkdown(formulas.note),
    `In the chain rule σ′(z) is the factor ∂a/∂z: how much the neuron's output moves when its weighted sum z moves.`,
  );
}

export function weightsHover(state: EditorState, engine: EngineResult, layer: number): string {
  const network = engine.network;
  const n = network.layers[layer].size;
  const p = network.layers[layer - 1].size;
  const gradient = engine.gradient.w[layer];
  const steepest = largestMagnitude(gradient);
  const k = Math.floor(steepest / n) + 1;
  const j = (steepest % n) + 1;
  return blocks(
    heading(vectorSymbol('w', layer), `the ${p} × ${n} weights into layer ${layer}`),
    `Row k holds the weights leaving neuron k of layer ${layer - 1}; column j the weights arriving at neuron j of layer ${layer}, so ${w(layer, 'k', 'j', state.weightOrder).text} sits in row k, column j.`,
    gradient.length > 0
      ? `Largest gradient: ${meanDcdw(layer, k, j, state.weightOrder).text} = ${formatNumber(gradient[steepest], state.digits)} — hover a number to see how its gradient is built.`
      : '',
    links(state, address('dw', layer, 1, 1), `Step to ${dcdw(layer, 1, 1, state.weightOrder).text}`),
  );
}

export function biasesHover(state: EditorState, engine: EngineResult, layer: number): string {
  const n = engine.network.layers[layer].size;
  const gradient = engine.gradient.b[layer];
  return blocks(
    heading(vectorSymbol('b', layer), `the ${n === 1 ? 'bias' : `${n} biases`} of layer ${layer}, one per neuron`),
    table(
      ['quantity', 'value'],
      [
        [vectorSymbol('b', layer), vectorText(engine.network.layers[layer].biases, state.digits, HOVER_VECTOR_ENTRIES)],
        [`∂c/∂${vectorSymbol('b', layer)} (mean over the examples)`, vectorText(gradient, state.digits, HOVER_VECTOR_ENTRIES)],
      ],
      ['left', 'left'],
    ),
    `${meanDcdb(layer, 'j').text} is the mean of ${delta(layer, 'j').text} over the examples, because ∂z/∂b = 1.`,
    links(state, address('db', layer, 1), `Step to ${dcdb(layer, 1).text}`),
  );
}

/** The index of the entry with the largest magnitude (0 for an empty array). */
function largestMagnitude(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i]) > Math.abs(values[best])) best = i;
  return best;
}
