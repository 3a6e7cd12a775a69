import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, initialisationBound, initialiseLayers, mulberry32, seededStream, type LayerPlan } from '../../../src/core/model/initialise';

/** The initialisation is part of the documented contract: the same seed gives the same bits everywhere. */

/** mulberry32 as published (Tommy Ettinger), written independently of the implementation. */
function referenceMulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('initialisation', () => {
  it('draws the published mulberry32 sequence', () => {
    const next = mulberry32(1);
    expect([next(), next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    for (const seed of [0, 1, 42, 0x7fffffff, 0xffffffff]) {
      const ours = mulberry32(seed);
      const reference = referenceMulberry32(seed);
      for (let i = 0; i < 1000; i++) expect(ours()).toBe(reference());
    }
  });

  it('uses Glorot bounds for sigmoid, tanh, linear and softmax and He bounds for relu', () => {
    for (const activation of ['sigmoid', 'tanh', 'linear', 'softmax'] as const) expect(initialisationBound(activation, 2, 4)).toBe(Math.sqrt(1));
    expect(initialisationBound('relu', 6, 4)).toBe(1);
    expect(initialisationBound('relu', 2, 100)).toBe(Math.sqrt(3));
  });

  it('gives fixed numbers for a seed: layer by layer, row by row, biases 0', () => {
    const layers = initialiseLayers(
      2,
      [
        { size: 2, activation: 'sigmoid', weights: null, biases: null },
        { size: 1, activation: 'relu', weights: null, biases: null },
      ],
      DEFAULT_SEED,
    );
    expect([...layers[0].weights]).toEqual([0.3112663140457402, -1.2180437504215365, 0.067231242851663, 1.1783294105777897]);
    expect([...layers[0].biases]).toEqual([0, 0]);
    expect([...layers[1].weights]).toEqual([1.6225086336992776, -0.7582797089476798]);
    expect([...layers[1].biases]).toEqual([0]);
  });

  it('skips the draws of a layer that gives its `w`, so every other layer keeps its own weights', () => {
    const given = new Float64Array([9, 9, 9, 9]);
    const plans = (first: Float64Array | null): LayerPlan[] => [
      { size: 2, activation: 'sigmoid', weights: first, biases: null },
      { size: 1, activation: 'relu', weights: null, biases: null },
    ];
    const withGiven = initialiseLayers(2, plans(given), 1);
    const seeded = initialiseLayers(2, plans(null), 1);
    expect(withGiven[0].weights).toBe(given);
    expect([...withGiven[1].weights]).toEqual([...seeded[1].weights]);
    // Independently: layer 2's draws are the 5th and 6th of the stream.
    const next = referenceMulberry32(1);
    for (let i = 0; i < 4; i++) next();
    const bound = Math.sqrt(6 / 2);
    expect([...withGiven[1].weights]).toEqual([(2 * next() - 1) * bound, (2 * next() - 1) * bound]);
  });

  it('skips any number of draws exactly as drawing them would, the 32-bit state wrapping included', () => {
    for (const [seed, count] of [[1, 0], [7, 1], [4294967295, 3], [123, 1_000_003]] as const) {
      const drawn = referenceMulberry32(seed);
      for (let i = 0; i < count; i++) drawn();
      const skipped = seededStream(seed);
      skipped.skip(count);
      expect([skipped.next(), skipped.next()]).toEqual([drawn(), drawn()]);
    }
    // count·increment overflows 2⁵³ for a count past 2²¹; the skip still lands where drawing would.
    const far = seededStream(5);
    far.skip(2 ** 32 + 10);
    const near = seededStream(5);
    near.skip(10);
    expect(far.next()).toBe(near.next());
  });

  it('keeps every weight inside its bound', () => {
    const [layer] = initialiseLayers(50, [{ size: 30, activation: 'tanh', weights: null, biases: null }], 123);
    const bound = Math.sqrt(6 / 80);
    expect(layer.weights.every((w) => w >= -bound && w < bound)).toBe(true);
    expect(new Set(layer.weights).size).toBe(1500);
  });
});
