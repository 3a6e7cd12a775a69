import type { ActivationName } from '../model/network';

/**
 * The activation functions σ, each beside its derivative σ′.
 *
 * `apply` is the batched form the engine uses: it reads z for m examples (batch-major, n per
 * example) and writes a = σ(z) and the diagonal σ′(z) = ∂a_j/∂z_j in one pass, with no call per
 * element. `value`/`derivative` are the scalar forms the trace, the tests and hovers use.
 *
 * Softmax is the one activation whose a_j depends on every z_r of its layer: its Jacobian is
 * full, ∂a_r/∂z_j = a_r(δ_rj − a_j). `apply` stores only the diagonal a_j(1 − a_j); the backward
 * pass (see backward.ts) uses the whole Jacobian.
 */
export interface Activation {
  readonly name: ActivationName;
  /** True when a_j depends on z_j alone, so ∂a_r/∂z_j = 0 for r ≠ j. */
  readonly elementwise: boolean;
  /** σ(z) for one neuron; NaN for softmax, which needs its whole layer. */
  value(z: number): number;
  /** σ′ at one neuron, given both z and a = σ(z) (each function uses whichever is exact). */
  derivative(z: number, a: number): number;
  apply(z: Float64Array, a: Float64Array, dadz: Float64Array, m: number, n: number): void;
}

/** 1/(1 + e^(−z)) without overflow: for z < 0 the algebraically equal e^z/(1 + e^z) is used. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const sigmoidActivation: Activation = {
  name: 'sigmoid',
  elementwise: true,
  value: sigmoid,
  // σ′(z) = σ(z)(1 − σ(z)) = a(1 − a)
  derivative: (_z, a) => a * (1 - a),
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const v = z[q];
      let s: number;
      if (v >= 0) s = 1 / (1 + Math.exp(-v));
      else {
        const e = Math.exp(v);
        s = e / (1 + e);
      }
      a[q] = s;
      dadz[q] = s * (1 - s);
    }
  },
};

const tanhActivation: Activation = {
  name: 'tanh',
  elementwise: true,
  value: Math.tanh,
  // tanh′(z) = 1 − tanh²(z) = 1 − a²
  derivative: (_z, a) => 1 - a * a,
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const t = Math.tanh(z[q]);
      a[q] = t;
      dadz[q] = 1 - t * t;
    }
  },
};

const reluActivation: Activation = {
  name: 'relu',
  elementwise: true,
  value: (z) => (z > 0 ? z : 0),
  // relu′(z) = 1 for z > 0 and 0 otherwise; at z = 0 exactly we take 0 (either one-sided value is a valid choice).
  derivative: (z) => (z > 0 ? 1 : 0),
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const v = z[q];
      if (v > 0) {
        a[q] = v;
        dadz[q] = 1;
      } else {
        // NaN falls here too; a copies it so the failure report sees where it came from.
        a[q] = v === v ? 0 : v;
        dadz[q] = 0;
      }
    }
  },
};

const linearActivation: Activation = {
  name: 'linear',
  elementwise: true,
  value: (z) => z,
  derivative: () => 1,
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      a[q] = z[q];
      dadz[q] = 1;
    }
  },
};

const softmaxActivation: Activation = {
  name: 'softmax',
  elementwise: false,
  value: () => NaN,
  // The diagonal of the Jacobian: ∂a_j/∂z_j = a_j(1 − a_j). The off-diagonal terms are −a_r·a_j.
  derivative: (_z, a) => a * (1 - a),
  apply(z, a, dadz, m, n) {
    for (let i = 0; i < m; i++) {
      const base = i * n;
      // Subtracting the row's largest z leaves softmax unchanged and keeps every e^(z − max) ≤ 1.
      let max = -Infinity;
      for (let j = 0; j < n; j++) if (z[base + j] > max) max = z[base + j];
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const e = Math.exp(z[base + j] - max);
        a[base + j] = e;
        sum += e;
      }
      const inverse = 1 / sum;
      for (let j = 0; j < n; j++) {
        const s = a[base + j] * inverse;
        a[base + j] = s;
        dadz[base + j] = s * (1 - s);
      }
    }
  },
};

const table: Record<ActivationName, Activation> = {
  sigmoid: sigmoidActivation,
  tanh: tanhActivation,
  relu: reluActivation,
  linear: linearActivation,
  softmax: softmaxActivation,
};

export function activation(name: ActivationName): Activation {
  return table[name];
}

/** Softmax of a whole vector, for the trace and the tests (same max-subtraction as `apply`). */
export function softmax(z: ArrayLike<number>): Float64Array {
  const n = z.length;
  const out = new Float64Array(n);
  const scratch = new Float64Array(n);
  activation('softmax').apply(Float64Array.from(z), out, scratch, 1, n);
  return out;
}
