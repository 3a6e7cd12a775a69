import type { ProductThreads } from '../engine/wasm/parallel';
import { Workspace, type KernelChoice } from '../engine/workspace';
import type { Network } from '../model/network';
import { BatchOrder } from './batches';
import { Checkpoints, CHECKPOINT_BYTES } from './checkpoints';
import { listPass } from './listPass';

/**
 * Gradient descent on a spec's network: N steps of w ← w − η·∂c/∂w, b ← b − η·∂c/∂b, where each
 * step's gradient is the mean over its batch of examples (batches.ts says which: by default every
 * training example, the article's c). Held-out examples (`validation`) are costed at every step
 * and never enter a gradient.
 *
 * What a run records (TrainingHistory): for t = 0 … N the training cost over every training
 * example and the validation cost, both with the parameters after t steps (so cost[0] is before
 * the first step and cost[N] after the last), and for each step and layer ℓ the norm of the
 * step's gradient ‖∂c/∂w⁽ℓ⁾‖ = √(Σ_kj (∂c/∂w⁽ℓ⁾_kj)²). Checkpoints let `parametersAt` rebuild the
 * parameters after any step exactly.
 *
 * Everything is deterministic: the same spec and options give the same bits on every machine, on
 * both kernels and on any number of threads (the engine's sums run in a fixed order, threads
 * share products out by whole sums, the norm adds its columns' sums in a fixed order
 * (engine/descent.ts), and there is no fused multiply-add).
 * One step with the full batch is exactly the engine's `updated` parameters.
 *
 * A Trainer runs only when asked (`run(count)`), so a caller (the CLI, the training worker) can
 * report progress, and stop, between chunks of steps.
 */
export interface TrainingOptions {
  /** N, at least 1. */
  readonly steps: number;
  /** B; null or absent: every training example (full batch). Clamped to 1 … the training examples. */
  readonly batchSize?: number | null;
  /** The seed reshuffling the examples at each pass (batches.ts); null or absent: no shuffling. */
  readonly shuffle?: number | null;
  readonly kernel?: KernelChoice;
  /** The most bytes the checkpoints may hold (checkpoints.ts). */
  readonly checkpointBytes?: number;
  /**
   * Helper threads for the large products (engine/wasm/parallel.ts): the run takes the same
   * steps to the bit with any number of threads. Call `close` when done with the Trainer.
   */
  readonly threads?: ProductThreads | null;
}

export interface TrainingHistory {
  /** N, the steps planned, and how many are done. */
  readonly steps: number;
  readonly done: number;
  readonly batchSize: number;
  /** Training cost with the parameters after t steps, t = 0 … done − 1, and t = N once finished. */
  readonly cost: Float64Array;
  /** The same for the held-out examples; null without a validation split. */
  readonly validationCost: Float64Array | null;
  /** gradientNorms[ℓ][t]: ‖∂c/∂w⁽ℓ⁾‖ of step t + 1 (t < done); gradientNorms[0] is empty. */
  readonly gradientNorms: readonly Float64Array[];
  /** The first step whose cost or gradient was not finite (0-based, the run stopped there), or null. */
  readonly diverged: number | null;
}

export class Trainer {
  readonly steps: number;
  readonly batchSize: number;
  private readonly ws: Workspace;
  private readonly order: BatchOrder;
  private readonly training: Int32Array;
  private readonly heldOut: Int32Array;
  private readonly eta: number;
  /** The parameters after `done` steps. */
  private readonly w: Float64Array[];
  private readonly b: Float64Array[];
  private readonly checkpoints: Checkpoints;
  private readonly cost: Float64Array;
  private readonly validationCost: Float64Array | null;
  private readonly norms: Float64Array[];
  private stepsDone = 0;
  private stoppedAt: number | null = null;
  private finished = false;

  constructor(network: Network, options: TrainingOptions) {
    this.steps = Math.max(1, Math.trunc(options.steps));
    // The parameters live in the kernel's memory, where the forward pass reads them in place.
    this.ws = new Workspace(network, options.kernel ?? 'auto', { threads: options.threads ?? null, residentParameters: true });
    const { order, trainingCount, exampleCount } = this.ws;
    this.training = order.slice(0, trainingCount).sort();
    this.heldOut = order.slice(trainingCount, exampleCount).sort();
    this.batchSize = Math.max(1, Math.min(trainingCount, Math.trunc(options.batchSize ?? trainingCount)));
    this.order = new BatchOrder(this.training, this.batchSize, options.shuffle ?? null);
    this.eta = network.learningRate;
    const resident = this.ws.resident!;
    this.w = network.layers.map((layer, l) => copyInto(resident.w[l], layer.weights));
    this.b = network.layers.map((layer, l) => copyInto(resident.b[l], layer.biases));
    const parameters = this.w.reduce((total, w, l) => total + w.length + this.b[l].length, 0);
    this.checkpoints = new Checkpoints(parameters, this.steps, options.checkpointBytes ?? CHECKPOINT_BYTES);
    this.checkpoints.offer(0, this.w, this.b);
    this.cost = new Float64Array(this.steps + 1).fill(NaN);
    this.validationCost = this.heldOut.length > 0 ? new Float64Array(this.steps + 1).fill(NaN) : null;
    this.norms = this.w.map((_, l) => new Float64Array(l === 0 ? 0 : this.steps).fill(NaN));
  }

