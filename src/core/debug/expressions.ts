import { completions, evaluateText, formatValue, truthy, type ExpressionError } from '../expression';
import type { StepSnapshot } from '../stepping/snapshot';
import type { LoadedSpec } from './loadedSpec';
import { VARIABLE_DIGITS } from './variables';

/**
 * The debug runtime's use of the expression language (src/core/expression): Watch, the Debug
 * Console, debug hovers, breakpoint conditions and logpoints all evaluate at a thread's
 * stepping position, and a mistake comes back as a message that shows where it is.
 */
export interface Completion {
  readonly label: string;
  readonly text?: string;
  readonly detail?: string;
  /** 0-based offsets of the text the completion replaces. */
  readonly start?: number;
  readonly end?: number;
}

export type Evaluated = { readonly text: string; readonly truthy: boolean } | { readonly error: string };

export function evaluateExpression(spec: LoadedSpec, snapshot: StepSnapshot, text: string): Evaluated {
  const outcome = evaluateText(text, { snapshot, weightOrder: spec.weightOrder });
  if ('error' in outcome) return { error: positioned(text, outcome.error) };
  return { text: formatValue(outcome.value, VARIABLE_DIGITS), truthy: truthy(outcome.value) === true };
}

/** Completions at 0-based offset `cursor` of `text`. */
export function expressionCompletions(spec: LoadedSpec, text: string, cursor: number): Completion[] {
  return completions(text, cursor, spec.network!, { weightOrder: spec.weightOrder }).map((c) => ({ label: c.label, text: c.text, detail: c.detail, start: c.start, end: c.end }));
}

/** "message", then the expression with the mistake underlined: a plain-text position any client shows. */
export function positioned(text: string, error: ExpressionError): string {
  const start = Math.max(0, Math.min(error.start, text.length));
  const width = Math.max(1, Math.min(error.end, text.length + 1) - start);
  return `${error.message} (column ${start + 1})\n  ${text}\n  ${' '.repeat(start)}${'^'.repeat(width)}`;
}
