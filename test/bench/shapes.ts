/**
 * The four network shapes the engine's speed is measured on, shared by `npm run bench gradient`
 * (one batch gradient) and `npm run bench train` (steps of gradient descent), so both quote the
 * same networks: (a) the 2-2-2 worked example's size, (b) an iris-sized net, (c) MNIST's classic
 * 784-128-10 on a 64-example batch, (d) a wide 784-512-512-10 relu net on 256 examples.
 */
import type { ActivationName, Network } from '../../src/core/model/network';
import { randomNetwork } from '../unit/engine/networks';

export interface BenchShape {
  readonly label: string;
  readonly sizes: number[];
  readonly activations: ActivationName[];
  /** Examples in the network: the whole batch. */
  readonly examples: number;
}

export const SHAPE_A: BenchShape = { label: '(a) 2-2-2 sigmoid, 1 example', sizes: [2, 2, 2], activations: ['sigmoid', 'sigmoid'], examples: 1 };
export const SHAPE_B: BenchShape = {
  label: '(b) 4-8-8-3 sigmoid, 150 examples',
  sizes: [4, 8, 8, 3],
  activations: ['sigmoid', 'sigmoid', 'sigmoid'],
  examples: 150,
};
export const SHAPE_C: BenchShape = { label: '(c) 784-128-10 sigmoid, 64 examples', sizes: [784, 128, 10], activations: ['sigmoid', 'sigmoid'], examples: 64 };
export const SHAPE_D: BenchShape = {
  label: '(d) 784-512-512-10 relu (sigmoid out), 256 examples',
  sizes: [784, 512, 512, 10],
  activations: ['relu', 'relu', 'sigmoid'],
  examples: 256,
};

export const SHAPES: readonly BenchShape[] = [SHAPE_A, SHAPE_B, SHAPE_C, SHAPE_D];

/**
 * The shape's seeded random network: half-squared cost, c = (1/m) Σᵢ ½ Σⱼ (yᵢⱼ − aⱼ)², η = 0.1,
 * targets in (−1, 1), and weights ~ U(−1/√n₀, 1/√n₀), which keep the sums in the activations'
 * working range, as in training.
 */
export function benchNetwork(shape: BenchShape, seed: number): Network {
  return randomNetwork(seed, shape.sizes, shape.activations, 'half-squared', shape.examples, 1 / Math.sqrt(shape.sizes[0]));
}

/**
 * The floating-point operations of one gradient per example, as the engine does them: for each
 * layer ℓ, 2·n₍ℓ−1₎·n_ℓ for z⁽ℓ⁾ and as many for ∂c/∂w⁽ℓ⁾, and for ℓ ≥ 2 as many again for
 * ∂c/∂a⁽ℓ−1⁾ (nothing is propagated below the first layer, into the inputs). The usual
 * 6 × parameters × examples would count that last product for the first layer too: on
 * 784-128-10 half again as much as is done, making a rate look faster than the core can go.
 * Activations, costs, biases and the update are not counted.
 */
export function flopsPerExample(sizes: readonly number[]): number {
  let flops = 0;
  for (let l = 1; l < sizes.length; l++) flops += (l === 1 ? 4 : 6) * sizes[l - 1] * sizes[l];
  return flops;
}
