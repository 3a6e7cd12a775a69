import type { Diagnostic, Fix, Severity } from '../diagnostics';
import { MAX_DIAGNOSTICS } from '../model/limits';
import type { Range } from '../text/range';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes';
import { thousands } from '../notation/count';

interface Entry {
  readonly diagnostic: Diagnostic;
  /** Report order, so that problems at one position keep the order they were found in. */
  readonly seq: number;
}

const byPosition = (p: Entry, q: Entry): number =>
  p.diagnostic.range.start.line - q.diagnostic.range.start.line ||
  p.diagnostic.range.start.character - q.diagnostic.range.start.character ||
  p.seq - q.seq;

/**
 * Collects diagnostics; each code's severity comes from the registry, never from the caller.
 *
 * The list is bounded: it keeps the `cap` problems that come first in the text and counts the
 * rest, which `sorted()` closes with one `more-problems` diagnostic. Memory stays O(cap) whatever
 * the spec — a 7 MB file of typos holds two thousand entries at most, never a million — while
 * `errors` still counts every error, so a spec with an error past the cap is still one that
 * cannot run.
 */
export class Reporter {
  private list: Entry[] = [];
  private seq = 0;
  private dropped = { errors: 0, others: 0, first: null as Entry | null };
  /** Every error reported, listed or not. */
  errors = 0;
  /** Every diagnostic reported, listed or not. */
  reported = 0;

  constructor(private readonly cap: number = MAX_DIAGNOSTICS) {}

  report(code: DiagnosticCode, range: Range, message: string, fix?: Fix): void {
    const severity = DIAGNOSTIC_CODES[code].severity;
    if (severity === 'error') this.errors++;
    this.reported++;
    const diagnostic: Diagnostic = fix === undefined ? { code, severity, range, message } : { code, severity, range, message, fix };
    this.list.push({ diagnostic, seq: this.seq++ });
    // Trimming at twice the cap sorts each entry O(1) times on average.
    if (this.list.length >= 2 * this.cap) this.trim();
  }

  /** The first `cap` diagnostics in text order (stable for equal positions), then the count of the rest. */
  sorted(): Diagnostic[] {
    this.trim();
    const kept = this.list.map((entry) => entry.diagnostic);
    const { errors, others, first } = this.dropped;
    if (first === null) return kept;
    const severity: Severity = errors > 0 ? 'error' : 'warning';
    const total = errors + others;
    const kinds = errors > 0 && others > 0 ? ` (${thousands(errors)} of them ${errors === 1 ? 'an error' : 'errors'})` : '';
    kept.push({
      code: 'more-problems',
      severity,
      range: first.diagnostic.range,
      message: `… and ${thousands(total)} more ${total === 1 ? 'problem' : 'problems'} from here on${kinds}; only the first ${thousands(this.cap)} are listed. Fix those and the rest will show`,
    });
    return kept;
  }

  private trim(): void {
    this.list.sort(byPosition);
    if (this.list.length <= this.cap) return;
    const rest = this.list.slice(this.cap);
    this.list.length = this.cap;
    for (const entry of rest) {
      if (entry.diagnostic.severity === 'error') this.dropped.errors++;
      else this.dropped.others++;
    }
    const first = this.dropped.first;
    if (first === null || byPosition(rest[0], first) < 0) this.dropped.first = rest[0];
  }
}
