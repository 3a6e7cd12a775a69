import type { Diagnostic } from '../diagnostics';
import type { Network } from '../model/network';
import type { SpecSource } from '../model/source';
import { DEFAULT_LIMITS, type Limits } from '../model/limits';
import { buildNetwork, buildSource } from './assemble';
import { checkExamples } from './check-examples';
import { checkLayers, type LayerFacts } from './check-layers';
import { checkBatchSize } from './check-training';
import { checkWorkload } from './check-workload';
import type { DataFiles } from '../data/files';
import type { DataFileDiagnostics } from './csvData';
import { NO_DATA, resolveData, type SpecData } from './dataSets';
import { NumberStore } from './numbers';
import { readSpec } from './read';
import { Reporter } from './reporter';

export interface ParseResult {
  /** The network the spec describes; null exactly when some diagnostic has severity 'error'. */
  readonly network: Network | null;
  /** Where each part stands in the text: as much as could be located, even with errors. */
  readonly source: SpecSource;
  /** The problems found, in text order: at most `limits.maxDiagnostics`, then one `more-problems` counting the rest. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many problems were found in all, including those past the cap. */
  readonly counts: { readonly errors: number; readonly warnings: number };
  /**
   * Every data file the spec reads (`data "FILE.csv" …`), with the problems found inside it,
   * in the file's own positions: a host shows them on the file and re-analyses the spec when
   * one of these files changes. Each file with problems also gives the spec one
   * `data-file-problems` error, so `diagnostics` alone says whether the spec can run.
   */
  readonly files: readonly DataFileDiagnostics[];
}

export interface ParseOptions {
  /** Overrides the documented limits (tests use small ones). */
  readonly limits?: Partial<Limits>;
  /** How the data files the spec names are read; without it every such file is reported unreadable (files.ts). */
  readonly files?: DataFiles;
}

/**
 * Parses a `.nnet` spec. Never throws: every problem becomes a diagnostic. Runs in time linear
 * in the text: one reading pass over character codes (see read.ts), then checks that need the
 * whole spec (check-layers.ts, check-examples.ts), then the network is assembled if valid.
 */
export function parseSpec(text: string, options: ParseOptions = {}): ParseResult {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const store = new NumberStore(text.length);
  const reporter = new Reporter(limits.maxDiagnostics);
  const draft = readSpec(text, store, reporter, limits.maxExampleNumbers);
  let facts: LayerFacts = { hasInputLayer: false, activations: [] };
  let data: SpecData = NO_DATA;
  if (draft.firstStatement === null) {
    const firstLineEnd = text.search(/\r|\n/);
    reporter.report(
      'empty-spec',
      { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineEnd < 0 ? text.length : firstLineEnd } },
      'the spec is empty: expected a network, starting with its inputs (`layer 0: 2 inputs`), then its layers (`layer 1: 1 sigmoid`) and examples (`example x 0 1 y 1`)',
    );
  } else {
    facts = checkLayers(draft, store, reporter, limits);
    data = resolveData(draft, reporter, limits, options.files);
    checkExamples(draft, store, reporter, facts, data);
    checkBatchSize(draft, data, reporter);
    // Only a spec that is otherwise sound is worth estimating: its figures then mean something.
    if (reporter.errors === 0) checkWorkload(draft, data.exampleCount, reporter, limits);
  }
  const source = buildSource(draft, store, facts, data);
  const network = reporter.errors === 0 ? buildNetwork(draft, store, facts, data) : null;
  const counts = { errors: reporter.errors, warnings: reporter.reported - reporter.errors };
  return { network, source, diagnostics: reporter.sorted(), counts, files: data.files };
}
