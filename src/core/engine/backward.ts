import { ACCUMULATE, FIRST, NO_SUMS } from './deltaSums';
import type { Workspace } from './workspace';

export interface BackwardOptions {
  /** Add this block's Σ_i δ·a and Σ_i δ to the sums of the blocks before it (false: the first block). */
  readonly accumulate: boolean;
  /** False when only the per-example quantities are wanted (recomputing one example's values). */
  readonly gradient: boolean;
}

/**
 * The backward pass for the loaded block (after `forward`), from layer L down to 1:
 *   ∂c_i/∂a^(L)_j           from the cost;
 *   δ^(ℓ)_j = Σ_r ∂c_i/∂a^(ℓ)_r · ∂a^(ℓ)_r/∂z^(ℓ)_j, which for an elementwise σ is just
 *             ∂c_i/∂a^(ℓ)_j · σ′(z^(ℓ)_j), and for softmax keeps the whole Jacobian
 *             ∂a_r/∂z_j = a_r(δ_rj − a_j);
 *   Σ_i δ^(ℓ)_j a^(ℓ−1)_k and Σ_i δ^(ℓ)_j, running sums over the examples (see `meanGradient`);
 *   ∂c_i/∂a^(ℓ−1)_k = Σ_j δ^(ℓ)_j w^(ℓ)_kj     (the recursion that gives the pass its name).
 * The per-example ∂c_i/∂w are never stored: the sum comes straight out of one product per block.
 */
export function backward(ws: Workspace, weights: readonly Float64Array[], options: BackwardOptions): void {
  const { sizes, m } = ws;
  const L = sizes.length - 1;
  ws.cost.gradient(ws.a[L], ws.y, m, sizes[L], ws.dcda[L]);
  for (let l = L; l >= 1; l--) {
    const n = sizes[l];
    const delta = ws.delta[l];
    const dcda = ws.dcda[l];
    const sums = !options.gradient ? NO_SUMS : options.accumulate ? ACCUMULATE : FIRST;
    if (ws.activations[l]!.elementwise) {
      // δ = ∂c/∂a ⊙ σ′(z), and Σ_i δ^(ℓ) continuing the earlier blocks' sums (engine/deltaSums.ts).
      ws.deltas(l, sums);
    } else {
      softmaxDelta(dcda, ws.a[l], delta, m, n);
      if (sums !== NO_SUMS) biasSums(delta, ws.gb[l], m, n, sums === ACCUMULATE);
    }
    if (options.gradient) ws.products.weightGradient(ws, l, options.accumulate);
    if (l > 1) ws.products.propagate(ws, l, weights[l]);
  }
}

/**
 * Turns the running sums into means after the last training block: ∂c/∂w^(ℓ)_kj = (1/m) Σ_i δ_j a_k
 * and ∂c/∂b^(ℓ)_j = (1/m) Σ_i δ_j over the m training examples, one multiplication each (0 with none).
 * `m` is the number of examples summed: every training example, or a training batch's B.
 */
export function meanGradient(ws: Workspace, m: number = ws.trainingCount): void {
  const inverseM = m === 0 ? 0 : 1 / m;
  for (let l = 1; l < ws.sizes.length; l++) {
    if (m === 0) {
      ws.gw[l].fill(0);
      ws.gb[l].fill(0);
      continue;
    }
    const gw = ws.gw[l];
    for (let q = 0; q < gw.length; q++) gw[q] *= inverseM;
    const gb = ws.gb[l];
    for (let q = 0; q < gb.length; q++) gb[q] *= inverseM;
  }
}

/**
 * δ_j = Σ_r g_r · a_r(δ_rj − a_j) for one softmax layer, g = ∂c_i/∂a. Expanding the sum gives
 * a_j·g_j − a_j·Σ_r g_r a_r: the same n² terms, summed in O(n) per example.
 */
function softmaxDelta(g: Float64Array, a: Float64Array, delta: Float64Array, m: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const base = i * n;
    let dot = 0;
    for (let r = 0; r < n; r++) dot += g[base + r] * a[base + r];
    for (let j = 0; j < n; j++) delta[base + j] = a[base + j] * (g[base + j] - dot);
  }
}

/** Σ_i δ_j into gb, row by row (the order memory is in), starting from row 0's δ or, with `accumulate`, from gb. */
function biasSums(delta: Float64Array, gb: Float64Array, m: number, n: number, accumulate: boolean): void {
  let from = 0;
  if (!accumulate) {
    for (let j = 0; j < n; j++) gb[j] = delta[j];
    from = 1;
  }
  for (let i = from; i < m; i++) {
    const base = i * n;
    for (let j = 0; j < n; j++) gb[j] += delta[base + j];
  }
}
