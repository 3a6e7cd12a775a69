import { formatNumber } from '../notation/format';
import type { StepGroup, Trace, TraceStep } from '../trace/types';

/**
 * The trace as plain text, one line per step:
 *   symbol = general form = numbers = value
 * with a heading line before each group (phase and layer). Parts that would repeat the previous
 * one (a formula that is already a number, numbers that are already the value) are left out.
 */
export interface TextOptions {
  /** Significant digits of the final value (default 6; the trace's own digits set the rest). */
  readonly digits?: number;
  /** Include the notes some steps carry, indented under the step (default false). */
  readonly notes?: boolean;
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
  const parts = [step.symbolText];
  const value = formatNumber(step.value, digits);
  for (const part of [step.formulaText, step.substitutedText]) {
    if (part !== '' && part !== parts[parts.length - 1] && part !== value) parts.push(part);
  }
  parts.push(value);
  return parts.join(' = ');
}

export function traceToTextLines(trace: Trace, options: TextOptions = {}): string[] {
  const digits = options.digits ?? 6;
  const lines: string[] = [];
  const layerCount = trace.groups.length > 0 ? Math.max(...trace.groups.map((g) => g.layer)) : 0;
  for (const group of trace.groups) {
    if (lines.length > 0) lines.push('');
    lines.push(`── ${groupHeading(group, layerCount)} ──`);
    for (let index = group.start; index < group.end; index++) {
      const step = trace.step(index);
      lines.push(stepLine(step, digits));
      if (options.notes && step.note) lines.push(`    ${step.note}`);
    }
  }
  return lines;
}

export function traceToText(trace: Trace, options: TextOptions = {}): string {
  return traceToTextLines(trace, options).join('\n') + '\n';
}
