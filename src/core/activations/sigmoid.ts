import { defineActivation } from './entry';

/** 1/(1 + e^(−z)) without overflow: for z < 0 the algebraically equal e^z/(1 + e^z) is used. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ(z) = 1/(1 + e^(−z)), the article's activation. */
export const sigmoidActivation = defineActivation({
  name: 'sigmoid',
  elementwise: true,
  description: 'Squashes any z into (0, 1); its slope is largest at z = 0 and fades towards 0 as |z| grows.',
  formulas: {
    definition: { tex: '\\sigma(z) = \\frac{1}{1 + e^{-z}}', text: 'σ(z) = 1/(1 + e⁻ᶻ)' },
    derivative: { tex: "\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))", text: 'σ′(z) = σ(z)(1 − σ(z))' },
  },
  range: { low: 0, high: 1, text: 'between 0 and 1', sumsToOne: false },
  initialisation: 'glorot',
  value: sigmoid,
  // σ′(z) = σ(z)(1 − σ(z)) = a(1 − a)
  derivative: (_z, a) => a * (1 - a),
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const v = z[q];
      let s: number;
      if (v >= 0) s = 1 / (1 + Math.exp(-v));
      else {
        const e = Math.exp(v);
        s = e / (1 + e);
      }
      a[q] = s;
      dadz[q] = s * (1 - s);
    }
  },
  // The same bits from the WebAssembly kernel (engine/wasm/sigmoidKernel.ts).
  kernel: 'sigmoid',
  appliedTo: (s) => ({ tex: `\\frac{1}{1 + e^{-${s.tex}}}`, text: `1/(1 + e^(−${s.text}))` }),
  slopeFor: (a) => ({ tex: `${a.tex}\\,(1 - ${a.tex})`, text: `${a.text}(1 − ${a.text})`, uses: 'a' }),
});
