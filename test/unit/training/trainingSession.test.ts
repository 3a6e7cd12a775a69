import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/edit/gradientStep';
import { parseSpec } from '../../../src/core/parser/parse';
import { pictureOf } from '../../../src/core/training/picture';
import { Trainer } from '../../../src/core/training/trainer';
import { TrainingSession, pictureKind } from '../../../src/extension/training/worker/trainingSession';
import { whyUntrainable } from '../../../src/extension/training/worker/trainable';

/**
 * What the training worker computes for the host, without the thread: the run's facts, the
 * history in progress messages that add up to the Trainer's own, and a step's picture, edits and
 * text, each checked against the Trainer and the picture drawn directly.
 */
const XOR = readFileSync('examples/xor.nnet', 'utf8');
const SINE = readFileSync('examples/sine-regression.nnet', 'utf8');

function open(text: string): TrainingSession {
  const session = TrainingSession.open(text, undefined);
  if (typeof session === 'string') throw new Error(session);
  return session;
}

/** The reference: a Trainer run to the end on the same spec, as `nnet train` would. */
function reference(text: string, steps: number) {
  const network = parseSpec(text).network!;
  const trainer = new Trainer(network, { steps });
  trainer.run(steps);
  return { network, trainer };
}

describe('a training session', () => {
  it('reads the run from the spec: 100 steps by default, full batch, a map for two inputs', () => {
    expect(open(XOR).facts).toEqual({ networkName: 'XOR', steps: 100, batchSize: 4, shuffle: null, learningRate: 1, sizes: [2, 2, 1], hasValidation: false, picture: 'map' });
    expect(open(`${XOR}\nsteps 7\nbatch-size 2\nshuffle 5\n`).facts).toMatchObject({ steps: 7, batchSize: 2, shuffle: 5 });
    expect([pictureKind([1, 4, 1]), pictureKind([2, 3]), pictureKind([4, 3, 3]), pictureKind([1, 2])]).toEqual(['curve', 'map', 'none', 'none']);
  });

  it('sends the history in progress messages that add up to the whole run, norms one step behind the costs', () => {
    const session = open(XOR);
    const received = { cost: [] as number[], norms: [[], []] as number[][] };
    let last;
    for (const chunk of [1, 10, 30, 100]) {
      session.run(chunk);
      last = session.progress(10);
      expect(last.from).toBe(received.cost.length);
      received.cost.push(...last.cost);
      last.gradientNorms.forEach((norms, l) => received.norms[l].push(...norms));
    }
    const { trainer } = reference(XOR, 100);
    const history = trainer.history();
    expect(received.cost).toEqual(Array.from(history.cost));
    expect(received.cost).toHaveLength(101);
    expect(received.norms).toEqual([Array.from(history.gradientNorms[1]), Array.from(history.gradientNorms[2])]);
    expect(last!.done).toBe(100);
    expect(last!.throughput).toBe((100 * 4 * 1000) / 10);
    expect(session.finished(12)).toEqual({ type: 'finished', done: 100, outcome: 'completed', divergedAt: null, elapsedMs: 12 });
    // Nothing new: an empty message.
    expect(session.progress(20)).toMatchObject({ from: 101, cost: [], gradientNorms: [[], []] });
  });

  it('draws a step as the picture of the Trainer’s parameters at that step, with its costs', () => {
    const session = open(XOR);
    session.run(100);
    const { network, trainer } = reference(XOR, 100);
    const { w, b } = trainer.parametersAt(37);
    expect(session.snapshot(37)).toEqual({ type: 'snapshot', step: 37, cost: trainer.history().cost[37], validationCost: null, picture: pictureOf(network, w, b) });
    expect(session.snapshot(500).step).toBe(100);
    const curve = open(SINE);
    curve.run(3);
    expect(curve.snapshot(3).picture?.kind).toBe('curve');
  });

  it('brings a scrub past the costs known during a run back to the last one known', () => {
    const session = open(XOR);
    expect(session.snapshot(5)).toMatchObject({ step: 0, cost: NaN });
    session.run(10);
    expect(session.snapshot(50)).toMatchObject({ step: 9 });
  });

  it('writes a step’s parameters as text that reads back as exactly those numbers', () => {
    const session = open(XOR);
    session.run(100);
    const { trainer } = reference(XOR, 100);
    const answer = session.answer({ kind: 'steppedText' }, 42);
    if (answer.kind !== 'steppedText') throw new Error(answer.kind);
    expect(answer.step).toBe(42);
    const stepped = parseSpec(answer.text).network!;
    const { w, b } = trainer.parametersAt(42);
    expect(stepped.layers.map((layer) => Array.from(layer.weights))).toEqual(w.map((values) => Array.from(values)));
    expect(stepped.layers.map((layer) => Array.from(layer.biases))).toEqual(b.map((values) => Array.from(values)));
    expect(answer.text).toContain('# XOR: the output should be 1');
  });

  it('gives the edits for Apply at the digits asked, and the parameters themselves', () => {
    const session = open(XOR);
    session.run(100);
    const edits = session.answer({ kind: 'edits', digits: 3 }, 100);
    if (edits.kind !== 'edits') throw new Error(edits.kind);
    const applied = parseSpec(applyEdits(XOR, edits.edits)).network!;
    const parameters = session.answer({ kind: 'parameters' }, 100);
    if (parameters.kind !== 'parameters') throw new Error(parameters.kind);
    expect(Array.from(applied.layers[2].biases)).toEqual([Number(parameters.b[2][0].toPrecision(3))]);
    // A step past those done is the last one done.
    expect(session.answer({ kind: 'parameters' }, 1000)).toMatchObject({ step: 100 });
  });

  it('refuses a spec that cannot be trained, saying why', () => {
    expect(TrainingSession.open('network "x"\nlayer 0: 2 inputs\nlayer 1: 1 sigmoi\n', undefined)).toMatch(/^it has an error; fix it first \(line 3: /);
    expect(TrainingSession.open('layer 0: 1 inputs\nlayer 1: 1 sigmoid\n', undefined)).toBe('it has no examples to train on');
    expect(whyUntrainable(null, [])).toBe('it has errors; fix them first');
  });
});
