/**
 * Fisher–Yates on `order`, in place, drawing from `next` (a mulberry32 stream, model/initialise.ts):
 * for k = n − 1 down to 1, j = ⌊r·(k + 1)⌋ with the next draw r, and order[k] ⇄ order[j]. It
 * takes n − 1 draws. Only integer arithmetic and exact products of r, so it is the same
 * permutation on every machine. Used by the validation split (data/split.ts) and by training's
 * reshuffling (training/batches.ts).
 */
export function shuffleInPlace(order: Int32Array, next: () => number): void {
  for (let k = order.length - 1; k >= 1; k--) {
    // r < 1, so j ≤ k; min() only guards the reasoning, it never changes a result for n < 2^21.
    const j = Math.min(k, Math.floor(next() * (k + 1)));
    const swap = order[k];
    order[k] = order[j];
    order[j] = swap;
  }
}
