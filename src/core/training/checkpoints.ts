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

export class Checkpoints {
  /** K: a checkpoint every `spacing` steps. */
  readonly spacing: number;
  private readonly saved: Float64Array[] = [];

  /** For a run of `steps` steps of a network of `parameters` parameters. */
  constructor(parameters: number, steps: number, budgetBytes = CHECKPOINT_BYTES) {
    const fit = Math.max(1, Math.floor(budgetBytes / Math.max(1, 8 * parameters)));
    // Checkpoints at 0, K, …, ⌊N/K⌋·K: ⌊N/K⌋ + 1 of them must fit.
    this.spacing = Math.max(1, Math.ceil(steps / Math.max(1, fit - 1)));
  }

  /** Called with the parameters after `step` steps, for every step in order: keeps the checkpoints. */
  offer(step: number, weights: readonly Float64Array[], biases: readonly Float64Array[]): void {
    if (step % this.spacing !== 0 || step / this.spacing !== this.saved.length) return;
    let total = 0;
    for (let l = 1; l < weights.length; l++) total += weights[l].length + biases[l].length;
    const flat = new Float64Array(total);
    let at = 0;
    for (let l = 1; l < weights.length; l++) {
      flat.set(weights[l], at);
      at += weights[l].length;
      flat.set(biases[l], at);
      at += biases[l].length;
    }
    this.saved.push(flat);
  }

  /** The latest checkpoint at or before `step`: its step, and its parameters copied into `weights` and `biases`. */
  restore(step: number, weights: Float64Array[], biases: Float64Array[]): number {
    const index = Math.min(Math.floor(step / this.spacing), this.saved.length - 1);
    const flat = this.saved[index];
    let at = 0;
    for (let l = 1; l < weights.length; l++) {
      weights[l].set(flat.subarray(at, at + weights[l].length));
      at += weights[l].length;
      biases[l].set(flat.subarray(at, at + biases[l].length));
      at += biases[l].length;
    }
    return index * this.spacing;
  }

  /** The bytes the checkpoints hold. */
  get bytes(): number {
    return this.saved.reduce((total, flat) => total + flat.byteLength, 0);
  }
}