  /** How many threads the run's products use (1 without helper threads). */
  get threads(): number {
    return this.ws.threads;
  }

  /** How many of them take work now: helpers join once their threads have started. */
  get liveThreads(): number {
    return 1 + this.ws.liveHelpers();
  }

  /** Stops the helper threads, if any. The Trainer must not run, nor rebuild a step, after. */
  close(): void {
    this.ws.close();
  }

  /** Whether all N steps are done (or the run diverged) and the last costs are in. */
  get isFinished(): boolean {
    return this.finished;
  }

  /** Runs up to `count` more steps; after the last one, costs the final parameters. Returns the steps done. */
  run(count: number): number {
    const end = Math.min(this.steps, this.stepsDone + Math.max(0, Math.trunc(count)));
    while (!this.finished && this.stepsDone < end) {
      if (!this.takeStep()) {
        this.stoppedAt = this.stepsDone - 1;
        this.finished = true;
      }
    }
    if (!this.finished && this.stepsDone === this.steps) {
      this.costAt(this.steps);
      this.finished = true;
    }
    return this.stepsDone;
  }

  /** What the run has recorded so far (views of its own arrays: copy to keep past the next `run`). */
  history(): TrainingHistory {
    const known = this.stepsDone + (this.finished && this.stoppedAt === null ? 1 : 0);
    const costs = (all: Float64Array) => (this.finished && this.stoppedAt === null ? all : all.subarray(0, known));
    return {
      steps: this.steps,
      done: this.stepsDone,
      batchSize: this.batchSize,
      cost: costs(this.cost),
      validationCost: this.validationCost && costs(this.validationCost),
      gradientNorms: this.norms.map((norms) => norms.subarray(0, this.stepsDone)),
      diverged: this.stoppedAt,
    };
  }

  /** The parameters after the steps done so far (fresh copies). */
  parameters(): { w: Float64Array[]; b: Float64Array[] } {
    return { w: this.w.map((w) => new Float64Array(w)), b: this.b.map((b) => new Float64Array(b)) };
  }

  /**
   * The parameters after `step` steps (0 … done), rebuilt from the nearest checkpoint by replaying
   * the steps between, bit for bit as the run computed them.
   */
  parametersAt(step: number): { w: Float64Array[]; b: Float64Array[] } {
    const target = Math.max(0, Math.min(this.stepsDone, Math.trunc(step)));
    const w = this.w.map((array) => new Float64Array(array.length));
    const b = this.b.map((array) => new Float64Array(array.length));
    for (let t = this.checkpoints.restore(target, w, b); t < target; t++) {
      const batch = this.order.examplesOf(t);
      listPass(this.ws, w, b, batch, 'sums');
      for (let l = 1; l < w.length; l++) this.replayLayer(w, b, l, batch.length);
    }
    return { w, b };
  }

  /** Step t = stepsDone: records the costs before it and its gradient norms, then moves. False when something is not finite. */
  private takeStep(): boolean {
    const t = this.stepsDone;
    const batch = this.order.examplesOf(t);
    // With the full batch the step's own pass gives the training cost; otherwise one more pass.
    const batchCost = listPass(this.ws, this.w, this.b, batch, 'sums');
    this.cost[t] = this.order.fullBatch ? batchCost : Number.NaN;
    // The costs are of the parameters before the step; the gradient stays in the workspace's
    // sums meanwhile, as a pass without the gradient never writes them.
    if (this.order.fullBatch) {
      if (this.validationCost) this.validationCost[t] = listPass(this.ws, this.w, this.b, this.heldOut, false);
    } else this.costAt(t);
    let gradientFinite = true;
    // The step itself, on the parameters in the workspace's memory (engine/descent.ts).
    for (let l = 1; l < this.norms.length; l++) {
      const value = this.ws.descend(l, this.eta, 1 / batch.length);
      this.norms[l][t] = value;
      gradientFinite &&= Number.isFinite(value);
    }
    this.stepsDone = t + 1;
    this.checkpoints.offer(this.stepsDone, this.w, this.b);
    return gradientFinite && Number.isFinite(this.cost[t]);
  }

  /** The training and validation costs of the current parameters, as entry t. */
  private costAt(t: number): void {
    this.cost[t] = listPass(this.ws, this.w, this.b, this.training, false);
    if (this.validationCost) this.validationCost[t] = listPass(this.ws, this.w, this.b, this.heldOut, false);
  }

  /**
   * Layer ℓ's step from the sums a pass over `m` examples left in the workspace, on parameters
   * outside it (a replay): the same operations as the workspace's `descend` (engine/descent.ts),
   * g = (1/m)·Σ, w ← w − η·g, b ← b − η·g_b, so the same bits; the norm was recorded by the run.
   */
  private replayLayer(w: Float64Array[], b: Float64Array[], l: number, m: number): void {
    const eta = this.eta;
    const inverseM = 1 / m;
    const wl = w[l];
    const gwl = this.ws.gw[l];
    for (let q = 0; q < wl.length; q++) wl[q] -= eta * (gwl[q] * inverseM);
    const bl = b[l];
    const gbl = this.ws.gb[l];
    for (let k = 0; k < bl.length; k++) bl[k] -= eta * (gbl[k] * inverseM);
  }
}

function copyInto(target: Float64Array, values: Float64Array): Float64Array {
  target.set(values);
  return target;
}
