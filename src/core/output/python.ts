import type { ActivationName } from '../activations/registry';
import type { CostName } from '../costs/registry';

/**
 * Every activation and cost of the registries (src/core/activations, src/core/costs) written in
 * Python with NumPy, for the notebook's code cells (notebook.ts), keyed by registry name: the
 * Record types make a new registry entry without its Python a type error, and
 * test/unit/output/notebook.test.ts runs each one against the engine's numbers.
 *
 * Each is written to compute what the engine computes, in the same way where it matters: the
 * sigmoid without overflow, softplus through log1p, elu through expm1, the costs' logs taken at
 * max(a, 10⁻¹²) (src/core/costs/logClamp.ts).
 */

export interface PythonActivation {
  /** σ(z) for a layer's vector z, as the body of `def sigma(z):`. */
  readonly value: string;
  /** σ′ for a layer, given z and a = σ(z): for softmax, the diagonal ∂aⱼ/∂zⱼ (what the trace's σ′ step shows). */
  readonly slope: string;
  /** For an activation that couples its layer: ∂aᵣ/∂zⱼ as a matrix [r, j], given a. Absent: elementwise, δ = ∂c/∂a · σ′. */
  readonly jacobian?: string;
}

export interface PythonCost {
  /** cᵢ for the output vector a and target vector y. */
  readonly value: string;
  /** ∂cᵢ/∂a for the output layer. */
  readonly gradient: string;
}

export const PYTHON_ACTIVATIONS: Readonly<Record<ActivationName, PythonActivation>> = {
  sigmoid: {
    value: 'e = np.exp(-np.abs(z))\nreturn np.where(z >= 0, 1 / (1 + e), e / (1 + e))',
    slope: 'return a * (1 - a)',
  },
  tanh: { value: 'return np.tanh(z)', slope: 'return 1 - a * a' },
  relu: { value: 'return np.where(z > 0, z, 0.0)', slope: 'return np.where(z > 0, 1.0, 0.0)' },
  linear: { value: 'return z.copy()', slope: 'return np.ones_like(z)' },
  softmax: {
    value: 'e = np.exp(z - np.max(z))\nreturn e / np.sum(e)',
    slope: 'return a * (1 - a)',
    jacobian: 'return np.diag(a) - np.outer(a, a)',
  },
  'leaky-relu': { value: 'return np.where(z > 0, z, 0.01 * z)', slope: 'return np.where(z > 0, 1.0, 0.01)' },
  softplus: {
    value: 'e = np.exp(-np.abs(z))\nreturn np.where(z > 0, z + np.log1p(e), np.log1p(e))',
    slope: 'e = np.exp(-np.abs(z))\nreturn np.where(z >= 0, 1 / (1 + e), e / (1 + e))',
  },
  elu: {
    value: 'return np.where(z > 0, z, np.expm1(np.minimum(z, 0)))',
    slope: 'return np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))',
  },
  gelu: {
    value: 't = np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3))\nreturn 0.5 * z * (1 + t)',
    slope: 't = np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3))\nreturn 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * np.sqrt(2 / np.pi) * (1 + 3 * 0.044715 * z**2)',
  },
};

/** ln is taken at max(a, 10⁻¹²), as the engine takes it. */
const LOG_FLOOR = 'LOG_FLOOR';

export const PYTHON_COSTS: Readonly<Record<CostName, PythonCost>> = {
  squared: { value: 'return np.sum((y - a) ** 2)', gradient: 'return 2 * (a - y)' },
  'half-squared': { value: 'return 0.5 * np.sum((y - a) ** 2)', gradient: 'return a - y' },
  'mean-squared': { value: 'return np.sum((y - a) ** 2) / len(a)', gradient: 'return 2 / len(a) * (a - y)' },
  'binary-cross-entropy': {
    value: `return -np.sum(y * np.log(np.maximum(a, ${LOG_FLOOR})) + (1 - y) * np.log(np.maximum(1 - a, ${LOG_FLOOR})))`,
    gradient: `return -y / np.maximum(a, ${LOG_FLOOR}) + (1 - y) / np.maximum(1 - a, ${LOG_FLOOR})`,
  },
  'cross-entropy': {
    value: `return -np.sum(np.where(y != 0, y * np.log(np.maximum(a, ${LOG_FLOOR})), 0.0))`,
    gradient: `return -y / np.maximum(a, ${LOG_FLOOR})`,
  },
};

/** The Python name of a registry name: `leaky-relu` → `leaky_relu`. */
export function pythonName(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '_');
}

/** `def NAME(ARGS):` with `body` indented under it. */
export function pythonFunction(name: string, args: string, body: string): string {
  return `def ${name}(${args}):\n${body.split('\n').map((line) => `    ${line}`).join('\n')}`;
}
