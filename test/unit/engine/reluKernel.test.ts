import { describe, expect, it } from 'vitest';
import { reluActivation } from '../../../src/core/activations/relu';
import { kernelModule } from '../../../src/core/engine/wasm/kernel';
import type { ReluKernel } from '../../../src/core/engine/wasm/reluKernel';
import { expectActivationsAlike, expectSameBits } from './activationKernels';
import { prng, randomNetwork } from './networks';

/** The kernel's relu (wasm/reluKernel.ts) against the registry's JavaScript `apply`, bit for bit (NaN as NaN). */

describe('the WebAssembly relu', () => {
  it('gives the bits of the JavaScript relu at its edges and on random arguments', () => {
    const random = prng(5);
    const edges = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];
    const values = [...edges, ...Array.from({ length: 10_001 }, () => (random() - 0.5) * 10 ** (8 * random() - 4))];
    if (values.length % 2 === 1) values.push(0.25);
    const z = Float64Array.from(values);
    const n = z.length;
    const a = new Float64Array(n);
    const dadz = new Float64Array(n);
    reluActivation.apply(z, a, dadz, 1, n);
    const memory = new WebAssembly.Memory({ initial: 1 + Math.ceil((24 * n + 64) / 65536) });
    const { relu } = new WebAssembly.Instance(new WebAssembly.Module(kernelModule()), { env: { memory } }).exports as { relu: ReluKernel };
    const view = (q: number) => new Float64Array(memory.buffer, 16 + 8 * n * q, n);
    view(0).set(z);
    view(1).fill(7);
    view(2).fill(7);
    relu(16, 16 + 8 * n, 16 + 16 * n, n);
    expectSameBits(view(1), a, 'a');
    expectSameBits(view(2), dadz, 'σ′');
  });

  it('runs in a WebAssembly workspace, odd blocks included, with the JavaScript workspace\'s bits', () => {
    const network = randomNetwork(78, [4, 5, 3, 2], ['relu', 'relu', 'sigmoid'], 'half-squared', 3);
    expectActivationsAlike(network, 2, (q, l) => (q % 4 === 0 ? -0 : Math.sin(5 * q + l)));
  });
});
