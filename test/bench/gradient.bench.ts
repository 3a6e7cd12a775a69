/**
 * `npm run bench gradient`: the full mean gradient over a batch, our engine (with the kernel
 * it picks, and with its JavaScript-only fallback) against TensorFlow.js autodiff
 * (tf.variableGrads) on its `cpu` and `wasm` backends, for four shapes;
 * then the cost of a trace on top of the gradient and the size of what the panel is sent.
 * FLOP count per gradient: the products as the engine does them (shapes.ts, flopsPerExample).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { dirname } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { computeGradient } from '../../src/core/engine/gradient';
import { Workspace, workspaceFor, type KernelChoice } from '../../src/core/engine/workspace';
import { runEngine } from '../../src/core/engine/run';
import { parameterCount, type Network } from '../../src/core/model/network';
import { traceJsonPieces } from '../../src/core/output/json';
import { buildTrace } from '../../src/core/trace/build';
import { formatMs, measure, measureAsync, measurePair, type Timing } from './harness';
import { tfModel } from './tfModel';
import { benchNetwork as networkFor, flopsPerExample, SHAPE_A, SHAPE_B, SHAPE_C, SHAPE_D, type BenchShape } from './shapes';

interface Shape extends BenchShape {
  /** Calls per timed sample, so sub-microsecond runs are measurable. */
  readonly inner: number;
  readonly gflopsTarget?: number;
  readonly maxMicroseconds?: number;
}

const SHAPES: Shape[] = [
  { ...SHAPE_A, inner: 20000, maxMicroseconds: 1 },
  { ...SHAPE_B, inner: 50 },
  { ...SHAPE_C, inner: 1, gflopsTarget: 2.5 },
  { ...SHAPE_D, inner: 1, gflopsTarget: 2.5 },
];

/**
 * Our gradient in a workspace of the given kernel: 'auto' is what every caller gets (the
 * network's shared workspace); 'js' is the fallback for runtimes without WebAssembly SIMD.
 */
function timeOurs(shape: Shape, network: Network, kernel: KernelChoice): Timing {
  const budget = shape.sizes[0] > 100 ? 15_000 : 4_000;
  const workspace = kernel === 'auto' ? workspaceFor(network) : new Workspace(network, kernel);
  const name = `ours-${kernel} ${shape.label}`;
  let calls = 0;
  const timing = withCpu(name, 1, () =>
    measure(
      name,
      () => {
        for (let q = 0; q < shape.inner; q++) computeGradient(network, workspace);
        calls += shape.inner;
      },
      { warmup: 5, runs: 31, maxTotalMs: budget },
    ),
  );
  cpuPerCall.set(name, cpuPerCall.get(name)! / calls);
  return perCall(timing, shape.inner);
}

/**
 * CPU time of this process per call, over the timed runs: on a shared machine other processes
 * stretch wall-clock time, while this says how much work the call itself took. Both are printed;
 * PASS/MISS uses the wall-clock median.
 */
const cpuPerCall = new Map<string, number>();

function withCpu<T>(key: string, calls: number, run: () => T): T {
  const before = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(before);
  cpuPerCall.set(key, (used.user + used.system) / 1000 / calls);
  return value;
}

async function withCpuAsync<T>(key: string, calls: () => number, run: () => Promise<T>): Promise<T> {
  const before = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(before);
  cpuPerCall.set(key, (used.user + used.system) / 1000 / calls());
  return value;
}

function perCall(t: Timing, inner: number): Timing {
  return { ...t, medianMs: t.medianMs / inner, minMs: t.minMs / inner, maxMs: t.maxMs / inner };
}

/** The same mean gradient with TensorFlow.js autodiff on the current backend (float32, TF's only CPU dtype). */
async function timeTf(shape: Shape, network: Network, backend: string): Promise<Timing> {
  const { variables, loss, dispose } = tfModel(shape, network);
  let calls = 0;
  const once = async () => {
    calls += shape.inner;
    for (let q = 0; q < shape.inner; q++) {
      const { value, grads } = tf.variableGrads(loss, variables);
      // Reading every gradient back is part of the work: TF may run lazily until then.
      await Promise.all(Object.values(grads).map((g) => g.data()));
      value.dispose();
      tf.dispose(grads);
    }
  };
  const heavy = shape.sizes[0] > 100;
  const timing = await withCpuAsync(`tfjs-${backend} ${shape.label}`, () => calls, () =>
    measureAsync(`tfjs-${backend} ${shape.label}`, once, {
      warmup: heavy ? 2 : 5,
      runs: heavy ? 9 : 21,
      maxTotalMs: heavy ? 12_000 : 3_000,
    }),
  );
  dispose();
  return perCall(timing, shape.inner);
}

function gflops(shape: Shape, network: Network, ms: number): number {
  return (flopsPerExample(network.layers.map((layer) => layer.size)) * shape.examples) / (ms * 1e6);
}

