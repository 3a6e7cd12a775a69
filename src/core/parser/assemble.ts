import { DEFAULT_COST, DEFAULT_LEARNING_RATE } from '../model/defaults';
import { DEFAULT_SEED, initialiseLayers, type LayerPlan } from '../model/initialise';
import type { ActivationName, CostName, Example, Layer, Network, TrainingSettings } from '../model/network';
import type { DataSetSource, ExampleSource, LayerSource, SettingSource, SpecSource } from '../model/source';
import type { LayerFacts } from './check-layers';
import type { DataExample } from '../data/example';
import type { SpecData } from './dataSets';
import type { DraftExample, NumberBlock, Setting, SpecDraft } from './draft';
import type { NumberStore } from './numbers';
import { blockRange, exampleRange } from './ranges';

/** Turns the draft into the public results: the SpecSource always, the Network when valid. */

const NO_SPANS = new Int32Array(0);

export function buildSource(draft: SpecDraft, store: NumberStore, facts: LayerFacts, data: SpecData): SpecSource {
  const layers = draft.layers.map((layer, i): LayerSource => {
    const isInput = facts.hasInputLayer && i === 0;
    const weights = layer.weights;
    return {
      header: layer.header,
      activation: isInput ? null : layer.wordRange,
      weights: weights && store.spansOf(weights.start, weights.count),
      weightRows: weights && Int32Array.from(weights.rowStarts, (start) => start - weights.start),
      weightsBlock: weights && blockRange(store, weights),
      biases: layer.biases && store.spansOf(layer.biases.start, layer.biases.count),
      biasesBlock: layer.biases && blockRange(store, layer.biases),
      lastLine: layer.lastLine,
    };
  });
  const firsts: number[] = [];
  const examples = interleave(
    draft,
    data,
    (example): ExampleSource => ({ line: exampleRange(example), x: spansOrNone(store, example.x), y: spansOrNone(store, example.y) }),
    (s, examples, first): ExampleSource[] => {
      firsts[s] = first;
      const line = draft.dataSets[s].line;
      const origin = data.origins[s];
      return examples.map((_, q): ExampleSource => ({ line, x: NO_SPANS, y: NO_SPANS, origin: origin(q) }));
    },
  );
  const dataSets = data.sources.map((set, s) => ({ ...set, first: firsts[s] ?? 0 }) as DataSetSource);
  return {
    network: draft.name?.line ?? null,
    cost: settingSource(draft.cost),
    learningRate: settingSource(draft.learningRate),
    seed: settingSource(draft.seed),
    // Only the lines the spec has, so a source without them is the same object as before they existed.
    ...(draft.steps ? { steps: settingSource(draft.steps) } : {}),
    ...(draft.batchSize ? { batchSize: settingSource(draft.batchSize) } : {}),
    ...(draft.shuffle ? { shuffle: settingSource(draft.shuffle) } : {}),
    layers,
    examples,
    ...(dataSets.length > 0 ? { dataSets } : {}),
  };
}

/**
 * The network, for a draft with no error diagnostics: every size, activation, shape and length
 * has then been checked, and the parameter count is within the limit, so initialising the
 * parts left out is safe.
 */
export function buildNetwork(draft: SpecDraft, store: NumberStore, facts: LayerFacts, data: SpecData): Network {
  const input = draft.layers[0];
  const plans: LayerPlan[] = draft.layers.slice(1).map((layer, i) => ({
    size: layer.size as number,
    activation: facts.activations[i + 1] as ActivationName,
    weights: valuesOrNull(store, layer.weights),
    biases: valuesOrNull(store, layer.biases),
  }));
  const seed = draft.seed?.value ?? DEFAULT_SEED;
  const initialised = initialiseLayers(input.size as number, plans, seed);
  const layers: Layer[] = [
    { size: input.size as number, activation: null, weights: new Float64Array(0), biases: new Float64Array(0) },
    ...plans.map((plan, i) => ({ size: plan.size, activation: plan.activation, weights: initialised[i].weights, biases: initialised[i].biases })),
  ];
  // Each example's x and y are views of the store, which only this result holds: copying
  // thousands of small arrays would cost more than the parse itself. Weights and biases are
  // copied, so that a network's parameters never share memory with anything else.
  const examples: Example[] = interleave(
    draft,
    data,
    (example): Example => {
      const x = example.x as NumberBlock;
      const y = example.y as NumberBlock;
      return { x: store.valuesView(x.start, x.count), y: store.valuesView(y.start, y.count) };
    },
    (_, examples) => examples.map((example): Example => ({ x: example.x, y: example.y })),
  );
  return {
    name: draft.name?.value ?? null,
    cost: (draft.cost?.value as CostName | null) ?? DEFAULT_COST,
    learningRate: draft.learningRate?.value ?? DEFAULT_LEARNING_RATE,
    seed,
    layers,
    examples,
    ...(data.validation.length > 0 ? { validation: data.validation } : {}),
    ...trainingOf(draft),
  };
}

/**
 * `training` only when the spec has a `steps`, `batch-size` or `shuffle` line: a spec without
 * them gives the same network as before they existed, and the defaults stay the trainer's
 * (a null field). A draft without errors holds only valid values here.
 */
function trainingOf(draft: SpecDraft): { training?: TrainingSettings } {
  if (draft.steps === null && draft.batchSize === null && draft.shuffle === null) return {};
  return { training: { steps: draft.steps?.value ?? null, batchSize: draft.batchSize?.value ?? null, shuffle: draft.shuffle?.value ?? null } };
}

/**
 * The examples in the order the spec gives them: each `data` line's after the `example` lines
 * above it, so examples are numbered i = 1 … m in order of appearance. `fromData` gets the
 * index of the `data` line, its examples, and the 0-based number of the first of them.
 */
function interleave<T>(draft: SpecDraft, data: SpecData, inline: (example: DraftExample) => T, fromData: (s: number, examples: readonly DataExample[], first: number) => T[]): T[] {
  const out: T[] = [];
  let next = 0;
  draft.dataSets.forEach((set, s) => {
    for (; next < set.after; next++) out.push(inline(draft.examples[next]));
    for (const item of fromData(s, data.sets[s] ?? [], out.length)) out.push(item);
  });
  for (; next < draft.examples.length; next++) out.push(inline(draft.examples[next]));
  return out;
}

function settingSource(setting: Setting<unknown> | null): SettingSource | null {
  return setting && { line: setting.line, value: setting.valueRange };
}

function spansOrNone(store: NumberStore, block: NumberBlock | null): Int32Array {
  return block === null ? NO_SPANS : store.spansOf(block.start, block.count);
}

function valuesOrNull(store: NumberStore, block: NumberBlock | null): Float64Array | null {
  return block === null ? null : store.valuesOf(block.start, block.count);
}
