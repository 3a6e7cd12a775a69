import type { EngineResult } from '../../core/engine/types';
import type { Network } from '../../core/model/network';
import type { DataSetSource, SpecSource } from '../../core/model/source';
import { containsPosition, type Position } from '../../core/text/range';

/**
 * Facts about one `data` line that its hover and its code lens both need: which line an example
 * came from, how many of the line's examples the validation split holds out, and the mean cost
 * of each part. Kept apart from the Markdown so the lens (plain text) shares the same counting.
 */

/**
 * The `data` line that brought example `e` (0-based), or null for an `example` line. A spec has
 * a handful of data lines, so a scan is cheaper than any index.
 */
export function dataSetOf(source: SpecSource, e: number): DataSetSource | null {
  for (const set of source.dataSets ?? []) if (set.count > 0 && e >= set.first && e < set.first + set.count) return set;
  return null;
}

/**
 * The `data` line under `position`, whether or not it brought examples. A line whose file could
 * not be read brings none, so `locate` (which finds examples) never lands on it; the hover
 * provider asks this instead, so the line still explains itself.
 */
export function dataSetAt(source: SpecSource, position: Position): DataSetSource | null {
  return source.dataSets?.find((set) => containsPosition(set.line, position)) ?? null;
}

/** The index of the first entry of ascending `sorted` that is ≥ `value`. */
function lowerBound(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * How many of examples first … first + count − 1 (0-based) the validation split holds out.
 * `validation` is sorted (Network.validation), so two binary searches answer for any set size.
 */
export function heldOutCount(network: Network | null, first: number, count: number): number {
  const validation = network?.validation;
  if (!validation || validation.length === 0) return 0;
  return lowerBound(validation, first + count) - lowerBound(validation, first);
}

export function isHeldOut(network: Network | null, e: number): boolean {
  const validation = network?.validation;
  if (!validation || validation.length === 0) return false;
  const at = lowerBound(validation, e);
  return at < validation.length && validation[at] === e;
}

export interface SetCosts {
  /** The mean cᵢ over all the set's examples, as the lens has always shown it. */
  readonly all: number;
  /** The mean over the ones that train, and over the held-out ones; null when there are none of that part. */
  readonly training: number | null;
  readonly heldOut: number | null;
  readonly heldOutCount: number;
}

/**
 * The mean costs of a set's examples, all together and split by the validation split. One pass
 * over the costs, walking the sorted held-out list beside it: a set of 100,000 generated
 * examples costs one loop, with no search per example.
 */
export function setCosts(engine: EngineResult, first: number, count: number): SetCosts {
  const validation = engine.network.validation ?? new Int32Array(0);
  let next = lowerBound(validation, first);
  let trainingSum = 0;
  let heldOutSum = 0;
  let heldOut = 0;
  for (let e = first; e < first + count; e++) {
    if (next < validation.length && validation[next] === e) {
      heldOutSum += engine.costs[e];
      heldOut++;
      next++;
    } else trainingSum += engine.costs[e];
  }
  const training = count - heldOut;
  return {
    all: (trainingSum + heldOutSum) / count,
    training: training > 0 ? trainingSum / training : null,
    heldOut: heldOut > 0 ? heldOutSum / heldOut : null,
    heldOutCount: heldOut,
  };
}

/**
 * Which class a target names, when the set's targets are classes: for one-hot targets (one
 * output per class) the output that is 1, for a single output the class numbered by its value
 * (the generated two-class sets with a sigmoid output, y = 0 or 1). Null for targets that are
 * not a class (regression, sine).
 */
export function classOf(y: Float64Array, classes: readonly string[] | null): string | null {
  if (!classes || classes.length === 0) return null;
  if (y.length === classes.length && y.length > 1) {
    const hot = y.indexOf(1);
    return hot >= 0 ? classes[hot] : null;
  }
  if (y.length === 1 && Number.isInteger(y[0])) return classes[y[0]] ?? null;
  return null;
}

/** The file's name without its folders, for a one-line code lens: "data/iris.csv" → "iris.csv". */
export function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop();
  return name === undefined || name === '' ? path : name;
}
