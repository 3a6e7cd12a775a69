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

/**
 * The most bytes the engine's workspace gives to per-example values at once (64 MiB): it works
 * through the examples in blocks of as many as fit (see `blockRows`), whatever m is.
 */
export const BLOCK_BYTES = 64 * 2 ** 20;

/**
 * The most bytes a result keeps of every example's values (z, a, σ′, ∂c/∂a, δ; 64 MiB), so that
 * views read any example's directly. Past it the result keeps only each cᵢ
 * and recomputes the one example a view shows. With BLOCK_BYTES this bounds an analysis' memory
 * for per-example values by 128 MiB plus about 18 bytes an example (its cᵢ, its place in the
 * order of the passes), whatever m is.
 */
export const KEEP_BYTES = 64 * 2 ** 20;

export interface Workload {
  /**
   * Multiply-adds of an analysis: the forward pass, the backward pass, the weight gradient and
   * the forward pass at the updated parameters (the cost after one step), each Σ_ℓ m·n_(ℓ−1)·n_ℓ.
   */
  readonly multiplyAdds: number;
  /**
   * An upper bound on the bytes the engine allocates for one result: its workspace (one block of
   * per-example values, the targets, the kernel's scratch), every cᵢ, every example's values when
   * they fit in KEEP_BYTES (else a one-example workspace for recomputing them), and the gradient
   * and updated parameters.
   */
  readonly bytes: number;
}

/** The shape sums the estimates below are made of. */
function shape(sizes: readonly number[]): { n0: number; nL: number; neurons: number; widest: number; parameters: number; weights: number } {
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
  return { n0: L >= 0 ? sizes[0] : 0, nL: L >= 0 ? sizes[L] : 0, neurons, widest, parameters, weights };
}

/**
 * The doubles one example takes in a workspace: a⁽⁰⁾ = x, then z, a, σ′, ∂c/∂a and δ of every
 * later layer, y, cᵢ, and the JavaScript kernel's transposed scratch (two of the widest layer).
 */
export function workspaceDoublesPerExample(sizes: readonly number[]): number {
  const { n0, nL, neurons, widest } = shape(sizes);
  return n0 + 5 * neurons + nL + 1 + 2 * widest;
}

/** The doubles a result keeps of one example: a⁽⁰⁾ = x, then z, a, σ′, ∂c/∂a and δ of every later layer. */
export function keptDoublesPerExample(sizes: readonly number[]): number {
  const { n0, neurons } = shape(sizes);
  return n0 + 5 * neurons;
}

/** Whether a result keeps every example's values (else it recomputes the one a view shows). */
export function keepsEveryExample(sizes: readonly number[], m: number, budget: number = KEEP_BYTES): boolean {
  return 8 * m * keptDoublesPerExample(sizes) <= budget;
}

/** How many examples one block of the engine holds: as many as fit in `budget` bytes, at least one, at most m. */
export function blockRows(sizes: readonly number[], m: number, budget: number = BLOCK_BYTES): number {
  const fit = Math.floor(budget / (8 * workspaceDoublesPerExample(sizes)));
  return Math.max(1, Math.min(m, fit));
}

export function workload(sizes: readonly number[], m: number): Workload {
  const { parameters, weights } = shape(sizes);
  const L = sizes.length - 1;
  const perExample = workspaceDoublesPerExample(sizes);
  const rows = blockRows(sizes, m);
  // The gradient, the updated parameters and the kernel's copies of w, b and wᵀ: 4 per parameter.
  let doubles = rows * perExample + 4 * parameters;
  // Every cᵢ and each example's place in the order of the passes (18 bytes an example, counted as
  // 3 doubles), and either every example's values or the one-example workspace that recomputes them.
  const keeps = keepsEveryExample(sizes, m);
  const workspaces = keeps ? 1 : 2;
  doubles += 3 * m;
  if (keeps) doubles += m * keptDoublesPerExample(sizes);
  else doubles += perExample + 3 * parameters;
  // Every array starts on a 16-byte boundary; the WebAssembly kernel's memory grows in 64 KiB pages.
  const slack = workspaces * (16 * (12 * (L + 1) + 16) + 2 ** 20);
  return { multiplyAdds: 4 * m * weights, bytes: 8 * doubles + slack };
}
