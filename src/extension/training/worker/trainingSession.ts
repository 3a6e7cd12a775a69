import type { DataFiles } from '../../../core/data/files';
import type { ProductThreads } from '../../../core/engine/wasm/parallel';
import { applyEdits, gradientStepEdits, type TextEdit } from '../../../core/edit/gradientStep';
import { DEFAULT_TRAINING_STEPS } from '../../../core/model/defaults';
import type { Network } from '../../../core/model/network';
import type { SpecSource } from '../../../core/model/source';
import { parseSpec } from '../../../core/parser/parse';
import { pictureOf } from '../../../core/training/picture';
import { Trainer } from '../../../core/training/trainer';
import type { TrainingProgress, TrainingSnapshot } from '../../../shared/trainingMessages';
import { whyUntrainable } from './trainable';
import type { AnswerKind, RunFacts, WorkerAnswer, WorkerFinished } from './trainingWire';

/**
 * One training run as the worker holds it: the spec parsed from the text it was given, the
 * Trainer, and everything the host may ask of the run (the history since the last progress
 * message, the picture at a step, the edits or text of a step's parameters). Pure: no thread, no
 * clock (elapsed times are passed in), so it is unit-tested directly; trainingWorker.ts drives it.
 *
 * The spec's own `steps`, `batch-size` and `shuffle` lines set the run, as `nnet train` without
 * flags does (src/cli/train.ts).
 */
export class TrainingSession {
  /** History entries already sent: the next progress message starts at this step. */
  private sent = 0;

  private constructor(
    private readonly text: string,
    private readonly network: Network,
    private readonly source: SpecSource,
    private readonly trainer: Trainer,
    readonly facts: RunFacts,
  ) {}

  /**
   * Parses `text` (its data files read through `files`) and sets up the run; a string says why it
   * cannot train (trainable.ts). `threads` may share the large products out (the same numbers).
   */
  static open(text: string, files: DataFiles | undefined, threads: ProductThreads | null = null): TrainingSession | string {
    const { network, source, diagnostics } = parseSpec(text, { files });
    const why = whyUntrainable(network, diagnostics);
    if (why !== null || network === null) return why ?? 'it has errors';
    const steps = network.training?.steps ?? DEFAULT_TRAINING_STEPS;
    const shuffle = network.training?.shuffle ?? null;
    const trainer = new Trainer(network, { steps, batchSize: network.training?.batchSize ?? null, shuffle, threads });
    const sizes = network.layers.map((layer) => layer.size);
    const facts: RunFacts = {
      networkName: network.name ?? null,
      steps: trainer.steps,
      batchSize: trainer.batchSize,
      shuffle,
      learningRate: network.learningRate,
      sizes,
      hasValidation: (network.validation?.length ?? 0) > 0,
      picture: pictureKind(sizes),
    };
    return new TrainingSession(text, network, source, trainer, facts);
  }

  get isFinished(): boolean {
    return this.trainer.isFinished;
  }

  /** Runs up to `count` more steps. */
  run(count: number): void {
    this.trainer.run(count);
  }

  /** The history recorded since the previous call, as the panel's `progress` message. */
  progress(elapsedMs: number): TrainingProgress {
    const history = this.trainer.history();
    const from = this.sent;
    const known = history.cost.length;
    this.sent = known;
    // Costs are known for t < done while running (and t = N once finished); norms for t < done.
    const normsTo = Math.min(known, history.done);
    return {
      type: 'progress',
      done: history.done,
      from,
      cost: Array.from(history.cost.subarray(from, known)),
      validationCost: history.validationCost ? Array.from(history.validationCost.subarray(from, known)) : [],
      gradientNorms: history.gradientNorms.slice(1).map((norms) => Array.from(norms.subarray(Math.min(from, normsTo), normsTo))),
      throughput: elapsedMs > 0 ? (history.done * history.batchSize * 1000) / elapsedMs : 0,
    };
  }

  finished(elapsedMs: number): WorkerFinished {
    const history = this.trainer.history();
    const diverged = history.diverged;
    return { type: 'finished', done: history.done, outcome: diverged === null ? 'completed' : 'diverged', divergedAt: diverged, elapsedMs };
  }

  /** The network after `step` steps as a picture, with its costs; a step not yet costed is brought back to the last one that is. */
  snapshot(step: number): TrainingSnapshot {
    const history = this.trainer.history();
    const at = Math.max(0, Math.min(Math.trunc(step), history.cost.length - 1));
    const { w, b } = this.trainer.parametersAt(at);
    const cost = history.cost.length > 0 ? history.cost[at] : Number.NaN;
    const validationCost = history.validationCost ? (history.validationCost.length > 0 ? history.validationCost[at] : Number.NaN) : null;
    return { type: 'snapshot', step: at, cost, validationCost, picture: pictureOf(this.network, w, b) };
  }

  /** Answers an `answer` request for the parameters after `step` steps (at most the steps done). */
  answer(request: AnswerKind, step: number): WorkerAnswer {
    const at = Math.max(0, Math.min(Math.trunc(step), this.trainer.history().done));
    const parameters = this.trainer.parametersAt(at);
    if (request.kind === 'parameters') return { kind: 'parameters', step: at, ...parameters };
    const finite = [...parameters.w, ...parameters.b].every((values) => values.every(Number.isFinite));
    if (!finite) return { kind: 'refused', message: `the parameters after step ${at} are not all finite numbers` };
    // The cost is not written into the spec; only the layout of w and b matters to the edits.
    const updated = { ...parameters, cost: Number.NaN };
    if (request.kind === 'edits') return { kind: 'edits', step: at, edits: this.edits(updated, request.digits) };
    // Full precision: the text reads back as exactly these doubles, so its analysis is step `at`'s network.
    return { kind: 'steppedText', step: at, text: applyEdits(this.text, this.edits(updated)) };
  }

  private edits(updated: { w: Float64Array[]; b: Float64Array[]; cost: number }, digits?: number): TextEdit[] {
    return gradientStepEdits(this.text, this.network, this.source, updated, digits === undefined ? {} : { digits });
  }
}

/** Which picture a network of these layer sizes has (core/training/picture.ts draws it). */
export function pictureKind(sizes: readonly number[]): RunFacts['picture'] {
  const n0 = sizes[0];
  const nL = sizes[sizes.length - 1];
  return n0 === 2 ? 'map' : n0 === 1 && nL === 1 ? 'curve' : 'none';
}
