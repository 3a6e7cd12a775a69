import type { Notation } from '../notation/symbols';
import { defineActivation } from './entry';
import { parenthesised, power } from './writing';

/**
 * GELU, the Gaussian error linear unit, in the tanh approximation that most libraries offer
 * (Hendrycks & Gimpel, 2016):
 *   σ(z) = ½ z (1 + tanh(√(2/π) (z + 0.044715 z³)))
 * The exact GELU is z·Φ(z), Φ the standard normal distribution function; the tanh form follows
 * it to within 5·10⁻⁴ and needs no error function. This tool computes the tanh form, and
 * its formulas, derivative and tests are all of that form. With t = tanh(√(2/π)(z + 0.044715 z³)),
 *   σ′(z) = ½ (1 + t) + ½ z (1 − t²) √(2/π) (1 + 3 · 0.044715 z²).
 */
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const CUBIC = 0.044715;
const CUBIC_SLOPE = 3 * CUBIC;

/**
 * The least value of the tanh form, about −0.1700408 near z ≈ −0.7525 (found numerically),
 * rounded down so that no reachable target is called unreachable.
 */
const LEAST_VALUE = -0.170041;

function tanhOf(z: number): number {
  return Math.tanh(SQRT_2_OVER_PI * (z + CUBIC * z * z * z));
}

/** ½ z (1 + t); 0 once t is −1, so z = −∞ gives 0 rather than −∞ · 0. */
function valueFrom(z: number, t: number): number {
  const v = 1 + t;
  return v === 0 ? 0 : 0.5 * z * v;
}

/** σ′ from z and t. The second term vanishes once t² rounds to 1, which also keeps z² finite. */
function slopeFrom(z: number, t: number): number {
  const s = 1 - t * t;
  return 0.5 * (1 + t) + (s === 0 ? 0 : 0.5 * z * s * SQRT_2_OVER_PI * (1 + CUBIC_SLOPE * z * z));
}

/** tanh(√(2/π)(s + 0.044715 s³)), the t of the formulas, written for one neuron. */
function tWritten(s: Notation): Notation {
  const c = power(s, '³', '3');
  return {
    tex: `\\tanh\\left(\\sqrt{2/\\pi}\\,\\left(${s.tex} + 0.044715\\,${c.tex}\\right)\\right)`,
    text: `tanh(√(2/π)·(${s.text} + 0.044715·${c.text}))`,
  };
}

export const geluActivation = defineActivation({
  name: 'gelu',
  elementwise: true,
  description:
    'A smooth relu that scales z by roughly the chance that a standard normal number lies below z, computed with the usual tanh approximation; it dips to about −0.17 near z = −0.75.',
  formulas: {
    definition: {
      tex: '\\sigma(z) = \\tfrac{1}{2}\\,z\\left(1 + \\tanh\\left(\\sqrt{2/\\pi}\\,(z + 0.044715\\,z^{3})\\right)\\right)',
      text: 'σ(z) = ½z(1 + tanh(√(2/π)(z + 0.044715z³)))   (the tanh approximation of GELU)',
    },
    derivative: {
      tex: "\\sigma'(z) = \\tfrac{1}{2}(1 + t) + \\tfrac{1}{2}\\,z\\,(1 - t^{2})\\sqrt{2/\\pi}\\,(1 + 0.134145\\,z^{2}),\\quad t = \\tanh\\left(\\sqrt{2/\\pi}\\,(z + 0.044715\\,z^{3})\\right)",
      text: 'σ′(z) = ½(1 + t) + ½z(1 − t²)√(2/π)(1 + 0.134145z²), where t = tanh(√(2/π)(z + 0.044715z³))',
    },
  },
  range: { low: LEAST_VALUE, high: Infinity, text: 'of about −0.17 or more', sumsToOne: false },
  initialisation: 'he',
  value: (z) => valueFrom(z, tanhOf(z)),
  derivative: (z) => slopeFrom(z, tanhOf(z)),
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const v = z[q];
      const t = tanhOf(v);
      a[q] = valueFrom(v, t);
      dadz[q] = slopeFrom(v, t);
    }
  },
  appliedTo: (s) => {
    const t = tWritten(s);
    return { tex: `\\tfrac{1}{2}\\,${s.tex}\\left(1 + ${t.tex}\\right)`, text: `½·${s.text}·(1 + ${t.text})` };
  },
  slopeFor: (_a, z) => {
    const t = tWritten(z);
    const sq = power(z, '²', '2');
    // A sum, so parenthesised: the trace multiplies it by ∂cᵢ/∂a.
    const slope = parenthesised({
      tex: `\\tfrac{1}{2}\\left(1 + ${t.tex}\\right) + \\tfrac{1}{2}\\,${z.tex}\\left(1 - ${t.tex}^{2}\\right)\\sqrt{2/\\pi}\\,\\left(1 + 0.134145\\,${sq.tex}\\right)`,
      text: `½·(1 + ${t.text}) + ½·${z.text}·(1 − ${t.text}²)·√(2/π)·(1 + 0.134145·${sq.text})`,
    });
    return { ...slope, uses: 'z' };
  },
});
