/**
 * How the training worker divides a run into chunks. Between two chunks the worker's event loop
 * turns, and only then can it read the host's messages (a scrub, Apply, Step through): so a
 * chunk must be short, CHUNK_MS, however long one step takes. A step of a big network takes
 * milliseconds, one of a tiny network microseconds, so the chunk's size in steps is learnt from
 * the time the last chunk took, as `nnet train` does for its progress line (src/cli/trainProgress.ts).
 *
 * Progress goes to the host at least every PROGRESS_MS (the panel's curves are to be live at
 * least ten times a second) and no more often: each message is a postMessage to the host and
 * one more to the webview, and carries everything recorded since the one before.
 */

/** About how long one chunk of steps runs before the worker reads its messages again. */
export const CHUNK_MS = 10;
/** The time between progress messages: a little under 100 ms, as chunks end a little late. */
export const PROGRESS_MS = 90;

/** A chunk timed at 0 ms grows fourfold; this bounds it. */
const MAX_CHUNK_STEPS = 2 ** 20;

export class ChunkPacer {
  private size = 1;

  /** Steps for the next chunk. */
  get steps(): number {
    return this.size;
  }

  /** The last chunk of `steps()` steps took `ms`: aim the next at CHUNK_MS, growing at most fourfold. */
  took(ms: number): void {
    this.size = ms <= 0 ? Math.min(this.size * 4, MAX_CHUNK_STEPS) : Math.max(1, Math.min(this.size * 4, Math.round((this.size * CHUNK_MS) / ms)));
  }
}
