import type { DataFiles } from '../../core/data/files';
import type { Diagnostic } from '../../core/diagnostics';
import type { EngineResult } from '../../core/engine/types';
import type { Network } from '../../core/model/network';
import type { DataFileDiagnostics } from '../../core/parser/csvData';
import type { SpecSource } from '../../core/model/source';
import type { WeightOrder } from '../../core/notation/symbols';
import type { Trace } from '../../core/trace/types';

/**
 * The three core functions an analysis needs, passed in rather than imported so the analysis
 * can be tested with fakes and so this folder depends only on the core's contracts:
 * main.ts wires in parseSpec, runEngine and buildTrace.
 */
export interface Toolchain {
  /** `files` reads the data files the spec names; only the analysis worker has one (placement.ts). */
  parse(text: string, files?: DataFiles): ParseOutcome;
  run(network: Network): EngineResult;
  trace(network: Network, result: EngineResult, exampleIndex: number, options: TraceOptions): Trace;
}

/** What parseSpec returns. */
export interface ParseOutcome {
  readonly network: Network | null;
  readonly source: SpecSource;
  readonly diagnostics: readonly Diagnostic[];
  /** The data files read, with the problems inside them (absent from fakes that read none). */
  readonly files?: readonly DataFileDiagnostics[];
}

export interface TraceOptions {
  /** Significant digits of the numbers written into formulas. */
  readonly digits: number;
  readonly source: SpecSource;
  /** How weight symbols order their indices. */
  readonly weightOrder: WeightOrder;
}

/** Where analyses report bugs (never the person's mistakes, which are diagnostics). */
export type BugReporter = (what: string, error: unknown) => void;
