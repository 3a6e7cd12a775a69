/**
 * The rows of *Backprop: Go to Example…* (goToExample.ts), as plain records: one per example
 * with its number, x, y, cost cᵢ and where it came from. Pure (no vscode), so the order, the
 * cap and the wording are unit-tested without an editor (test/unit/panel/examplePicks.test.ts).
 *
 * A spec may hold up to 100,000 examples. Sorting that many costs is quick (tens of
 * milliseconds), but formatting every row and handing 100,000 items to the quick pick would
 * block the extension host and the workbench for seconds. So the list is capped: the first
 * MAX_LISTED examples of the chosen order (the worst-fit ones when sorted by cost) are written
 * out, plus the example being stepped wherever it falls, and the rest are only counted. Any
 * example can still be reached by typing its number (numberedExample).
 */
import type { Network } from '../../core/model/network';
import type { SpecSource } from '../../core/model/source';
import { exampleOriginText } from '../../core/notation/exampleOrigin';
import { formatNumber } from '../../core/notation/format';

/** Rows written out at most; the others are counted in `omitted`. */
export const MAX_LISTED = 5000;

/** Entries of x or y written per row; a longer vector ends "… 780 more", so a row stays one line. */
export const VECTOR_SHOWN = 4;

/** Spec order (i = 1 … m), or the largest cᵢ first. */
export type ExampleOrder = 'spec' | 'cost';

export interface ExamplePick {
  /** 0-based example. */
  readonly example: number;
  /** "example 3"; the example being stepped starts with a stack-frame icon. */
  readonly label: string;
  /** "x = (0.05, 0.1) y = (0.01, 0.99)" */
  readonly description: string;
  /** "cᵢ = 0.298371 · line 14", then "held out" and "current" where they apply. */
  readonly detail: string;
  readonly current: boolean;
}

export interface ExamplePicksInput {
  readonly network: Network;
  /** cᵢ per example (EngineResult.costs). */
  readonly costs: ArrayLike<number>;
  readonly source: SpecSource;
  /** The example being stepped, 0-based. */
  readonly current: number;
  readonly digits: number;
  readonly order: ExampleOrder;
  readonly limit?: number;
}

export interface ExamplePicks {
  readonly items: readonly ExamplePick[];
  /** m, and how many of the m examples are not in `items`. */
  readonly total: number;
  readonly omitted: number;
}

/** The icon marking the example being stepped: the shape VS Code uses for the current frame, not a colour. */
export const CURRENT_ICON = '$(debug-stackframe)';

/**
 * The first `limit` (default all) 0-based examples in `order`. By cost: the largest cᵢ first;
 * a NaN cost counts as the worst of all (a failed example is the first one to look at), and
 * equal costs keep spec order.
 *
 * Only the `limit` worst need a comparator sort: the cost at that rank is found by the engine's
 * native numeric sort of a copy (for 100,000 costs, well under half the time of comparing every
 * pair through a callback), and only the examples at or above it are sorted with their index.
 */
export function exampleOrder(costs: ArrayLike<number>, order: ExampleOrder, limit = costs.length): Int32Array {
  const m = costs.length;
  const k = Math.max(0, Math.min(limit, m));
  if (order === 'spec') return Int32Array.from({ length: k }, (_, i) => i);
  const ascending = Float64Array.from(costs).sort(); // numeric, NaNs last
  let finite = m;
  while (finite > 0 && ascending[finite - 1] !== ascending[finite - 1]) finite--;
  const nans = m - finite;
  const threshold = k > nans ? ascending[finite - (k - nans)] : Infinity;
  const candidates: number[] = [];
  for (let i = 0; i < m; i++) {
    const c = costs[i];
    if (c !== c || c >= threshold) candidates.push(i);
  }
  const rank = (i: number): number => (costs[i] !== costs[i] ? 1 : 0);
  candidates.sort((a, b) => rank(b) - rank(a) || (rank(a) === 1 ? 0 : costs[b] - costs[a]) || a - b);
  return Int32Array.from(candidates.slice(0, k));
}

/** The rows to show: at most `limit` of the order, and the current example always among them. */
export function buildExamplePicks(input: ExamplePicksInput): ExamplePicks {
  const total = Math.min(input.costs.length, input.network.examples.length);
  const limit = Math.max(1, input.limit ?? MAX_LISTED);
  // (The engine gives one cost per example; `total` only guards a mismatch, never expected.)
  const shown = Array.from(exampleOrder(input.costs, input.order, limit)).filter((i) => i < total);
  // The learner's own example stays reachable in the list, after the others when past the cap.
  if (input.current >= 0 && input.current < total && !shown.includes(input.current)) shown.push(input.current);
  const items = shown.map((example) => examplePick(input, example));
  return { items, total, omitted: total - items.length };
}

/** One row. Exported for the row of an example typed by its number, past the cap. */
export function examplePick(input: Omit<ExamplePicksInput, 'order' | 'limit'>, example: number): ExamplePick {
  const { network, digits } = input;
  const current = example === input.current;
  const data = network.examples[example];
  const source = input.source.examples[example];
  const detail = [`cᵢ = ${formatNumber(input.costs[example], digits)}`];
  if (source) detail.push(exampleOriginText(source));
  if (isHeldOut(network, example)) detail.push('held out');
  if (current) detail.push('current');
  return {
    example,
    label: `${current ? `${CURRENT_ICON} ` : ''}example ${example + 1}`,
    description: `x = ${vectorText(data.x, digits)} y = ${vectorText(data.y, digits)}`,
    detail: detail.join(' · '),
    current,
  };
}

/** Whether `example` (0-based) is held out for validation. */
export function isHeldOut(network: Network, example: number): boolean {
  const held = network.validation;
  if (!held || held.length === 0) return false;
  // Ascending (Network.validation): a binary search, so one lookup stays cheap for any m.
  let low = 0;
  let high = held.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (held[middle] === example) return true;
    if (held[middle] < example) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * The example a typed filter names ("70000", "example 70000", "#70000"), 0-based, when it is
 * one of the m; else null. Lets a person reach any example of a list capped at MAX_LISTED.
 */
export function numberedExample(filter: string, total: number): number | null {
  const match = /^\s*(?:example\s*|#)?(\d{1,7})\s*$/i.exec(filter);
  if (!match) return null;
  const i = Number(match[1]);
  return i >= 1 && i <= total ? i - 1 : null;
}

/** "(0.05, 0.1)", or "(0.1, 0.2, 0.3, 0.4, … 780 more)"; only the shown entries are formatted. */
export function vectorText(values: ArrayLike<number>, digits: number, shown = VECTOR_SHOWN): string {
  const limit = Math.min(values.length, shown);
  const parts: string[] = [];
  for (let j = 0; j < limit; j++) parts.push(formatNumber(values[j], digits));
  if (values.length > limit) parts.push(`… ${values.length - limit} more`);
  return `(${parts.join(', ')})`;
}
