/**
 * Which parts of the panel light up for the current step: the quantity being computed, and
 * each factor of its formula in that factor's colour, so the learner can find in the diagram
 * and the tables every number the formula uses. Pure: keys in, class names out.
 */
import type { StepAddress } from '../src/core/trace/types';
import type { QuantityRef, StepView } from '../src/shared/panelMessages';
import { refKey } from './refs';

/** Factor colours cycle through this many theme chart colours (see colors.ts). */
export const FACTOR_COLOURS = 6;

export function factorClass(index: number): string {
  return `f${index % FACTOR_COLOURS}`;
}

/** Kinds drawn on a neuron of the diagram, and kinds drawn on an edge. */
const EDGE_KINDS = new Set(['dw', 'w-new', 'w']);

/**
 * The diagram element a quantity belongs to: a neuron `n:ℓ:j`, an edge `e:ℓ:j:k`, or the
 * cost node `cost`. Inputs x are neurons of layer 0; targets y sit on the output neurons.
 */
export function siteKey(ref: QuantityRef | StepAddress, outputLayer: number): string {
  if (ref.kind === 'cost') return 'cost';
  if (EDGE_KINDS.has(ref.kind)) return `e:${ref.layer}:${ref.j}:${ref.k}`;
  if (ref.kind === 'x') return `n:0:${ref.j}`;
  if (ref.kind === 'y') return `n:${outputLayer}:${ref.j}`;
  return `n:${ref.layer}:${ref.j}`;
}

export interface Highlights {
  /** Exact quantity keys (table cells) → class. */
  readonly cells: ReadonlyMap<string, string>;
  /** Diagram sites → class. */
  readonly sites: ReadonlyMap<string, string>;
}

/** The current quantity gets `is-current`; factor i that is a quantity of the trace gets f(i). */
export function highlightsFor(step: StepView | null, outputLayer: number): Highlights {
  const cells = new Map<string, string>();
  const sites = new Map<string, string>();
  if (!step) return { cells, sites };
  step.factors.forEach((factor, i) => {
    if (!factor.refers) return;
    cells.set(refKey(factor.refers), factorClass(i));
    if (!sites.has(siteKey(factor.refers, outputLayer))) sites.set(siteKey(factor.refers, outputLayer), factorClass(i));
  });
  cells.set(refKey(step.address), 'is-current');
  sites.set(siteKey(step.address, outputLayer), 'is-current');
  return { cells, sites };
}
