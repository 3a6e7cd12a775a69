import { COSTS } from '../costs/registry';
import { GENERATOR_NAMES, GENERATORS, type GeneratorName } from '../data/generators';
import { DEFAULT_LEARNING_RATE, DEFAULT_TRAINING_STEPS } from '../model/defaults';
import { DEFAULT_SEED } from '../model/initialise';
import type { Keyword } from './specShape';

/**
 * What each keyword of the spec language says, for its completion: one line each. The keywords
 * themselves are the parser's list (parser/read.ts, KEYWORDS); this record is typed by it, so a
 * keyword added there without a line here does not compile.
 */
export const KEYWORD_DETAILS: Readonly<Record<Keyword, string>> = {
  network: 'The network\'s name, in double quotes',
  cost: 'The cost cᵢ each example is measured by',
  'learning-rate': 'η: how far each step of gradient descent moves against the gradient',
  seed: 'Seeds the weights a layer leaves out, and the generated data sets',
  steps: 'How many gradient steps a training run takes',
  'batch-size': 'How many training examples each gradient step averages over',
  shuffle: 'Reshuffles the training examples before each pass, from this seed',
  layer: 'A layer ℓ: its number of neurons n_ℓ and its activation σ',
  w: 'The weights w⁽ℓ⁾ₖⱼ: one row for each neuron k of layer ℓ − 1',
  b: 'The biases b⁽ℓ⁾ⱼ: one for each neuron j of the layer',
  example: 'A training example: its inputs xᵢ, then its targets yᵢ',
  data: 'Many examples at once: a generated data set, or the rows of a CSV file',
  validation: 'Holds a share of the examples out of training, to measure how well the network generalises',
};

/** The keywords that stand for themselves on a line of their own, outside any layer. */
export function isTopLevel(keyword: Keyword): boolean {
  return keyword !== 'w' && keyword !== 'b';
}

/**
 * The snippet a setting's keyword inserts: the keyword and a value that checks clean (the
 * documented default where there is one). `layer`, `w`, `b` and `example` depend on the
 * network and are made in snippets.ts; so is `data`'s choice of set (see dataSnippet).
 */
export const SETTING_SNIPPETS: Readonly<Partial<Record<Keyword, string>>> = {
  network: 'network "${1:name}"$0',
  cost: `cost \${1|${COSTS.join(',')}|}$0`,
  'learning-rate': `learning-rate \${1:${DEFAULT_LEARNING_RATE}}$0`,
  seed: `seed \${1:${DEFAULT_SEED}}$0`,
  steps: `steps \${1:${DEFAULT_TRAINING_STEPS}}$0`,
  // One example per step is the one batch size every spec with an example accepts.
  'batch-size': 'batch-size ${1:1}$0',
  shuffle: `shuffle \${1:${DEFAULT_SEED}}$0`,
  validation: 'validation ${1:20}%$0',
};

/** How many examples the `data` snippet generates unless changed. */
const DEFAULT_DATA_COUNT = 100;

/**
 * `data ${1|moons,…|} ${2:100}`: the generated sets that fit a network of `inputs` inputs and
 * `outputs` outputs first (the first of them the default), then the others. When the network's
 * shape is known and no set fits it, `data` alone: its examples can only come from a CSV file,
 * which the person names.
 */
export function dataSnippet(inputs: number | null, outputs: number | null): string {
  const known = inputs !== null && outputs !== null;
  const fits = (name: GeneratorName) => GENERATORS[name].inputs === inputs && outputs !== null && GENERATORS[name].outputs.includes(outputs);
  const fitting = GENERATOR_NAMES.filter(fits);
  if (known && fitting.length === 0) return 'data $0';
  const ordered = [...fitting, ...GENERATOR_NAMES.filter((name) => !fits(name))];
  return `data \${1|${ordered.join(',')}|} \${2:${DEFAULT_DATA_COUNT}}$0`;
}

/** A generated set in a line: its inputs and outputs, for its completion's detail. */
export function dataSetDetail(name: GeneratorName): string {
  const info = GENERATORS[name];
  const outputs = info.outputs.length === 1 ? `${info.outputs[0]} output` : `${info.outputs.join(' or ')} outputs`;
  return `${info.inputs} ${info.inputs === 1 ? 'input' : 'inputs'}, ${outputs}`;
}

/** What a generated set's examples are, for its completion's documentation. */
export function dataSetDocumentation(name: GeneratorName): string {
  const classes = GENERATORS[name].classes;
  const usage = `data ${name} COUNT [noise N] [seed S]`;
  if (classes === null) return `${usage}\n\nOne input x and its target y = sin x, for fitting a curve.`;
  return `${usage}\n\nTwo classes, alternating: class 0 is ${classes[0]}, class 1 is ${classes[1]}. With one output the target is the class; with two it is one-hot.`;
}
