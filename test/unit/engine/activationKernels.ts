import { expect } from 'vitest';
import type { Network } from '../../../src/core/model/network';
import { Workspace } from '../../../src/core/engine/workspace';

/** The same bits, element by element, NaN standing for any NaN. */
export function expectSameBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string, at: (q: number) => string = (q) => `${q}`): void {
  expect(actual.length, what).toBe(expected.length);
  for (let q = 0; q < expected.length; q++) {
    const same = Object.is(actual[q], expected[q]) || (Number.isNaN(actual[q]) && Number.isNaN(expected[q]));
    if (!same) expect.fail(`${what} at ${at(q)}: ${actual[q]}, expected ${expected[q]}`);
  }
}

/**
 * Sets z of layers 1 … `layers` of `network`'s first block to z(q, ℓ) in a JavaScript and a
 * WebAssembly workspace, activates them, and expects the same a and σ′ from both: the
 * WebAssembly workspace runs the kernel's form of an activation that has one (odd blocks' last
 * number in JavaScript).
 */
export function expectActivationsAlike(network: Network, layers: number, z: (q: number, l: number) => number): void {
  const js = new Workspace(network, 'js');
  const wasm = new Workspace(network, 'wasm');
  for (const ws of [js, wasm]) {
    ws.load(0);
    for (let l = 1; l <= layers; l++) {
      ws.z[l].forEach((_, q) => (ws.z[l][q] = z(q, l)));
      ws.activate(l);
    }
  }
  for (let l = 1; l <= layers; l++) {
    expectSameBits(wasm.a[l], js.a[l], `a(${l})`);
    expectSameBits(wasm.dadz[l], js.dadz[l], `σ′(${l})`);
  }
}
