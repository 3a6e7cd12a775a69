/**
 * The JavaScript kernel for the matrix products of a batched forward and backward pass, over
 * Float64Array (see products.ts for when it runs instead of the WebAssembly one).
 *
 * One kernel does all three products of a layer: C = A·Bᵀ, i.e. C[i,j] = Σ_t A[i,t]·B[j,t], with
 * A m×p and B n×p, both row-major. Written this way both operands are read along contiguous
 * rows (dot products), which measured faster in V8 than the i-k-j (axpy) order once the inner
 * loop is register-blocked: a 4×4 block of C lives in 16 local accumulators while t runs, so
 * each step loads 8 numbers for 16 multiply-adds. The backward product ∂c/∂a^(ℓ−1) = δ·(w^(ℓ))ᵀ
 * already has this shape; the forward product and ∂c/∂w need one cheap transpose each
 * (O(m·p) against the product's O(m·n·p)), done into reused scratch buffers.
 *
 * Nothing here allocates: callers own every buffer.
 */

/**
 * C[i·n + j] = scale·Σ_t A[i·p + t]·B[j·p + t] (+ bias[j] when given). A is m×p, B is n×p, C is
 * m×n. Each sum runs over t in increasing order from +0, then is scaled, then biased: the
 * order the WebAssembly kernel keeps too, so the two agree bit for bit.
 *
 * With `accumulate`, each sum starts from what C already holds instead of +0 (scale 1, no bias):
 * a sum over examples taken block by block then adds its terms in exactly the order of one
 * unblocked sum, so a blocked ∂c/∂w is bit-identical to an unblocked one.
 */
export function multiplyTransposed(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  m: number,
  p: number,
  n: number,
  scale: number,
  bias: Float64Array | null,
  accumulate = false,
): void {
  product(A, B, C, m, p, n, accumulate);
  if (scale === 1 && bias === null) return;
  for (let i = 0; i < m; i++) {
    const row = i * n;
    if (bias === null) for (let j = 0; j < n; j++) C[row + j] *= scale;
    else if (scale === 1) for (let j = 0; j < n; j++) C[row + j] += bias[j];
    else for (let j = 0; j < n; j++) C[row + j] = C[row + j] * scale + bias[j];
  }
}

/** C = A·Bᵀ (C + A·Bᵀ when accumulating), the bare product. */
function product(A: Float64Array, B: Float64Array, C: Float64Array, m: number, p: number, n: number, accumulate: boolean): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  let i = 0;
  for (; i < m4; i += 4) {
    const a0 = i * p;
    const a1 = a0 + p;
    const a2 = a1 + p;
    const a3 = a2 + p;
    let j = 0;
    for (; j < n4; j += 4) {
      const b0 = j * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      if (accumulate) {
        const c = i * n + j;
        c00 = C[c]; c01 = C[c + 1]; c02 = C[c + 2]; c03 = C[c + 3];
        c10 = C[c + n]; c11 = C[c + n + 1]; c12 = C[c + n + 2]; c13 = C[c + n + 3];
        c20 = C[c + 2 * n]; c21 = C[c + 2 * n + 1]; c22 = C[c + 2 * n + 2]; c23 = C[c + 2 * n + 3];
        c30 = C[c + 3 * n]; c31 = C[c + 3 * n + 1]; c32 = C[c + 3 * n + 2]; c33 = C[c + 3 * n + 3];
      }
      for (let t = 0; t < p; t++) {
        const w0 = B[b0 + t];
        const w1 = B[b1 + t];
        const w2 = B[b2 + t];
        const w3 = B[b3 + t];
        let x = A[a0 + t];
        c00 += x * w0; c01 += x * w1; c02 += x * w2; c03 += x * w3;
        x = A[a1 + t];
        c10 += x * w0; c11 += x * w1; c12 += x * w2; c13 += x * w3;
        x = A[a2 + t];
        c20 += x * w0; c21 += x * w1; c22 += x * w2; c23 += x * w3;
        x = A[a3 + t];
        c30 += x * w0; c31 += x * w1; c32 += x * w2; c33 += x * w3;
      }
      let c = i * n + j;
      C[c] = c00; C[c + 1] = c01; C[c + 2] = c02; C[c + 3] = c03;
      c += n;
      C[c] = c10; C[c + 1] = c11; C[c + 2] = c12; C[c + 3] = c13;
      c += n;
      C[c] = c20; C[c + 1] = c21; C[c + 2] = c22; C[c + 3] = c23;
      c += n;
      C[c] = c30; C[c + 1] = c31; C[c + 2] = c32; C[c + 3] = c33;
    }
    // Leftover columns: 4 rows × 1 column.
    for (; j < n; j++) {
      const b0 = j * p;
      const c = i * n + j;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      if (accumulate) {
        c0 = C[c]; c1 = C[c + n]; c2 = C[c + 2 * n]; c3 = C[c + 3 * n];
      }
      for (let t = 0; t < p; t++) {
        const w = B[b0 + t];
        c0 += A[a0 + t] * w;
        c1 += A[a1 + t] * w;
        c2 += A[a2 + t] * w;
        c3 += A[a3 + t] * w;
      }
      C[c] = c0;
      C[c + n] = c1;
      C[c + 2 * n] = c2;
      C[c + 3 * n] = c3;
    }
  }
  // Leftover rows: 1 row × 4 columns, then 1 × 1.
  for (; i < m; i++) {
    const a0 = i * p;
    let j = 0;
    for (; j < n4; j += 4) {
      const b0 = j * p;
      const b1 = b0 + p;
      const b2 = b1 + p;
      const b3 = b2 + p;
      const c = i * n + j;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      if (accumulate) {
        c0 = C[c]; c1 = C[c + 1]; c2 = C[c + 2]; c3 = C[c + 3];
      }
      for (let t = 0; t < p; t++) {
        const x = A[a0 + t];
        c0 += x * B[b0 + t];
        c1 += x * B[b1 + t];
        c2 += x * B[b2 + t];
        c3 += x * B[b3 + t];
      }
      C[c] = c0;
      C[c + 1] = c1;
      C[c + 2] = c2;
      C[c + 3] = c3;
    }
    for (; j < n; j++) {
      const b0 = j * p;
      let s = accumulate ? C[i * n + j] : 0;
      for (let t = 0; t < p; t++) s += A[a0 + t] * B[b0 + t];
      C[i * n + j] = s;
    }
  }
}

/** dst (cols×rows) = scale · srcᵀ, where src is rows×cols row-major. Blocked so both sides stay in cache. */
export function transpose(src: Float64Array, rows: number, cols: number, dst: Float64Array, scale: number): void {
  const BLOCK = 32;
  for (let r0 = 0; r0 < rows; r0 += BLOCK) {
    const r1 = r0 + BLOCK < rows ? r0 + BLOCK : rows;
    for (let c0 = 0; c0 < cols; c0 += BLOCK) {
      const c1 = c0 + BLOCK < cols ? c0 + BLOCK : cols;
      for (let r = r0; r < r1; r++) {
        const s = r * cols;
        for (let c = c0; c < c1; c++) dst[c * rows + r] = scale * src[s + c];
      }
    }
  }
}
