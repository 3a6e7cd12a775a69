import { defineCost } from './entry';
import { clampLow, LOG_EPSILON, unclampedInverse } from './logClamp';

/** c_i = −Σ_j [y_ij ln a_j + (1 − y_ij) ln(1 − a_j)]; ∂c_i/∂a_j = −y_ij/a_j + (1 − y_ij)/(1 − a_j). */
export const binaryCrossEntropyCost = defineCost({
  name: 'binary-cross-entropy',
  description: 'Treats each output as the probability of a yes/no answer; logs are taken at no less than 10⁻¹² so the cost stays finite.',
  formulas: {
    definition: {
      tex: 'c_i = -\\sum_{j=1}^{n_L} \\left[ y_{ij} \\ln a^{(L)}_j + (1 - y_{ij}) \\ln (1 - a^{(L)}_j) \\right]',
      text: 'cᵢ = −Σⱼ [yᵢⱼ ln a⁽ᴸ⁾ⱼ + (1 − yᵢⱼ) ln(1 − a⁽ᴸ⁾ⱼ)]',
    },
    derivative: {
      tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = -\\frac{y_{ij}}{a^{(L)}_j} + \\frac{1 - y_{ij}}{1 - a^{(L)}_j}',
      text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = −yᵢⱼ/a⁽ᴸ⁾ⱼ + (1 − yᵢⱼ)/(1 − a⁽ᴸ⁾ⱼ)',
    },
  },
  needs: 'probabilities',
  value(a, y, m, n, out) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let q = i * n, end = q + n; q < end; q++) {
        const t = y[q];
        s -= t * Math.log(clampLow(a[q])) + (1 - t) * Math.log(clampLow(1 - a[q]));
      }
      out[i] = s;
    }
  },
  gradient(a, y, m, n, out) {
    for (let q = 0, end = m * n; q < end; q++) {
      const t = y[q];
      out[q] = -t / clampLow(a[q]) + (1 - t) / clampLow(1 - a[q]);
    }
  },
  flatGradient(a, y, m, n, out) {
    for (let q = 0, end = m * n; q < end; q++) {
      const t = y[q];
      out[q] = -t * unclampedInverse(a[q]) + (1 - t) * unclampedInverse(1 - a[q]);
    }
  },
  derivative: (a, y) => -y / clampLow(a) + (1 - y) / clampLow(1 - a),
  termOf: (y, a) => ({
    tex: `${y.tex} \\ln ${a.tex} + (1 - ${y.tex}) \\ln(1 - ${a.tex})`,
    text: `${y.text} ln ${a.text} + (1 − ${y.text}) ln(1 − ${a.text})`,
  }),
  termValue: (y, a) => y * Math.log(Math.max(a, LOG_EPSILON)) + (1 - y) * Math.log(Math.max(1 - a, LOG_EPSILON)),
  wrap: (sum) => ({ tex: `-\\left[${sum.tex}\\right]`, text: `−[${sum.text}]` }),
  derivativeFor: (a, y) => ({
    tex: `-\\frac{${y.tex}}{${a.tex}} + \\frac{1 - ${y.tex}}{1 - ${a.tex}}`,
    text: `−${y.text}/${a.text} + (1 − ${y.text})/(1 − ${a.text})`,
  }),
});
