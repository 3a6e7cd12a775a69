import { thousands } from '../notation/count';
import { formatNumber } from '../notation/format';
import type { BuiltTrace, StepGroup, SumTerm, TraceStep } from '../trace/types';

/**
 * The trace as plain text, one line per step:
 *   symbol = general form = numbers = value
 * with a heading line before each group (phase and layer). Parts that would repeat the previous
 * one (a formula that is already a number, numbers that are already the value) are left out.
 * Wide sums are elided as in every view ("⋯[1,999,995 more terms: 0.417]⋯"); with `full`, the
 * step line is followed by every term of its sum, one per line. Lines are made one at a time as
 * they are read, so a trace of millions of steps (or of terms) is never one string.
 */
export interface TextOptions {
  /** Significant digits of the final value (default 6; the trace's own digits set the rest). */
  readonly digits?: number;
  /** Include the notes some steps carry, indented under the step (default false). */
  readonly notes?: boolean;
  /** After a step whose sum is elided, list every term of it, one per line (default false). */
  readonly full?: boolean;
}

export function groupHeading(group: StepGroup, layerCount: number): string {
  switch (group.phase) {
    case 'forward':
      return `Forward pass, layer ${group.layer}${group.layer === layerCount ? ' (output)' : ''}`;
    case 'cost':
      return 'Cost of the example';
    case 'backward':
      return `Backward pass, layer ${group.layer}${group.layer === layerCount ? ' (output)' : ''}`;
    case 'update':
      return `Gradient descent step, layer ${group.layer}`;
  }
}

/** One step as `symbol = formula = numbers = value`. */
export function stepLine(step: TraceStep, digits = 6): string {
  return equation(step.symbolText, [step.formulaText, step.substitutedText], formatNumber(step.value, digits));
}

/** One term of a sum as `symbols = numbers = value`, e.g. `w⁽¹⁾₂₁ · a⁽⁰⁾₂ = 0.2 × 0.1 = 0.02`. */
export function termLine(term: SumTerm, digits = 6): string {
  return equation(term.text, [term.numbersText], formatNumber(term.value, digits));
}

/** first = middle… = value, leaving out a middle part that is empty or repeats its neighbour. */
function equation(first: string, middle: readonly string[], value: string): string {
  const parts = [first];
  for (const part of middle) {
    if (part !== '' && part !== parts[parts.length - 1] && part !== value) parts.push(part);
  }
  parts.push(value);
  return parts.join(' = ');
}

export function* traceTextLines(trace: BuiltTrace, options: TextOptions = {}): Generator<string, void, undefined> {
  const digits = options.digits ?? 6;
  // A reduce, not Math.max(...): a spec of 200,000 layers has more groups than a call takes arguments.
  const layerCount = trace.groups.reduce((most, g) => Math.max(most, g.layer), 0);
  let first = true;
  for (const group of trace.groups) {
    if (!first) yield '';
    first = false;
    yield `── ${groupHeading(group, layerCount)} ──`;
    for (let index = group.start; index < group.end; index++) {
      const step = trace.step(index);
      yield stepLine(step, digits);
      if (options.notes && step.note) yield `    ${step.note}`;
      const terms = options.full ? trace.sumTerms(index) : null;
      if (terms === null) continue;
      yield `    all ${thousands(terms.count)} terms of the sum:`;
      for (const term of terms) yield `    ${termLine(term, digits)}`;
    }
  }
}

export function traceToText(trace: BuiltTrace, options: TextOptions = {}): string {
  return [...traceTextLines(trace, options)].join('\n') + '\n';
}
