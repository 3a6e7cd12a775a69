import type { EngineResult } from '../engine/types';
import type { Network } from '../model/network';
import type { SpecSource } from '../model/source';
import { thousands } from '../notation/count';
import { exampleOriginText } from '../notation/exampleOrigin';
import { formatNumberTex } from '../notation/format';
import { ACTIVATION_FORMULAS, COST_FORMULAS } from '../notation/formulas';
import type { Phase, StepGroup, StepKind, Trace, TraceStep } from '../trace/types';
import { stepParts } from './stepTex';

/**
 * A worked solution as a stream of format-free blocks — headings, paragraphs, one block per
 * step, notes — that the Markdown, LaTeX and notebook writers each turn into their own text
 * (markdown.ts, latex.ts, notebook.ts). So the three exports say the same things in the same
 * order, with the very TeX the panel typesets for each step (TraceStep's symbol, formula and
 * numbers), and a change to the wording is made once.
 *
 * Blocks are made one at a time: a network of millions of weights has millions of steps, so
 * nothing here holds the whole document; a writer that must hold it (the editor) bounds it
 * with `maxSteps`.
 */

/** A piece of running text: our own words, words taken from the spec (escaped by each writer), inline math, or bold words of our own. */
export type Inline =
  | { readonly kind: 'words'; readonly text: string }
  | { readonly kind: 'spec'; readonly text: string }
  | { readonly kind: 'math'; readonly tex: string }
  | { readonly kind: 'strong'; readonly text: string };

export type SolutionBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly inlines: readonly Inline[] }
  | { readonly kind: 'paragraph'; readonly inlines: readonly Inline[] }
  /** A formula shown on its own: the cost's definition. */
  | { readonly kind: 'display'; readonly tex: string }
  /** One step: the TeX of symbol = formula = numbers = value (or the blank), as `parts`. */
  | { readonly kind: 'step'; readonly step: TraceStep; readonly parts: readonly string[] }
  /** A caveat in plain (Unicode) words, shown as a quotation. */
  | { readonly kind: 'note'; readonly text: string }
  /** The last block of a group of steps (one phase of one layer): where the notebook puts that group's code. */
  | { readonly kind: 'group-end'; readonly group: StepGroup; readonly through: number };

export interface SolutionOptions {
  /** Significant digits (default 6). */
  readonly digits?: number;
  /** The last step written (0-based, inclusive); absent: the whole trace. */
  readonly throughStep?: number;
  /** The exercise sheet: each step's value left as a blank to fill in. */
  readonly blanks?: boolean;
  /** The exercise sheet's answer key: the worked solution, titled as the key to the sheet. */
  readonly answerKey?: boolean;
  /** At most this many steps are written; the document then says where it stopped. Absent: no bound. */
  readonly maxSteps?: number;
  /** Where the examples came from, to name the followed one's origin (a line, a generated set, a CSV row). */
  readonly source?: SpecSource;
  /** The spec's file name, as the reader knows it. */
  readonly fileName?: string;
}

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

const PHASE_TITLES: Record<Phase, string> = { forward: 'Forward pass', cost: 'Cost', backward: 'Backward pass', update: 'Gradient descent step' };

const words = (text: string): Inline => ({ kind: 'words', text });
const math = (tex: string): Inline => ({ kind: 'math', tex });

/** The number of steps a document with these options writes. */
export function writtenSteps(trace: Trace, options: SolutionOptions): number {
  const through = options.throughStep === undefined ? trace.length : Math.min(trace.length, Math.max(0, options.throughStep + 1));
  return options.maxSteps === undefined ? through : Math.min(through, options.maxSteps);
}

