import { describe, expect, it } from 'vitest';
import { computeGradient } from '../../../src/core/engine/gradient';
import { gradientCheck, type GradientCheck } from '../../../src/core/engine/gradientCheck';
import { exampleWeightGradient, exampleWeightGradientEntry } from '../../../src/core/engine/perExample';
import { runEngine } from '../../../src/core/engine/run';
import { ACTIVATION_ENTRIES, type ActivationName } from '../../../src/core/activations/registry';
import { COST_ENTRIES, costFitsOutput, type CostName } from '../../../src/core/costs/registry';
import { referenceGradient } from './autodiff';
import { randomNetwork } from './networks';

/**
 * Read from the registries, so a new activation or cost is covered without editing this list:
 * every activation as the output layer with every cost it can pair with (costFitsOutput, the
 * rule the parser enforces), each behind two hidden layers of every element-wise activation.
 */
const cases: { name: string; seed: number; sizes: number[]; activations: ActivationName[]; cost: CostName }[] = [];
let seed = 1;
for (const output of ACTIVATION_ENTRIES)
  for (const cost of COST_ENTRIES.filter((c) => costFitsOutput(c, output)))
    for (const hidden of ACTIVATION_ENTRIES.filter((a) => a.elementwise))
      cases.push({ name: `${hidden.name} → ${output.name}, ${cost.name}`, seed: seed++, sizes: [3, 5, 4, 3], activations: [hidden.name, hidden.name, output.name], cost: cost.name });
// A softmax hidden layer: its full Jacobian must be carried back into the layer below.
cases.push({ name: 'softmax hidden layer', seed: 99, sizes: [4, 5, 3], activations: ['softmax', 'sigmoid'], cost: 'half-squared' });
// Shapes that exercise the kernel's 4×4 blocks and every leftover path.
cases.push({ name: 'wide, blocked', seed: 100, sizes: [9, 13, 6], activations: ['tanh', 'softmax'], cost: 'cross-entropy' });

/**
 * The parameters where backprop and central differences disagree. Central differences carry
 * rounding noise of about ε·c/h ≈ 1e−11 in every entry, a large *relative* error for a gradient
 * of 1e−7 (leaky-relu's 0.01 slope makes many), so an entry passes when it agrees to 1e−6
 * relatively or to 1e−9 absolutely: a wrong derivative is off by about the gradient itself, and
 * the autodiff below checks every entry to ten decimals besides.
 */
function finiteDifferenceMisses(check: GradientCheck): string[] {
  const misses: string[] = [];
  for (const kind of ['w', 'b'] as const)
    check.numeric[kind].forEach((numeric, l) =>
      numeric.forEach((n, q) => {
        const b = check.backprop[kind][l][q];
        const error = Math.abs(n - b);
        if (error > 1e-9 && error > 1e-6 * Math.max(Math.abs(n) + Math.abs(b), 1e-8)) misses.push(`${kind}[${l}][${q}]: ${n} vs ${b}`);
      }),
    );
  return misses;
}

describe('backprop against finite differences and an independent autodiff', () => {
  for (const c of cases) {
    it(c.name, () => {
      const network = randomNetwork(c.seed, c.sizes, c.activations, c.cost, 5);
      expect(finiteDifferenceMisses(gradientCheck(network))).toEqual([]);

      const result = runEngine(network);
      const m = network.examples.length;
      const meanW = network.layers.map((layer) => new Float64Array(layer.weights.length));
      for (let i = 0; i < m; i++) {
        const reference = referenceGradient(network, i);
        expect(result.costs[i]).toBeCloseTo(reference.cost, 12);
        for (let l = 1; l < network.layers.length; l++) {
          const perExample = exampleWeightGradient(result.example(i), l);
          for (let q = 0; q < perExample.length; q++) {
            expect(perExample[q]).toBeCloseTo(reference.w[l][q], 10);
            meanW[l][q] += perExample[q] / m;
          }
          const n = network.layers[l].size;
          for (let j = 0; j < n; j++) expect(result.example(i).delta[l][j]).toBeCloseTo(reference.b[l][j], 10);
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
    const all = exampleWeightGradient(result.example(2), 1);
    expect(exampleWeightGradientEntry(result.example(2), 1, 3, 4)).toBe(all[2 * 4 + 3]);
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
