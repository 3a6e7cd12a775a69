import { formatNumber } from '../notation/format';
import { stepSymbol } from '../trace/build';
import type { StepAddress, StepKind, Trace } from '../trace/types';
import type { LoadedSpec } from './loadedSpec';
import type { ExceptionFilterId, ExceptionFilterRequest } from './types';

/**
 * The failures of backprop as exception breakpoints: the places in an example's trace where a
 * number went wrong in a way an engineer hunts like a bug. Each filter finds its steps from the
 * engine's numbers, without building the steps, so Continue can jump straight to the next one.
 */
export interface ExceptionFilterDescription {
  readonly filter: ExceptionFilterId;
  readonly label: string;
  readonly description: string;
  readonly default: boolean;
  /** The threshold a condition sets, when the filter takes one. */
  readonly threshold?: number;
  readonly conditionDescription?: string;
}

export const EXCEPTION_FILTERS: readonly ExceptionFilterDescription[] = [
  { filter: 'nonfinite', label: 'Non-finite value', description: 'Stop where a quantity first becomes NaN or ±Infinity.', default: true },
  {
    filter: 'vanishing', label: 'Vanishing gradient', description: 'Stop at a δ whose size is below the threshold.', default: false,
    threshold: 1e-6, conditionDescription: 'Threshold for |δ| (default 1e-6)',
  },
  {
    filter: 'exploding', label: 'Exploding gradient', description: 'Stop at a δ whose size is above the threshold.', default: false,
    threshold: 1e3, conditionDescription: 'Threshold for |δ| (default 1000)',
  },
  {
    filter: 'saturated', label: 'Saturated activation', description: 'Stop at a σ′(z) below the threshold: the neuron barely passes gradient back.', default: false,
    threshold: 0.01, conditionDescription: 'Threshold for σ′(z) (default 0.01)',
  },
  { filter: 'dead-relu', label: 'Dead ReLU', description: 'Stop at the z of a ReLU neuron that is ≤ 0 for every example: it never passes gradient back.', default: false },
];

/** One place a filter stops: the step, and what to say about it. */
export interface ExceptionHit {
  readonly step: number;
  readonly filter: ExceptionFilterId;
  readonly description: string;
  readonly details: string;
}

/** The active filters and their thresholds; an unreadable condition is an error for the client. */
export function activeFilters(requests: readonly ExceptionFilterRequest[]): { active: Map<ExceptionFilterId, number>; results: { verified: boolean; message?: string }[] } {
  const active = new Map<ExceptionFilterId, number>();
  const results = requests.map((request) => {
    const known = EXCEPTION_FILTERS.find((f) => f.filter === request.filterId);
    if (!known) return { verified: false, message: `No exception filter is called ${request.filterId}.` };
    const text = request.condition?.trim() ?? '';
    const threshold = text === '' ? known.threshold ?? 0 : Number(text);
    if (!Number.isFinite(threshold) || threshold < 0) return { verified: false, message: `The condition of “${known.label}” must be a non-negative number, such as ${known.threshold ?? 1}.` };
    active.set(request.filterId, threshold);
    return { verified: true };
  });
  return { active, results };
}

/** Every step of `trace` where an active filter stops, ascending. */
export function exceptionHits(spec: LoadedSpec, trace: Trace, active: ReadonlyMap<ExceptionFilterId, number>): ExceptionHit[] {
  const network = spec.network!;
  const engine = spec.engine!;
  const values = engine.example(trace.example);
  const hits: ExceptionHit[] = [];
  const L = network.layers.length - 1;
  const name = (address: StepAddress) => stepSymbol(address, network, trace.weightOrder).text;
  const add = (filter: ExceptionFilterId, address: StepAddress, value: number, description: string) => {
    const step = trace.indexOf(address);
    if (step >= 0) hits.push({ step, filter, description, details: `${name(address)} = ${formatNumber(value)}` });
  };

  const failure = engine.failure;
  if (active.has('nonfinite') && failure && (failure.example === 0 || failure.example === trace.example + 1)) {
    const address = failureAddress(failure.quantity, failure.layer, failure.neuron, L);
    add('nonfinite', address, failure.value, failure.message);
  }
  for (let l = 1; l <= L; l++) {
    const n = network.layers[l].size;
    for (let j = 1; j <= n; j++) {
      const delta = values.delta[l][j - 1];
      const size = Math.abs(delta);
      const vanishing = active.get('vanishing');
      if (vanishing !== undefined && size < vanishing)
        add('vanishing', at('delta', l, j), delta, `${name(at('delta', l, j))} is ${formatNumber(delta)}: smaller than ${vanishing} in size, so the gradients through neuron ${j} of layer ${l} all but vanish.`);
      const exploding = active.get('exploding');
      if (exploding !== undefined && size > exploding)
        add('exploding', at('delta', l, j), delta, `${name(at('delta', l, j))} is ${formatNumber(delta)}: larger than ${exploding} in size, so the gradients through neuron ${j} of layer ${l} blow up.`);
      const slope = values.dadz[l][j - 1];
      const saturated = active.get('saturated');
      if (saturated !== undefined && slope < saturated)
        add('saturated', at('dadz', l, j), slope, `${name(at('dadz', l, j))} is ${formatNumber(slope)}: the activation is nearly flat at z = ${formatNumber(values.z[l][j - 1])}, so almost no gradient passes back through it.`);
    }
  }
  if (active.has('dead-relu')) {
    for (const { layer, j } of deadRelus(spec)) {
      const z = values.z[layer][j - 1];
      add('dead-relu', at('z', layer, j), z, `${name(at('z', layer, j))} is ≤ 0 for every one of the ${engine.exampleCount} examples: this ReLU outputs 0 and passes no gradient back, so its weights never change.`);
    }
  }
  return hits.sort((p, q) => p.step - q.step || order(p.filter) - order(q.filter));
}

const at = (kind: StepKind, layer: number, j: number, k = 0): StepAddress => ({ kind, layer, j, k });

function order(filter: ExceptionFilterId): number {
  return EXCEPTION_FILTERS.findIndex((f) => f.filter === filter);
}

/** The step of the engine's first non-finite quantity (a mean's failure is shown at the update it feeds). */
function failureAddress(quantity: string, layer: number, neuron: number, L: number): StepAddress {
  switch (quantity) {
    case 'z':
    case 'a':
    case 'dcda':
    case 'delta':
      return at(quantity, layer, neuron);
    case 'cost':
    case 'cost-after-step':
      return at('cost', L, 0);
    case 'dw':
    case 'w-new':
      return at('w-new', layer, neuron, 1);
    default:
      return at('b-new', layer, neuron);
  }
}

const deadCache = new WeakMap<LoadedSpec, { layer: number; j: number }[]>();

/** ReLU neurons whose z is ≤ 0 for every example, from what the engine recorded in its pass. */
function deadRelus(spec: LoadedSpec): { layer: number; j: number }[] {
  let dead = deadCache.get(spec);
  if (dead !== undefined) return dead;
  const { everActive } = spec.engine!;
  dead = [];
  spec.network!.layers.forEach((layer, l) => {
    if (layer.activation === 'relu') for (let j = 1; j <= layer.size; j++) if (everActive[l][j - 1] === 0) dead!.push({ layer: l, j });
  });
  deadCache.set(spec, dead);
  return dead;
}
