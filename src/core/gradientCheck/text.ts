import { thousands } from '../notation/count';
import { formatNumber } from '../notation/format';
import { worstFailure, type CheckReport, type CheckRow } from './report';

/**
 * A gradient check in words, shared by `nnet gradcheck` (as lines of a terminal) and the Check
 * Gradients panel (each sentence in its place on the page), so both say the same thing.
 */

/** Significant digits of the two slopes: enough to see where they part. */
export const SLOPE_DIGITS = 8;
/** Significant digits of a relative error. */
export const ERROR_DIGITS = 3;

export function plural(n: number, word: string): string {
  return `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** `2-2-2 network, 12 parameters, all checked` or `…, a sample of 310 of 50,890 checked`. */
export function scopeText(report: CheckReport): string {
  const what = report.sampled ? `a sample of ${thousands(report.planned)} of them checked` : 'all checked';
  return `${report.sizes.join('-')} network, ${plural(report.total, 'parameter')}, ${what}; c = ${formatNumber(report.cost)} over ${plural(report.examples, 'training example')}`;
}

/** How the relative error is defined, with this check's numbers. */
export function definitionText(report: CheckReport): string {
  return `relative error = |FD − BP| / max(|FD| + |BP|, ${formatNumber(report.floor, 3)}), where FD = (c(θ + h) − c(θ − h)) / 2h with h = ${formatNumber(report.step)}·max(1, |θ|), and BP is backprop's ∂c/∂θ; tolerance ${formatNumber(report.tolerance)}`;
}

/** Why only some were checked; null when all were. */
export function sampleText(report: CheckReport): string | null {
  if (!report.sampled) return null;
  return `This is a sample of ${thousands(report.planned)} of the ${thousands(report.total)} parameters: checking each costs two passes over the ${plural(report.examples, 'training example')}. Every layer's weights and biases are represented, and the spec's seed picks which, so the same spec always checks the same ones.`;
}

/** What a `kink` row means; null when there is none. */
export function kinkText(report: CheckReport): string | null {
  if (report.kinks === 0) return null;
  return `${plural(report.kinks, 'parameter')} marked kink: within ±h of ${report.kinks === 1 ? 'it' : 'them'} the cost bends (a relu or leaky-relu neuron switches sides, or a clamped log starts or stops), so the central difference averages two slopes. Backprop matches the one-sided difference on the side without the bend; these are not counted as failures.`;
}

/** What a `clamped` row means; null when there is none. */
export function clampedText(report: CheckReport): string | null {
  if (report.clamped === 0) return null;
  const them = report.clamped === 1 ? 'it' : 'them';
  return `${plural(report.clamped, 'parameter')} marked clamped: some output lies within 10⁻¹² of 0 or 1, where its log is taken at 10⁻¹² so that the cost stays finite. There the cost is flat, and the central difference sees no slope through that output, while backprop's ∂c/∂a⁽ᴸ⁾ⱼ is the formula's value at the clamp, which keeps a confidently wrong output learning. With that output's ∂c/∂a⁽ᴸ⁾ⱼ taken as 0, the slope of the cost as computed, backprop agrees with the central difference for ${them}; these are not counted as failures.`;
}

/** The verdict in one sentence. */
export function summaryText(report: CheckReport): string {
  const worst = worstFailure(report);
  const judged = report.checked - report.kinks - report.clamped;
  if (worst === null) {
    const top = report.rows.find((row) => row.verdict === 'pass');
    const largest = top ? `; largest relative error ${formatNumber(top.relativeError, ERROR_DIGITS)} (${top.symbol.text})` : '';
    const marks = [report.kinks > 0 ? `${thousands(report.kinks)} marked kink` : '', report.clamped > 0 ? `${thousands(report.clamped)} marked clamped` : ''].filter(Boolean);
    const marked = marks.length > 0 ? ` (${marks.join(', ')})` : '';
    if (judged === 0) return `Passed: none of ${plural(report.checked, 'checked parameter')} fails the tolerance ${formatNumber(report.tolerance)}${marked}.`;
    return `Passed: ${judged === report.checked ? 'all' : thousands(judged)} of ${plural(report.checked, 'checked parameter')} within the tolerance ${formatNumber(report.tolerance)}${marked}${largest}.`;
  }
  return `Failed: ${thousands(report.failures)} of ${plural(report.checked, 'checked parameter')} outside the tolerance ${formatNumber(report.tolerance)}; worst ${failureText(worst)}.`;
}

