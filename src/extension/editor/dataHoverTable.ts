import type { Network } from '../../core/model/network';
import type { DataSetSource } from '../../core/model/source';
import { formatNumber, thousands } from '../../core/notation';
import type { EditorState } from './editorState';
import { classOf, heldOutCount, isHeldOut } from './dataSetFacts';
import { blocks, table } from './hoverParts';
import { escapeMarkdown } from './markdownEscape';
import { vectorText } from './vectorText';

/**
 * The table of a `data` line's first few examples in its hover: i, where in the file (or the
 * generated sequence) each came from, x, y, and cᵢ once the engine ran — so a person can check
 * that the columns were read as they meant before trusting any gradient.
 */

/** Examples shown: enough to see the columns line up, few enough to keep the hover short. */
export const SHOWN_EXAMPLES = 5;

/** Entries of x and y shown per cell, as in the other hovers' tables. */
const SHOWN_ENTRIES = 4;

export function examplesTable(state: EditorState, network: Network, set: DataSetSource, classes: readonly string[] | null): string {
  const engine = state.analysis.engine;
  const d = state.digits;
  const shown = Math.min(SHOWN_EXAMPLES, set.count, network.examples.length - set.first);
  if (shown <= 0) return '';
  // The column appears only when the split holds out some of this set: a spec without
  // `validation` should not read "training" on every row.
  const split = heldOutCount(network, set.first, set.count) > 0;
  const header = ['i', set.kind === 'csv' ? 'row' : 'point', 'x', 'y'];
  if (engine) header.push('cᵢ');
  if (split) header.push('use');
  const rows: string[][] = [];
  for (let e = set.first; e < set.first + shown; e++) {
    const example = network.examples[e];
    const cls = classOf(example.y, classes);
    const row = [
      String(e + 1),
      whereFrom(state, e),
      vectorText(example.x, d, SHOWN_ENTRIES),
      // The class name is file text: escaped (table() then leaves its escaped `|` alone).
      cls === null ? vectorText(example.y, d, SHOWN_ENTRIES) : `${escapeMarkdown(cls)} ${vectorText(example.y, d, SHOWN_ENTRIES)}`,
    ];
    if (engine) row.push(formatNumber(engine.costs[e], d));
    if (split) row.push(isHeldOut(network, e) ? '**held out**' : 'training');
    rows.push(row);
  }
  const align: ('left' | 'right')[] = header.map((name) => (name === 'i' || name === 'row' || name === 'point' || name === 'cᵢ' ? 'right' : 'left'));
  const more = set.count - shown;
  return blocks(
    table(header, rows, align),
    more > 0 ? `… and ${thousands(more)} more (Backprop: Go to Example… lists them all).` : '',
  );
}

/** The CSV's data row (header not counted), or the point's place in the generated sequence. */
function whereFrom(state: EditorState, e: number): string {
  const origin = state.analysis.source.examples[e]?.origin;
  if (!origin) return '';
  if (origin.kind === 'csv') return origin.row >= 1 ? String(origin.row) : '';
  return String(origin.index);
}
