import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { makeNetwork } from './networks';

describe('numeric failure', () => {
  it('names the first quantity that overflows', () => {
    const network = makeNetwork({
      cost: 'squared',
      sizes: [2, 2, 1],
      activations: ['linear', 'linear'],
      weights: [
        [1e300, 1, 1e300, 1],
        [1, 1],
      ],
      biases: [
        [0, 0],
        [0],
      ],
      examples: [
        { x: [0, 0], y: [1] },
        { x: [1e10, 0], y: [1] },
      ],
    });
    const result = runEngine(network);
    expect(result.failure).not.toBeNull();
    expect(result.failure).toMatchObject({ quantity: 'z', example: 2, layer: 1, neuron: 1 });
    expect(result.failure!.message).toContain('z⁽¹⁾₁ of example 2 is Infinity');
  });

  it('reports an update that overflows', () => {
    const network = makeNetwork({
      cost: 'squared',
      learningRate: 1e308,
      sizes: [1, 1],
      activations: ['linear'],
      weights: [[1]],
      biases: [[0]],
      examples: [{ x: [10], y: [0] }],
    });
    const result = runEngine(network);
    expect(result.failure).toMatchObject({ quantity: 'w-new', layer: 1, neuron: 1 });
  });

  it('keeps a confidently wrong cross-entropy finite', () => {
    const network = makeNetwork({
      cost: 'binary-cross-entropy',
      sizes: [1, 1],
      activations: ['sigmoid'],
      weights: [[100]],
      biases: [[0]],
      examples: [{ x: [1], y: [0] }],
    });
    const result = runEngine(network);
    expect(result.failure).toBeNull();
    expect(result.cost).toBeCloseTo(-Math.log(1e-12), 6);
  });
});
