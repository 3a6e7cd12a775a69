/**
 * Generated data sets: `data NAME COUNT [noise N] [seed S]`.
 *
 * Every set is drawn from one mulberry32 stream (model/initialise.ts) seeded with S, so the
 * same line gives the same examples, to the bit, on every machine running V8 (gaussian.ts says
 * why the sines, cosines and logarithms agree too). Examples are made in order i = 1 … COUNT,
 * each taking its draws in the order written below, then two Gaussian draws g₁, g₂ (gaussian.ts,
 * two uniform draws each) for its noise — always, even with `noise 0`, so that changing N moves
 * each point along the same noise direction and never changes the other points.
 *
 * Two-class sets (2 inputs): example i has class c = (i − 1) mod 2 — the classes alternate, so
 * class 0 has ⌈COUNT/2⌉ examples and class 1 has ⌊COUNT/2⌋. With one output the target is
 * y = c (for a sigmoid output and binary cross-entropy); with two outputs it is one-hot,
 * y = (1, 0) for class 0 and (0, 1) for class 1 (for softmax). N is the standard deviation of
 * Gaussian noise added to each input: x_k += N·g_k. With r a uniform draw in [0, 1):
 *
 * - xor: s = +1 if r < ½ else −1; a = 0.05 + 0.95r; b = 0.05 + 0.95r; x = (s·a, s·b) for class 0
 *   (both inputs of one sign) and (s·a, −s·b) for class 1 (opposite signs, where XOR is true).
 *   Before noise 0.05 ≤ |x_k| < 1: the four quadrant squares, kept off the axes.
 * - circles: ρ = 0.5r for class 0 (a disc) or 0.7 + 0.3r for class 1 (a ring); θ = 2πr;
 *   x = (ρ cos θ, ρ sin θ). Before noise |x| < 0.5 in class 0 and 0.7 ≤ |x| < 1 in class 1.
 * - moons: t = πr; x = (cos t, sin t) for class 0 (the upper moon) and (1 − cos t, 0.5 − sin t)
 *   for class 1 (the lower one), as scikit-learn's make_moons but at random angles. Before
 *   noise x_1 ∈ [−1, 2] and x_2 ∈ [−0.5, 1].
 * - spiral: u = r; ρ = u; θ = 3.5π·u + c·π; x = (ρ cos θ, ρ sin θ): two arms, each turning
 *   1¾ times from the centre, the second the first turned by half a turn. Before noise |x| < 1.
 * - gaussians: x = m_c + 0.5·(g, g), two more Gaussian draws of the stream, with centres
 *   m_0 = (−1, −1) and m_1 = (1, 1): two round blobs of standard deviation 0.5 (√(0.25 + N²)
 *   with noise).
 *
 * sine (1 input, 1 output): x = π(2r − 1), uniform in [−π, π); y = sin x + N·g₁. Here N is the
 * standard deviation of the noise on the target; the input has none (g₂ is drawn and unused).
 */
import { nearestName } from '../parser/suggest';
import { MAX_SEED, mulberry32 } from '../model/initialise';
import { thousands } from '../notation/count';
import type { DataExample } from './example';
import { gaussian } from './gaussian';
import type { DataProblem } from './problem';

export const GENERATOR_NAMES = ['xor', 'circles', 'moons', 'spiral', 'gaussians', 'sine'] as const;
export type GeneratorName = (typeof GENERATOR_NAMES)[number];

/** The most examples one `data NAME COUNT` line may generate. */
export const MAX_GENERATED_COUNT = 100_000;

export interface GeneratorInfo {
  /** n_0 the set needs. */
  readonly inputs: number;
  /** The values of n_L it can fill. */
  readonly outputs: readonly number[];
  /** Class c's name is classes[c] (for one output, target y = c; for two, output c + 1 is class c). Null for sine. */
  readonly classes: readonly string[] | null;
}

export const GENERATORS: Readonly<Record<GeneratorName, GeneratorInfo>> = {
  xor: { inputs: 2, outputs: [1, 2], classes: ['same signs', 'opposite signs'] },
  circles: { inputs: 2, outputs: [1, 2], classes: ['inner disc', 'outer ring'] },
  moons: { inputs: 2, outputs: [1, 2], classes: ['upper moon', 'lower moon'] },
  spiral: { inputs: 2, outputs: [1, 2], classes: ['first arm', 'second arm'] },
  gaussians: { inputs: 2, outputs: [1, 2], classes: ['blob at (−1, −1)', 'blob at (1, 1)'] },
  sine: { inputs: 1, outputs: [1], classes: null },
};

export function isGeneratorName(word: string): word is GeneratorName {
  return (GENERATOR_NAMES as readonly string[]).includes(word);
}

export interface GeneratorRequest {
  /** The NAME word as written; an unknown one is a problem. */
  readonly name: string;
  readonly count: number;
  /** N ≥ 0; 0 when the line has no `noise`. */
  readonly noise?: number;
  /** S, an unsigned 32-bit integer: the line's `seed`, or the caller's default (the spec's seed). */
  readonly seed: number;
  /** The network's n_0 and n_L, which the set must fit. */
  readonly inputs: number;
  readonly outputs: number;
}

export interface GeneratedData {
  /** Empty when there is any problem. */
  readonly examples: DataExample[];
  readonly classes: readonly string[] | null;
  readonly problems: DataProblem[];
}

