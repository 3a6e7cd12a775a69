import { describe, expect, it } from 'vitest';
import { gaussian } from '../../../src/core/data/gaussian';
import { GENERATORS, GENERATOR_NAMES, MAX_GENERATED_COUNT, generateData, type GeneratorName, type GeneratorRequest } from '../../../src/core/data/generators';
import { mulberry32 } from '../../../src/core/model/initialise';

/** The generated sets are a documented contract: the same line gives the same bits everywhere. */

function request(name: GeneratorName, more: Partial<GeneratorRequest> = {}): GeneratorRequest {
  const info = GENERATORS[name];
  return { name, count: 1000, noise: 0, seed: 1, inputs: info.inputs, outputs: info.outputs[info.outputs.length - 1], ...more };
}

function examples(name: GeneratorName, more: Partial<GeneratorRequest> = {}) {
  const data = generateData(request(name, more));
  expect(data.problems).toEqual([]);
  return data.examples;
}

/** Every number of a data set, as bits: equal bits, not just nearly equal numbers. */
function bits(name: GeneratorName, more: Partial<GeneratorRequest> = {}): string {
  const parts: string[] = [];
  for (const e of examples(name, more)) parts.push(Buffer.from(e.x.buffer).toString('hex'), Buffer.from(e.y.buffer).toString('hex'));
  return parts.join(' ');
}

