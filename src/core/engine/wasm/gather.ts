import type { FunctionWriter, Local } from './binary';

/**
 * The copy loop both of the kernel's rearrangements run: the band of A (kernel.ts, copyBand)
 * and the panels of B (packing.ts). Each of `count` steps copies `width` numbers, found at
 * `from` + offsets[k], to `to` + 8k, then moves `from` on by `step` bytes and `to` on by the
 * width. When the caller knows the numbers of a step lie side by side (offsets[k] = 8k) it asks
 * for `pairs`, and they move as f64x2. Numbers are moved, never computed, so no result changes.
 */
export interface Gather {
  /** Read pointer, moved by `step` a step. */
  readonly from: Local;
  readonly step: Local;
  /** offsets[k] for k ≥ 1 (offsets[0] is 0 and never read); unused with `pairs`. */
  readonly offsets: readonly Local[];
  /** Write pointer, moved by 8·width a step. */
  readonly to: Local;
  /** Steps left; counts down to 0. */
  readonly count: Local;
  readonly width: number;
  readonly pairs: boolean;
}

export function gather(f: FunctionWriter, g: Gather): void {
  f.whileNot(
    () => f.get(g.count).i32Eqz(),
    () => {
      if (g.pairs && g.width > 1) for (let v = 0; v < g.width / 2; v++) f.get(g.to).get(g.from).v128Load(16 * v).v128Store(16 * v);
      else
        for (let k = 0; k < g.width; k++) {
          f.get(g.to).get(g.from);
          if (k > 0) f.get(g.offsets[k]).i32Add();
          f.f64Load().f64Store(8 * k);
        }
      f.advance(g.from, g.step);
      f.increment(g.to, 8 * g.width);
      f.get(g.count).i32Const(1).i32Sub().set(g.count);
    },
  );
}
