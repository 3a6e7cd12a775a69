import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_ENTRIES, ACTIVATIONS } from '../../../src/core/activations/registry';
import type { ActivationEntry, CoupledActivation, ElementwiseActivation } from '../../../src/core/activations/entry';
import { initialisationBound } from '../../../src/core/model/initialise';
import { texGlitch, textGlitch } from '../trace/textGlitches';

/**
 * Each activation of the registry, one at a time: σ′ against central finite differences of σ,
 * the batched `apply` against the scalar forms, the output range, extreme and NaN inputs, the
 * initialisation rule and the formulas' typography. Every test loops over the registry, so a new
 * activation is checked without editing this file.
 */

const ELEMENTWISE = ACTIVATION_ENTRIES.filter((e): e is ElementwiseActivation<(typeof e)['name']> => e.elementwise);
const COUPLED = ACTIVATION_ENTRIES.filter((e): e is CoupledActivation<(typeof e)['name']> => !e.elementwise);

/** Points on both sides of every kink (none closer to 0 than 1e−3, so a step of 1e−6 never crosses it). */
const POINTS = [-30, -6, -3.2, -1.3, -0.7524, -0.3, -0.05, -1e-3, 1e-3, 0.05, 0.4, 1, 2.5, 6, 30];

/** (f(z + h) − f(z − h)) / 2h: its error shrinks like h², plus rounding of about ε/h. */
function centralDifference(f: (z: number) => number, z: number, h = 1e-6): number {
  return (f(z + h) - f(z - h)) / (2 * h);
}

function applyTo(entry: ActivationEntry, z: readonly number[]): { a: Float64Array; dadz: Float64Array } {
  const a = new Float64Array(z.length);
  const dadz = new Float64Array(z.length);
  entry.apply(Float64Array.from(z), a, dadz, 1, z.length);
  return { a, dadz };
}

