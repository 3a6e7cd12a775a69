import { defineActivation } from './entry';
import { exp, parenthesised } from './writing';

/**
 * The exponential linear unit with α = 1: z for z > 0 and e^z − 1 otherwise. With α = 1 both
 * pieces have slope 1 at z = 0, so σ′ is continuous there. e^z − 1 is computed with expm1,
 * which stays exact for z near 0 where e^z − 1 would lose its digits.
 */
export const eluActivation = defineActivation({
  name: 'elu',
  elementwise: true,
  description: 'Like relu for positive z, but bends smoothly down towards −1 for negative z (eᶻ − 1), so negative z still has a slope.',
  formulas: {
    definition: {
      tex: '\\sigma(z) = \\begin{cases} z & z > 0 \\\\ e^{z} - 1 & z \\le 0 \\end{cases}',
      text: 'σ(z) = z if z > 0, else eᶻ − 1',
    },
    derivative: {
      tex: "\\sigma'(z) = \\begin{cases} 1 & z > 0 \\\\ e^{z} & z \\le 0 \\end{cases}",
      text: 'σ′(z) = 1 if z > 0, else eᶻ',
    },
  },
  range: { low: -1, high: Infinity, text: 'greater than −1', sumsToOne: false },
  initialisation: 'he',
  value: (z) => (z > 0 ? z : Math.expm1(z)),
  // For z ≤ 0, σ′(z) = e^z (= a + 1, but e^z itself is exact).
  derivative: (z) => (z > 0 ? 1 : Math.exp(z)),
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const v = z[q];
      if (v > 0) {
        a[q] = v;
        dadz[q] = 1;
      } else {
        // NaN falls here too and stays NaN in both.
        a[q] = Math.expm1(v);
        dadz[q] = Math.exp(v);
      }
    }
  },
  // Iverson brackets pick the piece: [z > 0] is 1 when z > 0 and 0 otherwise.
  appliedTo: (s) => {
    const e = exp(s);
    return { tex: `[${s.tex} > 0]\\,${s.tex} + [${s.tex} \\le 0]\\left(${e.tex} - 1\\right)`, text: `[${s.text} > 0]·${s.text} + [${s.text} ≤ 0]·(${e.text} − 1)` };
  },
  // A sum, so parenthesised: the trace multiplies it by ∂cᵢ/∂a.
  slopeFor: (_a, z) => {
    const e = exp(z);
    return { ...parenthesised({ tex: `[${z.tex} > 0] + [${z.tex} \\le 0]\\,${e.tex}`, text: `[${z.text} > 0] + [${z.text} ≤ 0]·${e.text}` }), uses: 'z' };
  },
});
