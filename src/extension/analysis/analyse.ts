import { hasErrors, type Diagnostic } from '../../core/diagnostics';
import type { EngineResult, NumericFailure } from '../../core/engine/types';
import type { Network } from '../../core/model/network';
import type { SpecSource } from '../../core/model/source';
import { range, type Range } from '../../core/text/range';
import type { Trace } from '../../core/trace/types';
import type { BugReporter, ParseOutcome, Toolchain } from './toolchain';

/**
 * Everything the extension knows about one version of one spec: computed once, then shared by
 * the Problems view, the outline, the panel, hovers, code lenses and inlay hints. Nothing here
 * touches the editor, so it is tested on its own (test/unit/extension/analysis.test.ts).
 */
export interface SpecAnalysis {
  /** The TextDocument version this describes. */
  readonly version: number;
  /** The parsed network, or null when the spec has errors that leave no network. */
  readonly network: Network | null;
  /** Where every part of the network stands in the text (always present, possibly sparse). */
  readonly source: SpecSource;
  /** The parser's diagnostics. */
  readonly parseDiagnostics: readonly Diagnostic[];
  /** One run of backpropagation over all examples, or null: see `skipped`. */
  readonly engine: EngineResult | null;
  /** Why `engine` is null; null when it ran. */
  readonly skipped: EngineSkip | null;
  /** What the Problems view shows: the parser's diagnostics, then a numeric failure if any. */
  readonly problems: readonly Diagnostic[];
  /** m, when the engine ran; 0 otherwise. */
  readonly exampleCount: number;
  /**
   * The trace of example `example` (0-based), numbers written with `digits` significant
   * digits; built on first use and cached for this version. Null when the engine did not run
   * or the example does not exist.
   */
  trace(example: number, digits: number): Trace | null;
}

export type EngineSkip =
  /** The spec has errors (or left no network). */
  | 'errors'
  /** The parser judged the network too large to run interactively. */
  | 'too-large'
  /** The spec has no `example` line, so there is nothing to propagate. */
  | 'no-examples'
  /** A bug in the extension; it was reported to the log. */
  | 'internal-error';

/**
 * Parser codes (src/core/parser/codes.ts) saying the spec is too big to backpropagate on every
 * keystroke. They are errors today; checking them by code keeps the engine from running on
 * such a spec even if one is ever relaxed to a warning.
 */
export const ENGINE_BLOCKING_CODES: ReadonlySet<string> = new Set(['network-too-large', 'examples-too-large']);

export const NUMERIC_FAILURE_CODE = 'numeric-failure';
export const INTERNAL_ERROR_CODE = 'internal-error';

export const EMPTY_SOURCE: SpecSource = { network: null, cost: null, learningRate: null, seed: null, layers: [], examples: [] };

export const MIN_DIGITS = 1;
export const MAX_DIGITS = 15;

export function clampDigits(digits: number): number {
  return Number.isFinite(digits) ? Math.min(MAX_DIGITS, Math.max(MIN_DIGITS, Math.round(digits))) : 6;
}

/**
 * Analyses `text`. Mistakes in the spec come back as diagnostics; an exception can only be a
 * bug in the extension, so it is caught here — the one boundary — reported, and turned into an
 * `internal-error` diagnostic, so that one document's bug never takes down the others.
 */
export function analyse(text: string, version: number, toolchain: Toolchain, reportBug: BugReporter): SpecAnalysis {
  let parsed: ParseOutcome;
  try {
    parsed = toolchain.parse(text);
  } catch (error) {
    reportBug('parsing the spec', error);
    return analysis(version, { network: null, source: EMPTY_SOURCE, diagnostics: [] }, null, 'internal-error', [internalError('parse')]);
  }

  const skipped = whyNotRun(parsed);
  if (skipped) return analysis(version, parsed, null, skipped, parsed.diagnostics);

  let engine: EngineResult;
  try {
    engine = toolchain.run(parsed.network!);
  } catch (error) {
    reportBug('running backpropagation', error);
    return analysis(version, parsed, null, 'internal-error', [...parsed.diagnostics, internalError('run')]);
  }
  const problems = engine.failure ? [...parsed.diagnostics, failureDiagnostic(engine.failure, parsed.source)] : parsed.diagnostics;
  const traces = new Map<string, Trace | null>();
  const network = parsed.network!;
  return {
    ...analysis(version, parsed, engine, null, problems),
    trace(example, digits) {
      if (!Number.isInteger(example) || example < 0 || example >= engine.exampleCount) return null;
      const wanted = clampDigits(digits);
      const key = `${example}:${wanted}`;
      if (!traces.has(key)) traces.set(key, buildTrace(toolchain, network, engine, example, wanted, parsed.source, reportBug));
      return traces.get(key)!;
    },
  };
}

function whyNotRun(parsed: ParseOutcome): EngineSkip | null {
  if (parsed.diagnostics.some((d) => ENGINE_BLOCKING_CODES.has(d.code))) return 'too-large';
  if (!parsed.network || hasErrors(parsed.diagnostics)) return 'errors';
  if (parsed.network.examples.length === 0) return 'no-examples';
  return null;
}

function analysis(
  version: number,
  parsed: ParseOutcome,
  engine: EngineResult | null,
  skipped: EngineSkip | null,
  problems: readonly Diagnostic[],
): SpecAnalysis {
  return {
    version,
    network: parsed.network,
    source: parsed.source,
    parseDiagnostics: parsed.diagnostics,
    engine,
    skipped,
    problems,
    exampleCount: engine ? engine.exampleCount : 0,
    trace: () => null,
  };
}

function buildTrace(
  toolchain: Toolchain,
  network: Network,
  engine: EngineResult,
  example: number,
  digits: number,
  source: SpecSource,
  reportBug: BugReporter,
): Trace | null {
  try {
    return toolchain.trace(network, engine, example, { digits, source });
  } catch (error) {
    reportBug(`building the trace of example ${example + 1}`, error);
    return null;
  }
}

/**
 * The engine's first non-finite quantity as a warning on the line of the layer where it
 * appeared (the cost belongs to layer L), so the person sees where the numbers blew up.
 */
export function failureDiagnostic(failure: NumericFailure, source: SpecSource): Diagnostic {
  const layer = source.layers[failure.layer] ?? source.layers[source.layers.length - 1];
  const where: Range = layer?.header ?? source.network ?? range(0, 0, 0);
  return { code: NUMERIC_FAILURE_CODE, severity: 'warning', range: where, message: failure.message };
}

function internalError(stage: 'parse' | 'run'): Diagnostic {
  const what = stage === 'parse' ? 'check this spec' : 'run backpropagation on this spec';
  return {
    code: INTERNAL_ERROR_CODE,
    severity: 'warning',
    range: range(0, 0, 0),
    message: `Backprop Stepper could not ${what} because of a bug in the extension; the details are in Output › Backprop Stepper.`,
  };
}
