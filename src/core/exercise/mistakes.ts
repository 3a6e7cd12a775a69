import { activationEntry } from '../activations/registry';
import { costEntry } from '../costs/registry';
import * as sym from '../notation/symbols';
import type { WeightOrder } from '../notation/symbols';
import { slopeSymbol } from '../trace/backwardSteps';
import type { StepAddress } from '../trace/types';
import { evaluate, type Quantities } from './quantities';

/**
 * The catalogue of the mistakes exercise mode names. For the step being asked it works out the
 * value each mistake would give — the step's own formula (quantities.ts `evaluate`) on numbers
 * with one of them replaced by the wrong one — so that a wrong answer equal to one of them can be
 * named rather than just marked wrong:
 *
 * - `sigma-prime-omitted`: σ′(z) left out of δ = ∂cᵢ/∂a · σ′(z), of ∂cᵢ/∂w and ∂cᵢ/∂b (∂cᵢ/∂a
 *   used where δ belongs), and of the backward sum Σᵣ δᵣ w (∂cᵢ/∂a of the next layer used);
 * - `sign-flipped`: (y − a) where the squared costs' derivative has (a − y);
 * - `factor-two-dropped` / `factor-two-added`: the 2 the square brings down, relative to how the
 *   cost registry defines the spec's cost — dropped for `squared` and `mean-squared` (whose
 *   derivative has it), added for `half-squared` (whose ½ cancels it);
 * - `weight-indices-swapped`: w⁽ℓ⁾ₖⱼ read as w⁽ℓ⁾ⱼₖ, in z's sum, in the backward sum, or in
 *   ∂cᵢ/∂w⁽ℓ⁾ₖⱼ = δ⁽ℓ⁾ⱼ a⁽ℓ⁻¹⁾ₖ (taken as δ⁽ℓ⁾ₖ a⁽ℓ⁻¹⁾ⱼ);
 * - `wrong-layer-activation`: the activations of another layer than ℓ − 1 in z or in
 *   ∂cᵢ/∂w⁽ℓ⁾ₖⱼ (a⁽ℓ⁻²⁾ or a⁽ℓ⁾ where ∂z/∂w = a⁽ℓ⁻¹⁾ₖ).
 *
 * A mistake whose wrong number does not exist (a swapped index past the layer's size) has no
 * value and is left out. Pure: the caller compares the learner's answer with these (judge.ts).
 */
export const MISTAKE_IDS = [
  'sigma-prime-omitted',
  'sign-flipped',
  'factor-two-dropped',
  'factor-two-added',
  'weight-indices-swapped',
  'wrong-layer-activation',
] as const;
export type MistakeId = (typeof MISTAKE_IDS)[number];

export interface MistakeCandidate {
  readonly id: MistakeId;
  /** The value the step takes when the mistake is made. */
  readonly value: number;
  /** What the mistake is and what the step takes instead, in the article's notation. */
  readonly explanation: string;
}

/**
 * How a squared-error cost cᵢ = s Σⱼ (yᵢⱼ − aⱼ)² is defined, read off the cost registry's own
 * functions (its term is (y − a)², its derivative 2s(a − y)): whether its derivative keeps the 2
 * the square brings down, which it does unless s is ½ whatever the number of outputs (the ½ of
 * half-squared cancels it; mean-squared's 1/n does not, even with two outputs). Null for a cost
 * that is not a squared error.
 */
export function squaredError(q: Pick<Quantities, 'network'>): { readonly keepsTwo: boolean } | null {
  const cost = costEntry(q.network.cost);
  const n = q.network.layers[q.network.layers.length - 1].size;
  const scales: number[] = [];
  for (const [a, y, outputs] of [[0.8, 0.3, n], [-2, 1.5, n], [0.8, 0.3, n + 1]] as const) {
    if (Math.abs(cost.termValue(y, a) - (y - a) ** 2) > 1e-12) return null;
    scales.push(cost.derivative(a, y, outputs) / (2 * (a - y)));
  }
  if (Math.abs(scales[0] - scales[1]) > 1e-12 * Math.abs(scales[0])) return null;
  return { keepsTwo: !scales.every((s) => s === 0.5) };
}