/** The examples `request` describes, or the problems that stop it (all of them, in one go). */
export function generateData(request: GeneratorRequest): GeneratedData {
  const problems = requestProblems(request);
  if (problems.length > 0 || !isGeneratorName(request.name)) return { examples: [], classes: null, problems };
  const name = request.name;
  const noise = request.noise ?? 0;
  const next = mulberry32(request.seed);
  const examples: DataExample[] = [];
  for (let i = 1; i <= request.count; i++) {
    const c = (i - 1) % 2;
    if (name === 'sine') {
      const x = Math.PI * (2 * next() - 1);
      const g1 = gaussian(next);
      gaussian(next);
      examples.push({ x: Float64Array.of(x), y: Float64Array.of(Math.sin(x) + noise * g1) });
      continue;
    }
    const point = POINTS[name](next, c);
    point[0] += noise * gaussian(next);
    point[1] += noise * gaussian(next);
    const y = request.outputs === 1 ? Float64Array.of(c) : Float64Array.of(c === 0 ? 1 : 0, c === 0 ? 0 : 1);
    examples.push({ x: point, y });
  }
  return { examples, classes: GENERATORS[name].classes, problems: [] };
}

type PointMaker = (next: () => number, c: number) => Float64Array;

/** Each two-class set's point for class c, before noise; the draws in the order documented above. */
const POINTS: Readonly<Record<Exclude<GeneratorName, 'sine'>, PointMaker>> = {
  xor: (next, c) => {
    const s = next() < 0.5 ? 1 : -1;
    const a = 0.05 + 0.95 * next();
    const b = 0.05 + 0.95 * next();
    return Float64Array.of(s * a, (c === 0 ? s : -s) * b);
  },
  circles: (next, c) => {
    const rho = c === 0 ? 0.5 * next() : 0.7 + 0.3 * next();
    const theta = 2 * Math.PI * next();
    return Float64Array.of(rho * Math.cos(theta), rho * Math.sin(theta));
  },
  moons: (next, c) => {
    const t = Math.PI * next();
    return c === 0 ? Float64Array.of(Math.cos(t), Math.sin(t)) : Float64Array.of(1 - Math.cos(t), 0.5 - Math.sin(t));
  },
  spiral: (next, c) => {
    const u = next();
    const theta = 3.5 * Math.PI * u + c * Math.PI;
    return Float64Array.of(u * Math.cos(theta), u * Math.sin(theta));
  },
  gaussians: (next, c) => {
    const centre = c === 0 ? -1 : 1;
    const g1 = gaussian(next);
    const g2 = gaussian(next);
    return Float64Array.of(centre + 0.5 * g1, centre + 0.5 * g2);
  },
};

/** Every problem with the request: the name, COUNT, noise, seed and the network's shape. */
function requestProblems(request: GeneratorRequest): DataProblem[] {
  const problems: DataProblem[] = [];
  const { name, count, seed } = request;
  const noise = request.noise ?? 0;
  if (!isGeneratorName(name)) {
    const suggestion = nearestName(name, GENERATOR_NAMES);
    problems.push({
      code: 'data-unknown-generator',
      range: null,
      selection: { part: 'name', index: 0 },
      message: `unknown data set '${name}': the generated sets are ${GENERATOR_NAMES.slice(0, -1).join(', ')} and ${GENERATOR_NAMES[GENERATOR_NAMES.length - 1]}, and a CSV file is named in double quotes (\`data "FILE.csv" x … y …\`)${suggestion !== null ? `; did you mean '${suggestion}'?` : ''}`,
      ...(suggestion !== null ? { suggestion } : {}),
    });
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_COUNT)
    problems.push({
      code: 'data-generator-count',
      range: null,
      selection: { part: 'count', index: 0 },
      message: `the number of examples must be a whole number from 1 to ${thousands(MAX_GENERATED_COUNT)}; found ${count}`,
    });
  if (!(noise >= 0) || !Number.isFinite(noise))
    problems.push({
      code: 'data-generator-noise',
      range: null,
      selection: { part: 'noise', index: 0 },
      message: `\`noise\` is the standard deviation of the noise added to each point, so it must be 0 or more; found ${noise}`,
    });
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED)
    problems.push({
      code: 'data-generator-seed',
      range: null,
      selection: { part: 'seed', index: 0 },
      message: `the seed must be a whole number from 0 to ${MAX_SEED}; found ${seed}`,
    });
  if (isGeneratorName(name)) {
    const info = GENERATORS[name];
    if (request.inputs !== info.inputs || !info.outputs.includes(request.outputs))
      problems.push({ code: 'data-generator-shape', range: null, selection: { part: 'name', index: 0 }, message: shapeMessage(name, info, request) });
  }
  return problems;
}

function shapeMessage(name: GeneratorName, info: GeneratorInfo, request: GeneratorRequest): string {
  const needs =
    info.classes === null
      ? `\`${name}\` makes examples with 1 input and 1 target`
      : `\`${name}\` makes examples with 2 inputs and either 1 target (its class, 0 or 1) or 2 (one-hot, for a softmax output)`;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const fix =
    info.classes === null
      ? 'Make layer 0 `layer 0: 1 input` and give the last layer 1 neuron'
      : 'Make layer 0 `layer 0: 2 inputs` and give the last layer 1 or 2 neurons';
  return `${needs}, but this network has ${plural(request.inputs, 'input')} and ${plural(request.outputs, 'output')}. ${fix}`;
}
