import { activationEntry } from '../activations/registry';
import { costEntry } from '../costs/registry';
import type { Network } from '../model/network';
import type { StepSnapshot } from '../stepping/snapshot';
import type { StepAddress } from '../trace/types';
import { shown } from './answer';

/**
 * The numbers a step of backpropagation is worked out from, read through one small interface so
 * that the same formulas (`evaluate`) give the right value, the value from the factors as the
 * panel shows them (`roundedQuantities`), and the value a mistake would give (a reader with one
 * number swapped for the wrong one: mistakes.ts). Indices are 1-based as in the notation; a
 * number that does not exist (an index past its layer) reads as NaN, so a mistake that needs it
 * simply has no value.
 */
export interface Quantities {
  readonly network: Network;
  z(l: number, j: number): number;
  /** a⁽⁰⁾ₖ is the input xᵢₖ. */
  a(l: number, j: number): number;
  dcda(l: number, j: number): number;
  dadz(l: number, j: number): number;
  delta(l: number, j: number): number;
  w(l: number, k: number, j: number): number;
  b(l: number, j: number): number;
  y(j: number): number;
  /** ∂c/∂w⁽ℓ⁾ₖⱼ and ∂c/∂b⁽ℓ⁾ⱼ, the means over the training examples that the update uses. */
  meanDw(l: number, k: number, j: number): number;
  meanDb(l: number, j: number): number;
}

function at(row: ArrayLike<number> | undefined, index: number): number {
  return row !== undefined && index >= 0 && index < row.length ? row[index] : NaN;
}

/** The stepped example's numbers, read from the stepping snapshot (src/core/stepping/snapshot.ts). */
export function quantitiesOf(snapshot: StepSnapshot): Quantities {
  const { values, engine } = snapshot;
  const network = engine.network;
  const size = (l: number) => network.layers[l]?.size ?? 0;
  const weightIndex = (l: number, k: number, j: number) => (k >= 1 && k <= size(l - 1) && j >= 1 && j <= size(l) ? (k - 1) * size(l) + j - 1 : -1);
  return {
    network,
    z: (l, j) => at(values.z[l], j - 1),
    a: (l, j) => at(values.a[l], j - 1),
    dcda: (l, j) => at(values.dcda[l], j - 1),
    dadz: (l, j) => at(values.dadz[l], j - 1),
    delta: (l, j) => at(values.delta[l], j - 1),
    w: (l, k, j) => at(network.layers[l]?.weights, weightIndex(l, k, j)),
    b: (l, j) => at(network.layers[l]?.biases, j - 1),
    y: (j) => at(network.examples[snapshot.example]?.y, j - 1),
    meanDw: (l, k, j) => at(engine.gradient.w[l], weightIndex(l, k, j)),
    meanDb: (l, j) => at(engine.gradient.b[l], j - 1),
  };
}

/** Every number rounded to `digits` significant digits: what the learner reads off the panel. */
export function roundedQuantities(q: Quantities, digits: number): Quantities {
  const r = (f: (...args: number[]) => number) => (...args: number[]) => shown(f(...args), digits);
  return {
    network: q.network,
    z: r(q.z),
    a: r(q.a),
    dcda: r(q.dcda),
    dadz: r(q.dadz),
    delta: r(q.delta),
    w: r(q.w),
    b: r(q.b),
    y: r(q.y),
    meanDw: r(q.meanDw),
    meanDb: r(q.meanDb),
  };
}

/**
 * The value of the step `address` worked out from `q`, by the formula the trace writes for it
 * (src/core/trace/*Steps.ts), with the activation and cost taken from their registries.
 */
export function evaluate(address: StepAddress, q: Quantities): number {
  const { kind, layer: l, j, k } = address;
  const layers = q.network.layers;
  const L = layers.length - 1;
  const n = layers[l]?.size ?? 0;
  const row = (read: (l: number, j: number) => number, layer: number) => Float64Array.from({ length: layers[layer].size }, (_, t) => read(layer, t + 1));
  switch (kind) {
    case 'z': {
      let sum = q.b(l, j);
      for (let t = 1; t <= layers[l - 1].size; t++) sum += q.w(l, t, j) * q.a(l - 1, t);
      return sum;
    }
    case 'a': {
      const entry = activationEntry(layers[l].activation!);
      if (entry.elementwise) return entry.value(q.z(l, j));
      const [a, slope] = [new Float64Array(n), new Float64Array(n)];
      entry.apply(row(q.z, l), a, slope, 1, n);
      return a[j - 1];
    }
    case 'cost': {
      const out = new Float64Array(1);
      costEntry(q.network.cost).value(row(q.a, L), Float64Array.from({ length: layers[L].size }, (_, t) => q.y(t + 1)), 1, layers[L].size, out);
      return out[0];
    }
    case 'dcda': {
      if (l === L) return costEntry(q.network.cost).derivative(q.a(l, j), q.y(j), n);
      let sum = 0;
      for (let r = 1; r <= layers[l + 1].size; r++) sum += q.delta(l + 1, r) * q.w(l + 1, j, r);
      return sum;
    }
    case 'dadz': {
      const entry = activationEntry(layers[l].activation!);
      return entry.elementwise ? entry.derivative(q.z(l, j), q.a(l, j)) : entry.jacobian(row(q.a, l), j - 1, j - 1);
    }
    case 'delta': {
      const entry = activationEntry(layers[l].activation!);
      if (entry.elementwise) return q.dcda(l, j) * q.dadz(l, j);
      const a = row(q.a, l);
      let sum = 0;
      for (let r = 1; r <= n; r++) sum += q.dcda(l, r) * entry.jacobian(a, r - 1, j - 1);
      return sum;
    }
    case 'dw':
      return q.delta(l, j) * q.a(l - 1, k);
    case 'db':
      return q.delta(l, j);
    case 'w-new':
      return q.w(l, k, j) - q.network.learningRate * q.meanDw(l, k, j);
    case 'b-new':
      return q.b(l, j) - q.network.learningRate * q.meanDb(l, j);
  }
}
