import type { DataFiles } from '../../core/data/files';
import { hasErrors, type Diagnostic } from '../../core/diagnostics';
import type { EngineResult, NumericFailure } from '../../core/engine/types';
import type { Network } from '../../core/model/network';
import type { SpecSource } from '../../core/model/source';
import type { DataFileDiagnostics } from '../../core/parser/csvData';
import { DEFAULT_WEIGHT_ORDER, type WeightOrder } from '../../core/notation/symbols';
import { range, type Range } from '../../core/text/range';
import type { Trace } from '../../core/trace/types';
import type { BugReporter, ParseOutcome, Toolchain, TraceOptions } from './toolchain';

/**
 * Everything the extension knows about one version of one spec: computed once, then shared by
 * the Problems view, the outline, the panel, hovers, code lenses and inlay hints. Nothing here
 * touches the editor, so it is tested on its own (test/unit/extension/analysis.test.ts).
 */
export interface SpecAnalysis extends AnalysisParts {
  /** The TextDocument version this describes; PENDING_VERSION (−1) before the first analysis. */
  readonly version: number;
  /** m, when the engine ran; 0 otherwise. */
  readonly exampleCount: number;
  /**
   * The trace of example `example` (0-based), numbers written with `digits` significant
   * digits and weights in `weightOrder` (default from-to); built on first use and cached for
   * this version. Null when the engine did not run or the example does not exist.
   */
  trace(example: number, digits: number, weightOrder?: WeightOrder): Trace | null;
}

export type EngineSkip =
  /** The spec has errors (or left no network). */
  | 'errors'
  /** The parser judged the network too large to run interactively. */
  | 'too-large'
  /** The spec has no `example` line, so there is nothing to propagate. */
  | 'no-examples'
  /** A bug in the extension; it was reported to the log. */
  | 'internal-error'
  /** The spec's first analysis is still running in the worker (see specAnalyses.ts). */
  | 'pending';

/**
 * Parser codes (src/core/parser/codes.ts) saying the spec is too big to backpropagate on every
 * keystroke. They are errors today; checking them by code keeps the engine from running on
 * such a spec even if one is ever relaxed to a warning.
 */
export const ENGINE_BLOCKING_CODES: ReadonlySet<string> = new Set(['network-too-large', 'examples-too-large']);

export const NUMERIC_FAILURE_CODE = 'numeric-failure';
export const INTERNAL_ERROR_CODE = 'internal-error';

export const EMPTY_SOURCE: SpecSource = { network: null, cost: null, learningRate: null, seed: null, layers: [], examples: [] };

/**
 * What one analysis computes before any trace is asked for: the parse and, when it could run,
 * the engine's result. The analysis worker computes this and sends it to the extension host,
 * which turns it into a SpecAnalysis with `fromParts` (worker/wire.ts).
 */
export interface AnalysisParts {
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
  /**
   * Every data file the spec reads, with the problems inside it (shown on the file, see
   * diagnostics/dataFileDiagnostics.ts); the files are watched so that the spec is analysed
   * again when one changes (analysis/dataDependencies.ts).
   */
  readonly files: readonly DataFileDiagnostics[];
}

/**
 * Analyses `text`. Mistakes in the spec come back as diagnostics; an exception can only be a
 * bug in the extension, so it is caught here — the one boundary — reported, and turned into an
 * `internal-error` diagnostic, so that one document's bug never takes down the others.
 */
export function analyse(text: string, version: number, toolchain: Toolchain, reportBug: BugReporter): SpecAnalysis {
  return fromParts(version, computeAnalysis(text, toolchain, reportBug), toolchain, reportBug);
}

