import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_STEPS } from '../../../src/core/model/defaults';
import type { Network } from '../../../src/core/model/network';
import { parseSpec } from '../../../src/core/parser/parse';
import { Trainer, type TrainingHistory } from '../../../src/core/training/trainer';
import { nodeDataFiles } from '../../../src/node/dataFiles';

/**
 * The example specs that teach training do what their comments say, trained with their own
 * settings: the XOR start that works learns and the symmetric one stalls; the deep sigmoid
 * network's first layer gets a vanishing share of the gradient and learns nothing, while the
 * same network with ReLU learns; the two moons and the sine fit fall.
 */

function trained(name: string): { network: Network; history: TrainingHistory } {
  const path = resolve('examples', name);
  const { network, diagnostics } = parseSpec(readFileSync(path, 'utf8'), { files: nodeDataFiles({ specPath: path }) });
  expect(diagnostics, name).toEqual([]);
  const settings = network!.training;
  const trainer = new Trainer(network!, { steps: settings?.steps ?? DEFAULT_TRAINING_STEPS, batchSize: settings?.batchSize, shuffle: settings?.shuffle });
  trainer.run(Infinity);
  return { network: network!, history: trainer.history() };
}

const last = (values: Float64Array) => values[values.length - 1];

describe('the training examples', () => {
  it('xor.nnet learns from its start, xor-stuck.nnet stalls with twin hidden neurons', () => {
    const works = trained('xor.nnet').history;
    const stuck = trained('xor-stuck.nnet').history;
    expect(last(works.cost)).toBeLessThan(0.7 * works.cost[0]);
    expect(last(stuck.cost)).toBeGreaterThan(5 * last(works.cost));
    expect(stuck.steps).toBe(2000);
    expect(last(stuck.cost)).toBeGreaterThan(0.15);
  });

  it('deep-sigmoid.nnet: the first layer gets thousands of times less gradient than the last, and the cost stays at ln 2', () => {
    const { history } = trained('deep-sigmoid.nnet');
    const norms = history.gradientNorms;
    expect(norms[1][0] / norms[7][0]).toBeLessThan(1e-3);
    expect(last(history.cost)).toBeCloseTo(Math.LN2, 3);
  });

  it('deep-relu.nnet: the same network with ReLU keeps its gradient in the first layer, and learns', () => {
    const { history } = trained('deep-relu.nnet');
    const norms = history.gradientNorms;
    expect(norms[1][0] / norms[7][0]).toBeGreaterThan(0.1);
    expect(last(history.cost)).toBeLessThan(0.1);
  });

  it('moons.nnet and sine-regression.nnet fall, the held-out moons too', () => {
    const moons = trained('moons.nnet').history;
    expect(last(moons.cost)).toBeLessThan(moons.cost[0] / 2);
    expect(last(moons.validationCost!)).toBeLessThan(moons.validationCost![0] / 2);
    const sine = trained('sine-regression.nnet').history;
    expect(last(sine.cost)).toBeLessThan(sine.cost[0]);
  });
});
