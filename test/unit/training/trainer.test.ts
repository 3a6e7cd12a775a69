import { describe, expect, it } from 'vitest';
import { ACTIVATION_ENTRIES, type ActivationName } from '../../../src/core/activations/registry';
import { COST_ENTRIES, costFitsOutput, type CostName } from '../../../src/core/costs/registry';
import { runEngine } from '../../../src/core/engine/run';
import type { Network } from '../../../src/core/model/network';
import { BatchOrder } from '../../../src/core/training/batches';
import { Trainer } from '../../../src/core/training/trainer';
import { referenceGradient } from '../engine/autodiff';
import { mazurNetwork, randomNetwork } from '../engine/networks';

/**
 * Training against an independent computation: each step redone with the test autodiff
 * (test/unit/engine/autodiff.ts) on the batch the documented order names, the mean of the
 * examples' gradients taken by hand, and the update w − η·g applied by hand. Then what makes a
 * run trustworthy as a record: the same bits on both kernels, full batch equal to the engine's
 * own step, and any step's parameters rebuilt exactly from the checkpoints.
 */

const cases: { name: string; seed: number; activations: ActivationName[]; cost: CostName }[] = [];
let seed = 11;
for (const output of ACTIVATION_ENTRIES)
  for (const cost of COST_ENTRIES.filter((c) => costFitsOutput(c, output)))
    cases.push({ name: `tanh → ${output.name}, ${cost.name}`, seed: seed++, activations: ['tanh', output.name], cost: cost.name });
for (const hidden of ACTIVATION_ENTRIES.filter((a) => a.elementwise))
  cases.push({ name: `${hidden.name} → sigmoid, half-squared`, seed: seed++, activations: [hidden.name, 'sigmoid'], cost: 'half-squared' });

/** The network with its parameters replaced. */
function withParameters(network: Network, w: readonly Float64Array[], b: readonly Float64Array[]): Network {
  return { ...network, layers: network.layers.map((layer, l) => ({ ...layer, weights: new Float64Array(w[l]), biases: new Float64Array(b[l]) })) };
}

/**
 * `steps` steps redone by hand with the autodiff: the parameters after each, the training cost
 * before each, and each step's ‖∂c/∂w⁽ℓ⁾‖ (norms[ℓ][t]).
 */
function byHand(network: Network, steps: number, batchSize: number, shuffle: number | null) {
  const m = network.examples.length;
  const order = new BatchOrder(Int32Array.from({ length: m }, (_, i) => i), batchSize, shuffle);
  let current = network;
  const costs: number[] = [];
  const norms: number[][] = network.layers.map(() => []);
  for (let t = 0; t < steps; t++) {
    let cost = 0;
    for (let i = 0; i < m; i++) cost += referenceGradient(current, i).cost;
    costs.push(cost / m);
    const batch = Array.from(order.examplesOf(t));
    const w = current.layers.map((layer) => new Float64Array(layer.weights.length));
    const b = current.layers.map((layer) => new Float64Array(layer.biases.length));
    for (const i of batch) {
      const g = referenceGradient(current, i);
      for (let l = 1; l < w.length; l++) {
        g.w[l].forEach((v, q) => (w[l][q] += v / batch.length));
        g.b[l].forEach((v, q) => (b[l][q] += v / batch.length));
      }
    }
    for (let l = 1; l < w.length; l++) norms[l].push(Math.hypot(...w[l]));
    const eta = current.learningRate;
    current = withParameters(
      current,
      current.layers.map((layer, l) => layer.weights.map((v, q) => v - eta * w[l][q])),
      current.layers.map((layer, l) => layer.biases.map((v, q) => v - eta * b[l][q])),
    );
  }
  return { network: current, costs, norms };
}

function closeArrays(actual: readonly Float64Array[], expected: readonly Float64Array[], what: string): void {
  actual.forEach((array, l) => array.forEach((v, q) => expect(v, `${what}[${l}][${q}]`).toBeCloseTo(expected[l][q], 10)));
}

describe('training against the autodiff, step by step', () => {
  for (const c of cases)
    for (const [mode, batchSize, shuffle] of [['full batch', 6, null], ['batches of 4, shuffled', 4, 9]] as const)
      it(`${c.name}, ${mode}`, () => {
        const network = randomNetwork(c.seed, [3, 4, 3], c.activations, c.cost, 6, 0.8);
        const trainer = new Trainer(network, { steps: 5, batchSize, shuffle });
        trainer.run(5);
        const expected = byHand(network, 5, batchSize, shuffle);
        const { w, b } = trainer.parameters();
        closeArrays(w, expected.network.layers.map((layer) => layer.weights), 'w');
        closeArrays(b, expected.network.layers.map((layer) => layer.biases), 'b');
        const history = trainer.history();
        expect(history.cost).toHaveLength(6);
        expected.costs.forEach((cost, t) => expect(history.cost[t], `cost before step ${t + 1}`).toBeCloseTo(cost, 10));
        for (let l = 1; l < history.gradientNorms.length; l++) {
          expect(history.gradientNorms[l]).toHaveLength(5);
          expected.norms[l].forEach((norm, t) => expect(history.gradientNorms[l][t], `‖∂c/∂w(${l})‖ of step ${t + 1}`).toBeCloseTo(norm, 10));
        }
      });
});

