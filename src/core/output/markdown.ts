import type { EngineResult } from '../engine/types';
import type { Network } from '../model/network';
import { formatNumber, formatNumberTex } from '../notation/format';
import { ACTIVATION_FORMULAS, COST_FORMULAS } from '../notation/formulas';
import { escapeMarkdown } from '../text/escape';
import type { StepKind, Trace, TraceStep } from '../trace/types';

/**
 * A worked solution in Markdown with LaTeX math ($…$ inline, $$…$$ displayed), the kind of
 * sheet a teacher could hand out: the network and example, then every step grouped by phase
 * and layer, each kind of step introduced once per group by a short explanation.
 */

/** What each kind of step does, in plain words, shown before the first step of its kind in a group. */
const EXPLANATIONS: Record<StepKind, string> = {
  z: 'Each neuron first adds up what reaches it: every activation of the layer below times the weight connecting it, plus the neuron\'s bias.',
  a: 'The activation function turns that weighted sum into the neuron\'s output.',
  cost: 'The cost of this example compares the outputs of the last layer with the targets.',
  dcda:
    'How much the cost changes when this activation changes. In the last layer that comes straight from the cost function; further back, the activation reaches the cost through every neuron of the next layer, so the contributions δ · w of all of them are added up.',
  dadz: 'How much the activation changes when its weighted sum changes: the slope of the activation function at z.',
  delta:
    'Multiplying the two previous numbers (chain rule) gives δ, how much the cost changes when the weighted sum z changes. Every gradient of this layer is built from it.',
  dw:
    'A weight only enters the cost through the weighted sum of the neuron it feeds, where it multiplies one activation of the layer below. So the chain rule has three links — cost to activation, activation to weighted sum, weighted sum to weight — and the last link is just that activation. The first two links together are δ.',
  db: 'A bias enters the weighted sum with coefficient 1, so its gradient is δ itself.',
  'w-new': 'Gradient descent moves every weight a small step (the learning rate η) against its gradient.',
  'b-new': 'The biases move the same way.',
};

export interface MarkdownOptions {
  /** Significant digits (default 6). */
  readonly digits?: number;
}

/**
 * The worked solution a paragraph at a time, to be joined by line breaks: a network of millions
 * of weights has millions of steps, too many for one string.
 */
export function* traceMarkdownParagraphs(network: Network, result: EngineResult, trace: Trace, options: MarkdownOptions = {}): Generator<string, void, undefined> {
  const digits = options.digits ?? 6;
  const i = trace.example;
  const example = network.examples[i];
  const L = network.layers.length - 1;
  yield paragraph(`# Backpropagation, step by step${network.name ? `: ${escapeMarkdown(network.name)}` : ''}`);
  yield paragraph(`Network ${network.layers.map((l) => l.size).join('-')} (layers ℓ = 0 … ${L}), cost **${network.cost}**, learning rate $\\eta = ${formatNumberTex(network.learningRate, digits)}$.`);
  yield paragraph(`The cost of one example: $$${COST_FORMULAS[network.cost].definition.tex}$$`);
  const activations = [...new Set(network.layers.slice(1).map((l) => l.activation!))];
  for (const name of activations) {
    const f = ACTIVATION_FORMULAS[name];
    yield paragraph(`**${name}**: $${f.definition.tex}$, $${f.derivative.tex}$. ${f.note}`);
  }
  const vector = (v: Float64Array) => `(${Array.from(v, (x) => formatNumber(x, digits)).join(', ')})`;
  yield paragraph(`This sheet follows example $i = ${i + 1}$ of ${result.exampleCount}: $x = ${vector(example.x)}$, target $y = ${vector(example.y)}$.`);
  let lastPhase = '';
  for (const group of trace.groups) {
    const phaseTitle = { forward: 'Forward pass', cost: 'Cost', backward: 'Backward pass', update: 'Gradient descent step' }[group.phase];
    if (group.phase !== lastPhase) {
      yield paragraph(`## ${phaseTitle}`);
      if (group.phase === 'update' && result.exampleCount > 1) {
        yield paragraph(`The step uses $\\frac{\\partial c}{\\partial w}$, the mean of $\\frac{\\partial c_i}{\\partial w}$ over all ${result.exampleCount} examples, not only this one's.`);
      }
      lastPhase = group.phase;
    }
    if (group.phase !== 'cost') yield paragraph(`### Layer ${group.layer}${group.layer === L ? ' (output)' : ''}`);
    const explained = new Set<StepKind>();
    for (let index = group.start; index < group.end; index++) {
      const step = trace.step(index);
      if (!explained.has(step.address.kind)) {
        explained.add(step.address.kind);
        yield paragraph(EXPLANATIONS[step.address.kind]);
      }
      yield paragraph(stepMath(step, digits));
      if (step.note) yield paragraph(`> ${step.note}`);
    }
  }
  yield paragraph('## Result');
  yield paragraph(`Mean cost before the step $c = ${formatNumberTex(result.cost, digits)}$; after it $c = ${formatNumberTex(result.updated.cost, digits)}$.`);
  if (result.failure) yield paragraph(`**Numeric failure:** ${result.failure.message}`);
}

/** A paragraph and the blank line after it: the generator's pieces are joined by line breaks. */
function paragraph(text: string): string {
  return `${text}\n`;
}

export function traceToMarkdown(network: Network, result: EngineResult, trace: Trace, options: MarkdownOptions = {}): string {
  return [...traceMarkdownParagraphs(network, result, trace, options)].join('\n');
}

/** One step as displayed math: symbol = formula = numbers = value. */
export function stepMath(step: TraceStep, digits = 6): string {
  const parts = [step.symbolTex];
  const value = formatNumberTex(step.value, digits);
  for (const part of [step.formulaTex, step.substitutedTex]) {
    if (part !== '' && part !== parts[parts.length - 1] && part !== value) parts.push(part);
  }
  parts.push(value);
  return `$$${parts.join(' = ')}$$`;
}
