import { defineActivation } from './entry';
import { parenthesised } from './writing';

/** The slope of leaky-relu below zero. */
export const LEAKY_SLOPE = 0.01;

/** σ(z) = z for z > 0 and 0.01·z otherwise: relu with a small slope left for negative z. */
export const leakyReluActivation = defineActivation({
  name: 'leaky-relu',
  elementwise: true,
  description: 'Like relu, but keeps a small slope of 0.01 for negative z, so a neuron whose z stays below 0 can still learn.',
  formulas: {
    definition: {
      tex: '\\sigma(z) = \\begin{cases} z & z > 0 \\\\ 0.01\\,z & z \\le 0 \\end{cases}',
      text: 'σ(z) = z if z > 0, else 0.01·z',
    },
    derivative: {
      tex: "\\sigma'(z) = \\begin{cases} 1 & z > 0 \\\\ 0.01 & z \\le 0 \\end{cases}",
      text: 'σ′(z) = 1 if z > 0, else 0.01',
    },
  },
  range: { low: -Infinity, high: Infinity, text: 'any number', sumsToOne: false },
  initialisation: 'he',
  value: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
  // At z = 0 exactly the slope is taken from the left, 0.01, as relu takes its left-hand 0 there.
  derivative: (z) => (z > 0 ? 1 : LEAKY_SLOPE),
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const v = z[q];
      if (v > 0) {
        a[q] = v;
        dadz[q] = 1;
      } else {
        // NaN falls here too and stays NaN in a, so the failure report sees where it came from.
        a[q] = LEAKY_SLOPE * v;
        dadz[q] = LEAKY_SLOPE;
      }
    }
  },
  appliedTo: (s) => ({ tex: `\\max(0.01 \\cdot ${s.tex}, ${s.tex})`, text: `max(0.01 · ${s.text}, ${s.text})` }),
  // Iverson brackets: [z > 0] is 1 when z > 0 and 0 otherwise. A sum, so parenthesised: the trace
  // multiplies it by ∂cᵢ/∂a.
  slopeFor: (_a, z) => ({ ...parenthesised({ tex: `[${z.tex} > 0] + 0.01\\,[${z.tex} \\le 0]`, text: `[${z.text} > 0] + 0.01·[${z.text} ≤ 0]` }), uses: 'z' }),
});
