import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { evaluateText, formatValue } from '../../../src/core/expression';
import type { ActivationName, CostName } from '../../../src/core/model/network';
import { StepSnapshot } from '../../../src/core/stepping/snapshot';
import { buildTrace } from '../../../src/core/trace/build';
import { prng, randomNetwork } from '../engine/networks';
import { evaluateNumber, snapshotAt } from './context';

/**
 * fd(θ) against backprop's ∂c/∂θ on random networks of several examples, where the mean
 * gradient is not one example's own: for a spread of weights and biases in every layer, the
 * two agree to 1e-6 relative (the floor keeps gradients that are both tiny from counting).
 */
describe('fd against dc/dw on random multi-example networks', () => {
  const shapes: { seed: number; sizes: number[]; activations: ActivationName[]; cost: CostName }[] = [
    { seed: 31, sizes: [3, 4, 2], activations: ['tanh', 'sigmoid'], cost: 'half-squared' },
    { seed: 32, sizes: [4, 5, 3, 3], activations: ['sigmoid', 'tanh', 'softmax'], cost: 'cross-entropy' },
    { seed: 33, sizes: [2, 3, 1], activations: ['softplus', 'sigmoid'], cost: 'binary-cross-entropy' },
  ];

  for (const { seed, sizes, activations, cost } of shapes) {
    it(`${sizes.join('-')} ${activations.join('/')} ${cost}`, () => {
      const network = randomNetwork(seed, sizes, activations, cost, 5);
      const snapshot = snapshotAt(network, 'last', { example: 2 });
      const random = prng(seed);
      const pick = (n: number) => 1 + Math.floor(random() * n);
      let checked = 0;
      for (let l = 1; l < sizes.length; l++)
        for (let t = 0; t < 3; t++) {
          const [k, j] = [pick(sizes[l - 1]), pick(sizes[l])];
          for (const [fd, backprop] of [
            [`fd(w(${l})[${k},${j}])`, `dc/dw(${l})[${k},${j}]`],
            [`fd(b(${l})[${j}])`, `dc/db(${l})[${j}]`],
          ]) {
            const estimate = evaluateNumber(fd, snapshot);
            const exact = evaluateNumber(backprop, snapshot);
            const relative = Math.abs(estimate - exact) / Math.max(Math.abs(estimate) + Math.abs(exact), 1e-8);
            expect(relative, `${fd} = ${estimate}, ${backprop} = ${exact}`).toBeLessThan(1e-6);
            checked++;
          }
        }
      expect(checked).toBe(12 * (sizes.length - 1) / 2);
      // Several examples: the mean gradient is not this example's own.
      expect(evaluateNumber('dc/dw(1)[1,1]', snapshot)).not.toBe(evaluateNumber('dci/dw(1)[1,1]', snapshot));
    });
  }

  it('leaves the network and the snapshot’s numbers as they were', () => {
    const network = randomNetwork(34, [3, 4, 2], ['tanh', 'sigmoid'], 'half-squared', 6);
    const weights = network.layers.map((layer) => Array.from(layer.weights));
    const biases = network.layers.map((layer) => Array.from(layer.biases));
    // Values recomputed per example (keep: false) as for networks past the memory bound.
    const engine = runEngine(network, { keep: false });
    const trace = buildTrace(network, engine, 3);
    const snapshot = new StepSnapshot(trace, engine, trace.length - 1);
    const text = (expression: string) => {
      const result = evaluateText(expression, { snapshot });
      return 'value' in result ? formatValue(result.value, 17) : result.error.message;
    };
    const before = ['delta(1)', 'a(2)', 'c', 'c_i', 'dc/dw(2)'].map(text);
    for (let l = 1; l <= 2; l++) evaluateNumber(`fd(w(${l})[1,1]) + fd(b(${l})[2])`, snapshot);
    expect(['delta(1)', 'a(2)', 'c', 'c_i', 'dc/dw(2)'].map(text)).toEqual(before);
    expect(network.layers.map((layer) => Array.from(layer.weights))).toEqual(weights);
    expect(network.layers.map((layer) => Array.from(layer.biases))).toEqual(biases);
  });
});
