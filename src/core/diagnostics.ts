import type { Range } from './text/range';

export type Severity = 'error' | 'warning' | 'information';

/**
 * A problem found in a spec. Problems are data, never exceptions: every function of the core
 * returns them beside its result, each pinned to the text it is about.
 */
export interface Diagnostic {
  /** Stable identifier, e.g. `weights-row-count`; documented in the README, one test fixture each. */
  readonly code: string;
  readonly severity: Severity;
  readonly range: Range;
  /** What was expected, what was found, and how to fix it, in one or two sentences. */
  readonly message: string;
  /** The edit that fixes it, when there is exactly one sensible fix (a misspelt name). */
  readonly fix?: Fix;
}

/** Replace the text at `range` with `newText`: an editor offers it as a quick fix titled `title`. */
export interface Fix {
  readonly title: string;
  readonly range: Range;
  readonly newText: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
