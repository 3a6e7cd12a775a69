/**
 * One step of gradient descent on one layer, column by column, from the sums a pass over m
 * examples left in the workspace (Σ_i δ_j·a_k and Σ_i δ_j, see backward.ts):
 *   g = (1/m)·Σ,  w⁽ℓ⁾ ← w⁽ℓ⁾ − η·g,  b⁽ℓ⁾ ← b⁽ℓ⁾ − η·g_b,
 * the engine's own mean and update to the bit (meanGradient multiplies by 1/m the same way), and
 * the squares of g gathered for ‖∂c/∂w⁽ℓ⁾‖.
 *
 * Why by columns: the products share their work out to threads by columns of the result
 * (wasm/parallel.ts), so the thread that summed columns j of ∂c/∂w also finds them in its cache
 * to update, and the weights it updates are the ones it reads in the next forward product. Each
 * column j keeps its own sum of squares s_j = Σ_k g_kj² (k ascending), and the norm adds the s_j
 * in a fixed order afterwards: the same bits however the columns were shared out.
 *
 * Everything is addressed in one Float64Array over the workspace's whole memory, so a helper
 * thread can run a chunk from the numbers of a posted job alone. A workspace in WebAssembly's
 * memory runs the kernel's form of this step instead (wasm/descentKernel.ts): the same operations
 * on every number, row by row, with the same bits (test/unit/engine/descent.test.ts).
 */

/**
 * The job for a layer of p inputs and n neurons, as posted to helper threads (9 numbers, within
 * the control block's 11): where its sums (gw, gb), its parameters (w, b) and its n sums of
 * squares lie in `memory` (as indices of numbers), then p, n, η and 1/m.
 */
export function descentArguments(
  at: { readonly gw: Float64Array; readonly w: Float64Array; readonly gb: Float64Array; readonly b: Float64Array; readonly squares: Float64Array },
  p: number,
  n: number,
  eta: number,
  inverseM: number,
): number[] {
  return [at.gw.byteOffset / 8, at.w.byteOffset / 8, at.gb.byteOffset / 8, at.b.byteOffset / 8, at.squares.byteOffset / 8, p, n, eta, inverseM];
}

/**
 * The step for columns from … to − 1 of the layer `args` describes (descentArguments). Four
 * columns at a time go down all p rows with their four sums of squares in locals: one pass over
 * the numbers, and no sum kept in memory.
 */
export function descendColumns(memory: Float64Array, args: ArrayLike<number>, from: number, to: number): void {
  // Positions as int32 (| 0): the arguments arrive as doubles, and integer indexing is faster.
  const gw = args[0] | 0;
  const w = args[1] | 0;
  const gb = args[2] | 0;
  const b = args[3] | 0;
  const squares = args[4] | 0;
  const p = args[5] | 0;
  const n = args[6] | 0;
  const eta = args[7];
  const inverseM = args[8];
  let j = from;
  for (; j + 3 < to; j += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let k = 0, at = j; k < p; k++, at += n) {
      const g0 = memory[gw + at] * inverseM;
      const g1 = memory[gw + at + 1] * inverseM;
      const g2 = memory[gw + at + 2] * inverseM;
      const g3 = memory[gw + at + 3] * inverseM;
      s0 += g0 * g0;
      s1 += g1 * g1;
      s2 += g2 * g2;
      s3 += g3 * g3;
      memory[w + at] -= eta * g0;
      memory[w + at + 1] -= eta * g1;
      memory[w + at + 2] -= eta * g2;
      memory[w + at + 3] -= eta * g3;
    }
    memory[squares + j] = s0;
    memory[squares + j + 1] = s1;
    memory[squares + j + 2] = s2;
    memory[squares + j + 3] = s3;
  }
  for (; j < to; j++) {
    let s = 0;
    for (let k = 0, at = j; k < p; k++, at += n) {
      const g = memory[gw + at] * inverseM;
      s += g * g;
      memory[w + at] -= eta * g;
    }
    memory[squares + j] = s;
  }
  for (let c = from; c < to; c++) memory[b + c] -= eta * (memory[gb + c] * inverseM);
}

/**
 * ‖∂c/∂w⁽ℓ⁾‖ from the layer's n column sums of squares: added into four running sums by column
 * mod 4, then (s₀ + s₁) + (s₂ + s₃), a fixed order.
 */
export function columnsNorm(memory: Float64Array, squares: number, n: number): number {
  const s = [0, 0, 0, 0];
  for (let j = 0; j < n; j++) s[j & 3] += memory[squares + j];
  return Math.sqrt(s[0] + s[1] + (s[2] + s[3]));
}
