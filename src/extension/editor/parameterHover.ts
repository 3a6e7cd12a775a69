import { exampleWeightGradientEntry } from '../../core/engine/perExample';
import type { EngineResult } from '../../core/engine/types';
import { activationEntry } from '../../core/activations/registry';
import { outputLayerIndex } from '../../core/model/network';
import {
  a, activationDerivativeFor, b, costDerivativeFor, dadz, dcda, dcdb, dcdw, dcdz, delta, formatFactor, formatNumber,
  meanDcdb, meanDcdw, otherWeightOrder, partial, sigmaPrime, w, y, z, type Notation, type WeightOrder,
} from '../../core/notation';
import type { StepAddress } from '../../core/trace/types';
import { address, plural, steppedExample, type EditorState } from './editorState';
import { blocks, heading, lines, links, neuron, table } from './hoverParts';
import { escapeMarkdown } from './markdownEscape';

/**
 * Hovers of one weight or one bias: what the parameter is, its gradient for the example being
 * stepped and for the whole batch, the chain-rule product that gives the gradient with every
 * factor's number, and the parameter's value after one gradient step.
 *
 * The product is written the way the learner's question asks to see it,
 *   ∂cᵢ/∂w⁽ℓ⁾ₖⱼ = ∂cᵢ/∂a⁽ℓ⁾ⱼ · ∂a⁽ℓ⁾ⱼ/∂z⁽ℓ⁾ⱼ · ∂z⁽ℓ⁾ⱼ/∂w⁽ℓ⁾ₖⱼ,
 * each factor named, valued and explained, and then tied to δ⁽ℓ⁾ⱼ = ∂cᵢ/∂z⁽ℓ⁾ⱼ. A softmax layer
 * couples its neurons (each a depends on every z), so there δ is a sum and the product is
 * shown as δ⁽ℓ⁾ⱼ · a⁽ℓ⁻¹⁾ₖ.
 */

/** A hidden layer's back-carried sum is written out with numbers up to this many terms. */
const SUM_TERMS_SHOWN = 4;

/** The numbers both hovers need about neuron j of layer ℓ for the stepped example. */
interface NeuronNumbers {
  readonly example: number;
  readonly dcda: number;
  readonly dadz: number;
  readonly delta: number;
  readonly a: number;
  readonly z: number;
}

function neuronNumbers(engine: EngineResult, example: number, layer: number, j: number): NeuronNumbers {
  const values = engine.example(example);
  return {
    example,
    dcda: values.dcda[layer][j - 1],
    dadz: values.dadz[layer][j - 1],
    delta: values.delta[layer][j - 1],
    a: values.a[layer][j - 1],
    z: values.z[layer][j - 1],
  };
}

export function weightHover(state: EditorState, engine: EngineResult, layer: number, k: number, j: number): string {
  const network = engine.network;
  const n = network.layers[layer].size;
  const e = steppedExample(state);
  const index = (k - 1) * n + (j - 1);
  const numbers = neuronNumbers(engine, e, layer, j);
  const input = engine.example(e).a[layer - 1][k - 1];
  const order = state.weightOrder;
  const symbol = w(layer, k, j, order).text;
  const exampleGradient = exampleWeightGradientEntry(engine.example(e), layer, k, j);
  const meanGradient = engine.gradient.w[layer][index];
  const value = network.layers[layer].weights[index];
  const inputFactor: Factor = {
    rate: partial(z(layer, j), w(layer, k, j, order)).text,
    is: a(layer - 1, k).text,
    value: input,
    why: `in ${zSum(state, layer, j)}, ${symbol} multiplies ${a(layer - 1, k).text}, so each unit change of ${symbol} changes ${z(layer, j).text} by ${a(layer - 1, k).text}`,
  };
  return parameterHover(state, engine, {
    symbol,
    description: `the weight from ${neuron(k, layer - 1)} to ${neuron(j, layer)}`,
    otherOrder: otherOrderNote(order, layer, k, j),
    exampleRate: dcdw(layer, k, j, order).text,
    meanRate: meanDcdw(layer, k, j, order).text,
    value,
    exampleGradient,
    meanGradient,
    updated: engine.updated.w[layer][index],
    address: address('dw', layer, j, k),
    chainRule: chainRule(state, engine, layer, j, numbers, w(layer, k, j, order), inputFactor, exampleGradient),
  });
}

