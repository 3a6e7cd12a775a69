/**
 * Which parts of the panel light up for the current step: the quantity being computed, and
 * each factor of its formula, so the learner can find in the diagram and the tables every
 * number the formula uses. A place keeps every mark that falls on it — a neuron that is factor 1,
 * factor 2 and the current quantity shows all three — and targets y are places of their own,
 * never merged with the output neurons a. Pure: keys in, marks and class names out.
 */
import type { StepAddress } from '../src/core/trace/types';
import type { QuantityRef, StepView } from '../src/shared/panelMessages';
import { factorClass } from './factors';
import { refKey } from './refs';

export { factorClass } from './factors';
export { FACTOR_COLOURS } from './palette';

/** What lies on one cell or diagram site. */
export interface Marks {
  /** Indices of the factors (into StepView.factors) found there, ascending, without repeats. */
  readonly factors: readonly number[];
  /** Whether the current quantity is (on) it. */
  readonly current: boolean;
}

/** Kinds drawn on an edge of the diagram. */
const EDGE_KINDS = new Set(['dw', 'w-new', 'w']);

/**
 * The diagram element a quantity belongs to: a neuron `n:ℓ:j`, an edge `e:ℓ:j:k`, a target
 * `t:j` (drawn beside output neuron j, its own mark), or the cost node `cost`. Inputs x are the
 * neurons of layer 0; biases, z, σ′, δ … sit on their neuron.
 */
export function siteKey(ref: QuantityRef | StepAddress): string {
  if (ref.kind === 'cost') return 'cost';
  if (EDGE_KINDS.has(ref.kind)) return `e:${ref.layer}:${ref.j}:${ref.k}`;
  if (ref.kind === 'x') return `n:0:${ref.j}`;
  if (ref.kind === 'y') return `t:${ref.j}`;
  return `n:${ref.layer}:${ref.j}`;
}

/** The classes of a marked element: each factor's colour class, then `is-current`. */
export function marksClass(marks: Marks | undefined): string {
  if (!marks) return '';
  const classes = [...new Set(marks.factors.map(factorClass))];
  if (marks.current) classes.push('is-current');
  return classes.join(' ');
}

export interface Highlights {
  /** Table cells by data-ref key → their classes ("f1", "f0 f3", "is-current"). */
  readonly cells: ReadonlyMap<string, string>;
  /** Table cells by data-ref key → their marks, for number badges and accessible names. */
  readonly cellMarks: ReadonlyMap<string, Marks>;
  /** Diagram sites (siteKey) → their marks. */
  readonly sites: ReadonlyMap<string, Marks>;
}

type Building = Map<string, { factors: number[]; current: boolean }>;

function add(map: Building, key: string, factor: number | null): void {
  let marks = map.get(key);
  if (!marks) map.set(key, (marks = { factors: [], current: false }));
  if (factor === null) marks.current = true;
  else if (!marks.factors.includes(factor)) marks.factors.push(factor);
}

/** Marks of the current step: factor i where its quantity is, `current` on the step's own quantity. */
export function highlightsFor(step: StepView | null): Highlights {
  const cellMarks: Building = new Map();
  const sites: Building = new Map();
  if (step) {
    step.factors.forEach((factor, i) => {
      if (!factor.refers) return;
      add(cellMarks, refKey(factor.refers), i);
      add(sites, siteKey(factor.refers), i);
    });
    add(cellMarks, refKey(step.address), null);
    add(sites, siteKey(step.address), null);
  }
  const cells = new Map<string, string>();
  for (const [key, marks] of cellMarks) cells.set(key, marksClass(marks));
  return { cells, cellMarks, sites };
}