async function main(): Promise<void> {
  setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.js')) + '/');
  const misses: string[] = [];
  for (const shape of SHAPES) {
    const network = networkFor(shape, 42);
    const ours = timeOurs(shape, network, 'auto');
    const oursJs = timeOurs(shape, network, 'js');
    const tfTimes: Record<string, Timing> = {};
    for (const backend of ['cpu', 'wasm']) {
      await tf.setBackend(backend);
      await tf.ready();
      // TF.js takes milliseconds per call even on tiny shapes: 20 calls per sample are plenty.
      tfTimes[backend] = await timeTf({ ...shape, inner: Math.min(shape.inner, 20) }, network, backend);
    }
    console.log(`\n${shape.label}: ${parameterCount(network)} parameters`);
    const row = (name: string, t: Timing) => {
      const cpu = cpuPerCall.get(t.name);
      console.log(
        `  ${name.padEnd(14)} median ${formatMs(t.medianMs).padStart(10)}  ${Math.round((shape.examples * 1000) / t.medianMs)
          .toLocaleString('en')
          .padStart(12)} examples/s  ${gflops(shape, network, t.medianMs).toFixed(3).padStart(7)} GFLOP/s` +
          (cpu === undefined ? '' : `   | CPU time ${formatMs(cpu).padStart(10)}, ${gflops(shape, network, cpu).toFixed(3)} GFLOP/s`),
      );
    };
    row(`ours, ${workspaceFor(network).products.kernel}`, ours);
    row('ours, js only', oursJs);
    row('tfjs-cpu', tfTimes.cpu);
    row('tfjs-wasm', tfTimes.wasm);
    const ratio = (t: Timing) => `×${(t.medianMs / ours.medianMs).toFixed(2)}`;
    console.log(`  speed-up of ours: ${ratio(tfTimes.cpu)} vs tfjs-cpu, ${ratio(tfTimes.wasm)} vs tfjs-wasm, ${ratio(oursJs)} vs our JavaScript-only kernel`);
    const verdict = (ok: boolean, what: string) => {
      console.log(`${ok ? 'PASS' : 'MISS'} ${shape.label}: ${what}`);
      if (!ok) misses.push(`${shape.label}: ${what}`);
    };
    verdict(ours.medianMs <= tfTimes.wasm.medianMs, 'at least as fast as tfjs-wasm');
    if (shape.gflopsTarget) verdict(gflops(shape, network, ours.medianMs) >= shape.gflopsTarget, `≥ ${shape.gflopsTarget} GFLOP/s`);
    if (shape.maxMicroseconds) verdict(ours.medianMs * 1000 < shape.maxMicroseconds, `< ${shape.maxMicroseconds} µs per gradient`);
  }
  misses.push(...traceCost());
  console.log(misses.length === 0 ? '\nall targets met' : `\n${misses.length} target(s) missed`);
  console.log(`(load average during the run: ${loadavg().map((x) => x.toFixed(2)).join(', ')} on ${availableParallelism()} CPUs)`);
}

/**
 * What a trace adds on top of the gradient, for shape (b): the engine's full result (every
 * intermediate quantity of every example, in flat typed arrays) plus the lazy trace over it,
 * timed pairwise against the plain gradient. Returns the budgets it missed.
 */
function traceCost(): string[] {
  const shape = SHAPES[1];
  const network = networkFor(shape, 42);
  const pair = measurePair(
    'plain gradient',
    () => computeGradient(network),
    'runEngine + buildTrace',
    () => buildTrace(network, runEngine(network), 0),
    { warmup: 50, runs: 2001, maxTotalMs: 4000 },
  );
  // Steps are built one at a time, when the learner reaches them; this says what one costs.
  let length = 0;
  const all = measure(
    'every step of example 1',
    () => {
      const trace = buildTrace(network, runEngine(network), 0);
      length = trace.length;
      for (let q = 0; q < trace.length; q++) trace.step(q);
    },
    { warmup: 10, runs: 51, maxTotalMs: 5000 },
  );
  const result = runEngine(network);
  // What `nnet trace --json` writes (streamed, so only its length is counted here).
  const jsonLength = (examples?: number[]) => [...traceJsonPieces(network, result, examples)].reduce((sum, piece) => sum + piece.length + 1, 0);
  console.log(`\n(b) trace, ${length} steps per example, timed pairwise against the plain gradient:`);
  console.log(`  plain gradient (150 examples)           ${formatMs(pair.a.medianMs)}`);
  console.log(`  runEngine + buildTrace (lazy)           ${formatMs(pair.b.medianMs)}  (median ratio ×${pair.medianRatio.toFixed(2)})`);
  console.log(`  one step built on demand                ${formatMs((all.medianMs - pair.b.medianMs) / length)} on average over all ${length} steps`);
  console.log(`  nnet trace --json: ${jsonLength().toLocaleString('en')} characters for all 150 examples, ${jsonLength([0]).toLocaleString('en')} for one`);
  const ok = pair.medianRatio <= 2;
  console.log(`${ok ? 'PASS' : 'MISS'} (b) trace: runEngine + buildTrace within 2× the plain gradient`);
  return ok ? [] : ['(b) trace within 2× the plain gradient'];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
