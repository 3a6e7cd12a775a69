import { activationEntry, type ActivationName } from '../activations/registry';
import type { InitialisationRule } from '../activations/entry';

/**
 * Initial values for a layer whose spec leaves out `w` or `b`.
 *
 * The scheme, exactly (so that every machine computes the same bits):
 *
 * 1. One stream of pseudo-random numbers is seeded with the spec's `seed` (1 when absent), an
 *    integer from 0 to 4294967295. The generator is mulberry32: a 32-bit state s; each draw
 *    adds 0x6D2B79F5 to s (mod 2^32) and mixes it with integer multiplications (Math.imul),
 *    xors and shifts into a 32-bit integer u; the draw is r = u / 2^32, in [0, 1). Only integer
 *    arithmetic and one exact division are involved, so the draws are bit-identical everywhere.
 * 2. The layers ℓ = 1 … L are visited in order, and each owns the next n_(ℓ−1)·n_ℓ draws of the
 *    stream. A layer that leaves out `w` turns its draws into its weights, row by row:
 *    w^(ℓ)_11, w^(ℓ)_12, …, w^(ℓ)_1n_ℓ, w^(ℓ)_21, … (row k = neuron k of layer ℓ − 1), each as
 *    w = (2r − 1)·B, uniform in [−B, +B). A layer that gives its `w` skips its draws unused. So
 *    a layer's seeded weights depend only on the seed and the sizes of the layers up to it:
 *    writing out (or deleting) one layer's `w` never changes another layer's.
 * 3. The bound B follows the rule the layer's activation names in the registry
 *    (src/core/activations, `initialisation`):
 *    - `he`: He uniform, B = √(6 / n_(ℓ−1)), for the rectifiers (relu and its relatives);
 *    - `glorot`: Glorot (Xavier) uniform, B = √(6 / (n_(ℓ−1) + n_ℓ)), for the others.
 * 4. A layer that leaves out `b` gets b^(ℓ)_j = 0 for every j; biases never draw.
 *
 * The weights are computed in IEEE-754 double arithmetic, whose ×, / and √ are correctly
 * rounded, so they too are the same bits on every machine; tests pin them for fixed seeds.
 */

export const DEFAULT_SEED = 1;
/** Seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;

/** mulberry32's increment: each draw adds it to the 32-bit state. */
const INCREMENT = 0x6d2b79f5;

/** mulberry32: returns a function that yields the next draw r in [0, 1). */
export function mulberry32(seed: number): () => number {
  const stream = seededStream(seed);
  return () => stream.next();
}

/**
 * mulberry32 as an object that can also skip draws. Its state only ever grows by INCREMENT, so
 * skipping `count` draws is one addition of count·INCREMENT (mod 2³²), whatever the count.
 */
export function seededStream(seed: number): { next(): number; skip(count: number): void } {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + INCREMENT) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    skip(count) {
      // count·INCREMENT mod 2³², exact for any count below 2⁵³ (the low 32 bits of each part).
      const low = count % 4294967296;
      state = (state + Math.imul(low >>> 0, INCREMENT)) | 0;
    },
  };
}

/** B, the half-width of the uniform range the weights of a layer are drawn from. */
export function initialisationBound(activation: ActivationName, previousSize: number, size: number): number {
  return ruleBound(activationEntry(activation).initialisation, previousSize, size);
}

/** B for one rule; exhaustive, so a new rule cannot fall back on another without the compiler noticing. */
function ruleBound(rule: InitialisationRule, previousSize: number, size: number): number {
  switch (rule) {
    case 'he':
      return Math.sqrt(6 / previousSize);
    case 'glorot':
      return Math.sqrt(6 / (previousSize + size));
  }
}

/** What the spec gives for one layer ℓ ≥ 1; null marks a part left out. */
export interface LayerPlan {
  readonly size: number;
  readonly activation: ActivationName;
  readonly weights: Float64Array | null;
  readonly biases: Float64Array | null;
}

export interface InitialisedLayer {
  readonly weights: Float64Array;
  readonly biases: Float64Array;
}

/**
 * Fills in what `plans` leave out, following the scheme above. `inputSize` is n_0 and
 * plans[0] describes layer 1. Given arrays are returned as they are, not copied.
 */
export function initialiseLayers(inputSize: number, plans: readonly LayerPlan[], seed: number = DEFAULT_SEED): InitialisedLayer[] {
  const stream = seededStream(seed);
  const result: InitialisedLayer[] = [];
  let previousSize = inputSize;
  for (const plan of plans) {
    let weights = plan.weights;
    if (weights === null) {
      weights = new Float64Array(previousSize * plan.size);
      const bound = initialisationBound(plan.activation, previousSize, plan.size);
      for (let i = 0; i < weights.length; i++) weights[i] = (2 * stream.next() - 1) * bound;
    } else {
      stream.skip(previousSize * plan.size);
    }
    result.push({ weights, biases: plan.biases ?? new Float64Array(plan.size) });
    previousSize = plan.size;
  }
  return result;
}