describe('a training run as a record', () => {
  it('takes B = m as the full batch, and one full-batch step is the engine\'s own update, bit for bit', () => {
    const network = randomNetwork(3, [4, 6, 2], ['sigmoid', 'sigmoid'], 'half-squared', 9);
    const full = new Trainer(network, { steps: 7 });
    const asBatch = new Trainer(network, { steps: 7, batchSize: 9 });
    full.run(7);
    asBatch.run(7);
    expect(asBatch.parameters()).toEqual(full.parameters());
    expect(asBatch.history().cost).toEqual(full.history().cost);
    const one = new Trainer(network, { steps: 1 });
    one.run(1);
    const engine = runEngine(network);
    expect(one.parameters()).toEqual({ w: engine.updated.w, b: engine.updated.b });
    expect(one.history().cost[0]).toBe(engine.cost);
    expect(one.history().cost[1]).toBe(engine.updated.cost);
  });

  it('gives the same bits on the JavaScript and the WebAssembly kernels', () => {
    for (const [batchSize, shuffle] of [[null, null], [5, 3]] as const) {
      const network = randomNetwork(5, [8, 16, 16, 3], ['relu', 'tanh', 'softmax'], 'cross-entropy', 40);
      const js = new Trainer(network, { steps: 20, batchSize, shuffle, kernel: 'js' });
      const wasm = new Trainer(network, { steps: 20, batchSize, shuffle, kernel: 'wasm' });
      js.run(20);
      wasm.run(20);
      expect(wasm.parameters()).toEqual(js.parameters());
      expect(wasm.history()).toEqual(js.history());
    }
  });

  it('rebuilds the parameters of any step exactly from its checkpoints', () => {
    const network = randomNetwork(8, [3, 5, 2], ['tanh', 'sigmoid'], 'half-squared', 10);
    // A budget of three checkpoints' worth: a checkpoint every 15 steps of 30, the rest replayed.
    const parameters = 3 * 5 + 5 + 5 * 2 + 2;
    const trainer = new Trainer(network, { steps: 30, batchSize: 3, shuffle: 1, checkpointBytes: 3 * 8 * parameters });
    const seen: ReturnType<Trainer['parameters']>[] = [trainer.parameters()];
    for (let t = 0; t < 30; t++) {
      trainer.run(1);
      seen.push(trainer.parameters());
    }
    for (const t of [0, 1, 14, 15, 16, 29, 30]) expect(trainer.parametersAt(t), `step ${t}`).toEqual(seen[t]);
  });

  it('keeps its parameters in place while it rebuilds earlier steps between runs, on both kernels', () => {
    // The trainer's parameters live in the kernel's memory (Workspace.resident); a replay reads
    // other arrays through the same passes, and must not touch them.
    const network = randomNetwork(9, [6, 7, 3], ['tanh', 'sigmoid'], 'half-squared', 12);
    for (const kernel of ['js', 'wasm'] as const) {
      const straight = new Trainer(network, { steps: 12, batchSize: 5, shuffle: 2, kernel });
      straight.run(12);
      const interrupted = new Trainer(network, { steps: 12, batchSize: 5, shuffle: 2, kernel, checkpointBytes: 0 });
      for (let t = 0; t < 12; t++) {
        interrupted.run(1);
        interrupted.parametersAt(Math.floor(t / 2));
      }
      expect(interrupted.parameters(), kernel).toEqual(straight.parameters());
      expect(interrupted.history(), kernel).toEqual(straight.history());
    }
  });

  it('costs the held-out examples at every step and keeps them out of the gradient', () => {
    const network = { ...randomNetwork(4, [2, 3, 1], ['tanh', 'sigmoid'], 'half-squared', 8), validation: Int32Array.from([2, 5]) };
    const trainer = new Trainer(network, { steps: 4 });
    trainer.run(4);
    const alone = new Trainer({ ...network, validation: undefined, examples: network.examples.filter((_, i) => i !== 2 && i !== 5) }, { steps: 4 });
    alone.run(4);
    expect(trainer.parameters()).toEqual(alone.parameters());
    const history = trainer.history();
    expect(history.cost).toEqual(alone.history().cost);
    expect(history.validationCost).toHaveLength(5);
    expect(history.validationCost!.every((c) => Number.isFinite(c) && c > 0)).toBe(true);
  });

  it('stops at the first step that is not finite, and says which', () => {
    // Linear layers with a huge η: every step multiplies the weights, until they overflow.
    const network = { ...randomNetwork(6, [2, 3, 1], ['linear', 'linear'], 'half-squared', 4), learningRate: 1e80 };
    const trainer = new Trainer(network, { steps: 50 });
    trainer.run(50);
    const history = trainer.history();
    expect(trainer.isFinished).toBe(true);
    expect(history.diverged).not.toBeNull();
    expect(history.done).toBe(history.diverged! + 1);
  });

  it('runs in chunks, recording only what is done', () => {
    const trainer = new Trainer(mazurNetwork(), { steps: 10 });
    expect(trainer.run(4)).toBe(4);
    expect(trainer.history().cost).toHaveLength(4);
    expect(trainer.isFinished).toBe(false);
    trainer.run(100);
    expect(trainer.history().cost).toHaveLength(11);
    expect(trainer.isFinished).toBe(true);
  });
});

describe('the order of the batches', () => {
  it('takes consecutive batches in order, wrapping around, without a shuffle', () => {
    const order = new BatchOrder(Int32Array.from([0, 2, 3, 5, 7]), 3, null);
    expect([0, 1, 2].map((t) => Array.from(order.examplesOf(t)))).toEqual([[0, 2, 3], [5, 7, 0], [2, 3, 5]]);
  });

  it('reshuffles at each pass, the same way every time', () => {
    const order = new BatchOrder(Int32Array.from({ length: 6 }, (_, i) => i), 6, 42);
    const first = Array.from(order.examplesOf(0));
    const second = Array.from(order.examplesOf(1));
    expect([...first].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(second).not.toEqual(first);
    expect(Array.from(new BatchOrder(Int32Array.from({ length: 6 }, (_, i) => i), 6, 42).examplesOf(1))).toEqual(second);
  });
});
