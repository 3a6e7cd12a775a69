import type { ActivationName, CostName } from '../model/network';
import type { Notation } from './symbols';

/**
 * The formula of each activation and cost, in TeX and text: the general definitions hovers of
 * an activation or cost name show, and the same formulas written for one neuron, which the
 * trace uses to say where a number comes from (e.g. σ′(z⁽²⁾₁) = a⁽²⁾₁(1 − a⁽²⁾₁)).
 */
export interface FormulaPair {
  /** Definition, e.g. σ(z) = 1/(1 + e^(−z)). */
  readonly definition: Notation;
  /** Derivative, e.g. σ′(z) = σ(z)(1 − σ(z)). */
  readonly derivative: Notation;
  /** One sentence, in plain words, on what the function does or why its derivative looks so. */
  readonly note: string;
}

export const ACTIVATION_FORMULAS: Record<ActivationName, FormulaPair> = {
  sigmoid: {
    definition: { tex: '\\sigma(z) = \\frac{1}{1 + e^{-z}}', text: 'σ(z) = 1/(1 + e⁻ᶻ)' },
    derivative: { tex: "\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))", text: 'σ′(z) = σ(z)(1 − σ(z))' },
    note: 'Squashes any z into (0, 1); its slope is largest at z = 0 and fades towards 0 as |z| grows.',
  },
  tanh: {
    definition: { tex: '\\sigma(z) = \\tanh z = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}', text: 'σ(z) = tanh z = (eᶻ − e⁻ᶻ)/(eᶻ + e⁻ᶻ)' },
    derivative: { tex: "\\sigma'(z) = 1 - \\tanh^2 z", text: 'σ′(z) = 1 − tanh² z' },
    note: 'Squashes z into (−1, 1), centred on 0; its slope is 1 at z = 0.',
  },
  relu: {
    definition: { tex: '\\sigma(z) = \\max(0, z)', text: 'σ(z) = max(0, z)' },
    derivative: {
      tex: "\\sigma'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}",
      text: 'σ′(z) = 1 if z > 0, else 0',
    },
    note: 'Passes positive z through and blocks the rest; at z = 0 this tool takes the slope as 0.',
  },
  linear: {
    definition: { tex: '\\sigma(z) = z', text: 'σ(z) = z' },
    derivative: { tex: "\\sigma'(z) = 1", text: 'σ′(z) = 1' },
    note: 'Leaves z unchanged, so a = z and the slope is always 1.',
  },
  softmax: {
    definition: { tex: '\\sigma(z)_j = \\frac{e^{z_j}}{\\sum_{r} e^{z_r}}', text: 'σ(z)ⱼ = eᶻʲ / Σᵣ eᶻʳ' },
    derivative: {
      tex: '\\frac{\\partial a_r}{\\partial z_j} = a_r\\,(\\delta_{rj} - a_j)',
      text: '∂aᵣ/∂zⱼ = aᵣ(δᵣⱼ − aⱼ)   (δᵣⱼ = 1 when r = j, else 0)',
    },
    note: 'Turns the whole layer into positive numbers that add up to 1, so every a_r depends on every z_j.',
  },
};