/** Every mistake the catalogue knows for the step `address`, with its value from `q`. */
export function mistakesFor(address: StepAddress, q: Quantities, order: WeightOrder): MistakeCandidate[] {
  const { kind, layer: l, j, k } = address;
  const L = q.network.layers.length - 1;
  const out: MistakeCandidate[] = [];
  const add = (id: MistakeId, value: number, explanation: string) => {
    if (Number.isFinite(value)) out.push({ id, value, explanation });
  };
  const right = evaluate(address, q);
  const elementwise = (layer: number) => activationEntry(q.network.layers[layer].activation!).elementwise;
  const w = (layer: number, from: number | string, to: number | string) => sym.w(layer, from, to, order).text;
  const a = (layer: number, index: number | string) => sym.a(layer, index).text;

  // σ′ left out.
  if (kind === 'delta') {
    const slope = slopeSymbol(q.network.layers[l].activation!, l, j).text;
    add('sigma-prime-omitted', q.dcda(l, j), `${slope} left out: ${sym.delta(l, j).text} is ${sym.dcda(l, j).text} multiplied by ${slope}, not ${sym.dcda(l, j).text} alone.`);
  }
  if ((kind === 'dw' || kind === 'db') && elementwise(l)) {
    const value = evaluate(address, { ...q, delta: (layer, r) => (layer === l ? q.dcda(layer, r) : q.delta(layer, r)) });
    add('sigma-prime-omitted', value, `${sym.sigmaPrime(l, j).text} left out: the chain rule goes through a⁽${l}⁾ and z⁽${l}⁾, so use ${sym.delta(l, j).text} = ${sym.dcda(l, j).text} · ${sym.sigmaPrime(l, j).text}, not ${sym.dcda(l, j).text}.`);
  }
  if (kind === 'dcda' && l < L) {
    const value = evaluate(address, { ...q, delta: (layer, r) => (layer === l + 1 ? q.dcda(layer, r) : q.delta(layer, r)) });
    add('sigma-prime-omitted', value, `σ′ left out of the sum: each term takes ${sym.delta(l + 1, 'r').text} = ${sym.dcda(l + 1, 'r').text} · σ′(${sym.z(l + 1, 'r').text}), not ${sym.dcda(l + 1, 'r').text}.`);
  }

  // The sign of (a − y) and the factor 2 of the squared costs, at the output layer.
  const squared = squaredError(q);
  if (squared !== null && l === L && (kind === 'dcda' || kind === 'delta')) {
    const [aL, y] = [a(L, j), sym.y(j).text];
    const derivative = costEntry(q.network.cost).formulas.derivative.text;
    add('sign-flipped', -right, `Sign flipped: you used (${y} − ${aL}); differentiating (${y} − ${aL})² with respect to ${aL} gives a factor (${aL} − ${y}).`);
    if (!squared.keepsTwo) {
      add('factor-two-added', 2 * right, `Factor 2 added: the ½ of the ${q.network.cost} cost cancels the 2 that differentiating the square brings down, so ${derivative}.`);
    } else {
      add('factor-two-dropped', right / 2, `Factor 2 dropped: differentiating the square brings down a 2, and the ${q.network.cost} cost keeps it: ${derivative}.`);
    }
  }

  // w⁽ℓ⁾ₖⱼ read as w⁽ℓ⁾ⱼₖ.
  if (kind === 'z' || (kind === 'dcda' && l < L)) {
    const layer = kind === 'z' ? l : l + 1;
    const value = evaluate(address, { ...q, w: (at, from, to) => (at === layer ? q.w(at, to, from) : q.w(at, from, to)) });
    const [rightW, swappedW] = kind === 'z' ? [w(l, 'k', j), w(l, j, 'k')] : [w(l + 1, j, 'r'), w(l + 1, 'r', j)];
    add('weight-indices-swapped', value, `Weight indices swapped: you read ${rightW} as ${swappedW}. ${rightW} is the weight from neuron ${kind === 'z' ? 'k' : j} of layer ${layer - 1} to neuron ${kind === 'z' ? j : 'r'} of layer ${layer}.`);
  }
  if (kind === 'dw' && k !== j) {
    const value = evaluate({ kind: 'dw', layer: l, j: k, k: j }, q);
    add('weight-indices-swapped', value, `Weight indices swapped: you computed ${sym.delta(l, k).text} · ${a(l - 1, j)}, the gradient of ${w(l, j, k)}; for ${w(l, k, j)} it is ${sym.delta(l, j).text} · ${a(l - 1, k)}.`);
  }

  // The activations of the wrong layer.
  const shifted = (from: number) => ({ ...q, a: (at: number, t: number) => (at === l - 1 ? q.a(from, t) : q.a(at, t)) });
  if (kind === 'z' && l >= 2) {
    add('wrong-layer-activation', evaluate(address, shifted(l - 2)), `Wrong layer's activations: ${sym.z(l, j).text} weighs the activations of layer ${l - 1}, ${a(l - 1, 'k')}; you used ${a(l - 2, 'k')}.`);
  }
  if (kind === 'dw') {
    for (const from of [l - 2, l]) {
      if (from < 0) continue;
      add('wrong-layer-activation', evaluate(address, shifted(from)), `Wrong layer's activation: ${sym.dzdw(l, k, j, order).text} is ${a(l - 1, k)}, the activation that ${w(l, k, j)} multiplies; you used ${a(from, k)}.`);
    }
  }
  return out;
}
