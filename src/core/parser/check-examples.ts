import { activationEntry, type ActivationName } from '../activations/registry';
import { costEntry, costFitsOutput, fittingOutputs, type CostName } from '../costs/registry';
import { DEFAULT_COST } from '../model/defaults';
import { thousands } from '../notation/count';
import { describeColumn } from '../data/selection';
import type { SpecData, UnnumberedDataSet } from './dataSets';
import type { DraftExample, SpecDraft } from './draft';
import type { LayerFacts } from './check-layers';
import { activationSymbol, alternatives, counted, shortNumber } from './notation';
import type { NumberStore } from './numbers';
import { blockNumbersRange, exampleKeywordRange } from './ranges';
import type { Reporter } from './reporter';

/**
 * Checks that relate the examples to the network: how many inputs and targets each has,
 * whether the cost fits the output layer, and whether each target is one the cost accepts and
 * the output activation can produce. (The limit on the examples' numbers is checked while
 * reading them: examples.ts.)
 */

/** How far the targets of one example may add up away from 1 before cross-entropy warns. */
const DISTRIBUTION_TOLERANCE = 1e-6;

/** `data` holds each `data` line's examples (dataSets.ts): their targets are checked too, and the `example` lines are numbered among them. */
export function checkExamples(draft: SpecDraft, store: NumberStore, reporter: Reporter, facts: LayerFacts, data: SpecData): void {
  const sets = data.sets;
  const layers = draft.layers;
  const input = facts.hasInputLayer ? layers[0] : null;
  const outputIndex = layers.length - 1;
  const output = outputIndex >= 1 || (outputIndex === 0 && !facts.hasInputLayer) ? layers[outputIndex] : null;
  const inputSize = input?.size ?? null;
  const outputSize = output?.size ?? null;
  const outputActivation = output !== null ? facts.activations[outputIndex] : null;
  const cost: CostName | null = draft.cost === null ? DEFAULT_COST : (draft.cost.value as CostName | null);

  if (draft.examples.length === 0 && draft.dataLines === 0 && layers.length > 0 && draft.firstStatement !== null) {
    const shape = inputSize !== null && outputSize !== null ? ` with ${counted(inputSize, 'input')} and ${counted(outputSize, 'target')}` : '';
    reporter.report(
      'no-examples',
      draft.firstStatement,
      `no examples: the network is checked and shown, but nothing can be computed until an example is added. Add a line such as \`example x … y …\`${shape}`,
    );
  }
  if (cost !== null && output !== null && outputActivation !== null && draft.cost !== null) checkCostFits(cost, outputActivation, output.label, draft, reporter);
  const rule = cost !== null && outputActivation !== null ? targetRule(cost, outputActivation) : null;

  // The limit on the examples' numbers is checked while reading (examples.ts). Examples are
  // numbered among the data lines' too: a `data` line's examples come before the lines below it.
  let generated = 0;
  let set = 0;
  for (let e = 0; e < draft.examples.length; e++) {
    for (; set < draft.dataSets.length && draft.dataSets[set].after <= e; set++) generated += sets[set]?.length ?? 0;
    const example = draft.examples[e];
    const number = e + 1 + generated;
    if (example.damaged) continue;
    if (inputSize !== null) checkLength(example, number, 'x', inputSize, 0, store, reporter);
    if (outputSize !== null && output !== null) {
      const fits = checkLength(example, number, 'y', outputSize, output.label, store, reporter);
      if (fits && rule !== null) checkTargets(example, number, rule, store, reporter);
    }
  }
  if (rule !== null && outputSize !== null) checkDataTargets(draft, data, rule, reporter);
}

function checkLength(example: DraftExample, number: number, part: 'x' | 'y', size: number, label: number, store: NumberStore, reporter: Reporter): boolean {
  const block = example[part];
  if (block !== null && block.count === size) return true;
  const code = part === 'x' ? 'example-inputs-length' : 'example-targets-length';
  const what = part === 'x' ? counted(size, 'input') : counted(size, 'target');
  const whom = part === 'x' ? 'one for each neuron of layer 0' : `one for each neuron of layer ${label}, the output layer`;
  if (block === null)
    reporter.report(code, exampleKeywordRange(example), `example ${number} needs ${what} after \`${part}\`, ${whom}; found no \`${part}\`. Write \`example x … y …\``);
  else reporter.report(code, blockNumbersRange(store, block), `example ${number} needs ${what} after \`${part}\`, ${whom}; found ${block.count}`);
  return false;
}

