import { defineActivation } from './entry';
import { sigmoid } from './sigmoid';
import { exp } from './writing';

/**
 * ln(1 + e^z) without overflow: for z > 0 it is rewritten as z + ln(1 + e^(−z)), so e is only
 * ever raised to a power ≤ 0, and log1p keeps the tiny values of very negative z exact.
 */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** σ(z) = ln(1 + e^z), a smooth relu whose derivative is the sigmoid. */
export const softplusActivation = defineActivation({
  name: 'softplus',
  elementwise: true,
  description: 'A smooth relu: close to 0 for very negative z and close to z for large z; its slope is the sigmoid of z.',
  formulas: {
    definition: { tex: '\\sigma(z) = \\ln(1 + e^{z})', text: 'σ(z) = ln(1 + eᶻ)' },
    derivative: { tex: "\\sigma'(z) = \\frac{1}{1 + e^{-z}}", text: 'σ′(z) = 1/(1 + e⁻ᶻ)' },
  },
  range: { low: 0, high: Infinity, text: 'greater than 0', sumsToOne: false },
  initialisation: 'he',
  value: softplus,
  // d/dz ln(1 + e^z) = e^z/(1 + e^z) = 1/(1 + e^(−z)), the sigmoid (computed without overflow).
  derivative: (z) => sigmoid(z),
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const v = z[q];
      // NaN goes to the second branch and stays NaN in both.
      if (v > 0) {
        const e = Math.exp(-v);
        a[q] = v + Math.log1p(e);
        dadz[q] = 1 / (1 + e);
      } else {
        const e = Math.exp(v);
        a[q] = Math.log1p(e);
        dadz[q] = e / (1 + e);
      }
    }
  },
  appliedTo: (s) => {
    const e = exp(s);
    return { tex: `\\ln\\left(1 + ${e.tex}\\right)`, text: `ln(1 + ${e.text})` };
  },
  // As sigmoid's σ, so a negative z reads e^(−(−0.5)), the sign of the formula kept in sight.
  slopeFor: (_a, z) => ({ tex: `\\frac{1}{1 + e^{-${z.tex}}}`, text: `1/(1 + e^(−${z.text}))`, uses: 'z' }),
});
