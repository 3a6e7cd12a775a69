import type { DataFiles } from '../data/files';
import type { Diagnostic } from '../diagnostics';
import { runEngine } from '../engine/run';
import type { EngineResult } from '../engine/types';
import type { Network } from '../model/network';
import type { SpecSource } from '../model/source';
import type { WeightOrder } from '../notation/symbols';
import { parseSpec } from '../parser/parse';
import { buildTrace } from '../trace/build';
import type { BuiltTrace } from '../trace/types';

/**
 * A version of the spec already analysed: the extension hands over what its analysis worker
 * computed, so a debug session inside the editor never runs the engine on the editor's thread.
 */
export interface AnalysedSpec {
  readonly text: string;
  readonly problems: readonly Diagnostic[];
  readonly source: SpecSource;
  /** Null when the spec cannot run (errors, or no examples). */
  readonly network: Network | null;
  readonly engine: EngineResult | null;
}

/**
 * Parses `text` and runs the engine when it can run: what `nnet dap` does for each version.
 * `files` reads the data files the spec names (core/data/files.ts); without it they are unreadable.
 */
export function analyseSpecText(text: string, files?: DataFiles): AnalysedSpec {
  const parsed = parseSpec(text, { files });
  const runnable = parsed.network !== null && !parsed.diagnostics.some((d) => d.severity === 'error') && parsed.network.examples.length > 0;
  return {
    text,
    problems: parsed.diagnostics,
    source: parsed.source,
    network: runnable ? parsed.network : null,
    engine: runnable ? runEngine(parsed.network!) : null,
  };
}

/**
 * One version of the spec as a debug session sees it: the parse, the engine's result and each
 * example's trace (built when first asked for). A spec with errors has no numbers: the session
 * pauses with its problems until an edit fixes them.
 */
export class LoadedSpec {
  readonly text: string;
  readonly problems: readonly Diagnostic[];
  readonly network: Network | null;
  readonly source: SpecSource;
  readonly engine: EngineResult | null;
  private readonly traces = new Map<number, BuiltTrace>();

  constructor(
    spec: AnalysedSpec,
    private readonly digits: number,
    readonly weightOrder: WeightOrder,
  ) {
    this.text = spec.text;
    this.problems = spec.problems;
    this.source = spec.source;
    this.network = spec.engine ? spec.network : null;
    this.engine = spec.network ? spec.engine : null;
  }

  /** Whether the session can compute: no errors, and at least one example. */
  get runnable(): boolean {
    return this.engine !== null;
  }

  get exampleCount(): number {
    return this.engine?.exampleCount ?? 0;
  }

  /** The trace of example `example` (0-based). Only for a runnable spec. */
  trace(example: number): BuiltTrace {
    let trace = this.traces.get(example);
    if (trace === undefined) {
      trace = buildTrace(this.network!, this.engine!, example, { digits: this.digits, source: this.source, weightOrder: this.weightOrder });
      this.traces.set(example, trace);
    }
    return trace;
  }

  /** What changed from `before` to this version, in a sentence each, for the Debug Console. */
  changesFrom(before: LoadedSpec): string[] {
    const changes: string[] = [];
    if (!this.runnable) {
      const errors = this.problems.filter((d) => d.severity === 'error').length;
      changes.push(errors > 0 ? `The spec now has ${errors === 1 ? 'an error' : `${errors} errors`}; the session waits until it is fixed.` : 'The spec has no examples; the session waits for one.');
      return changes;
    }
    if (!before.runnable) changes.push('The spec runs again.');
    const shape = (network: Network | null) => network?.layers.map((layer) => `${layer.size}${layer.activation ? ` ${layer.activation}` : ''}`).join(', ') ?? '';
    if (before.runnable && shape(before.network) !== shape(this.network)) changes.push(`The layers are now ${shape(this.network)}.`);
    if (before.exampleCount !== this.exampleCount) changes.push(`There are now ${this.exampleCount} examples (were ${before.exampleCount}).`);
    if (before.engine && this.engine && before.engine.cost !== this.engine.cost)
      changes.push(`The mean cost c is now ${this.engine.cost} (was ${before.engine.cost}).`);
    if (changes.length === 0) changes.push('The spec changed; its numbers are recomputed.');
    return changes;
  }
}
