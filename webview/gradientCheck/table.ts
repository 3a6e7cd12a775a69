/**
 * The gradient check's table: one row per checked parameter, worst first, as a real <table>
 * with column headers and the parameter's symbol as each row's header. The verdict is a word and
 * a mark (✓ pass, ✗ fail, ⚠ kink, ⚠ clamped), coloured only on top of that. Rows are one Tab
 * stop: the arrows, Home and End move between them, and Enter (or a click) asks the extension
 * to select the parameter's number in the spec.
 */
import type { CheckRow } from '../../src/shared/gradientCheckMessages';
import { rowCells, TABLE_HEADERS } from '../../src/core/gradientCheck/text';
import { h } from '../dom';

const MARKS: Readonly<Record<CheckRow['verdict'], string>> = { pass: '✓', fail: '✗', kink: '⚠', clamped: '⚠' };

/** Which parameter a row is, as the extension's `reveal` wants it. */
export interface RowTarget {
  readonly kind: 'w' | 'b';
  readonly layer: number;
  readonly index: number;
}

export function checkTable(rows: readonly CheckRow[], reveal: (target: RowTarget) => void): HTMLTableElement {
  const caption = h('caption', {}, 'Every checked parameter, the largest relative error first. Enter or a click on a row selects its number in the spec.');
  const head = h('thead', {}, h('tr', {}, ...TABLE_HEADERS.map((header, q) => h('th', { scope: 'col', class: q > 0 && q < 4 ? 'num' : null }, header))));
  const body = h('tbody');
  rows.forEach((row, q) => {
    const [symbol, backprop, numeric, error, verdict] = rowCells(row);
    const tr = h(
      'tr',
      { tabindex: q === 0 ? 0 : -1, class: `row ${row.verdict}`, 'data-row': q },
      h('th', { scope: 'row', class: 'symbol' }, symbol),
      h('td', { class: 'num' }, backprop),
      h('td', { class: 'num' }, numeric),
      h('td', { class: 'num' }, error),
      h('td', { class: `verdict ${row.verdict}` }, h('span', { class: 'mark', 'aria-hidden': 'true' }, MARKS[row.verdict]), ` ${verdict}`),
    );
    body.append(tr);
  });
  const table = h('table', { class: 'check-table', 'aria-describedby': 'check-summary check-definition' }, caption, head, body);
  const target = (tr: Element | null): RowTarget | null => {
    const q = Number(tr?.getAttribute('data-row'));
    const row = Number.isInteger(q) ? rows[q] : undefined;
    return row ? { kind: row.kind, layer: row.layer, index: row.index } : null;
  };
  body.addEventListener('click', (event) => {
    const tr = (event.target as Element | null)?.closest('tr');
    if (!tr) return;
    focusRow(body, tr);
    const chosen = target(tr);
    if (chosen) reveal(chosen);
  });
  body.addEventListener('keydown', (event) => {
    const tr = (event.target as Element | null)?.closest('tr');
    if (!tr) return;
    const all = body.rows;
    const at = tr.sectionRowIndex;
    const next = event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? all.length - 1 : event.key === 'PageDown' ? at + 10 : event.key === 'PageUp' ? at - 10 : null;
    if (next !== null) {
      event.preventDefault();
      focusRow(body, all[Math.max(0, Math.min(all.length - 1, next))]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const chosen = target(tr);
      if (chosen) reveal(chosen);
    }
  });
  return table;
}

/** Moves the one Tab stop of the rows to `tr` and focuses it. */
function focusRow(body: HTMLTableSectionElement, tr: HTMLTableRowElement): void {
  for (const other of body.rows) other.tabIndex = other === tr ? 0 : -1;
  tr.focus();
}
