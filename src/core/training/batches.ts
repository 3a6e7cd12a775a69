import { mulberry32 } from '../model/initialise';
import { shuffleInPlace } from '../model/shuffle';

/**
 * Which training examples each gradient step takes.
 *
 * The examples form an endless sequence of passes: pass p (0-based) is every training example
 * once, in ascending order, or — with a shuffle seed S — in the order of a Fisher–Yates shuffle
 * of them (model/shuffle.ts) drawn from a fresh mulberry32 stream seeded with
 * (S + p·0x9E3779B9) mod 2³². Step t (0-based) takes the B examples at positions t·B … t·B + B − 1
 * of that sequence, so a batch that reaches the end of a pass wraps into the next one. With B
 * equal to the number of training examples and no shuffle, every step takes every training
 * example in ascending order: exactly the engine's full-batch gradient, bit for bit.
 *
 * A pass's order depends only on S and p, so the batch of any step can be found without the
 * steps before it (replay starts from a checkpoint, training/checkpoints.ts).
 */
export class BatchOrder {
  /** The pass whose order `current` holds, or −1. */
  private pass = -1;
  private readonly current: Int32Array;
  private readonly batch: Int32Array;

  /**
   * `training`: the training examples' numbers (0-based), ascending; `batchSize` B, from 1 to
   * their number; `shuffle`: the seed S, or null to keep the examples in order.
   */
  constructor(
    private readonly training: Int32Array,
    readonly batchSize: number,
    private readonly shuffle: number | null,
  ) {
    this.current = new Int32Array(training.length);
    this.batch = new Int32Array(batchSize);
  }

  /** The examples of step t (0-based), in the order their terms are summed. Overwritten by the next call. */
  examplesOf(step: number): Int32Array {
    const m = this.training.length;
    const B = this.batchSize;
    // t·B may pass 2^53 only after 10^15 examples: far beyond the step limit.
    const start = step * B;
    for (let q = 0; q < B; q++) {
      const position = start + q;
      const pass = Math.floor(position / m);
      if (pass !== this.pass) this.orderPass(pass);
      this.batch[q] = this.current[position - pass * m];
    }
    return this.batch;
  }

  /** Whether every step takes every training example in ascending order (full batch, no shuffle). */
  get fullBatch(): boolean {
    return this.batchSize === this.training.length && this.shuffle === null;
  }

  private orderPass(pass: number): void {
    this.current.set(this.training);
    if (this.shuffle !== null) shuffleInPlace(this.current, mulberry32((this.shuffle + Math.imul(pass, 0x9e3779b9)) >>> 0));
    this.pass = pass;
  }
}
