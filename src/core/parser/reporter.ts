import type { Diagnostic, Fix } from '../diagnostics';
import type { Range } from '../text/range';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes';

/** Collects diagnostics; each code's severity comes from the registry, never from the caller. */
export class Reporter {
  private readonly list: Diagnostic[] = [];
  errors = 0;

  report(code: DiagnosticCode, range: Range, message: string, fix?: Fix): void {
    const severity = DIAGNOSTIC_CODES[code].severity;
    if (severity === 'error') this.errors++;
    this.list.push(fix === undefined ? { code, severity, range, message } : { code, severity, range, message, fix });
  }

  /** All diagnostics in text order (stable for equal positions). */
  sorted(): Diagnostic[] {
    return this.list
      .map((diagnostic, index) => ({ diagnostic, index }))
      .sort(
        (p, q) =>
          p.diagnostic.range.start.line - q.diagnostic.range.start.line ||
          p.diagnostic.range.start.character - q.diagnostic.range.start.character ||
          p.index - q.index,
      )
      .map((entry) => entry.diagnostic);
  }
}