export function* solutionBlocks(network: Network, result: EngineResult, trace: Trace, options: SolutionOptions = {}): Generator<SolutionBlock, void, undefined> {
  const digits = options.digits ?? 6;
  const blanks = options.blanks === true;
  const i = trace.example;
  const example = network.examples[i];
  const L = network.layers.length - 1;
  const title = blanks ? 'Backpropagation exercise' : options.answerKey ? 'Backpropagation exercise, answer key' : 'Backpropagation, step by step';
  yield { kind: 'heading', level: 1, inlines: network.name ? [words(`${title}: `), { kind: 'spec', text: network.name }] : [words(title)] };
  const shape = network.layers.map((l) => l.size).join('-');
  yield {
    kind: 'paragraph',
    inlines: [
      ...(options.fileName ? [words('Spec '), { kind: 'spec' as const, text: options.fileName }, words('. ')] : []),
      words(`Network ${shape} (layers ℓ = 0 … ${L}), cost `),
      { kind: 'strong', text: network.cost },
      words(', learning rate '),
      math(`\\eta = ${formatNumberTex(network.learningRate, digits)}`),
      words('.'),
    ],
  };
  yield { kind: 'paragraph', inlines: [words('The cost of one example:')] };
  yield { kind: 'display', tex: COST_FORMULAS[network.cost].definition.tex };
  for (const name of new Set(network.layers.slice(1).map((l) => l.activation!))) {
    const f = ACTIVATION_FORMULAS[name];
    yield { kind: 'paragraph', inlines: [{ kind: 'strong', text: name }, words(': '), math(f.definition.tex), words(', '), math(f.derivative.tex), words(`. ${f.note}`)] };
  }
  const vector = (v: Float64Array) => `(${Array.from(v, (x) => formatNumberTex(x, digits)).join(', ')})`;
  const origin = options.source?.examples[i];
  yield {
    kind: 'paragraph',
    inlines: [
      words(`This ${blanks ? 'exercise' : 'sheet'} follows example `),
      math(`i = ${i + 1}`),
      words(` of ${result.exampleCount}`),
      ...(origin ? [words(' ('), { kind: 'spec' as const, text: exampleOriginText(origin) }, words(')')] : []),
      words(': '),
      math(`x = ${vector(example.x)}`),
      words(', target '),
      math(`y = ${vector(example.y)}`),
      words('.'),
    ],
  };
  if (blanks) {
    yield {
      kind: 'paragraph',
      inlines: [words('Work through the steps in order and write each result in the box at the end of its line. Every step shows its formula and then its numbers: the numbers of the spec are given, and a box stands wherever a result of an earlier step goes. The answer key gives every number.')],
    };
  }
  const written = writtenSteps(trace, options);
  if (written < trace.length && options.throughStep !== undefined && written === Math.min(trace.length, options.throughStep + 1)) {
    yield { kind: 'paragraph', inlines: [words(`This ${blanks ? 'exercise' : 'sheet'} goes as far as step ${thousands(written)} of ${thousands(trace.length)}.`)] };
  }
  yield* stepBlocks(trace, result, written, digits, blanks, L);
  if (written < trace.length) {
    if (options.maxSteps !== undefined && written === options.maxSteps) {
      yield {
        kind: 'paragraph',
        inlines: [words(`The document stops after ${thousands(written)} of the ${thousands(trace.length)} steps, the most one export holds; `), { kind: 'strong', text: 'nnet trace' }, words(' writes them all.')],
      };
    }
    return;
  }
  if (blanks) return;
  yield { kind: 'heading', level: 2, inlines: [words('Result')] };
  yield {
    kind: 'paragraph',
    inlines: [words('Mean cost before the step '), math(`c = ${formatNumberTex(result.cost, digits)}`), words('; after it '), math(`c = ${formatNumberTex(result.updated.cost, digits)}`), words('.')],
  };
  if (result.failure) yield { kind: 'paragraph', inlines: [{ kind: 'strong', text: 'Numeric failure:' }, words(' '), { kind: 'spec', text: result.failure.message }] };
}

/** The steps 0 … written − 1, grouped by phase and layer, each kind explained once per group. */
function* stepBlocks(trace: Trace, result: EngineResult, written: number, digits: number, blanks: boolean, L: number): Generator<SolutionBlock, void, undefined> {
  let lastPhase = '';
  for (const group of trace.groups) {
    if (group.start >= written) return;
    if (group.phase !== lastPhase) {
      yield { kind: 'heading', level: 2, inlines: [words(PHASE_TITLES[group.phase])] };
      if (group.phase === 'update' && result.exampleCount > 1) {
        yield {
          kind: 'paragraph',
          inlines: [words('The step uses '), math('\\frac{\\partial c}{\\partial w}'), words(', the mean of '), math('\\frac{\\partial c_i}{\\partial w}'), words(` over all ${result.exampleCount} examples, not only this one's.`)],
        };
      }
      lastPhase = group.phase;
    }
    if (group.phase !== 'cost') yield { kind: 'heading', level: 3, inlines: [words(`Layer ${group.layer}${group.layer === L ? ' (output)' : ''}`)] };
    const explained = new Set<StepKind>();
    const end = Math.min(group.end, written);
    for (let index = group.start; index < end; index++) {
      const step = trace.step(index);
      if (!explained.has(step.address.kind)) {
        explained.add(step.address.kind);
        yield { kind: 'paragraph', inlines: [words(EXPLANATIONS[step.address.kind])] };
      }
      yield { kind: 'step', step, parts: stepParts(step, digits, blanks, result.exampleCount) };
      if (step.note) yield { kind: 'note', text: step.note };
    }
    yield { kind: 'group-end', group, through: end };
  }
}
