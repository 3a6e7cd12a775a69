import type { Notation } from '../notation/symbols';
import { defineCost, type CostEntry } from './entry';

/**
 * The three squared-error costs differ only by the factor s in front of the same sum,
 * c_i = s Σ_j (y_ij − a_j)², so ∂c_i/∂a_j = 2s(a_j − y_ij):
 *   squared       s = 1      the article's cost; ∂c_i/∂a_j = 2(a_j − y_ij)
 *   half-squared  s = ½      the ½ cancels the 2: ∂c_i/∂a_j = a_j − y_ij
 *   mean-squared  s = 1/n_L  ∂c_i/∂a_j = (2/n_L)(a_j − y_ij)
 * Each factor is a power of two or 1/n_L, so `squared` is exactly twice `half-squared`.
 */
interface SquaredParts<N extends string> {
  readonly name: N;
  readonly factor: (n: number) => number;
  readonly description: string;
  readonly formulas: CostEntry['formulas'];
  readonly wrap: CostEntry['wrap'];
  readonly derivativeFor: CostEntry['derivativeFor'];
}

function squaredError<const N extends string>(parts: SquaredParts<N>): CostEntry<N> {
  const { factor } = parts;
  return defineCost({
    name: parts.name,
    description: parts.description,
    formulas: parts.formulas,
    needs: 'unrestricted',
    value(a, y, m, n, out) {
      const s = factor(n);
      for (let i = 0; i < m; i++) {
        let sum = 0;
        for (let q = i * n, end = q + n; q < end; q++) {
          const d = y[q] - a[q];
          sum += d * d;
        }
        out[i] = s * sum;
      }
    },
    gradient(a, y, m, n, out) {
      const scale = 2 * factor(n);
      for (let q = 0, end = m * n; q < end; q++) out[q] = scale * (a[q] - y[q]);
    },
    derivative: (a, y, n) => 2 * factor(n) * (a - y),
    termOf: (y: Notation, a: Notation) => ({ tex: `(${y.tex} - ${a.tex})^2`, text: `(${y.text} − ${a.text})²` }),
    termValue: (y, a) => (y - a) * (y - a),
    wrap: parts.wrap,
    derivativeFor: parts.derivativeFor,
  });
}

export const squaredCost = squaredError({
  name: 'squared',
  factor: () => 1,
  description: 'The sum of squared differences between output and target, as in the article.',
  formulas: {
    definition: { tex: 'c_i = \\sum_{j=1}^{n_L} (y_{ij} - a^{(L)}_j)^2', text: 'cᵢ = Σⱼ (yᵢⱼ − a⁽ᴸ⁾ⱼ)²' },
    derivative: { tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = 2\\,(a^{(L)}_j - y_{ij})', text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = 2(a⁽ᴸ⁾ⱼ − yᵢⱼ)' },
  },
  wrap: (sum) => sum,
  derivativeFor: (a, y) => ({ tex: `2\\,(${a.tex} - ${y.tex})`, text: `2(${a.text} − ${y.text})` }),
});

export const halfSquaredCost = squaredError({
  name: 'half-squared',
  factor: () => 0.5,
  description: 'Half the squared cost: the ½ cancels the 2 that differentiating the square brings down.',
  formulas: {
    definition: { tex: 'c_i = \\tfrac{1}{2} \\sum_{j=1}^{n_L} (y_{ij} - a^{(L)}_j)^2', text: 'cᵢ = ½ Σⱼ (yᵢⱼ − a⁽ᴸ⁾ⱼ)²' },
    derivative: { tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = a^{(L)}_j - y_{ij}', text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = a⁽ᴸ⁾ⱼ − yᵢⱼ' },
  },
  wrap: (sum) => ({ tex: `\\tfrac{1}{2}\\left[${sum.tex}\\right]`, text: `½[${sum.text}]` }),
  derivativeFor: (a, y) => ({ tex: `(${a.tex} - ${y.tex})`, text: `(${a.text} − ${y.text})` }),
});

export const meanSquaredCost = squaredError({
  name: 'mean-squared',
  factor: (n) => 1 / n,
  description: 'The squared differences averaged over the output neurons.',
  formulas: {
    definition: { tex: 'c_i = \\frac{1}{n_L} \\sum_{j=1}^{n_L} (y_{ij} - a^{(L)}_j)^2', text: 'cᵢ = (1/n_L) Σⱼ (yᵢⱼ − a⁽ᴸ⁾ⱼ)²' },
    derivative: {
      tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = \\frac{2}{n_L}\\,(a^{(L)}_j - y_{ij})',
      text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = (2/n_L)(a⁽ᴸ⁾ⱼ − yᵢⱼ)',
    },
  },
  wrap: (sum, outputs) => ({ tex: `\\tfrac{1}{${outputs}}\\left[${sum.tex}\\right]`, text: `(1/${outputs})[${sum.text}]` }),
  derivativeFor: (a, y, outputs) => ({ tex: `\\frac{2}{${outputs}}\\,(${a.tex} - ${y.tex})`, text: `(2/${outputs})(${a.text} − ${y.text})` }),
});
