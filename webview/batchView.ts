/**
 * At an update step, the batch behind the gradient: ∂c/∂w⁽ℓ⁾ₖⱼ = (1/m) Σᵢ ∂cᵢ/∂w⁽ℓ⁾ₖⱼ, written
 * out with every example's number (up to MAX_BATCH_LISTED of them) and their mean, above a
 * small table of the same numbers with the example being stepped marked. A larger batch is
 * summarised: its size, mean, smallest and largest values (with their examples) and this
 * example's value. The numbers arrive resolved (BatchView, built by the extension); the pure
 * functions here only write them, and are unit-tested in Node.
 */
import { formatNumberTex } from '../src/core/notation/format';
import type { BatchView } from '../src/shared/panelMessages';
import { h, replaceChildren } from './dom';
import { renderTex } from './katexRender';
import { formatValue } from './refs';

/** ∂c/∂w⁽ℓ⁾ₖⱼ and ∂cᵢ/∂w⁽ℓ⁾ₖⱼ in plain text. */
export function batchSymbols(batch: BatchView): { mean: string; example: string } {
  return { mean: `∂c/∂${batch.parameterText}`, example: `∂cᵢ/∂${batch.parameterText}` };
}

/** A sum of numbers in TeX, a negative term written as a subtraction ("0.2 − 0.3", never "+ −0.3"). */
function sumTex(values: readonly number[], digits: number): string {
  return values
    .map((v, i) => {
      if (i === 0) return formatNumberTex(v, digits);
      return v < 0 || Object.is(v, -0) ? `- ${formatNumberTex(-v, digits)}` : `+ ${formatNumberTex(v, digits)}`;
    })
    .join(' ');
}

/**
 * The typeset line: ∂c/∂w = (1/m) Σᵢ ∂cᵢ/∂w = (1/3)(v₁ + v₂ − v₃) = mean. The sum is written
 * out when every value is listed and there is more than one; KaTeX may break it after any "+".
 */
export function batchTex(batch: BatchView, digits: number): string {
  const p = batch.parameterTex;
  const parts = [`\\frac{\\partial c}{\\partial ${p}}`, `\\frac{1}{m} \\sum_{i=1}^{m} \\frac{\\partial c_i}{\\partial ${p}}`];
  if (batch.entries.length > 1) parts.push(`\\frac{1}{${batch.exampleCount}}\\,(${sumTex(batch.entries.map((e) => e.value), digits)})`);
  parts.push(formatNumberTex(batch.mean, digits));
  return `\\displaystyle ${parts.join(' = ')}`;
}

/** One row of the batch table: a row header, a value, whether it is the example being stepped or the mean. */
export interface BatchRow {
  readonly header: string;
  readonly value: string;
  readonly stepped: boolean;
  readonly mean: boolean;
}

/** The rows of the batch table: every example then the mean, or a summary of a large batch. */
export function batchRows(batch: BatchView, digits: number): BatchRow[] {
  const { mean } = batchSymbols(batch);
  const value = (v: number) => formatValue(v, digits);
  const meanRow = { header: `mean, ${mean}`, value: value(batch.mean), stepped: false, mean: batch.entries.length > 0 };
  if (batch.entries.length > 0) {
    const rows = batch.entries.map((e) => {
      const stepped = e.example === batch.current.example;
      return { header: stepped ? `${e.example + 1} (this example)` : String(e.example + 1), value: value(e.value), stepped, mean: false };
    });
    return [...rows, meanRow];
  }
  const extremes = [batch.min, batch.max].every((entry) => entry !== null)
    ? [
        { header: `smallest, example ${batch.min!.example + 1}`, value: value(batch.min!.value), stepped: false, mean: false },
        { header: `largest, example ${batch.max!.example + 1}`, value: value(batch.max!.value), stepped: false, mean: false },
      ]
    : [{ header: 'smallest and largest', value: 'not kept for a batch this large', stepped: false, mean: false }];
  return [
    { header: 'examples, m', value: String(batch.exampleCount), stepped: false, mean: false },
    meanRow,
    ...extremes,
    { header: `this example, i = ${batch.current.example + 1}`, value: value(batch.current.value), stepped: true, mean: false },
  ];
}

/** The batch section's elements; hidden except at update steps. */
export function createBatchView(): HTMLElement {
  return h('section', { class: 'batch', hidden: true });
}

/** Draws `batch` into the section made by createBatchView, or hides it when there is none. */
export function renderBatch(root: HTMLElement, batch: BatchView | null, macros: Record<string, string>, digits: number): void {
  root.hidden = !batch;
  if (!batch) {
    replaceChildren(root);
    return;
  }
  const { mean, example } = batchSymbols(batch);
  const math = h('div', { class: 'batch-math', 'aria-hidden': 'true' });
  renderTex(math, batchTex(batch, digits), macros);
  const listed = batch.entries.length > 0;
  const rows = batchRows(batch, digits).map((row) =>
    h(
      'tr',
      { class: row.stepped ? 'is-stepped' : row.mean ? 'mean' : null, 'aria-current': row.stepped ? 'true' : null },
      h('th', { scope: 'row' }, row.header),
      h('td', { class: 'num' }, row.value),
    ),
  );
  const caption = `${mean} is the mean of the ${batch.exampleCount === 1 ? 'one example’s' : `${batch.exampleCount} examples’`} ${example}`;
  const table = h(
    'table',
    { class: 'batch-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, listed ? 'example i' : 'over the batch'), h('th', { scope: 'col' }, example))),
    h('tbody', {}, ...rows),
  );
  replaceChildren(root, h('h3', {}, `The batch: ${mean} averages every example`), math, table);
  root.setAttribute('aria-label', `The batch behind ${mean}`);
}
