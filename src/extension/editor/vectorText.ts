import { formatNumber } from '../../core/notation';

/**
 * Vectors as one short line of text, for code lenses and hovers: "[0.1385, -0.0381]", and for
 * a 128-neuron layer "[0.1385, -0.0381, 0.2, 0.0711, … 124 more]" — a lens must stay one line,
 * and formatting only the shown entries keeps a large layer as cheap as a small one.
 */
export const DEFAULT_SHOWN = 4;

/**
 * `values` (any array-like of numbers) with `digits` significant digits. Entries from index
 * `known` on are written `·`: quantities the stepping position has not computed yet.
 */
export function vectorText(values: ArrayLike<number>, digits: number, shown = DEFAULT_SHOWN, known = values.length): string {
  const count = values.length;
  const limit = Math.min(count, Math.max(1, shown));
  const parts: string[] = [];
  for (let j = 0; j < limit; j++) parts.push(j < known ? formatNumber(values[j], digits) : '·');
  if (count > limit) parts.push(`… ${count - limit} more`);
  return `[${parts.join(', ')}]`;
}
