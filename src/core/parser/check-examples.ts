import { activationEntry, type ActivationName } from '../activations/registry';
import { costEntry, costFitsOutput, fittingOutputs, type CostName } from '../costs/registry';
import { DEFAULT_COST } from '../model/defaults';
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

/** `sets` holds each `data` line's examples (dataSets.ts), for numbering the `example` lines among them. */
export function checkExamples(draft: SpecDraft, store: NumberStore, reporter: Reporter, facts: LayerFacts, sets: readonly (readonly unknown[])[]): void {
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
      if (fits && cost !== null && outputActivation !== null) checkTargets(example, number, cost, outputActivation, store, reporter);
    }
  }
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

/** At most one diagnostic per example, on its first offending target, so a bad file cannot flood. */
function checkTargets(example: DraftExample, number: number, cost: CostName, activation: ActivationName, store: NumberStore, reporter: Reporter): void {
  const block = example.y!;
  const entry = costEntry(cost);
  // A cost that takes logs reads the targets as probabilities; any other cost only asks whether
  // the output activation can reach them.
  const crossEntropy = entry.needs !== 'unrestricted';
  const range = activationEntry(activation).range;
  const [low, high, description] = crossEntropy ? [0, 1, ''] : [range.low, range.high, range.text];
  let first = -1;
  let outside = 0;
  let sum = 0;
  for (let j = 0; j < block.count; j++) {
    const y = store.values[block.start + j];
    sum += y;
    if (y < low || y > high) {
      outside++;
      if (first < 0) first = j;
    }
  }
  const more = outside > 1 ? ` (${outside - 1} more in this example)` : '';
  if (first >= 0) {
    const index = block.start + first;
    const at = { start: { line: store.line(index), character: store.startColumn(index) }, end: { line: store.line(index), character: store.endColumn(index) } };
    const y = shortNumber(store.values[index]);
    if (crossEntropy)
      reporter.report(
        'target-out-of-range',
        at,
        `expected target ${first + 1} of example ${number} to be from 0 to 1, since cost ${cost} reads targets as probabilities; found ${y}${more}`,
      );
    else
      reporter.report(
        'target-unreachable',
        at,
        `target ${first + 1} of example ${number} is ${y}${more}, but the output activation ${activation} only gives values ${description}, so the output can never reach it; use targets in that range, or another output activation`,
      );
    return;
  }
  if (entry.needs === 'distribution' && Math.abs(sum - 1) > DISTRIBUTION_TOLERANCE)
    reporter.report(
      'targets-not-distribution',
      blockNumbersRange(store, block),
      `the targets of example ${number} add up to ${shortNumber(sum)}, but cost ${cost} compares them with ${alternatives(fittingOutputs(entry))} outputs, which always add up to 1; make them add up to 1, e.g. 1 for the right class and 0 for the others`,
    );
}