describe.each(ELEMENTWISE.map((e) => [e.name, e] as const))('element-wise activation %s', (_, entry) => {
  it('has σ′ equal to central finite differences of σ', () => {
    for (const z of POINTS) {
      const numeric = centralDifference(entry.value, z);
      const exact = entry.derivative(z, entry.value(z));
      expect(Math.abs(exact - numeric), `σ′(${z}) = ${exact}, differences give ${numeric}`).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('computes in batch exactly what the scalar forms give, bit for bit', () => {
    const { a, dadz } = applyTo(entry, POINTS);
    POINTS.forEach((z, q) => {
      expect(Object.is(a[q], entry.value(z)), `σ(${z})`).toBe(true);
      expect(Object.is(dadz[q], entry.derivative(z, a[q])), `σ′(${z})`).toBe(true);
    });
  });

  it('stays inside its output range, and reaches close to each finite end', () => {
    const { low, high } = entry.range;
    let [least, most] = [Infinity, -Infinity];
    for (let q = 0; q <= 200_000; q++) {
      const v = entry.value(-50 + q * 5e-4);
      if (v < least) least = v;
      if (v > most) most = v;
    }
    expect(least).toBeGreaterThanOrEqual(low);
    expect(most).toBeLessThanOrEqual(high);
    if (Number.isFinite(low)) expect(least - low).toBeLessThan(1e-5);
    if (Number.isFinite(high)) expect(high - most).toBeLessThan(1e-5);
  });

  it('gives finite numbers for huge z, and passes NaN on so a failure can be traced', () => {
    for (const z of [-1e300, -1e6, -800, -710, 710, 800, 1e6, 1e300]) {
      const { a, dadz } = applyTo(entry, [z]);
      expect(Number.isFinite(a[0]) && Number.isFinite(dadz[0]), `σ(${z}) = ${a[0]}, σ′ = ${dadz[0]}`).toBe(true);
    }
    expect(applyTo(entry, [NaN]).a[0]).toBeNaN();
  });
});

describe.each(COUPLED.map((e) => [e.name, e] as const))('coupled activation %s', (_, entry) => {
  const z = [0.3, -1.2, 2.1, 0.05, -0.4];
  const outputs = (v: readonly number[]) => applyTo(entry, v).a;

  it('has a Jacobian equal to central finite differences, and stores its diagonal as σ′', () => {
    const { a, dadz } = applyTo(entry, z);
    for (let j = 0; j < z.length; j++) {
      const h = 1e-6;
      const plus = outputs(z.map((v, q) => (q === j ? v + h : v)));
      const minus = outputs(z.map((v, q) => (q === j ? v - h : v)));
      for (let r = 0; r < z.length; r++) expect(Math.abs(entry.jacobian(a, r, j) - (plus[r] - minus[r]) / (2 * h))).toBeLessThan(1e-8);
      expect(dadz[j]).toBe(entry.jacobian(a, j, j));
      expect(dadz[j]).toBe(entry.derivative(z[j], a[j]));
    }
  });

  it('is g(z_j) / Σ_r g(z_r) with its own numerator, and stays in range', () => {
    const a = outputs(z);
    const total = z.reduce((s, v) => s + entry.numeratorValue(v), 0);
    z.forEach((v, j) => expect(a[j]).toBeCloseTo(entry.numeratorValue(v) / total, 14));
    for (const v of a) expect(v >= entry.range.low && v <= entry.range.high).toBe(true);
    if (entry.range.sumsToOne) expect(a.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    expect(Array.from(outputs([1000, -1000, 0])).every(Number.isFinite)).toBe(true);
  });
});

describe('every activation', () => {
  it('is initialised by the rule its entry names', () => {
    for (const entry of ACTIVATION_ENTRIES) {
      const expected = entry.initialisation === 'he' ? Math.sqrt(6 / 3) : Math.sqrt(6 / (3 + 5));
      expect(initialisationBound(entry.name, 3, 5), entry.name).toBe(expected);
    }
  });

  it('writes its formulas without typographic slips, in symbols and with numbers in place', () => {
    const symbol = { tex: 'z^{(2)}_{1}', text: 'z⁽²⁾₁' };
    const output = { tex: 'a^{(2)}_{1}', text: 'a⁽²⁾₁' };
    const negative = { tex: '\\left(-0.5\\right)', text: '(−0.5)' };
    const positive = { tex: '1.25', text: '1.25' };
    for (const entry of ACTIVATION_ENTRIES) {
      const written = [entry.formulas.definition, entry.formulas.derivative];
      for (const z of [symbol, negative, positive]) {
        written.push(entry.slopeFor(z === symbol ? output : z, z));
        written.push(entry.elementwise ? entry.appliedTo(z) : entry.numeratorOf(z));
      }
      for (const n of written) {
        expect(textGlitch(n.text), `${entry.name}: ${n.text}`).toBeNull();
        expect(texGlitch(n.tex), `${entry.name}: ${n.tex}`).toBeNull();
      }
    }
  });

  it('is documented in the README, with its own row in the table of activations', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const name of ACTIVATIONS) expect(readme, name).toContain(`| \`${name}\` |`);
  });

  it('lists the names in the registry order', () => {
    expect(ACTIVATIONS).toEqual(ACTIVATION_ENTRIES.map((e) => e.name));
    expect(ACTIVATIONS).toEqual(expect.arrayContaining(['leaky-relu', 'softplus', 'elu', 'gelu']));
  });
});

describe('the four added activations', () => {
  const entry = (name: string) => ACTIVATION_ENTRIES.find((e) => e.name === name)!;

  it('leaky-relu keeps a slope of 0.01 below zero', () => {
    expect(entry('leaky-relu').value(-2)).toBe(-0.02);
    expect(entry('leaky-relu').value(3)).toBe(3);
    expect(entry('leaky-relu').derivative(-2, -0.02)).toBe(0.01);
  });

  it('softplus is ln(1 + e^z) without overflow or lost digits', () => {
    const softplus = entry('softplus').value;
    expect(softplus(0)).toBe(Math.LN2);
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-40)).toBeCloseTo(Math.exp(-40), 30);
    expect(softplus(-40) / Math.exp(-40)).toBeCloseTo(1, 12);
    expect(softplus(2)).toBeCloseTo(Math.log(1 + Math.exp(2)), 15);
  });

  it('elu (α = 1) bends towards −1 with a continuous slope', () => {
    const elu = entry('elu');
    // e^z − 1 near 0 keeps its digits (e^(−10⁻¹⁰) − 1 = −10⁻¹⁰ + 5·10⁻²¹ − …).
    expect(Math.abs(elu.value(-1e-10) / (-1e-10 + 5e-21) - 1)).toBeLessThan(1e-15);
    expect(elu.value(-50)).toBeCloseTo(-1, 15);
    expect(elu.derivative(0, 0)).toBe(1);
    expect(elu.derivative(-1, elu.value(-1))).toBe(Math.exp(-1));
  });

  it('gelu is the tanh approximation of z·Φ(z)', () => {
    const gelu = entry('gelu').value;
    const c = Math.sqrt(2 / Math.PI);
    for (const z of [-2, -0.5, 0.5, 1.7]) expect(gelu(z)).toBeCloseTo(0.5 * z * (1 + Math.tanh(c * (z + 0.044715 * z ** 3))), 15);
    expect(gelu(0)).toBe(0);
    // Within 5·10⁻⁴ of the exact z·Φ(z) (Φ(1) = 0.8413447460685429).
    expect(Math.abs(gelu(1) - 0.8413447460685429)).toBeLessThan(5e-4);
  });
});