/** Parses `text` and runs the engine when the spec can run: everything but the traces. */
export function computeAnalysis(text: string, toolchain: Pick<Toolchain, 'parse' | 'run'>, reportBug: BugReporter, files?: DataFiles): AnalysisParts {
  let parsed: ParseOutcome;
  try {
    parsed = toolchain.parse(text, files);
  } catch (error) {
    reportBug('parsing the spec', error);
    return partsOf({ network: null, source: EMPTY_SOURCE, diagnostics: [] }, null, 'internal-error', [internalError('parse')]);
  }

  const skipped = whyNotRun(parsed);
  if (skipped) return partsOf(parsed, null, skipped, parsed.diagnostics);

  let engine: EngineResult;
  let failure: NumericFailure | null;
  try {
    engine = toolchain.run(parsed.network!);
    // Read now, inside the boundary: the engine derives it on first read (see engine/run.ts).
    failure = engine.failure;
  } catch (error) {
    reportBug('running backpropagation', error);
    return partsOf(parsed, null, 'internal-error', [...parsed.diagnostics, internalError('run')]);
  }
  const problems = failure ? [...parsed.diagnostics, failureDiagnostic(failure, parsed.source)] : parsed.diagnostics;
  return partsOf(parsed, engine, null, problems);
}

/** The SpecAnalysis of `version` from its parts: traces are built from them on first use. */
export function fromParts(version: number, parts: AnalysisParts, toolchain: Toolchain, reportBug: BugReporter): SpecAnalysis {
  const { engine, network, source } = parts;
  if (!engine || !network) return untraced(version, parts);
  const traces = new Map<string, Trace | null>();
  return {
    version,
    ...parts,
    exampleCount: engine.exampleCount,
    trace(example, digits, weightOrder = DEFAULT_WEIGHT_ORDER) {
      if (!Number.isInteger(example) || example < 0 || example >= engine.exampleCount) return null;
      // `digits` comes validated from the settings (clampDigits in settings.ts).
      const key = `${example}:${digits}:${weightOrder}`;
      if (!traces.has(key)) traces.set(key, buildTrace(toolchain, network, engine, example, { digits, source, weightOrder }, reportBug));
      return traces.get(key)!;
    },
  };
}

/** The version of the pending analysis: no document version is negative. */
export const PENDING_VERSION = -1;

/** What readers see of a spec whose first analysis is still running in the worker. */
export function pendingAnalysis(): SpecAnalysis {
  return untraced(PENDING_VERSION, { network: null, source: EMPTY_SOURCE, parseDiagnostics: [], engine: null, skipped: 'pending', problems: [], files: [] });
}

/** The analysis of `version` when the worker analysing it died (the bug is logged by the caller). */
export function crashedAnalysis(version: number): SpecAnalysis {
  return untraced(version, { network: null, source: EMPTY_SOURCE, parseDiagnostics: [], engine: null, skipped: 'internal-error', problems: [internalError('analyse')], files: [] });
}

function whyNotRun(parsed: ParseOutcome): EngineSkip | null {
  if (parsed.diagnostics.some((d) => ENGINE_BLOCKING_CODES.has(d.code))) return 'too-large';
  if (!parsed.network || hasErrors(parsed.diagnostics)) return 'errors';
  if (parsed.network.examples.length === 0) return 'no-examples';
  return null;
}

/** An analysis whose engine did not run: it has no numbers and no traces. */
function untraced(version: number, parts: AnalysisParts): SpecAnalysis {
  return { version, ...parts, exampleCount: 0, trace: () => null };
}

function partsOf(parsed: ParseOutcome, engine: EngineResult | null, skipped: EngineSkip | null, problems: readonly Diagnostic[]): AnalysisParts {
  return { network: parsed.network, source: parsed.source, parseDiagnostics: parsed.diagnostics, engine, skipped, problems, files: parsed.files ?? [] };
}

function buildTrace(toolchain: Toolchain, network: Network, engine: EngineResult, example: number, options: TraceOptions, reportBug: BugReporter): Trace | null {
  try {
    return toolchain.trace(network, engine, example, options);
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

function internalError(stage: 'parse' | 'run' | 'analyse'): Diagnostic {
  const what = stage === 'parse' ? 'check this spec' : stage === 'run' ? 'run backpropagation on this spec' : 'analyse this spec';
  return {
    code: INTERNAL_ERROR_CODE,
    severity: 'warning',
    range: range(0, 0, 0),
    message: `Backprop Stepper could not ${what} because of a bug in the extension; the details are in Output › Backprop Stepper.`,
  };
}
