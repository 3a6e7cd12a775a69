import type { CostName } from '../model/network';

/**
 * The cost functions c_i of one example and their derivatives ∂c_i/∂a^(L)_j, each beside the
 * other. Both work on a batch: `a` and `y` hold m examples of n = n_L numbers, batch-major.
 *
 * Logarithms: ln a is taken at max(a, LOG_EPSILON) (and ln(1 − a) at max(1 − a, LOG_EPSILON)),
 * in the cost and in its derivative alike. A sigmoid output rounds to exactly 1 in float64
 * once z exceeds about 37, so without the clamp a confident wrong answer would turn the cost
 * into Infinity and every gradient into NaN. With it the cost stays large but finite
 * (−ln 1e−12 ≈ 27.6 per term) and the derivative stays a (huge) number the learner can read.
 */
export const LOG_EPSILON = 1e-12;

export interface Cost {
  readonly name: CostName;
  /** c_i for every example into `out` (length m). */
  value(a: Float64Array, y: Float64Array, m: number, n: number, out: Float64Array): void;
  /** ∂c_i/∂a^(L)_j for every example and neuron into `out` (length m·n). */
  gradient(a: Float64Array, y: Float64Array, m: number, n: number, out: Float64Array): void;
  /** ∂c_i/∂a^(L)_j for one neuron, for the trace (n is n_L). */
  derivative(a: number, y: number, n: number): number;
}

function clampLow(v: number): number {
  return v > LOG_EPSILON ? v : LOG_EPSILON;
}

/**
 * The three squared-error costs differ only by the factor s in front of the same sum,
 * c_i = s Σ_j (y_ij − a_j)², so ∂c_i/∂a_j = 2s(a_j − y_ij):
 *   squared       s = 1      the article's cost; ∂c_i/∂a_j = 2(a_j − y_ij)
 *   half-squared  s = ½      the ½ cancels the 2: ∂c_i/∂a_j = a_j − y_ij
 *   mean-squared  s = 1/n_L  ∂c_i/∂a_j = (2/n_L)(a_j − y_ij)
 * Each factor is a power of two or 1/n_L, so `squared` is exactly twice `half-squared`.
 */
function squaredError(name: CostName, factor: (n: number) => number): Cost {
  return {
    name,
    value(a, y, m, n, out) {
      const s = factor(n);
      for (let i = 0; i < m; i++) {
        let sum = 0;
        for (let q = i * n, end = q + n; q < end; q++) {
          const d = y[q] - a[q];
          sum += d * d;
        }
        out[i] = s * sum;
      }
    },
    gradient(a, y, m, n, out) {
      const scale = 2 * factor(n);
      for (let q = 0, end = m * n; q < end; q++) out[q] = scale * (a[q] - y[q]);
    },
    derivative: (a, y, n) => 2 * factor(n) * (a - y),
  };
}

const squared = squaredError('squared', () => 1);
const halfSquared = squaredError('half-squared', () => 0.5);
const meanSquared = squaredError('mean-squared', (n) => 1 / n);

/** c_i = −Σ_j [y_ij ln a_j + (1 − y_ij) ln(1 − a_j)]; ∂c_i/∂a_j = −y_ij/a_j + (1 − y_ij)/(1 − a_j). */
const binaryCrossEntropy: Cost = {
  name: 'binary-cross-entropy',
  value(a, y, m, n, out) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let q = i * n, end = q + n; q < end; q++) {
        const t = y[q];
        s -= t * Math.log(clampLow(a[q])) + (1 - t) * Math.log(clampLow(1 - a[q]));
      }
      out[i] = s;
    }
  },
  gradient(a, y, m, n, out) {
    for (let q = 0, end = m * n; q < end; q++) {
      const t = y[q];
      out[q] = -t / clampLow(a[q]) + (1 - t) / clampLow(1 - a[q]);
    }
  },
  derivative: (a, y) => -y / clampLow(a) + (1 - y) / clampLow(1 - a),
};

/** c_i = −Σ_j y_ij ln a_j (meant for a softmax output); ∂c_i/∂a_j = −y_ij/a_j. */
const crossEntropy: Cost = {
  name: 'cross-entropy',
  value(a, y, m, n, out) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let q = i * n, end = q + n; q < end; q++) {
        const t = y[q];
        // 0 · ln a is 0 even when a is tiny: skip it rather than multiply by a clamped log.
        if (t !== 0) s -= t * Math.log(clampLow(a[q]));
      }
      out[i] = s;
    }
  },
  gradient(a, y, m, n, out) {
    for (let q = 0, end = m * n; q < end; q++) out[q] = -y[q] / clampLow(a[q]);
  },
  derivative: (a, y) => -y / clampLow(a),
};

const table: Record<CostName, Cost> = {
  squared,
  'half-squared': halfSquared,
  'mean-squared': meanSquared,
  'binary-cross-entropy': binaryCrossEntropy,
  'cross-entropy': crossEntropy,
};

export function cost(name: CostName): Cost {
  return table[name];
}