export const COST_FORMULAS: Record<CostName, FormulaPair> = {
  squared: {
    definition: { tex: 'c_i = \\sum_{j=1}^{n_L} (y_{ij} - a^{(L)}_j)^2', text: 'cᵢ = Σⱼ (yᵢⱼ − a⁽ᴸ⁾ⱼ)²' },
    derivative: { tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = 2\\,(a^{(L)}_j - y_{ij})', text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = 2(a⁽ᴸ⁾ⱼ − yᵢⱼ)' },
    note: 'The sum of squared differences between output and target, as in the article.',
  },
  'half-squared': {
    definition: { tex: 'c_i = \\tfrac{1}{2} \\sum_{j=1}^{n_L} (y_{ij} - a^{(L)}_j)^2', text: 'cᵢ = ½ Σⱼ (yᵢⱼ − a⁽ᴸ⁾ⱼ)²' },
    derivative: { tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = a^{(L)}_j - y_{ij}', text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = a⁽ᴸ⁾ⱼ − yᵢⱼ' },
    note: 'Half the squared cost: the ½ cancels the 2 that differentiating the square brings down.',
  },
  'mean-squared': {
    definition: { tex: 'c_i = \\frac{1}{n_L} \\sum_{j=1}^{n_L} (y_{ij} - a^{(L)}_j)^2', text: 'cᵢ = (1/n_L) Σⱼ (yᵢⱼ − a⁽ᴸ⁾ⱼ)²' },
    derivative: {
      tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = \\frac{2}{n_L}\\,(a^{(L)}_j - y_{ij})',
      text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = (2/n_L)(a⁽ᴸ⁾ⱼ − yᵢⱼ)',
    },
    note: 'The squared differences averaged over the output neurons.',
  },
  'binary-cross-entropy': {
    definition: {
      tex: 'c_i = -\\sum_{j=1}^{n_L} \\left[ y_{ij} \\ln a^{(L)}_j + (1 - y_{ij}) \\ln (1 - a^{(L)}_j) \\right]',
      text: 'cᵢ = −Σⱼ [yᵢⱼ ln a⁽ᴸ⁾ⱼ + (1 − yᵢⱼ) ln(1 − a⁽ᴸ⁾ⱼ)]',
    },
    derivative: {
      tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = -\\frac{y_{ij}}{a^{(L)}_j} + \\frac{1 - y_{ij}}{1 - a^{(L)}_j}',
      text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = −yᵢⱼ/a⁽ᴸ⁾ⱼ + (1 − yᵢⱼ)/(1 − a⁽ᴸ⁾ⱼ)',
    },
    note: 'Treats each output as the probability of a yes/no answer; logs are taken at no less than 10⁻¹² so the cost stays finite.',
  },
  'cross-entropy': {
    definition: { tex: 'c_i = -\\sum_{j=1}^{n_L} y_{ij} \\ln a^{(L)}_j', text: 'cᵢ = −Σⱼ yᵢⱼ ln a⁽ᴸ⁾ⱼ' },
    derivative: { tex: '\\frac{\\partial c_i}{\\partial a^{(L)}_j} = -\\frac{y_{ij}}{a^{(L)}_j}', text: '∂cᵢ/∂a⁽ᴸ⁾ⱼ = −yᵢⱼ/a⁽ᴸ⁾ⱼ' },
    note: 'Compares a probability distribution (softmax output) with the target one; logs are taken at no less than 10⁻¹².',
  },
};

/**
 * σ′ of one neuron written in the symbols it needs: for sigmoid a(1 − a), for tanh 1 − a²,
 * for relu a case on z, for linear 1; softmax's diagonal entry a_j(1 − a_j).
 * `uses` says which quantity the formula reads, so the trace can list it as a factor.
 */
export function activationDerivativeFor(name: ActivationName, a: Notation, z: Notation): Notation & { uses: 'a' | 'z' | 'none' } {
  switch (name) {
    case 'sigmoid':
    case 'softmax':
      return { tex: `${a.tex}\\,(1 - ${a.tex})`, text: `${a.text}(1 − ${a.text})`, uses: 'a' };
    case 'tanh':
      return { tex: `1 - \\left(${a.tex}\\right)^2`, text: `1 − (${a.text})²`, uses: 'a' };
    case 'relu':
      return { tex: `[${z.tex} > 0]`, text: `[${z.text} > 0]`, uses: 'z' };
    case 'linear':
      return { tex: '1', text: '1', uses: 'none' };
  }
}

/** ∂c_i/∂a^(L)_j written for one neuron, e.g. (a⁽²⁾₁ − yᵢ₁) for half-squared. */
export function costDerivativeFor(name: CostName, a: Notation, y: Notation, outputSize: number): Notation {
  switch (name) {
    case 'squared':
      return { tex: `2\\,(${a.tex} - ${y.tex})`, text: `2(${a.text} − ${y.text})` };
    case 'half-squared':
      return { tex: `(${a.tex} - ${y.tex})`, text: `(${a.text} − ${y.text})` };
    case 'mean-squared':
      return { tex: `\\frac{2}{${outputSize}}\\,(${a.tex} - ${y.tex})`, text: `(2/${outputSize})(${a.text} − ${y.text})` };
    case 'binary-cross-entropy':
      return {
        tex: `-\\frac{${y.tex}}{${a.tex}} + \\frac{1 - ${y.tex}}{1 - ${a.tex}}`,
        text: `−${y.text}/${a.text} + (1 − ${y.text})/(1 − ${a.text})`,
      };
    case 'cross-entropy':
      return { tex: `-\\frac{${y.tex}}{${a.tex}}`, text: `−${y.text}/${a.text}` };
  }
}