describe('generated data sets', () => {
  it('gives the pinned numbers for seed 1, noise 0.1', () => {
    const pinned: Record<GeneratorName, number[][]> = {
      xor: [[0.22349840259673112, -0.6127414246462154, 1, 0], [-0.564457776290785, 0.950087522441409, 0, 1]],
      circles: [[0.4350661140427617, -0.04564855256870836, 1, 0], [-0.056282440530537076, -0.978910735743228, 0, 1]],
      moons: [[-0.3959869713371284, 1.1974639130175653, 1, 0], [0.34006918416658466, -0.16743921065821354, 0, 1]],
      spiral: [[0.5060212634055519, 0.6362792732481538, 1, 0], [0.2555604858967372, 0.09103385296048122, 0, 1]],
      gaussians: [[-0.3488682984734494, -0.41730452351974595, 1, 0], [1.4814016814004731, 0.49283570649824443, 0, 1]],
      sine: [[0.7984291164289471, 0.708968572259812], [-1.3753672540010093, -1.00614627245149]],
    };
    for (const name of GENERATOR_NAMES) {
      const got = examples(name, { count: 2, noise: 0.1 }).map((e) => [...e.x, ...e.y]);
      expect(got, name).toEqual(pinned[name]);
    }
  });

  it('draws in the documented order (checked against the formulas written out here)', () => {
    const next = mulberry32(7);
    const expected: number[][] = [];
    for (let i = 1; i <= 5; i++) {
      const c = (i - 1) % 2;
      const rho = c === 0 ? 0.5 * next() : 0.7 + 0.3 * next();
      const theta = 2 * Math.PI * next();
      const g1 = gaussian(next);
      const g2 = gaussian(next);
      expected.push([rho * Math.cos(theta) + 0.2 * g1, rho * Math.sin(theta) + 0.2 * g2, c]);
    }
    expect(examples('circles', { count: 5, noise: 0.2, seed: 7, outputs: 1 }).map((e) => [...e.x, ...e.y])).toEqual(expected);

    const sine = mulberry32(3);
    const x = Math.PI * (2 * sine() - 1);
    const y = Math.sin(x) + 0.5 * gaussian(sine);
    expect(examples('sine', { count: 1, noise: 0.5, seed: 3 }).map((e) => [...e.x, ...e.y])).toEqual([[x, y]]);
  });

  it('is deterministic: the same bits for the same seed, others for another seed', () => {
    for (const name of GENERATOR_NAMES) {
      const more = { count: 200, noise: 0.1 };
      expect(bits(name, { ...more, seed: 42 }), name).toBe(bits(name, { ...more, seed: 42 }));
      expect(bits(name, { ...more, seed: 43 }), name).not.toBe(bits(name, { ...more, seed: 42 }));
    }
  });

  it('moves each point along the same noise direction when only the noise changes', () => {
    for (const name of GENERATOR_NAMES) {
      const [clean, little, more] = [0, 0.1, 0.2].map((noise) => examples(name, { count: 50, noise }));
      for (let i = 0; i < 50; i++) {
        const part = name === 'sine' ? 'y' : 'x';
        for (let k = 0; k < clean[i][part].length; k++) {
          expect(more[i][part][k] - clean[i][part][k]).toBeCloseTo(2 * (little[i][part][k] - clean[i][part][k]), 12);
        }
      }
    }
  });

  it('alternates the classes: ⌈COUNT/2⌉ of class 0, ⌊COUNT/2⌋ of class 1, as 0/1 or one-hot targets', () => {
    for (const name of GENERATOR_NAMES.filter((n) => n !== 'sine')) {
      for (const count of [1, 2, 7, 100]) {
        const single = examples(name, { count, outputs: 1 });
        expect(single.map((e) => [...e.y]), name).toEqual(Array.from({ length: count }, (_, i) => [i % 2]));
        const onehot = examples(name, { count, outputs: 2 });
        expect(onehot.map((e) => [...e.y]), name).toEqual(Array.from({ length: count }, (_, i) => (i % 2 === 0 ? [1, 0] : [0, 1])));
        expect(single.filter((e) => e.y[0] === 0)).toHaveLength(Math.ceil(count / 2));
        expect(single.filter((e) => e.y[0] === 1)).toHaveLength(Math.floor(count / 2));
      }
      expect(generateData(request(name)).classes).toEqual(GENERATORS[name].classes);
    }
  });

  it('xor: 0.05 ≤ |x_k| < 1, the same sign in class 0 and opposite signs in class 1', () => {
    for (const e of examples('xor', { outputs: 1 })) {
      for (const v of e.x) expect(Math.abs(v) >= 0.05 && Math.abs(v) < 1).toBe(true);
      expect(Math.sign(e.x[0] * e.x[1])).toBe(e.y[0] === 0 ? 1 : -1);
    }
    const quadrants = new Set(examples('xor', { outputs: 1 }).map((e) => `${Math.sign(e.x[0])}${Math.sign(e.x[1])}`));
    expect(quadrants.size).toBe(4);
  });

  it('circles: radius below 0.5 in class 0, from 0.7 to 1 in class 1', () => {
    for (const e of examples('circles', { outputs: 1 })) {
      const r = Math.hypot(e.x[0], e.x[1]);
      if (e.y[0] === 0) expect(r).toBeLessThan(0.5 + 1e-15);
      else expect(r >= 0.7 - 1e-15 && r < 1 + 1e-15).toBe(true);
    }
  });

  it('moons: the upper moon on the unit half circle, the lower one shifted by (1, −0.5) and turned over', () => {
    for (const e of examples('moons', { outputs: 1 })) {
      const [a, b] = e.y[0] === 0 ? [e.x[0], e.x[1]] : [1 - e.x[0], 0.5 - e.x[1]];
      expect(Math.hypot(a, b)).toBeCloseTo(1, 12);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(e.x[0] >= -1 && e.x[0] <= 2 && e.x[1] >= -0.5 && e.x[1] <= 1).toBe(true);
    }
  });

  it('spiral: |x| < 1, the arms half a turn apart', () => {
    for (const e of examples('spiral', { outputs: 1 })) {
      const u = Math.hypot(e.x[0], e.x[1]);
      expect(u).toBeLessThan(1);
      const theta = 3.5 * Math.PI * u + e.y[0] * Math.PI;
      expect(e.x[0]).toBeCloseTo(u * Math.cos(theta), 12);
      expect(e.x[1]).toBeCloseTo(u * Math.sin(theta), 12);
    }
  });

  it('gaussians: blobs around (−1, −1) and (1, 1) with standard deviation 0.5', () => {
    const all = examples('gaussians', { count: 4000, outputs: 1 });
    for (const c of [0, 1]) {
      const xs = all.filter((e) => e.y[0] === c).flatMap((e) => [...e.x]);
      const centre = c === 0 ? -1 : 1;
      const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
      expect(Math.abs(mean - centre)).toBeLessThan(0.05);
      expect(Math.abs(sd - 0.5)).toBeLessThan(0.05);
    }
  });

  it('sine: x in [−π, π) and y = sin x without noise', () => {
    for (const e of examples('sine')) {
      expect(e.x[0] >= -Math.PI && e.x[0] < Math.PI).toBe(true);
      expect(e.y[0]).toBe(Math.sin(e.x[0]));
    }
  });

  it('reports every problem with the request at once, and makes no examples then', () => {
    const data = generateData({ name: 'moon', count: 0, noise: -1, seed: 2 ** 32, inputs: 2, outputs: 1 });
    expect(data.examples).toEqual([]);
    expect(data.problems.map((p) => [p.code, p.selection])).toEqual([
      ['data-unknown-generator', { part: 'name', index: 0 }],
      ['data-generator-count', { part: 'count', index: 0 }],
      ['data-generator-noise', { part: 'noise', index: 0 }],
      ['data-generator-seed', { part: 'seed', index: 0 }],
    ]);
    expect(data.problems[0].message).toBe(
      "unknown data set 'moon': the generated sets are xor, circles, moons, spiral, gaussians and sine, and a CSV file is named in double quotes (`data \"FILE.csv\" x … y …`); did you mean 'moons'?",
    );
    expect(data.problems[0].suggestion).toBe('moons');
    for (const count of [1.5, MAX_GENERATED_COUNT + 1, NaN])
      expect(generateData(request('xor', { count })).problems.map((p) => p.code)).toEqual(['data-generator-count']);
    expect(generateData(request('xor', { count: MAX_GENERATED_COUNT })).examples).toHaveLength(MAX_GENERATED_COUNT);
    for (const noise of [NaN, Infinity]) expect(generateData(request('xor', { noise })).problems.map((p) => p.code)).toEqual(['data-generator-noise']);
    for (const seed of [-1, 1.5]) expect(generateData(request('xor', { seed })).problems.map((p) => p.code)).toEqual(['data-generator-seed']);
    expect(generateData(request('xor', { seed: 0xffffffff })).problems).toEqual([]);
  });

  it('reports a network that does not fit the set', () => {
    const shape = (name: GeneratorName, inputs: number, outputs: number) => generateData({ name, count: 10, seed: 1, inputs, outputs }).problems;
    expect(shape('moons', 2, 1)).toEqual([]);
    expect(shape('moons', 2, 2)).toEqual([]);
    expect(shape('sine', 1, 1)).toEqual([]);
    for (const [name, inputs, outputs] of [['moons', 3, 2], ['moons', 2, 3], ['spiral', 1, 1], ['sine', 2, 1], ['sine', 1, 2]] as const) {
      const problems = shape(name, inputs, outputs);
      expect(problems.map((p) => [p.code, p.selection]), `${name} ${inputs} ${outputs}`).toEqual([['data-generator-shape', { part: 'name', index: 0 }]]);
    }
    expect(shape('moons', 3, 4)[0].message).toBe(
      '`moons` makes examples with 2 inputs and either 1 target (its class, 0 or 1) or 2 (one-hot, for a softmax output), but this network has 3 inputs and 4 outputs. Make layer 0 `layer 0: 2 inputs` and give the last layer 1 or 2 neurons',
    );
    expect(shape('sine', 2, 1)[0].message).toBe(
      '`sine` makes examples with 1 input and 1 target, but this network has 2 inputs and 1 output. Make layer 0 `layer 0: 1 input` and give the last layer 1 neuron',
    );
  });
});
