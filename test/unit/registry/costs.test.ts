import { describe, expect, it } from 'vitest';
import { ACTIVATION_ENTRIES } from '../../../src/core/activations/registry';
import { COST_ENTRIES, costEntry, costFitsOutput, fittingOutputs } from '../../../src/core/costs/registry';
import { LOG_EPSILON } from '../../../src/core/costs/logClamp';
import { texGlitch, textGlitch } from '../trace/textGlitches';

/**
 * Each cost of the registry: ∂c_i/∂a_j against central finite differences of c_i, the batched
 * gradient against the one-neuron derivative, its terms against its value, and which output
 * activations it pairs with. Every test loops over the registry.
 */

/** Outputs strictly inside (0, 1), so every cost's logs are smooth around them; targets to match. */
const A = Float64Array.of(0.2, 0.65, 0.15, 0.9, 0.05, 0.05);
const Y = Float64Array.of(0, 1, 0, 0.3, 0.2, 0.5);
const [M, N] = [2, 3];

function costs(cost: (typeof COST_ENTRIES)[number], a: Float64Array): Float64Array {
  const out = new Float64Array(M);
  cost.value(a, Y, M, N, out);
  return out;
}

describe.each(COST_ENTRIES.map((c) => [c.name, c] as const))('cost %s', (_, cost) => {
  it('has ∂cᵢ/∂aⱼ equal to central finite differences of cᵢ', () => {
    const h = 1e-6;
    for (let q = 0; q < M * N; q++) {
      const plus = Float64Array.from(A, (v, p) => (p === q ? v + h : v));
      const minus = Float64Array.from(A, (v, p) => (p === q ? v - h : v));
      const i = Math.floor(q / N);
      const numeric = (costs(cost, plus)[i] - costs(cost, minus)[i]) / (2 * h);
      const exact = cost.derivative(A[q], Y[q], N);
      expect(Math.abs(exact - numeric), `output ${q}: ${exact} vs ${numeric}`).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('gives in batch exactly the one-neuron derivative', () => {
    const out = new Float64Array(M * N);
    cost.gradient(A, Y, M, N, out);
    out.forEach((g, q) => expect(g).toBe(cost.derivative(A[q], Y[q], N)));
  });

  it('adds its terms up to its value (the sum the trace writes out)', () => {
    const values = costs(cost, A);
    for (let i = 0; i < M; i++) {
      let sum = 0;
      for (let j = 0; j < N; j++) sum += cost.termValue(Y[i * N + j], A[i * N + j]);
      // The outer shape is read from the written form: a factor in front, a minus sign, or none.
      const written = cost.wrap({ tex: 'S', text: 'S' }, N).text;
      const factor = written === 'S' ? 1 : written === '½[S]' ? 0.5 : written === `(1/${N})[S]` ? 1 / N : written === '−[S]' ? -1 : NaN;
      expect(values[i]).toBeCloseTo(factor * sum, 14);
    }
  });

  it('stays finite where a log would not', () => {
    const extreme = Float64Array.of(0, 1, 1e-300);
    const out = new Float64Array(1);
    cost.value(extreme, Float64Array.of(1, 0, 1), 1, 3, out);
    expect(Number.isFinite(out[0])).toBe(true);
    expect(Number.isFinite(cost.derivative(0, 1, 3)) && Number.isFinite(cost.derivative(1, 0, 3))).toBe(true);
    expect(LOG_EPSILON).toBe(1e-12);
  });

  it('gives, when it clamps, the slope of its value as computed: 0 through a held log, its gradient elsewhere', () => {
    if (!cost.flatGradient) {
      // A cost without a clamp has nothing held: its value is smooth, and its gradient is its slope.
      expect(['binary-cross-entropy', 'cross-entropy']).not.toContain(cost.name);
      return;
    }
    // Row 1 inside the clamps; row 2 with a below 10⁻¹², 1 − a below 10⁻¹², and an ordinary a.
    const a = Float64Array.of(0.2, 0.65, 0.15, 5e-13, 1 - 6e-13, 0.4);
    const y = Float64Array.of(0, 1, 0, 0.7, 0.2, 0.1);
    const flat = new Float64Array(M * N);
    const gradient = new Float64Array(M * N);
    cost.flatGradient(a, y, M, N, flat);
    cost.gradient(a, y, M, N, gradient);
    for (let q = 0; q < M * N; q++) {
      // Steps that stay on the same side of a clamp: half the distance to 0 or 1 next to them.
      const held = a[q] < LOG_EPSILON || 1 - a[q] < LOG_EPSILON;
      const step = a[q] < LOG_EPSILON ? a[q] / 2 : 1 - a[q] < LOG_EPSILON ? (1 - a[q]) / 2 : 1e-7 * a[q];
      const at = (v: number) => {
        const out = new Float64Array(M);
        cost.value(Float64Array.from(a, (w, p) => (p === q ? v : w)), y, M, N, out);
        return out[Math.floor(q / N)];
      };
      const numeric = (at(a[q] + step) - at(a[q] - step)) / (2 * step);
      // A held log adds about 20 to the cost, whose doubles are 3.6·10⁻¹⁵ apart; steps this short
      // move the rest of it by only tens of those, so a few % is all the difference can resolve.
      const tolerance = held ? 0.05 : 1e-5;
      expect(Math.abs(flat[q] - numeric), `output ${q}: ${flat[q]} vs ${numeric}`).toBeLessThan(tolerance * Math.max(1, Math.abs(numeric)));
    }
    // The first row holds nothing, so there the two agree exactly (0 and −0 alike).
    for (let q = 0; q < N; q++) expect(flat[q] === gradient[q]).toBe(true);
    // The held outputs are where they part.
    expect(flat[3]).not.toBe(gradient[3]);
  });

  it('writes its formulas without typographic slips', () => {
    const a = { tex: 'a^{(2)}_{1}', text: 'a⁽²⁾₁' };
    const y = { tex: 'y_{i1}', text: 'yᵢ₁' };
    const negative = { tex: '\\left(-0.5\\right)', text: '(−0.5)' };
    for (const n of [cost.formulas.definition, cost.formulas.derivative, cost.termOf(y, a), cost.derivativeFor(a, y, 3), cost.derivativeFor(negative, negative, 3)]) {
      expect(textGlitch(n.text), n.text).toBeNull();
      expect(texGlitch(n.tex), n.tex).toBeNull();
    }
  });
});

describe('which output activations a cost pairs with', () => {
  it('follows the output ranges: probabilities need (0, 1), a distribution needs outputs adding up to 1', () => {
    expect(fittingOutputs(costEntry('cross-entropy'))).toEqual(['softmax']);
    expect(fittingOutputs(costEntry('binary-cross-entropy'))).toEqual(['sigmoid', 'softmax']);
    for (const cost of COST_ENTRIES.filter((c) => c.needs === 'unrestricted')) expect(fittingOutputs(cost)).toEqual(ACTIVATION_ENTRIES.map((a) => a.name));
  });

  it('pairs every activation with at least one cost', () => {
    for (const activation of ACTIVATION_ENTRIES) expect(COST_ENTRIES.some((cost) => costFitsOutput(cost, activation)), activation.name).toBe(true);
  });
});
