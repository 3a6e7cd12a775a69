import { defineActivation } from './entry';

/** σ(z) = max(0, z), the rectifier. */
export const reluActivation = defineActivation({
  name: 'relu',
  elementwise: true,
  description: 'Passes positive z through and blocks the rest; at z = 0 this tool takes the slope as 0.',
  formulas: {
    definition: { tex: '\\sigma(z) = \\max(0, z)', text: 'σ(z) = max(0, z)' },
    derivative: {
      tex: "\\sigma'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z \\le 0 \\end{cases}",
      text: 'σ′(z) = 1 if z > 0, else 0',
    },
  },
  range: { low: 0, high: Infinity, text: '0 or more', sumsToOne: false },
  initialisation: 'he',
  value: (z) => (z > 0 ? z : 0),
  // relu′(z) = 1 for z > 0 and 0 otherwise; at z = 0 exactly we take 0 (either one-sided value is a valid choice).
  derivative: (z) => (z > 0 ? 1 : 0),
  apply(z, a, dadz, m, n) {
    const count = m * n;
    for (let q = 0; q < count; q++) {
      const v = z[q];
      if (v > 0) {
        a[q] = v;
        dadz[q] = 1;
      } else {
        // NaN falls here too; a copies it so the failure report sees where it came from.
        a[q] = v === v ? 0 : v;
        dadz[q] = 0;
      }
    }
  },
  // The same bits from the WebAssembly kernel (engine/wasm/reluKernel.ts).
  kernel: 'relu',
  appliedTo: (s) => ({ tex: `\\max(0, ${s.tex})`, text: `max(0, ${s.text})` }),
  // The Iverson bracket [z > 0] is 1 when z > 0 and 0 otherwise.
  slopeFor: (_a, z) => ({ tex: `[${z.tex} > 0]`, text: `[${z.text} > 0]`, uses: 'z' }),
});
