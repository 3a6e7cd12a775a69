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
    const empty = new Float64Array(0);
    let widest = 0;
    for (let l = 0; l <= L; l++) {
      const n = this.sizes[l];
      if (n > widest) widest = n;
      const perExample = () => new Float64Array(m * n);
      this.a.push(perExample());
      if (l === 0) {
        this.z.push(empty);
        this.dadz.push(empty);
        this.dcda.push(empty);
        this.delta.push(empty);
        this.gw.push(empty);
        this.gb.push(empty);
        this.wT.push(empty);
        continue;
      }
      this.z.push(perExample());
      this.dadz.push(perExample());
      this.dcda.push(perExample());
      this.delta.push(perExample());
      this.gw.push(new Float64Array(this.sizes[l - 1] * n));
      this.gb.push(new Float64Array(n));
      this.wT.push(new Float64Array(this.sizes[l - 1] * n));
    }
    this.aT = new Float64Array(widest * m);
    this.dT = new Float64Array(widest * m);
    const nL = this.sizes[L];
    this.y = new Float64Array(m * nL);
    this.costs = new Float64Array(m);
    const n0 = this.sizes[0];
    network.examples.forEach((example, i) => {
      this.a[0].set(example.x.subarray(0, n0), i * n0);
      this.y.set(example.y.subarray(0, nL), i * nL);
    });
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
