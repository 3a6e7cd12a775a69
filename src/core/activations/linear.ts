import { defineActivation } from './entry';

/** σ(z) = z: no activation at all, for regression outputs. */
export const linearActivation = defineActivation({
  name: 'linear',
  elementwise: true,
  description: 'Leaves z unchanged, so a = z and the slope is always 1.',
  formulas: {
    definition: { tex: '\\sigma(z) = z', text: 'σ(z) = z' },
    derivative: { tex: "\\sigma'(z) = 1", text: 'σ′(z) = 1' },
  },
  range: { low: -Infinity, high: Infinity, text: 'any number', sumsToOne: false },
  initialisation: 'glorot',
  value: (z) => z,
  derivative: () => 1,
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      a[q] = z[q];
      dadz[q] = 1;
    }
  },
  // σ(s) is s itself, so the trace writes only σ(z).
  appliedTo: (s) => s,
  slopeFor: () => ({ tex: '1', text: '1', uses: 'none' }),
});