/** Whether the output activation gives what the cost needs (see costFitsOutput), named from the registries. */
function checkCostFits(cost: CostName, activation: ActivationName, label: number, draft: SpecDraft, reporter: Reporter): void {
  const entry = costEntry(cost);
  if (costFitsOutput(entry, activationEntry(activation))) return;
  const at = draft.cost!.valueRange;
  const [first, ...others] = fittingOutputs(entry);
  switch (entry.needs) {
    case 'unrestricted':
      return;
    case 'distribution':
      reporter.report(
        'cost-needs-softmax',
        at,
        `cost ${cost} needs a ${alternatives([first, ...others])} output layer, so that the outputs ${activationSymbol(label)} form a probability distribution; layer ${label}, the output layer, uses ${activation}. Make it ${first}, or use \`cost binary-cross-entropy\` for independent yes/no outputs`,
      );
      return;
    case 'probabilities':
      reporter.report(
        'cost-needs-probabilities',
        at,
        `cost ${cost} needs outputs ${activationSymbol(label)} strictly between 0 and 1, as ${first}${others.length > 0 ? ` (or ${alternatives(others)})` : ''} gives; layer ${label}, the output layer, uses ${activation}. Make it ${first}, or choose another cost`,
      );
      return;
  }
}

/**
 * Which targets the cost and the output activation accept, for the `example` lines and the
 * `data` lines alike: a cost that takes logs reads the targets as probabilities (0 to 1, and
 * adding up to 1 for a distribution cost); any other cost only asks whether the output
 * activation can reach them.
 */
interface TargetRule {
  readonly cost: CostName;
  readonly activation: ActivationName;
  readonly probabilities: boolean;
  readonly distribution: boolean;
  readonly low: number;
  readonly high: number;
  /** The activation's range in words ("from 0 to 1"); unused for probabilities. */
  readonly description: string;
}

function targetRule(cost: CostName, activation: ActivationName): TargetRule {
  const entry = costEntry(cost);
  const probabilities = entry.needs !== 'unrestricted';
  const range = activationEntry(activation).range;
  return probabilities
    ? { cost, activation, probabilities, distribution: entry.needs === 'distribution', low: 0, high: 1, description: '' }
    : { cost, activation, probabilities, distribution: false, low: range.low, high: range.high, description: range.text };
}

/** Of the `count` targets from `start` on: the first outside the rule (−1 if none), how many are, and their sum. */
function scanTargets(rule: TargetRule, values: ArrayLike<number>, start: number, count: number): { first: number; outside: number; sum: number } {
  let first = -1;
  let outside = 0;
  let sum = 0;
  for (let j = 0; j < count; j++) {
    const y = values[start + j];
    sum += y;
    if (y < rule.low || y > rule.high) {
      outside++;
      if (first < 0) first = j;
    }
  }
  return { first, outside, sum };
}

/** Whether targets adding up to `sum` are off a distribution cost's 1. */
const offDistribution = (rule: TargetRule, sum: number) => rule.distribution && Math.abs(sum - 1) > DISTRIBUTION_TOLERANCE;

/** The code and the end of the message ("is 2 …, but … can never reach it; …") for target `y` outside the rule; `more` counts the others. */
function outsideTarget(rule: TargetRule, y: number, more: string): { code: 'target-out-of-range' | 'target-unreachable'; why: string } {
  return rule.probabilities
    ? { code: 'target-out-of-range', why: `is ${shortNumber(y)}${more}, but cost ${rule.cost} reads targets as probabilities, from 0 to 1` }
    : {
        code: 'target-unreachable',
        why: `is ${shortNumber(y)}${more}, but the output activation ${rule.activation} only gives values ${rule.description}, so the output can never reach it; use targets in that range, or another output activation`,
      };
}

/** The end of the message for targets that add up to `sum` under a distribution cost. */
function notDistribution(rule: TargetRule, sum: number): string {
  return `add up to ${shortNumber(sum)}, but cost ${rule.cost} compares them with ${alternatives(fittingOutputs(costEntry(rule.cost)))} outputs, which always add up to 1; make them add up to 1, e.g. 1 for the right class and 0 for the others`;
}