export function biasHover(state: EditorState, engine: EngineResult, layer: number, j: number): string {
  const network = engine.network;
  const e = steppedExample(state);
  const numbers = neuronNumbers(engine, e, layer, j);
  const symbol = b(layer, j).text;
  const meanGradient = engine.gradient.b[layer][j - 1];
  const value = network.layers[layer].biases[j - 1];
  const oneFactor: Factor = {
    rate: partial(z(layer, j), b(layer, j)).text,
    is: '1',
    value: 1,
    why: `in ${zSum(state, layer, j)}, ${symbol} is simply added, so ${z(layer, j).text} changes exactly as much as ${symbol} does`,
  };
  return parameterHover(state, engine, {
    symbol,
    description: `the bias of ${neuron(j, layer)}`,
    exampleRate: dcdb(layer, j).text,
    meanRate: meanDcdb(layer, j).text,
    value,
    exampleGradient: numbers.delta,
    meanGradient,
    updated: engine.updated.b[layer][j - 1],
    address: address('db', layer, j),
    chainRule: chainRule(state, engine, layer, j, numbers, b(layer, j), oneFactor, numbers.delta),
  });
}

/** What the weight and bias hovers share, each filled in for its parameter. */
interface ParameterFacts {
  readonly symbol: string;
  readonly description: string;
  /** For a weight, how the other index convention writes it. */
  readonly otherOrder?: string;
  /** ∂cᵢ/∂p and ∂c/∂p in symbols. */
  readonly exampleRate: string;
  readonly meanRate: string;
  readonly value: number;
  readonly exampleGradient: number;
  readonly meanGradient: number;
  readonly updated: number;
  readonly address: StepAddress;
  readonly chainRule: string;
}

/**
 * The hover's layout, answer first (hovers are short windows): the parameter; two lines with
 * its value, its value after one step and both gradients; the links; then the chain rule that
 * explains the gradient, and the update written out.
 */
function parameterHover(state: EditorState, engine: EngineResult, facts: ParameterFacts): string {
  const d = state.digits;
  const e = steppedExample(state);
  const m = engine.exampleCount;
  const eta = engine.network.learningRate;
  return blocks(
    heading(facts.symbol, facts.description),
    facts.otherOrder,
    lines(
      `${facts.symbol} = ${formatNumber(facts.value, d)} → ${formatNumber(facts.updated, d)} after one gradient step`,
      `${facts.exampleRate} = ${formatNumber(facts.exampleGradient, d)} for example ${e + 1}${steppedNote(state)} · ${facts.meanRate} = ${formatNumber(facts.meanGradient, d)}, the mean over ${m === 1 ? 'the m = 1 example' : `all m = ${m} examples`}`,
    ),
    links(state, facts.address),
    facts.chainRule,
    `**One gradient step** moves ${facts.symbol} against the batch gradient: ${facts.symbol} − η · ${facts.meanRate} = ${formatNumber(facts.value, d)} − ${formatFactor(eta, d)} × ${formatFactor(facts.meanGradient, d)} = ${formatNumber(facts.updated, d)}.`,
    failureNote(engine),
  );
}

/**
 * One factor of the product: the rate it is (∂z⁽²⁾₁/∂w⁽²⁾₁₁), what that rate works out to
 * (a⁽¹⁾₁) when it is simpler, its number for the stepped example, and why it is so.
 */
interface Factor {
  readonly rate: string;
  readonly is: string | null;
  readonly value: number;
  readonly why: string;
}

/**
 * "Where ∂cᵢ/∂p comes from": the chain of rates from the parameter p to the cost, the same
 * product with numbers, a table of the factors, and how the first two make δ.
 */
function chainRule(
  state: EditorState, engine: EngineResult, layer: number, j: number, numbers: NeuronNumbers,
  parameter: Notation, last: Factor, result: number,
): string {
  const d = state.digits;
  const network = engine.network;
  const target = partial({ tex: 'c_i', text: 'cᵢ' }, parameter).text;
  const aj = a(layer, j).text;
  const zj = z(layer, j).text;
  const lastValueSymbol = last.is ?? last.rate;
  const equals = `= ${formatNumber(result, d)}`;
  const title = `**Where ${target} comes from** (example ${numbers.example + 1}).`;

  // An activation that couples the layer (softmax) has no single σ′(z_j): δ is a sum over its Jacobian.
  if (!activationEntry(network.layers[layer].activation!).elementwise) {
    const deltaFactor: Factor = {
      rate: dcdz(layer, j).text,
      is: delta(layer, j).text,
      value: numbers.delta,
      why: `${network.layers[layer].activation} makes every ${a(layer, 'r').text} depend on ${zj}, so ${delta(layer, j).text} = Σᵣ ${dcda(layer, 'r').text} · ${dadz(layer, 'r', j).text}`,
    };
    return blocks(
      `${title} ${parameter.text} reaches the cost only through ${zj}, so the chain rule multiplies two rates:`,
      lines(
        `${target} = ${dcdz(layer, j).text} · ${last.rate}`,
        `= ${delta(layer, j).text} · ${lastValueSymbol}`,
        `= ${formatFactor(numbers.delta, d)} × ${formatFactor(last.value, d)} ${equals}`,
      ),
      factorTable(state, [deltaFactor, last]),
    );
  }

  const costRate: Factor = { rate: dcda(layer, j).text, is: null, value: numbers.dcda, why: costRateWhy(state, engine, layer, j) };
  const slope: Factor = {
    rate: dadz(layer, j, j).text,
    is: sigmaPrime(layer, j).text,
    value: numbers.dadz,
    why: `the slope of ${network.layers[layer].activation} at ${zj}: ${escapeMarkdown(
      activationDerivativeFor(network.layers[layer].activation!, a(layer, j), z(layer, j)).text,
    )}`,
  };
  return blocks(
    `${title} ${parameter.text} reaches the cost only through ${zj}, and ${zj} only through ${aj}, so the chain rule multiplies three rates:`,
    lines(
      `${target} = ${dcda(layer, j).text} · ${dadz(layer, j, j).text} · ${last.rate}`,
      `= ${dcda(layer, j).text} · ${sigmaPrime(layer, j).text} · ${lastValueSymbol}`,
      `= ${formatFactor(numbers.dcda, d)} × ${formatFactor(numbers.dadz, d)} × ${formatFactor(last.value, d)} ${equals}`,
    ),
    factorTable(state, [costRate, slope, last]),
    `The first two factors make ${delta(layer, j).text} = ${dcdz(layer, j).text} = ${formatNumber(numbers.delta, d)}, so ${target} = ${last.is === '1' ? delta(layer, j).text : `${delta(layer, j).text} · ${lastValueSymbol}`}.`,
  );
}

