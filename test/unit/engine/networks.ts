/**
 * Networks for the engine and trace tests, built directly (no parser): the Mazur 2-2-2 example
 * and seeded random networks of every activation and cost.
 */
import type { ActivationName, CostName, Network } from '../../../src/core/model/network';

/** Mulberry32: a tiny seeded PRNG so random networks are the same on every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NetworkOptions {
  readonly name?: string;
  readonly cost: CostName;
  readonly learningRate?: number;
  readonly sizes: readonly number[];
  readonly activations: readonly ActivationName[];
  readonly weights: readonly (readonly number[])[];
  readonly biases: readonly (readonly number[])[];
  readonly examples: readonly { x: readonly number[]; y: readonly number[] }[];
}

export function makeNetwork(o: NetworkOptions): Network {
  return {
    name: o.name ?? null,
    cost: o.cost,
    learningRate: o.learningRate ?? 0.5,
    seed: 1,
    layers: o.sizes.map((size, l) => ({
      size,
      activation: l === 0 ? null : o.activations[l - 1],
      weights: l === 0 ? new Float64Array(0) : Float64Array.from(o.weights[l - 1]),
      biases: l === 0 ? new Float64Array(0) : Float64Array.from(o.biases[l - 1]),
    })),
    examples: o.examples.map((e) => ({ x: Float64Array.from(e.x), y: Float64Array.from(e.y) })),
  };
}

/** Matt Mazur's "step by step backpropagation" network (2-2-2 sigmoid, half-squared cost, η = 0.5). */
export function mazurNetwork(): Network {
  return makeNetwork({
    name: 'Step-by-step backpropagation',
    cost: 'half-squared',
    learningRate: 0.5,
    sizes: [2, 2, 2],
    activations: ['sigmoid', 'sigmoid'],
    weights: [
      [0.15, 0.25, 0.2, 0.3],
      [0.4, 0.5, 0.45, 0.55],
    ],
    biases: [
      [0.35, 0.35],
      [0.6, 0.6],
    ],
    examples: [{ x: [0.05, 0.1], y: [0.01, 0.99] }],
  });
}

/**
 * A random network with the given shape. Targets suit the cost: one-hot rows for
 * cross-entropy, numbers in (0, 1) for binary cross-entropy, anything otherwise.
 */
export function randomNetwork(
  seed: number,
  sizes: readonly number[],
  activations: readonly ActivationName[],
  cost: CostName,
  exampleCount: number,
  scale = 1,
): Network {
  const random = prng(seed);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
  const weights = sizes.slice(1).map((n, l) => Array.from({ length: sizes[l] * n }, () => uniform(-scale, scale)));
  const biases = sizes.slice(1).map((n) => Array.from({ length: n }, () => uniform(-0.5, 0.5)));
  const nL = sizes[sizes.length - 1];
  const examples = Array.from({ length: exampleCount }, () => {
    const x = Array.from({ length: sizes[0] }, () => uniform(-1, 1));
    let y: number[];
    if (cost === 'cross-entropy') {
      const hot = Math.floor(random() * nL);
      y = Array.from({ length: nL }, (_, j) => (j === hot ? 1 : 0));
    } else if (cost === 'binary-cross-entropy') y = Array.from({ length: nL }, () => uniform(0.05, 0.95));
    else y = Array.from({ length: nL }, () => uniform(-1, 1));
    return { x, y };
  });
  return makeNetwork({ cost, learningRate: 0.1, sizes, activations, weights, biases, examples });
}
