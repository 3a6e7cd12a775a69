/**
 * What one analysis of a network costs, worked out from the layer sizes and the number of
 * examples alone, before anything is allocated: the parser refuses a spec whose analysis would
 * take minutes or gigabytes with one positioned diagnostic, instead of letting the engine find
 * out by freezing the editor. A spec of a few kilobytes can ask for that much (a 1-1412-1412-1
 * network with 4,000 examples is 64 KB of text and 3 × 10¹⁰ multiply-adds).
 */

/**
 * The most multiply-adds one analysis may take: about two seconds on the WebAssembly kernel (6 × 10⁹
 * a second on 784-128-10, see `npm run bench`), a few more on the JavaScript one. A 784-128-10
 * network with 10,000 examples takes 4 × 10⁹.
 */
export const MAX_MULTIPLY_ADDS = 1e10;

/** The most bytes one analysis may allocate for the engine's arrays (1 GiB). */
export const MAX_ANALYSIS_BYTES = 2 ** 30;

export interface Workload {
  /**
   * Multiply-adds of an analysis: the forward pass, the backward pass, the weight gradient and
   * the forward pass at the updated parameters (the cost after one step), each Σ_ℓ m·n_(ℓ−1)·n_ℓ.
   */
  readonly multiplyAdds: number;
  /**
   * An upper bound on the bytes the engine allocates for one result: its workspace (every
   * per-example quantity of every layer, the targets, the kernel's scratch), the result's own copy
   * of those, and the gradient and updated parameters.
   */
  readonly bytes: number;
}

export function workload(sizes: readonly number[], m: number): Workload {
  const L = sizes.length - 1;
  let weights = 0;
  let parameters = 0;
  let neurons = 0;
  let widest = 0;
  for (let l = 1; l <= L; l++) {
    weights += sizes[l - 1] * sizes[l];
    parameters += sizes[l - 1] * sizes[l] + sizes[l];
    neurons += sizes[l];
  }
  for (const n of sizes) widest = Math.max(widest, n);
  const nL = L >= 0 ? sizes[L] : 0;
  const n0 = L >= 0 ? sizes[0] : 0;
  // a⁽⁰⁾ = x, then z, a, σ′, ∂c/∂a and δ of every later layer: once in the workspace, once in the result.
  const perExample = 2 * (n0 + 5 * neurons) + nL + 2 + 2 * widest;
  const doubles = m * perExample + 4 * parameters;
  // Every array starts on a 16-byte boundary; the WebAssembly kernel's memory grows in 64 KiB pages.
  const slack = 16 * (12 * (L + 1) + 16) + 2 ** 20;
  return { multiplyAdds: 4 * m * weights, bytes: 8 * doubles + slack };
}
