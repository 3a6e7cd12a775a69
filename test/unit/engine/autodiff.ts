/**
 * An independent reference for the engine: a tiny scalar reverse-mode automatic
 * differentiation (in the style of micrograd). Each operation records its inputs and, beside
 * its value, the local derivative with respect to each input; `backward` walks the graph in
 * reverse topological order multiplying those local derivatives — the chain rule done one
 * scalar at a time, sharing no code with the batched engine.
 */
import type { ActivationName, CostName, Network } from '../../../src/core/model/network';

export class Value {
  grad = 0;
  constructor(
    readonly data: number,
    /** Inputs and ∂this/∂input for each. */
    readonly parents: readonly (readonly [Value, number])[] = [],
  ) {}

  add(o: Value | number): Value {
    const v = lift(o);
    return new Value(this.data + v.data, [[this, 1], [v, 1]]);
  }
  sub(o: Value | number): Value {
    const v = lift(o);
    return new Value(this.data - v.data, [[this, 1], [v, -1]]);
  }
  mul(o: Value | number): Value {
    const v = lift(o);
    return new Value(this.data * v.data, [[this, v.data], [v, this.data]]);
  }
  div(o: Value | number): Value {
    const v = lift(o);
    return new Value(this.data / v.data, [[this, 1 / v.data], [v, -this.data / (v.data * v.data)]]);
  }
  exp(): Value {
    const e = Math.exp(this.data);
    return new Value(e, [[this, e]]);
  }
  log(): Value {
    return new Value(Math.log(this.data), [[this, 1 / this.data]]);
  }
  tanh(): Value {
    const t = Math.tanh(this.data);
    return new Value(t, [[this, 1 - t * t]]);
  }
  relu(): Value {
    return new Value(this.data > 0 ? this.data : 0, [[this, this.data > 0 ? 1 : 0]]);
  }
  sigmoid(): Value {
    const s = 1 / (1 + Math.exp(-this.data));
    return new Value(s, [[this, s * (1 - s)]]);
  }

  backward(): void {
    const order: Value[] = [];
    const seen = new Set<Value>();
    const visit = (v: Value) => {
      if (seen.has(v)) return;
      seen.add(v);
      for (const [p] of v.parents) visit(p);
      order.push(v);
    };
    visit(this);
    this.grad = 1;
    for (let q = order.length - 1; q >= 0; q--) for (const [p, local] of order[q].parents) p.grad += local * order[q].grad;
  }
}

function lift(v: Value | number): Value {
  return typeof v === 'number' ? new Value(v) : v;
}

function sum(values: readonly Value[]): Value {
  return values.reduce((acc, v) => acc.add(v), new Value(0));
}

function activate(name: ActivationName, z: readonly Value[]): Value[] {
  switch (name) {
    case 'sigmoid':
      return z.map((v) => v.sigmoid());
    case 'tanh':
      return z.map((v) => v.tanh());
    case 'relu':
      return z.map((v) => v.relu());
    case 'linear':
      return z.map((v) => v);
    case 'softmax': {
      const e = z.map((v) => v.exp());
      const total = sum(e);
      return e.map((v) => v.div(total));
    }
    // The four below are built from the primitive operations only, so their derivatives come from
    // the chain rule over those, never from the registry's hand-written σ′.
    case 'leaky-relu':
      return z.map((v) => (v.data > 0 ? v : v.mul(0.01)));
    case 'softplus':
      return z.map((v) => v.exp().add(1).log());
    case 'elu':
      return z.map((v) => (v.data > 0 ? v : v.exp().sub(1)));
    case 'gelu': {
      // ½ z (1 + tanh(√(2/π)(z + 0.044715 z³))), the tanh approximation.
      const c = Math.sqrt(2 / Math.PI);
      return z.map((v) => v.mul(0.5).mul(v.add(v.mul(v).mul(v).mul(0.044715)).mul(c).tanh().add(1)));
    }
  }
}

function costOf(name: CostName, a: readonly Value[], y: Float64Array): Value {
  const n = a.length;
  switch (name) {
    case 'squared':
      return sum(a.map((v, j) => v.sub(y[j]).mul(v.sub(y[j]))));
    case 'half-squared':
      return sum(a.map((v, j) => v.sub(y[j]).mul(v.sub(y[j])))).mul(0.5);
    case 'mean-squared':
      return sum(a.map((v, j) => v.sub(y[j]).mul(v.sub(y[j])))).mul(1 / n);
    case 'binary-cross-entropy':
      return sum(a.map((v, j) => v.log().mul(y[j]).add(new Value(1).sub(v).log().mul(1 - y[j])))).mul(-1);
    case 'cross-entropy':
      return sum(a.map((v, j) => v.log().mul(y[j]))).mul(-1);
  }
}

/** c_i and its gradient for one example (0-based), laid out like the network's parameters. */
export function referenceGradient(network: Network, example: number): { cost: number; w: Float64Array[]; b: Float64Array[] } {
  const params = network.layers.map((layer) => ({
    w: Array.from(layer.weights, (v) => new Value(v)),
    b: Array.from(layer.biases, (v) => new Value(v)),
  }));
  let a = Array.from(network.examples[example].x, (v) => new Value(v));
  for (let l = 1; l < network.layers.length; l++) {
    const n = network.layers[l].size;
    const z = Array.from({ length: n }, (_, j) => sum(a.map((ak, k) => params[l].w[k * n + j].mul(ak))).add(params[l].b[j]));
    a = activate(network.layers[l].activation!, z);
  }
  const c = costOf(network.cost, a, network.examples[example].y);
  c.backward();
  return {
    cost: c.data,
    w: params.map((p) => Float64Array.from(p.w, (v) => v.grad)),
    b: params.map((p) => Float64Array.from(p.b, (v) => v.grad)),
  };
}
