import { defineActivation } from './entry';

/**
 * σ(z)_j = e^(z_j) / Σ_r e^(z_r): the one activation whose a_j depends on every z_r of its
 * layer. Its Jacobian is full, ∂a_r/∂z_j = a_r(δ_rj − a_j); `apply` stores only the diagonal
 * a_j(1 − a_j), and the engine's backward pass uses the whole Jacobian.
 */
export const softmaxActivation = defineActivation({
  name: 'softmax',
  elementwise: false,
  description: 'Turns the whole layer into positive numbers that add up to 1, so every a_r depends on every z_j.',
  formulas: {
    definition: { tex: '\\sigma(z)_j = \\frac{e^{z_j}}{\\sum_{r} e^{z_r}}', text: 'σ(z)ⱼ = eᶻʲ / Σᵣ eᶻʳ' },
    derivative: {
      tex: '\\frac{\\partial a_r}{\\partial z_j} = a_r\\,(\\delta_{rj} - a_j)',
      text: '∂aᵣ/∂zⱼ = aᵣ(δᵣⱼ − aⱼ)   (δᵣⱼ = 1 when r = j, else 0)',
    },
  },
  range: { low: 0, high: 1, text: 'between 0 and 1', sumsToOne: true },
  initialisation: 'glorot',
  value: () => NaN,
  // The diagonal of the Jacobian: ∂a_j/∂z_j = a_j(1 − a_j). The off-diagonal terms are −a_r·a_j.
  derivative: (_z, a) => a * (1 - a),
  apply(z, a, dadz, m, n) {
    for (let i = 0; i < m; i++) {
      const base = i * n;
      // Subtracting the row's largest z leaves softmax unchanged and keeps every e^(z − max) ≤ 1.
      let max = -Infinity;
      for (let j = 0; j < n; j++) if (z[base + j] > max) max = z[base + j];
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const e = Math.exp(z[base + j] - max);
        a[base + j] = e;
        sum += e;
      }
      const inverse = 1 / sum;
      for (let j = 0; j < n; j++) {
        const s = a[base + j] * inverse;
        a[base + j] = s;
        dadz[base + j] = s * (1 - s);
      }
    }
  },
  slopeFor: (a) => ({ tex: `${a.tex}\\,(1 - ${a.tex})`, text: `${a.text}(1 − ${a.text})`, uses: 'a' }),
  numeratorOf: (s) => ({ tex: `e^{${s.tex}}`, text: `e^(${s.text})` }),
  numeratorValue: Math.exp,
  jacobian: (a, r, j) => a[r] * ((r === j ? 1 : 0) - a[j]),
  notes: {
    forward: 'Softmax divides each e^z by the sum over the whole layer, so every a of this layer depends on every z.',
    slope: `This is the diagonal entry of softmax's Jacobian; the others are ∂aᵣ/∂zⱼ = −aᵣ aⱼ, and δ uses them all.`,
    delta: (zj) =>
      `Softmax makes every a of the layer depend on ${zj}, so all of them carry its effect to the cost; ∂aᵣ/∂zⱼ = aᵣ(1 − aⱼ) when r = j and −aᵣ aⱼ otherwise.`,
  },
});
