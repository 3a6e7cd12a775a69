import { defineCost } from './entry';
import { clampLow, LOG_EPSILON, unclampedInverse } from './logClamp';

/** c_i = −Σ_j y_ij ln a_j (meant for a softmax output); ∂c_i/∂a_j = −y_ij/a_j. */
export const crossEntropyCost = defineCost({
  name: 'cross-entropy',
  description: 'Compares a probability distribution (softmax output) with the target one; logs are taken at no less than 10⁻¹².',
  formulas: {
    definition: { tex: 'c_i = -\\sum_{j=1}^{n_L} y_{ij} \\ln a^{(L)}_j', text: 'cᵢ = −Σⱼ yᵢⱼ ln a⁽ᴸ⁾ⱼ' },
    derivative: { tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = -\\frac{y_{ij}}{a^{(L)}_j}', text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = −yᵢⱼ/a⁽ᴸ⁾ⱼ' },
  },
  needs: 'distribution',
  value(a, y, m, n, out) {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let q = i * n, end = q + n; q < end; q++) {
        const t = y[q];
        // 0 · ln a is 0 even when a is tiny: skip it rather than multiply by a clamped log.
        if (t !== 0) s -= t * Math.log(clampLow(a[q]));
      }
      out[i] = s;
    }
  },
  gradient(a, y, m, n, out) {
    for (let q = 0, end = m * n; q < end; q++) out[q] = -y[q] / clampLow(a[q]);
  },
  flatGradient(a, y, m, n, out) {
    for (let q = 0, end = m * n; q < end; q++) out[q] = y[q] === 0 ? 0 : -y[q] * unclampedInverse(a[q]);
  },
  derivative: (a, y) => -y / clampLow(a),
  termOf: (y, a) => ({ tex: `${y.tex} \\ln ${a.tex}`, text: `${y.text} ln ${a.text}` }),
  termValue: (y, a) => (y === 0 ? 0 : y * Math.log(Math.max(a, LOG_EPSILON))),
  wrap: (sum) => ({ tex: `-\\left[${sum.tex}\\right]`, text: `−[${sum.text}]` }),
  derivativeFor: (a, y) => ({ tex: `-\\frac{${y.tex}}{${a.tex}}`, text: `−${y.text}/${a.text}` }),
});