/** At most one diagnostic per example, on its first offending target, so a bad file cannot flood. */
function checkTargets(example: DraftExample, number: number, rule: TargetRule, store: NumberStore, reporter: Reporter): void {
  const block = example.y!;
  const { first, outside, sum } = scanTargets(rule, store.values, block.start, block.count);
  const more = outside > 1 ? ` (${outside - 1} more in this example)` : '';
  if (first >= 0) {
    const index = block.start + first;
    const at = { start: { line: store.line(index), character: store.startColumn(index) }, end: { line: store.line(index), character: store.endColumn(index) } };
    const y = shortNumber(store.values[index]);
    if (rule.probabilities)
      reporter.report(
        'target-out-of-range',
        at,
        `expected target ${first + 1} of example ${number} to be from 0 to 1, since cost ${rule.cost} reads targets as probabilities; found ${y}${more}`,
      );
    else reporter.report('target-unreachable', at, `target ${first + 1} of example ${number} ${outsideTarget(rule, store.values[index], more).why}`);
    return;
  }
  if (offDistribution(rule, sum)) reporter.report('targets-not-distribution', blockNumbersRange(store, block), `the targets of example ${number} ${notDistribution(rule, sum)}`);
}

/**
 * The targets a `data` line brings, checked by the same rule as an `example` line's: one
 * diagnostic per line at most, on its `y` columns (a CSV file) or its name (a generated set),
 * naming the first example that breaks the rule — its row, for a file — and counting the rest.
 */
function checkDataTargets(draft: SpecDraft, data: SpecData, rule: TargetRule, reporter: Reporter): void {
  draft.dataSets.forEach((set, s) => {
    const examples = data.sets[s] ?? [];
    // As for an `example` line, a target outside the rule is told before a sum off 1.
    const outside = { first: -1, target: 0, count: 0 };
    const off = { first: -1, sum: 0, count: 0 };
    for (let q = 0; q < examples.length; q++) {
      const y = examples[q].y;
      const scan = scanTargets(rule, y, 0, y.length);
      if (scan.first >= 0) {
        if (outside.count++ === 0) [outside.first, outside.target] = [q, scan.first];
      } else if (offDistribution(rule, scan.sum) && off.count++ === 0) [off.first, off.sum] = [q, scan.sum];
    }
    const first = outside.count > 0 ? outside.first : off.first;
    if (first < 0) return;
    const origin = data.origins[s](first);
    const where = origin.kind === 'csv' ? `row ${origin.row} of \`${origin.name}\`` : `example ${origin.index} of the generated set \`${origin.name}\``;
    const others = (outside.count > 0 ? outside.count : off.count) - 1;
    const noun = origin.kind === 'csv' ? 'row' : 'example';
    const more = others > 0 ? ` (${thousands(others)} more ${others === 1 ? noun : `${noun}s`} like it)` : '';
    const at = set.kind === 'csv' ? { start: set.yKeyword.start, end: set.yRanges.length > 0 ? set.yRanges[set.yRanges.length - 1].end : set.yKeyword.end } : set.nameRange;
    if (outside.count === 0) {
      reporter.report('targets-not-distribution', at, `the targets of ${where}${more} ${notDistribution(rule, off.sum)}`);
      return;
    }
    const y = examples[first].y;
    const { code, why } = outsideTarget(rule, y[outside.target], more);
    reporter.report(code, at, `the target of ${where}${targetName(data.sources[s], outside.target, y.length)} ${why}`);
  });
}

/**
 * How a message names target j of a data set's examples: by its CSV column, as the data
 * module's messages do (", column 3 ('height')"); by number when the set has several targets and
 * no column each (one-hot classes, a generated set); not at all for a single target.
 */
function targetName(source: UnnumberedDataSet | undefined, j: number, targets: number): string {
  if (source?.kind === 'csv' && source.classes === null && source.y[j] !== undefined) {
    const { number, name } = source.y[j];
    const names: string[] = [];
    names[number - 1] = name;
    return `, ${describeColumn(number - 1, names)}`;
  }
  return targets > 1 ? `, target ${j + 1}` : '';
}
