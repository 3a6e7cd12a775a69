import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/core/model/network';
import { pictureOf } from '../../../src/core/training/picture';
import { makeNetwork } from '../engine/networks';

/**
 * The picture of a network at one step: a map of the plane for 2 inputs, coloured by the class
 * the network predicts; a fitted curve for 1 input and 1 output; nothing otherwise.
 */

/** z = 10·(x₁ − x₂): class 1 above the diagonal x₁ = x₂ … below it in the picture's rows. */
function diagonal(outputs: 'sigmoid' | 'softmax'): Network {
  const two = outputs === 'softmax';
  return makeNetwork({
    cost: two ? 'cross-entropy' : 'half-squared',
    sizes: [2, two ? 2 : 1],
    activations: [outputs],
    weights: [two ? [10, -10, -10, 10] : [10, -10]],
    biases: [two ? [0, 0] : [0]],
    examples: [
      { x: [1, 0], y: two ? [1, 0] : [1] },
      { x: [0, 1], y: two ? [0, 1] : [0] },
    ],
  });
}

describe('the picture of a network', () => {
  it('maps the plane by the class predicted, with the examples as labelled points', () => {
    const network = diagonal('sigmoid');
    const picture = pictureOf(network, network.layers.map((l) => l.weights), network.layers.map((l) => l.biases), 4);
    expect(picture?.kind).toBe('map');
    if (picture?.kind !== 'map') return;
    expect(picture.x1).toEqual([-0.1, 1.1]);
    // Row 0 is the top (the largest x₂); cell centres at 0.05, 0.35, 0.65, 0.95 on both axes.
    // Class 1 where x₁ > x₂; the cells on the diagonal are ties (z ≈ 0) and are not asserted.
    const centres = [0.05, 0.35, 0.65, 0.95];
    picture.classes.forEach((predicted, cell) => {
      const [x1, x2] = [centres[cell % 4], centres[3 - Math.floor(cell / 4)]];
      if (x1 !== x2) expect(predicted, `cell ${cell}`).toBe(x1 > x2 ? 1 : 0);
    });
    expect(picture.classes.filter((c) => c === 1).length).toBeGreaterThanOrEqual(6);
    expect(picture.confidence.every((c) => c >= 0 && c <= 1)).toBe(true);
    expect(picture.points).toEqual({ x: [1, 0, 0, 1], label: [1, 0], heldOut: [false, false] });
  });

  it('takes the largest output as the class of a softmax layer', () => {
    const network = diagonal('softmax');
    const picture = pictureOf(network, network.layers.map((l) => l.weights), network.layers.map((l) => l.biases), 4);
    if (picture?.kind !== 'map') throw new Error('expected a map');
    expect(picture.classCount).toBe(2);
    // Output 1 (class 0) is the larger where x₁ > x₂: the bottom-right corner; the top-left is class 1.
    expect([picture.classes[15], picture.classes[0]]).toEqual([0, 1]);
  });

  it('draws the fitted curve of a 1-input, 1-output network, and nothing for other shapes', () => {
    const line = makeNetwork({ cost: 'half-squared', sizes: [1, 1], activations: ['linear'], weights: [[2]], biases: [[1]], examples: [{ x: [0], y: [1] }, { x: [1], y: [3] }] });
    const picture = pictureOf(line, line.layers.map((l) => l.weights), line.layers.map((l) => l.biases));
    if (picture?.kind !== 'curve') throw new Error('expected a curve');
    picture.x.forEach((x, q) => expect(picture.y[q]).toBeCloseTo(2 * x + 1, 12));
    const three = makeNetwork({ cost: 'half-squared', sizes: [3, 1], activations: ['linear'], weights: [[1, 1, 1]], biases: [[0]], examples: [{ x: [0, 0, 0], y: [0] }] });
    expect(pictureOf(three, three.layers.map((l) => l.weights), three.layers.map((l) => l.biases))).toBeNull();
  });

  it('draws at most MAX_POINTS examples, every k-th of a large set', () => {
    const network = diagonal('sigmoid');
    const many = { ...network, examples: Array.from({ length: 5000 }, (_, i) => ({ x: Float64Array.from([i / 5000, 1 - i / 5000]), y: Float64Array.from([i % 2]) })) };
    const picture = pictureOf(many, many.layers.map((l) => l.weights), many.layers.map((l) => l.biases), 4);
    if (picture?.kind !== 'map') throw new Error('expected a map');
    expect(picture.points.label).toHaveLength(Math.ceil(5000 / 3));
    expect(picture.points.x.slice(0, 4)).toEqual([0, 1, 3 / 5000, 1 - 3 / 5000]);
  });
});
