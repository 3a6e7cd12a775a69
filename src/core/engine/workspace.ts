import type { Network } from '../model/network';
import { activation, type Activation } from './activations';
import { cost, type Cost } from './costs';

/**
 * Every buffer one batched forward and backward pass writes, allocated once per network so
 * that repeated gradients (the benchmark, gradient checking, a panel re-running on each edit of
 * a number) allocate nothing. Arrays are batch-major (example i, neuron j at i·n_ℓ + j) and
 * indexed by layer like EngineResult; index 0 of z, dadz, dcda, delta, gw, gb is empty.
 */
export class Workspace {
  /** n_0 … n_L */
  readonly sizes: readonly number[];
  /** m */
  readonly m: number;
  readonly activations: readonly (Activation | null)[];
  readonly cost: Cost;
  readonly z: Float64Array[] = [];
  /** a[0] holds the inputs x_i, packed once from the examples. */
  readonly a: Float64Array[] = [];
  readonly dadz: Float64Array[] = [];
  readonly dcda: Float64Array[] = [];
  readonly delta: Float64Array[] = [];
  /** The targets y_i, packed batch-major (m × n_L). */
  readonly y: Float64Array;
  /** c_i */
  readonly costs: Float64Array;
  /** Mean gradients, laid out like Layer.weights / Layer.biases. */
  readonly gw: Float64Array[] = [];
  readonly gb: Float64Array[] = [];
  /** Scratch: (w^(ℓ))ᵀ for the forward product. */
  readonly wT: Float64Array[] = [];
  /** Scratch: (a^(ℓ−1))ᵀ and δ^(ℓ)ᵀ/m for ∂c/∂w^(ℓ); sized for the widest layer. */
  readonly aT: Float64Array;
  readonly dT: Float64Array;
  /** The network's own parameter arrays (by reference), so a pass needs no per-call lists. */
  readonly weights: readonly Float64Array[];
  readonly biases: readonly Float64Array[];

  constructor(network: Network) {
    const layers = network.layers;
    const m = network.examples.length;
    const L = layers.length - 1;
    this.m = m;
    this.sizes = layers.map((layer) => layer.size);
    this.weights = layers.map((layer) => layer.weights);
    this.biases = layers.map((layer) => layer.biases);
    this.activations = layers.map((layer) => (layer.activation === null ? null : activation(layer.activation)));
    this.cost = cost(network.cost);
    // Every buffer is a view into one allocation: dozens of separate typed arrays, each with its
    // own backing store, cost more to create than a whole gradient of a small network.
    let total = 0;
    let widest = 0;
    for (let l = 0; l <= L; l++) {
      const n = this.sizes[l];
      widest = Math.max(widest, n);
      total += m * n;
      if (l > 0) total += 4 * m * n + 2 * this.sizes[l - 1] * n + n;
    }
    total += 2 * widest * m + m * this.sizes[L] + m;
    const arena = new Float64Array(total);
    let offset = 0;
    const take = (length: number): Float64Array => {
      const view = new Float64Array(arena.buffer, offset * 8, length);
      offset += length;
      return view;
    };
    const empty = new Float64Array(0);
    for (let l = 0; l <= L; l++) {
      const n = this.sizes[l];
      this.a.push(take(m * n));
      if (l === 0) {
        for (const list of [this.z, this.dadz, this.dcda, this.delta, this.gw, this.gb, this.wT]) list.push(empty);
        continue;
      }
      this.z.push(take(m * n));
      this.dadz.push(take(m * n));
      this.dcda.push(take(m * n));
      this.delta.push(take(m * n));
      this.gw.push(take(this.sizes[l - 1] * n));
      this.gb.push(take(n));
      this.wT.push(take(this.sizes[l - 1] * n));
    }
    this.aT = take(widest * m);
    this.dT = take(widest * m);
    const nL = this.sizes[L];
    this.y = take(m * nL);
    this.costs = take(m);
    const n0 = this.sizes[0];
    // Plain loops: subarray() costs more than copying a handful of numbers.
    const x = this.a[0];
    const y = this.y;
    for (let i = 0; i < m; i++) {
      const example = network.examples[i];
      for (let k = 0; k < n0; k++) x[i * n0 + k] = example.x[k];
      for (let j = 0; j < nL; j++) y[i * nL + j] = example.y[j];
    }
  }
}

const cache = new WeakMap<Network, Workspace>();

/**
 * The workspace kept for this network object. Networks are immutable values (a new parse gives
 * a new object), so the examples packed into it stay right; weights are read afresh each pass.
 */
export function workspaceFor(network: Network): Workspace {
  let workspace = cache.get(network);
  if (workspace === undefined) {
    workspace = new Workspace(network);
    cache.set(network, workspace);
  }
  return workspace;
}
