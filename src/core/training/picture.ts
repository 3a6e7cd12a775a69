import { activation } from '../engine/activations';
import type { Network } from '../model/network';

/**
 * What the Training panel draws of a network at one step: for 2 inputs, a map of the plane
 * coloured by the class the network predicts and how sure it is; for 1 input and 1 output, the
 * curve it fits; for any other shape, nothing. The examples are drawn over it as points.
 *
 * The plane is the examples' range widened by a tenth on each side. A classifier with one output
 * predicts class 1 where a⁽ᴸ⁾₁ is above the middle of the targets' range ((min y + max y)/2: 0.5
 * for 0/1 targets), class 0 below; its confidence is the distance from that middle over half the
 * range, at most 1. With several outputs the class is the largest output, and the confidence how
 * far that output is above an even split, (max − 1/K)/(1 − 1/K) for K outputs, clamped to 0 … 1.
 * With more than MAX_POINTS examples, every k-th is drawn (k = ⌈m / MAX_POINTS⌉).
 */
/** The examples as points: inputs (1 or 2 numbers each) and the class or target to draw them by. */
export interface TrainingPoints {
  /** x of point i is x[i·n0 … i·n0 + n0 − 1], n0 = 1 or 2. */
  readonly x: readonly number[];
  /** The class (0-based) of a classifier's point, or the target y of a regression's. */
  readonly label: readonly number[];
  /** Whether point i is held out for validation. */
  readonly heldOut: readonly boolean[];
}

/** The network at one step, as a picture. */
export type TrainingPicture =
  | {
      readonly kind: 'map';
      /** The plane drawn: [min, max] of x₁ and of x₂ (the examples' range, widened a little). */
      readonly x1: readonly [number, number];
      readonly x2: readonly [number, number];
      /** `resolution` × `resolution` cells, row by row from the top (largest x₂): the predicted class (0-based) … */
      readonly resolution: number;
      readonly classes: readonly number[];
      /** … and how sure the network is of it, from 0 (a tie) to 1. */
      readonly confidence: readonly number[];
      readonly classCount: number;
      readonly points: TrainingPoints;
    }
  | {
      readonly kind: 'curve';
      /** The network's output a⁽ᴸ⁾₁ at evenly spaced x across the examples' range. */
      readonly x: readonly number[];
      readonly y: readonly number[];
      readonly points: TrainingPoints;
    };

export const MAP_RESOLUTION = 64;
export const CURVE_POINTS = 160;
/** The most examples drawn as points; past it every k-th example is drawn. */
export const MAX_POINTS = 2000;

export function pictureOf(network: Network, weights: readonly Float64Array[], biases: readonly Float64Array[], mapResolution = MAP_RESOLUTION): TrainingPicture | null {
  const n0 = network.layers[0].size;
  const nL = network.layers[network.layers.length - 1].size;
  const examples = network.examples;
  if (examples.length === 0 || n0 > 2 || n0 < 1 || (n0 === 1 && nL !== 1)) return null;
  const [low, high] = targetRange(network);
  const middle = (low + high) / 2;
  const held = new Set(network.validation ?? []);
  // At most MAX_POINTS points are drawn, every k-th example: a picture of 100,000 points would be
  // megabytes per scrub and a cloud no one can read.
  const stride = Math.ceil(examples.length / MAX_POINTS);
  const shown: number[] = [];
  for (let i = 0; i < examples.length; i += stride) shown.push(i);
  const points: TrainingPoints = {
    x: shown.flatMap((i) => Array.from(examples[i].x)),
    label: shown.map((i) => (n0 === 1 ? examples[i].y[0] : nL === 1 ? (examples[i].y[0] > middle ? 1 : 0) : argmax(examples[i].y))),
    heldOut: shown.map((i) => held.has(i)),
  };
  if (n0 === 1) {
    const [from, to] = widened(examples.map((example) => example.x[0]));
    const x = Array.from({ length: CURVE_POINTS }, (_, q) => from + ((to - from) * q) / (CURVE_POINTS - 1));
    const outputs = evaluate(network, weights, biases, Float64Array.from(x));
    return { kind: 'curve', x, y: Array.from(outputs), points };
  }
  const x1 = widened(examples.map((example) => example.x[0]));
  const x2 = widened(examples.map((example) => example.x[1]));
  const r = mapResolution;
  const grid = new Float64Array(2 * r * r);
  for (let row = 0; row < r; row++)
    for (let column = 0; column < r; column++) {
      const cell = row * r + column;
      grid[2 * cell] = x1[0] + ((x1[1] - x1[0]) * (column + 0.5)) / r;
      // Row 0 is the top of the picture: the largest x₂.
      grid[2 * cell + 1] = x2[1] - ((x2[1] - x2[0]) * (row + 0.5)) / r;
    }
  const outputs = evaluate(network, weights, biases, grid);
  const classes: number[] = [];
  const confidence: number[] = [];
  for (let cell = 0; cell < r * r; cell++) {
    const output = outputs.subarray(cell * nL, (cell + 1) * nL);
    if (nL === 1) {
      classes.push(output[0] > middle ? 1 : 0);
      confidence.push(clamp(Math.abs(output[0] - middle) / Math.max(1e-12, (high - low) / 2)));
    } else {
      const best = argmax(output);
      classes.push(best);
      confidence.push(clamp((output[best] - 1 / nL) / (1 - 1 / nL)));
    }
  }
  return { kind: 'map', x1, x2, resolution: r, classes, confidence, classCount: nL === 1 ? 2 : nL, points };
}

/** a⁽ᴸ⁾ for each row of `inputs` (n_0 numbers a row), row after row. */
function evaluate(network: Network, weights: readonly Float64Array[], biases: readonly Float64Array[], inputs: Float64Array): Float64Array {
  const sizes = network.layers.map((layer) => layer.size);
  const m = inputs.length / sizes[0];
  let a = inputs;
  for (let l = 1; l < sizes.length; l++) {
    const [n, previous] = [sizes[l], sizes[l - 1]];
    const z = new Float64Array(m * n);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let sum = biases[l][j];
        for (let k = 0; k < previous; k++) sum += weights[l][k * n + j] * a[i * previous + k];
        z[i * n + j] = sum;
      }
    const next = new Float64Array(m * n);
    activation(network.layers[l].activation!).apply(z, next, new Float64Array(m * n), m, n);
    a = next;
  }
  return a;
}

function targetRange(network: Network): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const example of network.examples)
    for (const y of example.y) {
      low = Math.min(low, y);
      high = Math.max(high, y);
    }
  return low < high ? [low, high] : [low - 0.5, low + 0.5];
}

/** [min, max] of the values, widened by a tenth of the span on each side (by 1 when they are all equal). */
function widened(values: readonly number[]): [number, number] {
  // A loop, not Math.min(...values): 100,000 arguments would overflow the stack.
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const pad = high > low ? (high - low) / 10 : 1;
  return [low - pad, high + pad];
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let j = 1; j < values.length; j++) if (values[j] > values[best]) best = j;
  return best;
}

function clamp(value: number): number {
  return Math.max(0, Math.min(1, value));
}
