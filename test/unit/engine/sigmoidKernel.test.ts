import { describe, expect, it } from 'vitest';
import { sigmoidActivation } from '../../../src/core/activations/sigmoid';
import { kernelModule } from '../../../src/core/engine/wasm/kernel';
import type { SigmoidKernel } from '../../../src/core/engine/wasm/sigmoidKernel';
import { expectActivationsAlike, expectSameBits } from './activationKernels';
import { prng, randomNetwork } from './networks';

/**
 * The kernel's sigmoid (wasm/sigmoidKernel.ts) against the registry's JavaScript `apply`, which
 * calls Math.exp: bit for bit, at the edges of every case of the exp it mirrors and on a million
 * arguments spread over the whole range a layer's z can take.
 */

/** The doubles next to x, by their bit patterns. */
function neighbours(x: number): number[] {
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  const around: number[] = [];
  for (const step of [-2n, -1n, 0n, 1n, 2n]) around.push(new Float64Array(new BigInt64Array([bits[0] + step]).buffer)[0]);
  return around;
}
const fromHigh = (high: number) => new Float64Array(new Uint32Array([0, high]).buffer)[0];

/** Every case edge of exp(−|z|), on both sides, for z of both signs. */
function edges(): number[] {
  const edges = [
    fromHigh(0x3fd62e43), // ½ ln 2: k = 0 below, k = −1 above
    fromHigh(0x3ff0a2b2), // 1.5 ln 2: k = −1 below, trunc(x/ln 2 − ½) above
    fromHigh(0x3e300000), // 2⁻²⁸: 1 + x below
    fromHigh(0x40862e42), // 709.78: fdlibm's overflow filter
    745.13321910194110842, // underflow to 0 beyond
    1021 * Math.LN2, // 2^k in two factors beyond
    1022 * Math.LN2,
    Math.LN2 / 2,
    1.5 * Math.LN2,
    1,
    2,
    30,
    37,
    708.4,
    744.4,
    Number.MIN_VALUE,
    2.2250738585072014e-308,
  ];
  const values = [0, -0, Infinity, -Infinity, NaN, 1e-300, 5e-324];
  for (const edge of edges) for (const x of neighbours(edge)) values.push(x, -x);
  for (let k = -40; k <= 40; k++) values.push(k * Math.LN2, (k + 0.5) * Math.LN2);
  return values;
}

function randomArguments(count: number): number[] {
  const random = prng(2026);
  return Array.from({ length: count }, (_, q) => {
    const sign = random() < 0.5 ? -1 : 1;
    // Half where layers' z lie, half over every magnitude from 10⁻¹² to 800.
    return q % 2 === 0 ? sign * 40 * random() : sign * 10 ** (-12 + 14.9 * random());
  });
}

interface Exports {
  readonly sigmoid: SigmoidKernel;
  readonly expNonPositive: (x: number, y: number, count: number) => void;
}

/** The kernel on a memory holding `z` and two arrays after it (filled with NaN): `run` gets their byte addresses. */
function onKernel(z: Float64Array, run: (exports: Exports, addresses: [number, number, number]) => void): Float64Array[] {
  const n = z.length;
  const memory = new WebAssembly.Memory({ initial: Math.ceil((24 * n + 64) / 65536) + 1 });
  const exports = new WebAssembly.Instance(new WebAssembly.Module(kernelModule()), { env: { memory } }).exports as unknown as Exports;
  const view = (q: number) => new Float64Array(memory.buffer, 16 + 8 * n * q, n);
  view(0).set(z);
  view(1).fill(NaN);
  view(2).fill(NaN);
  run(exports, [16, 16 + 8 * n, 16 + 16 * n]);
  return [view(1).slice(), view(2).slice()];
}

function kernelSigmoid(z: Float64Array): { a: Float64Array; dadz: Float64Array } {
  const [a, dadz] = onKernel(z, ({ sigmoid }, [zAt, aAt, dadzAt]) => sigmoid(zAt, aAt, dadzAt, z.length));
  return { a, dadz };
}

describe('the WebAssembly sigmoid', () => {
  it.each([
    ['at the edges of every case of e^x', edges()],
    ['on a million arguments', randomArguments(1_000_000)],
  ])('gives the bits of the JavaScript sigmoid (Math.exp) %s', (_, values) => {
    // An even count: the kernel takes pairs (an odd last number goes to the JavaScript).
    const z = Float64Array.from(values.length % 2 === 0 ? values : [...values, 0.5]);
    const a = new Float64Array(z.length);
    const dadz = new Float64Array(z.length);
    sigmoidActivation.apply(z, a, dadz, 1, z.length);
    const actual = kernelSigmoid(z);
    expectSameBits(actual.a, a, 'σ', (q) => `z = ${z[q]}`);
    expectSameBits(actual.dadz, dadz, 'σ′', (q) => `z = ${z[q]}`);
  });

  it.each([
    ['at the edges of every case', edges()],
    ['on a million arguments', randomArguments(1_000_000)],
  ])('computes e^x with the bits of Math.exp for x ≤ 0 %s', (_, values) => {
    // Its arguments are −|z|; σ could round a last-bit difference of e^x away, so e^x is compared on its own.
    const x = Float64Array.from(values.length % 2 === 0 ? values : [...values, 0.5], (v) => -Math.abs(v));
    const [y] = onKernel(x, ({ expNonPositive }, [xAt, yAt]) => expNonPositive(xAt, yAt, x.length));
    expectSameBits(y, x.map(Math.exp), 'e^x', (q) => `x = ${x[q]}`);
  });

  it('runs in a WebAssembly workspace, odd blocks included, with the JavaScript workspace\'s bits', () => {
    // 3 × 5 = 15 numbers per sigmoid layer: seven pairs and one left for the JavaScript.
    const network = randomNetwork(77, [4, 5, 5, 2], ['sigmoid', 'sigmoid', 'sigmoid'], 'half-squared', 3);
    expectActivationsAlike(network, 3, (q, l) => 12 * Math.sin(7 * q + l));
  });
});
