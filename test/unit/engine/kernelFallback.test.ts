import { describe, expect, it, vi } from 'vitest';
import { computeGradient } from '../../../src/core/engine/gradient';
import { Workspace } from '../../../src/core/engine/workspace';
import { randomNetwork } from './networks';

// A runtime without WebAssembly memory to give (no WebAssembly, no SIMD, or a refused allocation).
vi.mock('../../../src/core/engine/wasm/runtime', () => ({ wasmArena: () => null, wasmAvailable: () => false }));

describe('without the WebAssembly kernel', () => {
  it('a workspace asked for WebAssembly falls back to JavaScript and computes the same gradient', () => {
    const network = randomNetwork(5, [30, 20, 4], ['relu', 'sigmoid'], 'half-squared', 16);
    const ws = new Workspace(network, 'wasm');
    expect(ws.products.kernel).toBe('js');
    const fallback = computeGradient(network, ws);
    const js = computeGradient(network, new Workspace(network, 'js'));
    expect(fallback.cost).toBe(js.cost);
    for (let l = 1; l < network.layers.length; l++) {
      expect(Array.from(fallback.w[l])).toEqual(Array.from(js.w[l]));
      expect(Array.from(fallback.b[l])).toEqual(Array.from(js.b[l]));
    }
  });
});
