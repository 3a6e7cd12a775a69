import type { Phase, StepAddress, StepGroup, StepKind, Trace, TraceStep } from '../../../src/core/trace/types';

/**
 * A trace with the contract's order of steps (see src/core/trace/types.ts) for layer sizes
 * n_0 … n_L, without any numbers: enough to test code that moves through traces.
 */
export function fakeTrace(sizes: readonly number[], example = 0): Trace {
  const addresses: StepAddress[] = [];
  const groups: StepGroup[] = [];
  const L = sizes.length - 1;
  const group = (phase: Phase, layer: number, add: () => void) => {
    const start = addresses.length;
    add();
    groups.push({ start, end: addresses.length, phase, layer });
  };
  const push = (kind: StepKind, layer: number, j = 0, k = 0) => addresses.push({ kind, layer, j, k });
  for (let l = 1; l <= L; l++)
    group('forward', l, () => {
      for (let j = 1; j <= sizes[l]; j++) push('z', l, j), push('a', l, j);
    });
  group('cost', L, () => push('cost', L));
  for (let l = L; l >= 1; l--)
    group('backward', l, () => {
      for (let j = 1; j <= sizes[l]; j++) push('dcda', l, j), push('dadz', l, j), push('delta', l, j);
      for (let k = 1; k <= sizes[l - 1]; k++) for (let j = 1; j <= sizes[l]; j++) push('dw', l, j, k);
      for (let j = 1; j <= sizes[l]; j++) push('db', l, j);
    });
  for (let l = 1; l <= L; l++)
    group('update', l, () => {
      for (let k = 1; k <= sizes[l - 1]; k++) for (let j = 1; j <= sizes[l]; j++) push('w-new', l, j, k);
      for (let j = 1; j <= sizes[l]; j++) push('b-new', l, j);
    });
  const key = (a: StepAddress) => `${a.kind}/${a.layer}/${a.j}/${a.k}`;
  const index = new Map(addresses.map((a, i) => [key(a), i]));
  return {
    example,
    weightOrder: 'from-to',
    length: addresses.length,
    groups,
    indexOf: (address) => index.get(key(address)) ?? -1,
    addressOf: (i) => addresses[i],
    groupOf: (i) => {
      const found = groups.find((g) => i >= g.start && i < g.end);
      if (!found) throw new RangeError(`no step ${i}`);
      return found;
    },
    step: (i): TraceStep => {
      const phase = groups.find((g) => i >= g.start && i < g.end)!.phase;
      return {
        index: i, phase, address: addresses[i], symbolTex: '', symbolText: key(addresses[i]), formulaTex: '', formulaText: '',
        substitutedTex: '', substitutedText: '', markedFormulaTex: '', markedSubstitutedTex: '', factors: [], value: i, source: null,
      };
    },
  };
}
