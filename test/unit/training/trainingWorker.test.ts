import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseSpec } from '../../../src/core/parser/parse';
import { Trainer } from '../../../src/core/training/trainer';
import type { TrainingFinished, TrainingProgress, TrainingSnapshot } from '../../../src/shared/trainingMessages';
import type { DataContext } from '../../../src/extension/analysis/worker/wire';
import { TrainingClient, nodeWorkerThread, type TrainingListener } from '../../../src/extension/training/trainingClient';
import type { RunFacts } from '../../../src/extension/training/worker/trainingWire';
import { generateSpec } from '../parser/generate';
import { bundledWorkers, PRODUCT_THREAD_ENTRY } from '../bundledWorkers';

/**
 * Training runs in real worker threads: the training worker bundled as scripts/build.mjs bundles
 * it, driven by the host's client. A run's history arrives in pieces that add up to the Trainer's
 * own; a cancelled run leaves no thread behind; a finished one keeps its thread to answer.
 */
// The training worker, and beside it, as in dist/, the helper threads a large network's products are shared out to.
const scripts = bundledWorkers({ trainingWorker: 'src/extension/training/worker/trainingWorker.ts', productThread: PRODUCT_THREAD_ENTRY });
let folder: string;
let worker: string;
beforeAll(() => ((folder = scripts.folder), (worker = scripts.path('trainingWorker'))));

const XOR = readFileSync('examples/xor.nnet', 'utf8');
/** Many milliseconds a step, and a million steps: it never finishes within a test. */
const ENDLESS = `${generateSpec({ sizes: [2, 64, 64, 1], examples: 200 })}\nsteps 1000000\n`;

/** What a run reported, and promises for its milestones. */
function recorder() {
  const seen = { facts: null as RunFacts | null, progress: [] as TrainingProgress[], progressAt: [] as number[], snapshots: [] as TrainingSnapshot[], finished: null as TrainingFinished | null, failed: null as unknown };
  let onFinished!: () => void;
  let onFailed!: () => void;
  const finished = new Promise<void>((resolve) => (onFinished = resolve));
  const failed = new Promise<void>((resolve) => (onFailed = resolve));
  const listener: TrainingListener = {
    started: (facts) => (seen.facts = facts),
    progress: (progress) => (seen.progress.push(progress), seen.progressAt.push(performance.now())),
    snapshot: (snapshot) => seen.snapshots.push(snapshot),
    finished: (end) => ((seen.finished = end), onFinished()),
    failed: (problem) => ((seen.failed = problem), onFailed()),
  };
  return { seen, listener, finished, failed };
}

const clients: TrainingClient[] = [];
afterEach(() => clients.splice(0).forEach((client) => client.dispose()));

function train(text: string, listener: TrainingListener, data: DataContext = { specPath: null, overlay: [] }, script = worker): TrainingClient {
  const client = new TrainingClient(nodeWorkerThread(script), { text, data }, listener);
  clients.push(client);
  return client;
}

function until(what: string, probe: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const look = () => (probe() ? resolve() : Date.now() > deadline ? reject(new Error(`timed out waiting for ${what}`)) : setTimeout(look, 10));
    look();
  });
}

