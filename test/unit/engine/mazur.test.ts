import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import type { Network } from '../../../src/core/model/network';
import { parseSpec } from '../../../src/core/parser/parse';
import { mazurNetwork } from './networks';

/**
 * Matt Mazur's worked example. The published numbers have 9 decimals, which for small values
 * is fewer than 9 significant digits (0.000438568 has 6); each is asserted to exactly the
 * significant digits it is published with, i.e. |actual − published| ≤ half a unit in its last place.
 */
function expectDigits(actual: number, published: string): void {
  const expected = Number(published);
  const decimals = published.split('.')[1]?.length ?? 0;
  const tolerance = 0.5 * 10 ** -decimals;
  expect(Math.abs(actual - expected), `${actual} vs ${published}`).toBeLessThanOrEqual(tolerance * 1.0001);
}

/** The network from examples/mazur.nnet, through the parser. */
function loadMazur(): Network {
  const text = readFileSync(new URL('../../../examples/mazur.nnet', import.meta.url), 'utf8');
  const parsed = parseSpec(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return parsed.network!;
}

describe('the Mazur 2-2-2 network', () => {
  const network = loadMazur();
  const result = runEngine(network);

  it('parses to the same network as the hand-built one', () => {
    const built = mazurNetwork();
    expect(network.cost).toBe(built.cost);
    expect(network.learningRate).toBe(built.learningRate);
    network.layers.forEach((layer, l) => {
      expect(Array.from(layer.weights)).toEqual(Array.from(built.layers[l].weights));
      expect(Array.from(layer.biases)).toEqual(Array.from(built.layers[l].biases));
    });
  });

  it('computes the forward pass and the cost', () => {
    expectDigits(result.example(0).a[1][0], '0.593269992');
    expectDigits(result.example(0).a[1][1], '0.596884378');
    expectDigits(result.example(0).a[2][0], '0.75136507');
    expectDigits(result.example(0).a[2][1], '0.772928465');
    expectDigits(result.costs[0], '0.298371109');
    expectDigits(result.cost, '0.298371109');
  });

  it('computes δ for both layers', () => {
    expectDigits(result.example(0).delta[2][0], '0.138498562');
    expectDigits(result.example(0).delta[2][1], '-0.038098237');
    expectDigits(result.example(0).delta[1][0], '0.008771355');
    expectDigits(result.example(0).delta[1][1], '0.009954255');
  });

  it('computes the gradient', () => {
    expectDigits(result.gradient.w[2][0], '0.082167041');
    expectDigits(result.gradient.w[1][0], '0.000438568');
    expect(result.gradient.b[2][0]).toBe(result.example(0).delta[2][0]);
  });

  it('takes one gradient step', () => {
    expectDigits(result.updated.w[1][0], '0.149780716');
    expectDigits(result.updated.w[2][0], '0.35891648');
    expectDigits(result.updated.b[1][0], '0.345614323');
    expectDigits(result.updated.b[1][1], '0.345022873');
    expectDigits(result.updated.b[2][0], '0.530750719');
    expectDigits(result.updated.b[2][1], '0.619049118');
    expectDigits(result.updated.cost, '0.280471447');
  });

  it('fills every field and reports no failure', () => {
    expect(result.exampleCount).toBe(1);
    expect(result.example(0).z[0].length).toBe(0);
    expect(result.example(0).a[0]).toEqual(Float64Array.from([0.05, 0.1]));
    expect(result.example(0).dcda[2][0]).toBeCloseTo(0.75136507 - 0.01, 8);
    expect(result.example(0).dadz[2][0]).toBeCloseTo(0.186815602, 9);
    expect(result.failure).toBeNull();
  });
});
