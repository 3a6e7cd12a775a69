/**
 * δ^(ℓ) = ∂c/∂a^(ℓ) ⊙ σ′(z^(ℓ)) for a block of examples and an element-wise σ, with the sums
 * Σ_i δ^(ℓ)_j into gb as it goes (the bias gradient's running sum, see backward.ts), column by
 * column so that it can be shared out to threads like the products (wasm/parallel.ts).
 *
 * Each column's sum takes the rows in order, starting from δ of the first row (`FIRST`) or from
 * what gb holds (`ACCUMULATE`, a later block): the order and operations of one sweep over the
 * whole block, so any split into columns gives the same bits. The WebAssembly form
 * (wasm/deltaKernel.ts) does the same on every number; `deltaColumns` is the JavaScript form,
 * and the one a JavaScript workspace runs.
 *
 * A job's arguments are numbers only: [dcda, dadz, delta, gb (indices of numbers in the
 * workspace's memory), rows, n, sums].
 */

/** What happens to gb: nothing (δ alone), set from the first row, or added to. */
export const NO_SUMS = 0;
export const FIRST = 1;
export const ACCUMULATE = 2;
export type Sums = typeof NO_SUMS | typeof FIRST | typeof ACCUMULATE;

/** Where the neuron count n is in the arguments: jobs are cut by its columns. */
export const DELTA_COLUMNS = 5;

export function deltaArguments(
  at: { readonly dcda: Float64Array; readonly dadz: Float64Array; readonly delta: Float64Array; readonly gb: Float64Array },
  rows: number,
  n: number,
  sums: Sums,
): number[] {
  return [at.dcda.byteOffset / 8, at.dadz.byteOffset / 8, at.delta.byteOffset / 8, at.gb.byteOffset / 8, rows, n, sums];
}

/** The columns from … to − 1 of the job `args` (deltaArguments), on `memory` (the workspace's whole memory). */
export function deltaColumns(memory: Float64Array, args: ArrayLike<number>, from: number, to: number): void {
  const [dcda, dadz, delta, gb, rows, n, sums] = [args[0], args[1], args[2], args[3], args[4], args[5], args[6]];
  for (let i = 0; i < rows; i++) {
    const row = i * n;
    const set = sums === FIRST && i === 0;
    for (let j = from; j < to; j++) {
      const d = memory[dcda + row + j] * memory[dadz + row + j];
      memory[delta + row + j] = d;
      if (set) memory[gb + j] = d;
      else if (sums !== NO_SUMS) memory[gb + j] += d;
    }
  }
}
