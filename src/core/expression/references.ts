import { exampleWeightGradient } from '../engine/perExample';
import type { Network } from '../model/network';
import type { Index, WeightOrder } from '../notation/symbols';
import type { StepSnapshot } from '../stepping/snapshot';
import type { StepAddress } from '../trace/types';
import type { ExpressionError, ReferenceNode } from './ast';
import { notationOf } from './describe';
import { quantityInfo, type QuantityInfo, type QuantityName } from './names';
import { matrix, vector, type Value } from './values';

/**
 * A reference checked against the network: its layer resolved (L → the output layer) and in
 * range, its indices in range and turned into the network's own (k, j) — k a neuron of layer
 * ℓ − 1, j of layer ℓ — whatever order the weight convention wrote them in.
 */
export interface ResolvedReference {
  readonly node: ReferenceNode;
  readonly info: QuantityInfo;
  /** The layer, or 0 for quantities without one (x, y, cᵢ, c, η). */
  readonly layer: number;
  /** One entry's k (weights only, else 0) and j; null for a whole vector or matrix, or a number. */
  readonly entry: { readonly k: number; readonly j: number } | null;
  /** The order weights' indices are written in. */
  readonly weightOrder: WeightOrder;
}

const rangeText = (letter: string, low: number, high: number) => (low === high ? `${letter} = ${low}` : `${letter} = ${low} … ${high}`);

/** Checks a reference's layer and indices against the network; a message points at the one out of range. */
export function resolveReference(
  node: ReferenceNode,
  network: Network,
  weightOrder: WeightOrder,
): { readonly resolved: ResolvedReference } | { readonly error: ExpressionError } {
  const info = quantityInfo(node.quantity);
  const L = network.layers.length - 1;
  let layer = 0;
  if (info.layered) {
    const spec = node.layer!;
    layer = spec.value === 'L' ? L : spec.value;
    const general = notationOf(info.name, 'ℓ', null);
    if (layer < info.minLayer || layer > L) {
      const message =
        layer === 0
          ? `layer 0 is the inputs, which have no ${notationOf(info.name, null, null)}: ${general} exists for ${rangeText('ℓ', info.minLayer, L)}`
          : `the network has no layer ${layer}: ${general} exists for ${rangeText('ℓ', info.minLayer, L)}`;
      return { error: { message, start: spec.start, end: spec.end } };
    }
  }
  if (node.indices === null) return { resolved: { node, info, layer, entry: null, weightOrder } };
  // The letters in displayed order, and how many neurons each runs over.
  const sizeOf = { k: layer > 0 ? network.layers[layer - 1].size : 0, j: sizeOfJ(info, layer, network) };
  const letters: ('k' | 'j')[] = info.indices === 1 ? ['j'] : weightOrder === 'to-from' ? ['j', 'k'] : ['k', 'j'];
  const found = { k: 0, j: 0 };
  for (let q = 0; q < letters.length; q++) {
    const index = node.indices[q];
    const letter = letters[q];
    if (index.value > sizeOf[letter]) {
      const general = notationOf(info.name, info.layered ? layer : null, letters);
      const whose = info.layered ? ` (the neurons of layer ${letter === 'k' ? layer - 1 : layer})` : '';
      const message = `index ${index.value} is out of range: in ${general}, ${rangeText(letter, 1, sizeOf[letter])}${whose}`;
      return { error: { message, start: index.start, end: index.end } };
    }
    found[letter] = index.value;
  }
  return { resolved: { node, info, layer, entry: found, weightOrder } };
}

function sizeOfJ(info: QuantityInfo, layer: number, network: Network): number {
  if (info.name === 'x') return network.layers[0].size;
  if (info.name === 'y') return network.layers[network.layers.length - 1].size;
  return network.layers[layer].size;
}

/** The notation name of one entry, its indices in the order the weight convention writes them. */
export function entryName(r: ResolvedReference, k: number, j: number): string {
  const indices: Index[] = r.info.indices === 2 ? (r.weightOrder === 'to-from' ? [j, k] : [k, j]) : [j];
  return notationOf(r.info.name, r.info.layered ? r.layer : null, indices);
}

/** The name of the reference as a whole: δ⁽²⁾, w⁽¹⁾, or the entry it names. */
export function referenceName(r: ResolvedReference): string {
  return r.entry === null ? notationOf(r.info.name, r.info.layered ? r.layer : null, null) : entryName(r, r.entry.k, r.entry.j);
}

/**
 * Why the reference cannot be read yet at the snapshot's position, or null when it can. A
 * per-example quantity is known once the stepping has reached its step; the mean gradient
 * ∂c/∂w once this example's ∂cᵢ/∂w of the same weight is reached (the panel shows both from
 * there); c once cᵢ is. A whole vector or matrix needs every entry, and the message names the
 * first one still missing.
 */
