import type { Phase, StepAddress, StepGroup, StepKind } from './types';

/**
 * The trace's index arithmetic: which step sits at which position, computed from the layer
 * sizes alone, so a trace of a network with a hundred thousand weights is a few numbers until a
 * step is asked for. The order is the one documented in types.ts:
 *   forward ℓ = 1 … L:   z^(ℓ)_1, a^(ℓ)_1, z^(ℓ)_2, a^(ℓ)_2, …          (2·n_ℓ steps)
 *   cost:                c_i                                              (1 step)
 *   backward ℓ = L … 1:  ∂c_i/∂a^(ℓ)_j, σ′(z^(ℓ)_j), δ^(ℓ)_j for each j  (3·n_ℓ)
 *                        ∂c_i/∂w^(ℓ)_kj, k outer, j inner                 (n_(ℓ−1)·n_ℓ)
 *                        ∂c_i/∂b^(ℓ)_j                                    (n_ℓ)
 *   update ℓ = 1 … L:    new w^(ℓ)_kj (k outer), then new b^(ℓ)_j          (n_(ℓ−1)·n_ℓ + n_ℓ)
 * One group per phase and layer; the cost is a group of its own (layer L).
 */
export class TraceLayout {
  readonly groups: readonly StepGroup[];
  readonly length: number;
  private readonly sizes: readonly number[];
  /** Group start by phase and layer. */
  private readonly forwardStart: number[] = [];
  private readonly backwardStart: number[] = [];
  private readonly updateStart: number[] = [];
  private readonly costIndex: number;

  constructor(sizes: readonly number[]) {
    this.sizes = sizes;
    const L = sizes.length - 1;
    const groups: StepGroup[] = [];
    let at = 0;
    const push = (phase: Phase, layer: number, count: number) => {
      groups.push({ start: at, end: at + count, phase, layer });
      at += count;
    };
    for (let l = 1; l <= L; l++) {
      this.forwardStart[l] = at;
      push('forward', l, 2 * sizes[l]);
    }
    this.costIndex = at;
    push('cost', L, 1);
    for (let l = L; l >= 1; l--) {
      this.backwardStart[l] = at;
      push('backward', l, 3 * sizes[l] + sizes[l - 1] * sizes[l] + sizes[l]);
    }
    for (let l = 1; l <= L; l++) {
      this.updateStart[l] = at;
      push('update', l, sizes[l - 1] * sizes[l] + sizes[l]);
    }
    this.groups = groups;
    this.length = at;
  }

  /** Binary search over the (few) groups. */
  groupIndexOf(index: number): number {
    if (!(index >= 0 && index < this.length)) throw new RangeError(`step ${index} is outside 0 … ${this.length - 1}`);
    let lo = 0;
    let hi = this.groups.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.groups[mid].start <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The address of the step at `index` (j, k 1-based; 0 where unused). */
  addressOf(index: number): { phase: Phase; address: StepAddress } {
    const group = this.groups[this.groupIndexOf(index)];
    const l = group.layer;
    const n = this.sizes[l];
    const p = this.sizes[l - 1];
    const o = index - group.start;
    const at = (kind: StepKind, j: number, k = 0): { phase: Phase; address: StepAddress } => ({
      phase: group.phase,
      address: { kind, layer: l, j, k },
    });
    switch (group.phase) {
      case 'forward':
        return at(o % 2 === 0 ? 'z' : 'a', (o >> 1) + 1);
      case 'cost':
        return at('cost', 0);
      case 'backward': {
        if (o < 3 * n) return at((['dcda', 'dadz', 'delta'] as const)[o % 3], Math.floor(o / 3) + 1);
        const q = o - 3 * n;
        if (q < p * n) return at('dw', (q % n) + 1, Math.floor(q / n) + 1);
        return at('db', q - p * n + 1);
      }
      case 'update': {
        if (o < p * n) return at('w-new', (o % n) + 1, Math.floor(o / n) + 1);
        return at('b-new', o - p * n + 1);
      }
    }
  }

  /** The index of the step computing `address`, or −1 when there is none. */
  indexOf(address: StepAddress): number {
    const { kind, layer: l, j, k } = address;
    const L = this.sizes.length - 1;
    if (kind === 'cost') return l === L || l === 0 ? this.costIndex : -1;
    if (!(l >= 1 && l <= L)) return -1;
    const n = this.sizes[l];
    const p = this.sizes[l - 1];
    if (!(Number.isInteger(j) && j >= 1 && j <= n)) return -1;
    const hasK = kind === 'dw' || kind === 'w-new';
    if (hasK && !(Number.isInteger(k) && k >= 1 && k <= p)) return -1;
    switch (kind) {
      case 'z':
        return this.forwardStart[l] + 2 * (j - 1);
      case 'a':
        return this.forwardStart[l] + 2 * (j - 1) + 1;
      case 'dcda':
        return this.backwardStart[l] + 3 * (j - 1);
      case 'dadz':
        return this.backwardStart[l] + 3 * (j - 1) + 1;
      case 'delta':
        return this.backwardStart[l] + 3 * (j - 1) + 2;
      case 'dw':
        return this.backwardStart[l] + 3 * n + (k - 1) * n + (j - 1);
      case 'db':
        return this.backwardStart[l] + 3 * n + p * n + (j - 1);
      case 'w-new':
        return this.updateStart[l] + (k - 1) * n + (j - 1);
      case 'b-new':
        return this.updateStart[l] + p * n + (j - 1);
      default:
        return -1;
    }
  }
}
