import type { Network } from '../model/network';
import { formatNumber } from '../notation/format';
import type { ThreadInfo } from './types';

/**
 * The threads a debug session lists: one per example, thread id = the 1-based example.
 *
 * A spec may bring 100,000 examples from a data file. A debugger lists its threads on every
 * stop, and inside VS Code the adapter runs on the editor's thread, so they are not all listed:
 * the first MAX_LISTED_THREADS, then any other thread that has moved (it has a position to come
 * back to) and the current one. The others still exist — a launch's `example`, Next Example and
 * Go to Example reach them — and appear once they move.
 */
export const MAX_LISTED_THREADS = 64;

export function listThreads(network: Network, moved: Iterable<number>, current: number, digits: number): ThreadInfo[] {
  const m = network.examples.length;
  const ids = new Set<number>();
  for (let id = 1; id <= Math.min(m, MAX_LISTED_THREADS); id++) ids.add(id);
  for (const id of [...moved, current]) if (id >= 1 && id <= m) ids.add(id);
  const short = (values: ArrayLike<number>) => {
    const shown = Array.from({ length: Math.min(values.length, 3) }, (_, q) => formatNumber(values[q], digits));
    return `(${shown.join(', ')}${values.length > 3 ? ', …' : ''})`;
  };
  return [...ids]
    .sort((a, b) => a - b)
    .map((id) => {
      const example = network.examples[id - 1];
      return { id, name: `example ${id}: x = ${short(example.x)}, y = ${short(example.y)}` };
    });
}