export function notYetComputed(r: ResolvedReference, snapshot: StepSnapshot): string | null {
  const kind = r.info.step;
  if (kind === null || (r.info.name === 'a' && r.layer === 0)) return null;
  const L = snapshot.engine.network.layers.length - 1;
  const n = kind === 'cost' ? 1 : snapshot.engine.network.layers[r.layer].size;
  const addressAt = (q: number): StepAddress =>
    kind === 'cost'
      ? { kind, layer: L, j: 0, k: 0 }
      : kind === 'dw'
        ? { kind, layer: r.layer, j: (q % n) + 1, k: Math.floor(q / n) + 1 }
        : { kind, layer: r.layer, j: q + 1, k: 0 };
  const reachedAt = (q: number) => {
    const a = addressAt(q);
    return snapshot.reached(a.kind, a.layer, a.j, a.k);
  };
  let missing: number;
  if (r.entry !== null || kind === 'cost') {
    missing = r.entry === null ? 0 : kind === 'dw' ? (r.entry.k - 1) * n + (r.entry.j - 1) : r.entry.j - 1;
    if (reachedAt(missing)) return null;
  } else {
    // Steps of one kind and layer come in entry order, so the reached ones are a prefix.
    const count = kind === 'dw' ? snapshot.engine.network.layers[r.layer - 1].size * n : n;
    if (reachedAt(count - 1)) return null;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (reachedAt(middle)) low = middle + 1;
      else high = middle;
    }
    missing = low;
  }
  const address = addressAt(missing);
  const step = snapshot.trace.indexOf(address) + 1;
  const now = snapshot.step < 0 ? 'the stepping has not started' : `this is step ${snapshot.step + 1}`;
  const name = referenceName(r);
  const nameOf = (info: QuantityInfo) => (kind === 'cost' ? info.unicode : entryName({ ...r, info }, address.k, address.j));
  const missingName = nameOf(r.info);
  const whole = missingName !== name;
  const source = MEAN_OF[r.info.name];
  let reason: string;
  if (source !== undefined) {
    const from = nameOf(quantityInfo(source));
    reason = whole ? `${missingName} is not, until this example’s ${from} at step ${step}` : `it is known from this example’s ${from} on, at step ${step}`;
  } else reason = whole ? `${missingName} comes at step ${step}` : `it comes at step ${step}`;
  return `${name} is not computed yet at this step: ${reason} (${now})`;
}

/** The per-example quantity whose step makes a mean over the examples known. */
const MEAN_OF: Partial<Record<QuantityName, QuantityName>> = { dcdw: 'dcidw', dcdb: 'dcidb', c: 'ci' };

/** The number or array a resolved reference names, read from the snapshot (check `notYetComputed` first). */
export function readReference(r: ResolvedReference, snapshot: StepSnapshot): Value {
  const engine = snapshot.engine;
  const network = engine.network;
  const values = snapshot.values;
  const l = r.layer;
  const example = network.examples[snapshot.example];
  const name = r.info.name;
  if (name === 'ci') return engine.costs[snapshot.example];
  if (name === 'c') return engine.cost;
  if (name === 'eta') return network.learningRate;
  const n = name === 'x' || name === 'y' ? 0 : network.layers[l].size;
  if (r.entry !== null) {
    const { k, j } = r.entry;
    switch (name) {
      case 'w':
        return network.layers[l].weights[(k - 1) * n + (j - 1)];
      case 'b':
        return network.layers[l].biases[j - 1];
      case 'dcdw':
        return engine.gradient.w[l][(k - 1) * n + (j - 1)];
      case 'dcdb':
        return engine.gradient.b[l][j - 1];
      case 'x':
        return example.x[j - 1];
      case 'y':
        return example.y[j - 1];
      case 'a':
        if (l === 0) return values.a[0][j - 1];
        break;
    }
    // The per-example quantities, through the one place that reads them.
    return snapshot.value({ kind: r.info.step!, layer: l, j, k });
  }
  const label = referenceName(r);
  const p = l > 0 ? network.layers[l - 1].size : 0;
  const named = (data: Float64Array) => vector(data, label, (j) => entryName(r, 0, j));
  switch (name) {
    case 'x':
      return named(Float64Array.from(example.x));
    case 'y':
      return named(Float64Array.from(example.y));
    case 'b':
      return named(Float64Array.from(network.layers[l].biases));
    case 'dcdb':
      return named(Float64Array.from(engine.gradient.b[l]));
    case 'z':
      return named(Float64Array.from(values.z[l]));
    case 'a':
      return named(Float64Array.from(values.a[l]));
    case 'dcda':
      return named(Float64Array.from(values.dcda[l]));
    case 'dadz':
      return named(Float64Array.from(values.dadz[l]));
    case 'delta':
    case 'dcidb':
      return named(Float64Array.from(values.delta[l]));
    case 'w':
      return weightMatrix(r, Float64Array.from(network.layers[l].weights), p, n, label);
    case 'dcdw':
      return weightMatrix(r, Float64Array.from(engine.gradient.w[l]), p, n, label);
    default:
      return weightMatrix(r, exampleWeightGradient(values, l), p, n, label);
  }
}

/**
 * A matrix laid out like Layer.weights (row k, column j) as the weight convention displays it:
 * as it is for 'from-to', transposed (row j, column k) for 'to-from', so entry (r, c) of the
 * matrix is always what `w(ℓ)[r,c]` names.
 */
function weightMatrix(r: ResolvedReference, data: Float64Array, p: number, n: number, label: string): Value {
  const name = (row: number, col: number) => notationOf(r.info.name, r.layer, [row, col]);
  if (r.weightOrder === 'from-to') return matrix(data, p, n, label, name);
  const transposed = new Float64Array(data.length);
  for (let k = 0; k < p; k++) for (let j = 0; j < n; j++) transposed[j * p + k] = data[k * n + j];
  return matrix(transposed, n, p, label, name);
}
