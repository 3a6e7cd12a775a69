import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { parseSpec } from '../../../src/core/parser/parse';
import { TEXT_CHUNK_CHARS, type SpecText, type WorkerOutcome, specJob } from '../../../src/extension/analysis/worker/wire';
import { WorkerPool } from '../../../src/extension/analysis/worker/workerPool';
import { generateSpec } from '../parser/generate';
import { bundledWorkers } from '../bundledWorkers';

/**
 * The worker pool with real worker threads: the analysis worker bundled as scripts/build.mjs
 * bundles it, and two stand-ins that crash, so the bug boundary is seen from outside.
 */
const scripts = bundledWorkers({ analysisWorker: 'src/extension/analysis/worker/analysisWorker.ts' });
let folder: string;
let worker: string;
beforeAll(() => ((folder = scripts.folder), (worker = scripts.path('analysisWorker'))));

/** Every pool a test makes is disposed after it, passing or not: no thread outlives its test. */
const pools: WorkerPool[] = [];
afterEach(() => pools.splice(0).forEach((pool) => pool.dispose()));

function poolOf(script: string): WorkerPool {
  const pool = new WorkerPool(script);
  pools.push(pool);
  return pool;
}

/** A stand-in worker script: `body` runs for each request. */
function standIn(name: string, body: string): string {
  const path = join(folder, name);
  writeFileSync(path, `const { parentPort } = require('node:worker_threads');\nparentPort.on('message', (request) => { ${body} });\n`);
  return path;
}

const MAZUR = generateSpec({ sizes: [2, 2, 2], examples: 2 });
/** Seconds of work: a seeded 1-1000-1000-1 network with 400 examples. */
const SLOW = generateSpec({ sizes: [1, 1000, 1000, 1], parameters: false, examples: 400 });

function analysed(outcome: WorkerOutcome) {
  if (outcome.kind !== 'analysed') throw new Error(`expected an analysis, got ${JSON.stringify(outcome)}`);
  return outcome.parts;
}

describe('the analysis worker threads', () => {
  it('analyse a spec and reuse the thread for the next one', async () => {
    const pool = poolOf(worker);
    const parts = analysed(await pool.start(specJob(MAZUR)).result);
    expect(parts.engine!.cost).toBe(runEngine(parseSpec(MAZUR).network!).cost);
    expect(parts.engine!.updated.cost).toBe(runEngine(parseSpec(MAZUR).network!).updated.cost);
    analysed(await pool.start(specJob(MAZUR)).result);
    expect(pool.stats).toEqual({ spawned: 1, terminated: 0 });
  });

  it('send a long text in pieces, one per turn of the event loop, and analyse it whole', async () => {
    const long = generateSpec({ sizes: [784, 16, 10], parameters: false, examples: 150 });
    const pieces: number[] = [];
    const text: SpecText = { length: long.length, slice: (start, end) => (pieces.push(end - start), long.slice(start, end)) };
    const running = poolOf(worker).start(specJob(text));
    expect(pieces).toEqual([TEXT_CHUNK_CHARS]);
    const parts = analysed(await running.result);
    expect(pieces.length).toBe(Math.ceil(long.length / TEXT_CHUNK_CHARS));
    expect(pieces.reduce((sum, count) => sum + count, 0)).toBe(long.length);
    expect(parts.engine!.cost).toBe(runEngine(parseSpec(long).network!).cost);
  });

  it('stop sending the pieces of a cancelled analysis', async () => {
    const long = 'x'.repeat(3 * TEXT_CHUNK_CHARS);
    let reads = 0;
    const running = poolOf(worker).start(specJob({ length: long.length, slice: (start: number, end: number) => (reads++, long.slice(start, end)) }));
    running.cancel();
    await new Promise((done) => setTimeout(done, 50));
    expect(reads).toBe(1);
  });

  it('terminate a cancelled analysis at once, and start a new thread for the next', async () => {
    const pool = poolOf(worker);
    const slow = pool.start(specJob(SLOW));
    await new Promise((done) => setTimeout(done, 50));
    const started = performance.now();
    slow.cancel();
    expect(await slow.result).toEqual({ kind: 'cancelled' });
    analysed(await pool.start(specJob(MAZUR)).result);
    // Far less than the slow analysis would have taken.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(pool.stats).toEqual({ spawned: 2, terminated: 1 });
  });

  it('report a worker that dies as crashed, and replace it', async () => {
    const pool = poolOf(standIn('exits.js', 'process.exit(3);'));
    const outcome = await pool.start(specJob(MAZUR)).result;
    expect(outcome.kind).toBe('crashed');
    expect(outcome.kind === 'crashed' && outcome.bug.message).toMatch(/exit code 3/);
    expect((await pool.start(specJob(MAZUR)).result).kind).toBe('crashed');
    expect(pool.stats.spawned).toBe(2);
  });

  it('report an exception thrown in the worker as crashed, with its message and stack', async () => {
    const pool = poolOf(standIn('throws.js', "throw new RangeError('Array buffer allocation failed');"));
    const outcome = await pool.start(specJob(MAZUR)).result;
    expect(outcome).toMatchObject({ kind: 'crashed', bug: { what: 'analysing the spec in the worker', message: 'RangeError: Array buffer allocation failed' } });
  });

  it('report a worker script that cannot be loaded as crashed', async () => {
    const pool = poolOf(join(folder, 'missing.js'));
    expect((await pool.start(specJob(MAZUR)).result).kind).toBe('crashed');
  });

  it('end running analyses as cancelled on dispose', async () => {
    const pool = new WorkerPool(worker);
    const slow = pool.start(specJob(SLOW));
    pool.dispose();
    expect(await slow.result).toEqual({ kind: 'cancelled' });
    expect(pool.stats.terminated).toBe(1);
  });
});