describe('the training worker', () => {
  it('trains the spec and reports the whole history, then answers for any step', async () => {
    const { seen, listener, finished } = recorder();
    const client = train(XOR, listener);
    await finished;
    expect(seen.finished).toMatchObject({ type: 'finished', done: 100, outcome: 'completed', divergedAt: null });
    expect(seen.facts).toMatchObject({ steps: 100, batchSize: 4, picture: 'map' });
    const reference = new Trainer(parseSpec(XOR).network!, { steps: 100 });
    reference.run(100);
    expect(seen.progress.flatMap((p) => p.cost)).toEqual(Array.from(reference.history().cost));
    expect(seen.progress.every((p, q) => q === 0 || p.from === seen.progress[q - 1].from + seen.progress[q - 1].cost.length)).toBe(true);
    expect(client.state).toBe('finished');

    client.snapshot(3);
    client.snapshot(60); // only the newest scrub is drawn, unless the worker was quicker
    await until('the snapshot', () => seen.snapshots.at(-1)?.step === 60);
    expect(seen.snapshots.at(-1)).toMatchObject({ step: 60, cost: reference.history().cost[60], picture: { kind: 'map', resolution: 64 } });
    const answer = await client.ask({ kind: 'parameters' }, 60);
    const expected = reference.parametersAt(60);
    expect(answer).toEqual({ kind: 'parameters', step: 60, w: expected.w, b: expected.b });
  });

  it('reads data files from the spec’s folder, or the editor’s unsaved text of them', async () => {
    writeFileSync(join(folder, 'points.csv'), 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n');
    const spec = 'layer 0: 2 inputs\nlayer 1: 3 tanh\nlayer 2: 1 sigmoid\ndata "points.csv" x 1-2 y 3\nsteps 5\n';
    const onDisk = recorder();
    train(spec, onDisk.listener, { specPath: join(folder, 'spec.nnet'), overlay: [] });
    await onDisk.finished;
    const unsaved = recorder();
    train(spec, unsaved.listener, { specPath: join(folder, 'spec.nnet'), overlay: [[join(folder, 'points.csv'), 'a,b,y\n0,0,1\n']] });
    await unsaved.finished;
    expect(onDisk.seen.facts?.batchSize).toBe(4);
    expect(unsaved.seen.facts?.batchSize).toBe(1);
  });

  it('reports progress at least ten times a second while it trains, and cancelling ends its thread', async () => {
    const { seen, listener, finished } = recorder();
    const client = train(ENDLESS, listener);
    await until('a second of training', () => seen.progressAt.length > 0 && performance.now() - seen.progressAt[0] > 1000);
    const gaps = seen.progressAt.slice(1).map((at, q) => at - seen.progressAt[q]);
    expect(Math.max(...gaps)).toBeLessThan(200);
    expect(gaps.length).toBeGreaterThanOrEqual(8);
    client.cancel();
    await finished;
    expect(seen.finished).toMatchObject({ outcome: 'cancelled', done: seen.progress.at(-1)!.done });
    expect(client.state).toBe('ended');
    // The thread is gone, and nothing more is asked of it.
    await Promise.race([client.exited, new Promise((_, reject) => setTimeout(() => reject(new Error('the worker still runs')), 2000))]);
    expect(await client.ask({ kind: 'parameters' }, 1)).toBeNull();
    expect(seen.failed).toBeNull();
  });

  it('keeps a finished run’s thread on cancel, to answer, until it is disposed', async () => {
    const { listener, finished } = recorder();
    const client = train(XOR, listener);
    await finished;
    client.cancel();
    expect(client.state).toBe('finished');
    expect(await client.ask({ kind: 'parameters' }, 100)).toMatchObject({ kind: 'parameters', step: 100 });
    client.dispose();
    await client.exited;
    expect(client.state).toBe('ended');
  });

  it('refuses a spec with errors, and reports a worker that dies', async () => {
    const refused = recorder();
    train('layer 0: 2 inputs\nlayer 1: 1 sigmoid\n', refused.listener);
    await refused.failed;
    expect(refused.seen.failed).toEqual({ refused: 'it has no examples to train on' });

    const dies = join(folder, 'dies.js');
    writeFileSync(dies, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const died = recorder();
    const client = train(XOR, died.listener, undefined, dies);
    await died.failed;
    expect(died.seen.failed).toMatchObject({ bug: { message: expect.stringMatching(/exit code 3/) } });
    expect(client.state).toBe('ended');
  });

  it('reports a run that diverges, with the step, and keeps its non-finite parameters out of the spec', async () => {
    // A linear neuron with a huge η: the first step throws w past 10^200, the second's cost overflows.
    const wild = 'cost squared\nlearning-rate 1e200\nlayer 0: 1 inputs\nlayer 1: 1 linear\n  w 1\n  b 0\nexample x 1 y 0\nsteps 10\n';
    const { seen, listener, finished } = recorder();
    const client = train(wild, listener);
    await finished;
    expect(seen.finished).toMatchObject({ outcome: 'diverged', done: 2, divergedAt: 1 });
    expect(seen.progress.flatMap((p) => p.cost)).toEqual([1, Infinity]);
    expect(await client.ask({ kind: 'edits', digits: 6 }, 2)).toEqual({ kind: 'refused', message: 'the parameters after step 2 are not all finite numbers' });
    expect(await client.ask({ kind: 'edits', digits: 6 }, 1)).toMatchObject({ kind: 'edits', step: 1 });
  });
});

describe('the training client, with a fake thread', () => {
  function fakeThread() {
    const fake = {
      sent: [] as unknown[],
      terminated: 0,
      reply: (_: unknown) => {},
      exit: (_: null) => {},
    };
    const thread = {
      postMessage: (message: unknown) => fake.sent.push(message),
      listen: (onReply: (reply: never) => void, onExit: (error: null) => void) => ((fake.reply = onReply as (reply: unknown) => void), (fake.exit = onExit)),
      terminate: () => fake.terminated++,
    };
    return { fake, thread };
  }

  it('cancels once: the thread is terminated, waiting questions get null, and late replies are ignored', async () => {
    const { fake, thread } = fakeThread();
    const { seen, listener } = recorder();
    const client = new TrainingClient(thread, { text: XOR, data: { specPath: null, overlay: [] } }, listener);
    expect(fake.sent).toEqual([{ type: 'text', id: 1, text: XOR, last: true, data: { specPath: null, overlay: [] } }]);
    const question = client.ask({ kind: 'parameters' }, 3);
    fake.reply({ type: 'progress', done: 5, from: 0, cost: [1, 2, 3, 4, 5], validationCost: [], gradientNorms: [], throughput: 1 });
    client.cancel();
    client.cancel();
    client.dispose();
    expect(fake.terminated).toBe(1);
    expect(await question).toBeNull();
    expect(seen.finished).toMatchObject({ outcome: 'cancelled', done: 5 });
    fake.reply({ type: 'finished', done: 6, outcome: 'completed', divergedAt: null, elapsedMs: 1 });
    fake.exit(null);
    expect(seen.finished).toMatchObject({ outcome: 'cancelled' });
    expect(seen.failed).toBeNull();
  });
});
