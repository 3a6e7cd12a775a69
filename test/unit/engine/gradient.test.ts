import { describe, expect, it } from 'vitest';
import { computeGradient } from '../../../src/core/engine/gradient';
import { gradientCheck } from '../../../src/core/engine/gradientCheck';
import { exampleWeightGradient, exampleWeightGradientEntry } from '../../../src/core/engine/perExample';
import { runEngine } from '../../../src/core/engine/run';
import { ACTIVATIONS, type ActivationName, type CostName } from '../../../src/core/model/network';
import { referenceGradient } from './autodiff';
import { randomNetwork } from './networks';

/** Every cost with an output activation it makes sense for. */
const COST_CASES: readonly [CostName, ActivationName][] = [
  ['squared', 'linear'],
  ['squared', 'tanh'],
  ['half-squared', 'sigmoid'],
  ['half-squared', 'softmax'],
  ['mean-squared', 'relu'],
  ['binary-cross-entropy', 'sigmoid'],
  ['cross-entropy', 'softmax'],
];

const cases: { name: string; seed: number; sizes: number[]; activations: ActivationName[]; cost: CostName }[] = [];
let seed = 1;
for (const hidden of ACTIVATIONS.filter((a) => a !== 'softmax')) {
  for (const [cost, output] of COST_CASES) {
    cases.push({ name: `${hidden} → ${output}, ${cost}`, seed: seed++, sizes: [3, 5, 4, 3], activations: [hidden, hidden, output], cost });
  }
}
// A softmax hidden layer: its full Jacobian must be carried back into the layer below.
cases.push({ name: 'softmax hidden layer', seed: 99, sizes: [4, 5, 3], activations: ['softmax', 'sigmoid'], cost: 'half-squared' });
// Shapes that exercise the kernel's 4×4 blocks and every leftover path.
cases.push({ name: 'wide, blocked', seed: 100, sizes: [9, 13, 6], activations: ['tanh', 'softmax'], cost: 'cross-entropy' });

describe('backprop against finite differences and an independent autodiff', () => {
  for (const c of cases) {
    it(c.name, () => {
      const network = randomNetwork(c.seed, c.sizes, c.activations, c.cost, 5);
      const check = gradientCheck(network);
      expect(check.maxRelativeError).toBeLessThan(1e-6);

      const result = runEngine(network);
      const m = network.examples.length;
      const meanW = network.layers.map((layer) => new Float64Array(layer.weights.length));
      for (let i = 0; i < m; i++) {
        const reference = referenceGradient(network, i);
        expect(result.costs[i]).toBeCloseTo(reference.cost, 12);
        for (let l = 1; l < network.layers.length; l++) {
          const perExample = exampleWeightGradient(result, i, l);
          for (let q = 0; q < perExample.length; q++) {
            expect(perExample[q]).toBeCloseTo(reference.w[l][q], 10);
            meanW[l][q] += perExample[q] / m;
          }
          const n = network.layers[l].size;
          for (let j = 0; j < n; j++) expect(result.delta[l][i * n + j]).toBeCloseTo(reference.b[l][j], 10);
        }
      }
      for (let l = 1; l < network.layers.length; l++)
        for (let q = 0; q < meanW[l].length; q++) expect(result.gradient.w[l][q]).toBeCloseTo(meanW[l][q], 12);
    });
  }
});

describe('the engine', () => {
  it('gives squared gradients exactly twice the half-squared ones', () => {
    const half = randomNetwork(7, [3, 4, 2], ['tanh', 'sigmoid'], 'half-squared', 4);
    const full = { ...half, cost: 'squared' as const };
    const g1 = runEngine(half).gradient;
    const g2 = runEngine(full).gradient;
    for (let l = 1; l < 3; l++) {
      g1.w[l].forEach((v, q) => expect(g2.w[l][q]).toBe(2 * v));
      g1.b[l].forEach((v, q) => expect(g2.b[l][q]).toBe(2 * v));
    }
  });

  it('gives per-example entries δ·a on demand', () => {
    const network = randomNetwork(8, [3, 4, 2], ['relu', 'linear'], 'squared', 3);
    const result = runEngine(network);
    const all = exampleWeightGradient(result, 2, 1);
    expect(exampleWeightGradientEntry(result, 2, 1, 3, 4)).toBe(all[2 * 4 + 3]);
  });

  it('reuses its workspace: the fast path agrees with runEngine', () => {
    const network = randomNetwork(9, [5, 6, 3], ['sigmoid', 'softmax'], 'cross-entropy', 7);
    const owned = runEngine(network);
    for (let round = 0; round < 3; round++) {
      const view = computeGradient(network);
      expect(view.cost).toBe(owned.cost);
      expect(Array.from(view.w[1])).toEqual(Array.from(owned.gradient.w[1]));
    }
  });

  it('applies one gradient step with the learning rate', () => {
    const network = randomNetwork(10, [2, 3, 1], ['tanh', 'sigmoid'], 'binary-cross-entropy', 2);
    const result = runEngine(network);
    const eta = network.learningRate;
    expect(result.updated.w[1][4]).toBe(network.layers[1].weights[4] - eta * result.gradient.w[1][4]);
    expect(result.updated.cost).toBeLessThan(result.cost);
  });
});
