import { defineActivation } from './entry';

/** σ(z) = tanh z, sigmoid's shape stretched to (−1, 1). */
export const tanhActivation = defineActivation({
  name: 'tanh',
  elementwise: true,
  description: 'Squashes z into (−1, 1), centred on 0; its slope is 1 at z = 0.',
  formulas: {
    definition: { tex: '\\sigma(z) = \\tanh z = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}', text: 'σ(z) = tanh z = (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ)' },
    derivative: { tex: "\\sigma'(z) = 1 - \\tanh^2 z", text: 'σ′(z) = 1 − tanh² z' },
  },
  range: { low: -1, high: 1, text: 'between −1 and 1', sumsToOne: false },
  initialisation: 'glorot',
  value: Math.tanh,
  // tanh′(z) = 1 − tanh²(z) = 1 − a²
  derivative: (_z, a) => 1 - a * a,
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const t = Math.tanh(z[q]);
      a[q] = t;
      dadz[q] = 1 - t * t;
    }
  },
  appliedTo: (s) => ({ tex: `\\tanh ${s.tex}`, text: `tanh ${s.text}` }),
  slopeFor: (a) => ({ tex: `1 - \\left(${a.tex}\\right)^2`, text: `1 − (${a.text})²`, uses: 'a' }),
});
