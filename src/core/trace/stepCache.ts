/**
 * The steps a trace has built, most recently used kept: the panel, each hover and each tooltip
 * ask for the step being shown, often several times per keystroke or mouse move, and building
 * one walks its formula again. Bounded, so stepping through a two-million-step trace (or
 * `nnet trace` printing it) keeps a few hundred steps, not all of them.
 */

/** Steps kept per trace. A step is a few kilobytes at most (its sums are elided, see sum.ts). */
export const STEP_CACHE_SIZE = 256;

/** A least-recently-used cache from step index to what `make` built for it. */
export class StepCache<T> {
  /** Map iteration follows insertion order, so the first key is the least recently used. */
  private readonly entries = new Map<number, T>();

  constructor(
    private readonly make: (index: number) => T,
    readonly capacity = STEP_CACHE_SIZE,
  ) {}

  /** The entry for `index`: the one built before when it is still kept, else a new one. */
  get(index: number): T {
    const kept = this.entries.get(index);
    if (kept !== undefined) {
      this.entries.delete(index);
      this.entries.set(index, kept);
      return kept;
    }
    const made = this.make(index);
    if (this.entries.size >= this.capacity) {
      for (const oldest of this.entries.keys()) {
        this.entries.delete(oldest);
        break;
      }
    }
    this.entries.set(index, made);
    return made;
  }

  /** How many entries are kept (at most `capacity`). */
  get size(): number {
    return this.entries.size;
  }
}