function factorTable(state: EditorState, factors: readonly Factor[]): string {
  return table(
    ['factor', 'value', 'why'],
    factors.map((f) => [f.is ? `${f.rate} = ${f.is}` : f.rate, formatNumber(f.value, state.digits), f.why]),
    ['left', 'right', 'left'],
  );
}

/**
 * Why ∂cᵢ/∂a⁽ℓ⁾ⱼ has its value: in the output layer it is the cost's derivative (with a and y),
 * in a hidden layer it is carried back from layer ℓ + 1.
 */
function costRateWhy(state: EditorState, engine: EngineResult, layer: number, j: number): string {
  const network = engine.network;
  const L = outputLayerIndex(network);
  const e = steppedExample(state);
  if (layer === L) {
    const n = network.layers[L].size;
    const formula = costDerivativeFor(network.cost, a(L, j), y(j), n).text;
    const target = network.examples[e]?.y[j - 1];
    const output = engine.example(e).a[L][j - 1];
    return `how the ${network.cost} cost cᵢ changes with the output ${a(L, j).text}: ${escapeMarkdown(formula)}, with ${a(L, j).text} = ${formatNumber(output, state.digits)} and ${y(j).text} = ${formatNumber(target ?? NaN, state.digits)}`;
  }
  const next = network.layers[layer + 1].size;
  const sum = `carried back from layer ${layer + 1}: Σᵣ ${delta(layer + 1, 'r').text} · ${w(layer + 1, j, 'r', state.weightOrder).text}, over its ${plural(next, 'neuron')}`;
  if (next > SUM_TERMS_SHOWN) return sum;
  // Few enough terms to write out: the learner sees each δ meet the weight it travels back through.
  const terms: string[] = [];
  for (let r = 1; r <= next; r++) {
    const deltaR = engine.example(e).delta[layer + 1][r - 1];
    const weight = network.layers[layer + 1].weights[(j - 1) * next + (r - 1)];
    terms.push(`${formatFactor(deltaR, state.digits)} × ${formatFactor(weight, state.digits)}`);
  }
  return `${sum} = ${terms.join(' + ')}`;
}

/** z⁽ℓ⁾ⱼ = Σₖ w⁽ℓ⁾ₖⱼ a⁽ℓ⁻¹⁾ₖ + b⁽ℓ⁾ⱼ with j filled in. */
function zSum(state: EditorState, layer: number, j: number): string {
  return `${z(layer, j).text} = Σₖ ${w(layer, 'k', j, state.weightOrder).text} ${a(layer - 1, 'k').text} + ${b(layer, j).text}`;
}

/** Where each weight-index convention comes from, as the hover names it. */
const ORDER_SOURCES: Record<WeightOrder, string> = {
  'from-to': "the from-to convention (the article's)",
  'to-from': "the to-from convention (Nielsen's book and many course notes)",
};

/**
 * One line for a learner coming from another text: how the convention not in use writes this
 * weight, e.g. "In the to-from convention (Nielsen's book …) this weight is written w⁽²⁾₂₁."
 */
export function otherOrderNote(order: WeightOrder, layer: number, k: number, j: number): string {
  const other = otherWeightOrder(order);
  return `In ${ORDER_SOURCES[other]} this weight is written ${w(layer, k, j, other).text}.`;
}


function steppedNote(state: EditorState): string {
  return state.analysis.exampleCount > 1 ? ' (being stepped)' : '';
}


/** The engine's first non-finite number, so NaN in the table has a reason beside it. */
export function failureNote(engine: EngineResult): string {
  return engine.failure ? `⚠ ${escapeMarkdown(engine.failure.message)}` : '';
}