/** `w⁽²⁾₁₂: relative error 0.013 (backprop 0.0821670, central difference 0.0832…)`. */
export function failureText(row: CheckRow): string {
  return `${row.symbol.text}, relative error ${formatNumber(row.relativeError, ERROR_DIGITS)} (backprop ${formatNumber(row.backprop, SLOPE_DIGITS)}, central difference ${formatNumber(row.numeric, SLOPE_DIGITS)})`;
}

/** The table's cells of one row, as text: parameter, backprop, central difference, relative error, verdict. */
export function rowCells(row: CheckRow): [string, string, string, string, string] {
  return [row.symbol.text, formatNumber(row.backprop, SLOPE_DIGITS), formatNumber(row.numeric, SLOPE_DIGITS), formatNumber(row.relativeError, ERROR_DIGITS), row.verdict];
}

export const TABLE_HEADERS = ['parameter', 'backprop ∂c/∂θ', 'central difference', 'relative error', 'verdict'] as const;

/** Every line of `nnet gradcheck`'s text output, made one row at a time. */
export function* reportLines(report: CheckReport, title: string): Generator<string> {
  yield `${title}: ${scopeText(report)}`;
  yield definitionText(report);
  const sample = sampleText(report);
  if (sample !== null) yield sample;
  yield '';
  const widths = TABLE_HEADERS.map((header) => header.length);
  // Widths from the rows themselves (a bounded number: at most MAX_SAMPLE).
  const cells = report.rows.map(rowCells);
  for (const row of cells) row.forEach((cell, q) => (widths[q] = Math.max(widths[q], cell.length)));
  const line = (row: readonly string[]) => row.map((cell, q) => (q === row.length - 1 ? cell : cell.padEnd(widths[q]))).join('  ');
  yield line(TABLE_HEADERS);
  for (const row of cells) yield line(row);
  yield '';
  const kinks = kinkText(report);
  if (kinks !== null) yield kinks;
  const clamped = clampedText(report);
  if (clamped !== null) yield clamped;
  yield summaryText(report);
}

/**
 * The report as JSON, in pieces (one per row) for streaming: the summary fields, then `rows`
 * worst first. A NaN or an infinity is written as null.
 */
export function* reportJsonPieces(report: CheckReport, name: string | null): Generator<string> {
  const worst = worstFailure(report);
  const head = {
    network: name,
    sizes: report.sizes,
    parameters: report.total,
    checked: report.checked,
    sampled: report.sampled,
    examples: report.examples,
    cost: report.cost,
    step: report.step,
    floor: report.floor,
    tolerance: report.tolerance,
    passed: worst === null,
    failures: report.failures,
    kinks: report.kinks,
    clamped: report.clamped,
    worst: worst === null ? null : jsonRow(worst),
  };
  const text = JSON.stringify(head);
  yield `${text.slice(0, -1)},"rows":[`;
  const last = report.rows.length - 1;
  for (let q = 0; q <= last; q++) yield `  ${JSON.stringify(jsonRow(report.rows[q]))}${q < last ? ',' : ''}`;
  yield ']}';
}

function jsonRow(r: CheckRow): object {
  return {
    parameter: r.symbol.text,
    tex: r.symbol.tex,
    kind: r.kind,
    layer: r.layer,
    ...(r.from === null ? {} : { from: r.from }),
    to: r.to,
    backprop: r.backprop,
    centralDifference: r.numeric,
    relativeError: r.relativeError,
    verdict: r.verdict,
  };
}
