/**
 * The parameters of every checkpoint step of a training run, so that the parameters of any step
 * can be rebuilt exactly: from the checkpoint at or before it, by replaying the steps between
 * (training is deterministic, so the replay gives the same bits).
 *
 * Checkpoints are the steps 0, K, 2K, … with K the smallest spacing that keeps them within
 * `budgetBytes` (default CHECKPOINT_BYTES, 64 MiB): a 784-128-10 network (101,770 parameters,
 * 814 KB) trained for 10,000 steps keeps one every 124 steps (81 checkpoints, 66 MB; at most 123
 * steps replayed); a network of a few hundred parameters keeps every step.
 */
export const CHECKPOINT_BYTES = 64 * 2 ** 20;

/** Checkpoints are stored in chunks of about this many bytes: few allocations, none up front. */
const CHUNK_BYTES = 2 ** 20;

export class Checkpoints {
  /** K: a checkpoint every `spacing` steps. */
  readonly spacing: number;
  /** How many checkpoints one chunk holds, each `parameters` numbers. */
  private readonly perChunk: number;
  private readonly chunks: Float64Array[] = [];
  private count = 0;

  /** For a run of `steps` steps of a network of `parameters` parameters. */
  constructor(
    private readonly parameters: number,
    steps: number,
    budgetBytes = CHECKPOINT_BYTES,
  ) {
    const fit = Math.max(1, Math.floor(budgetBytes / Math.max(1, 8 * parameters)));
    // Checkpoints at 0, K, …, ⌊N/K⌋·K: ⌊N/K⌋ + 1 of them must fit.
    this.spacing = Math.max(1, Math.ceil(steps / Math.max(1, fit - 1)));
    this.perChunk = Math.max(1, Math.floor(CHUNK_BYTES / Math.max(1, 8 * parameters)));
  }

  /** Called with the parameters after `step` steps, for every step in order: keeps the checkpoints. */
  offer(step: number, weights: readonly Float64Array[], biases: readonly Float64Array[]): void {
    if (step % this.spacing !== 0 || step / this.spacing !== this.count) return;
    if (this.count % this.perChunk === 0) this.chunks.push(new Float64Array(this.perChunk * this.parameters));
    let at = (this.count % this.perChunk) * this.parameters;
    const chunk = this.chunks[this.chunks.length - 1];
    for (let l = 1; l < weights.length; l++) {
      chunk.set(weights[l], at);
      at += weights[l].length;
      chunk.set(biases[l], at);
      at += biases[l].length;
    }
    this.count++;
  }

  /** The latest checkpoint at or before `step`: its step, and its parameters copied into `weights` and `biases`. */
  restore(step: number, weights: Float64Array[], biases: Float64Array[]): number {
    const index = Math.min(Math.floor(step / this.spacing), this.count - 1);
    const chunk = this.chunks[Math.floor(index / this.perChunk)];
    let at = (index % this.perChunk) * this.parameters;
    for (let l = 1; l < weights.length; l++) {
      weights[l].set(chunk.subarray(at, at + weights[l].length));
      at += weights[l].length;
      biases[l].set(chunk.subarray(at, at + biases[l].length));
      at += biases[l].length;
    }
    return index * this.spacing;
  }

  /** The bytes the checkpoints hold (whole chunks). */
  get bytes(): number {
    return this.chunks.reduce((total, chunk) => total + chunk.byteLength, 0);
  }
}
