/**
 * `npm run bench train`: training throughput, in examples per second (steps × examples per step
 * ÷ time), of full-batch gradient descent on the four shapes of `npm run bench gradient`
 * (shapes.ts, the same seeded networks), for
 *   - our trainer (core/training/trainer.ts) on the kernel the engine picks, as `nnet train`
 *     runs it (its large products shared out to every core, up to 4: engine/wasm/parallel.ts),
 *     on one thread, and on its JavaScript-only fallback;
 *   - TensorFlow.js on its WebAssembly backend (float32, TF's only CPU dtype; SIMD, one thread
 *     in Node): tf.train.sgd's minimize, i.e. tf.variableGrads and one plain SGD step;
 *   - when a Python with Debian's python3-torch and python3-numpy is found: PyTorch in float64
 *     with autograd and a manual SGD step, on 1 and on 2 threads (python/train_torch.py), and a
 *     hand-written float64 NumPy backprop on OpenBLAS with one thread (python/train_numpy.py),
 *     the practical ceiling of one core. Otherwise a note says why they are skipped.
 * Every contender takes the same step on the same network: the mean gradient of the
 * 'half-squared' cost c = (1/m) Σᵢ ½ Σⱼ (yᵢⱼ − aⱼ)² over every example, w ← w − η·∂c/∂w, and
 * reads that step's cost. Our trainer also keeps, at every step, the training cost (free with
 * the full batch: the step's own pass gives it), each layer's gradient norm and its checkpoints;
 * that is part of what is timed, since it is what a training run does.
 * The costs of the first steps are compared across contenders, to show they compute the same thing.
 *
 * Each contender is timed alike (here, and in python/common.py): warm-up, then samples of k steps
 * each (k chosen so a sample lasts about `sampleMs`), median time per step. The Python scripts
 * run once per shape (spawnSync), right after ours on that shape, so that figures set side by
 * side were taken close together; ratios are only ever quoted between contenders of the same run.
 * CPU time per step is printed beside the wall clock, since other processes stretch the latter
 * on a shared machine. PASS/MISS uses the wall-clock medians, and a MISS fails nothing.
 * FLOP count per step: the gradient's products as the engine does them (shapes.ts, flopsPerExample; the update is not counted).
 * Last, the extension host's side of training: its largest pause while the training worker
 * (src/extension/training/worker/, bundled into .cache/bench/) trains 784-128-10 (workerPause).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Workspace, type KernelChoice } from '../../src/core/engine/workspace';
import { parameterCount, type Network } from '../../src/core/model/network';
import { Trainer } from '../../src/core/training/trainer';
import { defaultThreadCount, nodeProductThreads } from '../../src/node/productThreads';
import { specJob } from '../../src/extension/analysis/worker/wire';
import { TrainingClient, nodeWorkerThread } from '../../src/extension/training/trainingClient';
import { generateSpec } from '../unit/parser/generate';
import { formatMs } from './harness';
import { longestPause, pauseText } from './pauses';
import { tfModel } from './tfModel';
import { benchNetwork, flopsPerExample, SHAPES, type BenchShape } from './shapes';
import { numpyEnvironment, PythonContender, pythonCandidates, writeManifest } from './trainPython';
import { CHECK_STEPS, measureSteps, SEED, timingFor, type StepResult } from './trainTiming';

/**
 * Our trainer as the CLI or a worker drives it: runs of PLANNED_STEPS steps, taken in chunks of
 * k < PLANNED_STEPS steps with `run(k)`, each chunk a sample. A new run (made untimed) starts
 * only when the current one has too few steps left, so a sample never includes the costing of
 * the final parameters, nor the first touch of a new run's memory on the large shapes. The
 * planned length matters on the smallest shape: it sets how often the run keeps a checkpoint
 * (checkpoints.ts), which for (a) is at every step of a run of up to ~700,000 steps.
 */
const PLANNED_STEPS = 10_000;

function timeOurs(shape: BenchShape, network: Network, kernel: KernelChoice, threads = 1): StepResult {
  const start = () => {
    const made = new Trainer(network, { steps: PLANNED_STEPS, kernel, threads: nodeProductThreads(threads) });
    // Helpers take work once their threads run: wait for them (untimed), so every step has them.
    const deadline = Date.now() + 5000;
    while (made.liveThreads < made.threads && Date.now() < deadline);
    if (made.liveThreads < made.threads) throw new Error(`${shape.label}: only ${made.liveThreads} of ${made.threads} threads started`);
    return made;
  };
  const check = new Trainer(network, { steps: CHECK_STEPS, kernel });
  check.run(CHECK_STEPS);
  const checkCosts = Array.from(check.history().cost);
  let trainer = start();
  let done = 0;
  const result = measureSteps((k) => {
    if (done + k >= trainer.steps) {
      trainer.close();
      trainer = start();
      done = 0;
    }
    return () => {
      const now = trainer.run(k);
      if (now !== done + k) throw new Error(`${shape.label}: training stopped early (diverged at step ${trainer.history().diverged})`);
      done = now;
    };
  }, timingFor(shape), PLANNED_STEPS - 1);
  trainer.close();
  return { ...result, checkCosts };
}

/** TensorFlow.js on the current backend: tf.train.sgd(η).minimize (tf.variableGrads, then w ← w − η·g), reading the cost. */
function timeTf(shape: BenchShape, network: Network): StepResult {
  const { variables, loss, dispose } = tfModel(shape, network);
  const optimizer = tf.train.sgd(network.learningRate);
  const step = (): number => {
    const cost = optimizer.minimize(loss, true, variables)!;
    const value = cost.dataSync()[0];
    cost.dispose();
    return value;
  };
  const checkCosts = Array.from({ length: CHECK_STEPS }, step);
  checkCosts.push(tf.tidy(() => loss().dataSync()[0]));
  const result = measureSteps(
    (k) => () => {
      for (let q = 0; q < k; q++) step();
    },
    timingFor(shape),
  );
  optimizer.dispose();
  dispose();
  return { ...result, checkCosts };
}

// ——— The report ———

interface Row {
  readonly name: string;
  readonly result: StepResult | undefined;
  /** float32 contenders' costs are compared more loosely. */
  readonly float32?: boolean;
}

function gflops(network: Network, ms: number): number {
  return (flopsPerExample(network.layers.map((layer) => layer.size)) * network.examples.length) / (ms * 1e6);
}

const examplesPerSecond = (network: Network, r: StepResult) => (network.examples.length * 1000) / r.msPerStep;

/** The largest relative difference between two lists of costs. */
function costDifference(a: readonly number[], b: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300));
  return a.length === b.length ? worst : Number.NaN;
}

function printShape(shape: BenchShape, network: Network, ours: StepResult, rows: Row[]): void {
  const m = network.examples.length;
  console.log(`\n${shape.label}: ${parameterCount(network).toLocaleString('en')} parameters, ${m} examples per step (full batch)`);
  console.log(
    `  ${'contender'.padEnd(26)} ${'per step'.padStart(10)} ${'examples/s'.padStart(12)} ${'GFLOP/s'.padStart(8)}  ${'ours ÷ it'.padStart(9)}` +
      `   ${'CPU/step'.padStart(10)} ${'by CPU'.padStart(8)} ${'faults/step'.padStart(11)}`,
  );
  const agreement: string[] = [];
  const faulting: string[] = [];
  for (const row of rows) {
    const r = row.result;
    if (!r) {
      console.log(`  ${row.name.padEnd(26)} ${'(skipped)'.padStart(10)}`);
      continue;
    }
    const ratio = r === ours ? '' : `×${(examplesPerSecond(network, ours) / examplesPerSecond(network, r)).toFixed(2)}`;
    const cpuRatio = r === ours ? '' : `×${(r.cpuMsPerStep / ours.cpuMsPerStep).toFixed(2)}`;
    console.log(
      `  ${row.name.padEnd(26)} ${formatMs(r.msPerStep).padStart(10)} ${Math.round(examplesPerSecond(network, r)).toLocaleString('en').padStart(12)} ` +
        `${gflops(network, r.msPerStep).toFixed(3).padStart(8)}  ${ratio.padStart(9)}   ${formatMs(r.cpuMsPerStep).padStart(10)} ${cpuRatio.padStart(8)} ` +
        `${(r.faultsPerStep < 10 ? r.faultsPerStep.toFixed(1) : Math.round(r.faultsPerStep).toLocaleString('en')).padStart(11)}` +
        `   (${r.samples} × ${r.stepsPerSample} steps)`,
    );
    if (r.faultsPerStep > 100) faulting.push(row.name);
    if (r !== ours) agreement.push(`${row.name} ${costDifference(r.checkCosts, ours.checkCosts).toExponential(0)}${row.float32 ? ' (float32)' : ''}`);
  }
  console.log(`  costs of steps 0–${CHECK_STEPS} against ours, largest relative difference: ${agreement.join(', ')}`);
  if (faulting.length > 0) {
    console.log(
      `  (${faulting.join(', ')}: memory handed back to the system and taken again at every step (page faults). ` +
        "PyTorch's large tensors do that through glibc's malloc; MALLOC_MMAP_THRESHOLD_=1000000000 MALLOC_TRIM_THRESHOLD_=1000000000 " +
        'in the environment would keep them)',
    );
  }
}

async function main(): Promise<void> {
  setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.js')) + '/');
  await tf.setBackend('wasm');
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  console.log(`tfjs-wasm: TensorFlow.js ${tf.version.tfjs}, float32, ${simd ? 'SIMD' : 'no SIMD'}, ${threads ? 'multithreaded' : 'one thread'}`);
  console.log(
    'ours ÷ it: our examples/s over its, from wall-clock medians (PASS/MISS use these); by CPU: the same from the CPU time ' +
      'of each process (all its threads), which other processes on a shared machine disturb less',
  );

  const torch = new PythonContender(
    'pytorch',
    'train_torch.py',
    ['1', '2'],
    // A pool of two OpenBLAS threads, of which each run uses what it asks for.
    { ...process.env, OPENBLAS_NUM_THREADS: '2' },
    'run on 1 and on 2 threads (torch.set_num_threads and openblas_set_num_threads)',
    pythonCandidates,
  );
  // NumPy in the interpreter that has PyTorch when there is one: Debian's, whose NumPy uses the system's BLAS.
  const numpy = new PythonContender(
    'numpy',
    'train_numpy.py',
    [],
    numpyEnvironment(),
    'OPENBLAS_NUM_THREADS=1, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset',
    () => [...new Set([...(torch.python ? [torch.python] : []), ...pythonCandidates()])],
  );
  // Ours runs as `nnet train` does by default (every core, up to 4), and on one thread beside it.
  const threadCount = defaultThreadCount();
  console.log(`ours: ${threadCount} thread${threadCount === 1 ? '' : 's'} (large products shared out by columns: the same bits as on one), and 1 thread`);
  const directory = mkdtempSync(join(tmpdir(), 'bench-train-'));
  const misses: string[] = [];
  const verdict = (ok: boolean, what: string) => {
    console.log(`${ok ? 'PASS' : 'MISS'} ${what}`);
    if (!ok) misses.push(what);
  };
  try {
    for (const [s, shape] of SHAPES.entries()) {
      const network = benchNetwork(shape, SEED);
      const kernel = new Workspace(network, 'auto').products.kernel;
      const ours = timeOurs(shape, network, 'auto', threadCount);
      const oursOne = threadCount > 1 ? timeOurs(shape, network, 'auto') : ours;
      const oursJs = timeOurs(shape, network, 'js');
      // How many threads the products really ran on: small networks never share theirs out.
      const probe = new Trainer(network, { steps: 1, threads: nodeProductThreads(threadCount) });
      const used = probe.threads;
      probe.close();
      const tfWasm = timeTf(shape, network);
      const manifest = writeManifest(directory, s, shape, network);
      const torchReply = torch.run(manifest);
      const numpyReply = numpy.run(manifest);
      const torch1 = torchReply?.results.find((r) => r.threads === 1);
      printShape(shape, network, ours, [
        { name: `ours, ${kernel}, ${used} thread${used === 1 ? '' : 's'}`, result: ours },
        ...(used > 1 ? [{ name: `ours, ${kernel}, 1 thread`, result: oursOne }] : []),
        { name: 'ours, js only', result: oursJs },
        { name: 'tfjs-wasm (float32)', result: tfWasm, float32: true },
        { name: 'pytorch, 1 thread', result: torch1 },
        { name: 'pytorch, 2 threads', result: torchReply?.results.find((r) => r.threads === 2) },
        { name: 'numpy, 1 thread', result: numpyReply?.results[0] },
      ]);
      const ratio = (r: StepResult) =>
        `ours ÷ it ×${(r.msPerStep / ours.msPerStep).toFixed(2)} in examples/s by wall clock, ×${(r.cpuMsPerStep / ours.cpuMsPerStep).toFixed(2)} by CPU time`;
      verdict(ours.msPerStep <= tfWasm.msPerStep, `${shape.label}: ahead of tfjs-wasm (${ratio(tfWasm)})`);
      const torch2 = torchReply?.results.find((r) => r.threads === 2);
      if (torch1) verdict(ours.msPerStep <= torch1.msPerStep, `${shape.label}: ahead of PyTorch on 1 thread (${ratio(torch1)})`);
      else console.log(`(${shape.label}: no PyTorch, "ahead of PyTorch" not checked)`);
      if (torch2) verdict(ours.msPerStep <= torch2.msPerStep, `${shape.label}: ahead of PyTorch on 2 threads (${ratio(torch2)})`);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }

  await workerPause(misses);

  console.log(misses.length === 0 ? '\nall targets met' : `\n${misses.length} target(s) missed (a MISS does not fail the benchmark)`);
  console.log(
    `(${new Date().toISOString().slice(0, 10)}; load average during the run: ${loadavg().map((x) => x.toFixed(2)).join(', ')} on ${availableParallelism()} CPUs)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * The extension host's largest pause while the training worker trains 784-128-10 on 64 examples
 * (shape (c)) for 300 full-batch steps, from creating the worker to its `finished`: the worker's
 * progress messages arrive about ten times a second, and each is all the host handles. The
 * largest stretch is creating the worker thread and posting the spec (about 10 ms here).
 * Measured PAUSE_RUNS times, each after a full collection (scripts/bench.mjs runs Node with
 * --expose-gc) so that no run pays for the garbage of the benchmarks before it — TensorFlow.js
 * leaves plenty; the worst run is the figure. Budget 20 ms, for the main thread's own work where
 * Linux tells it (its scheduler statistics advance in ticks of a few ms), else the wall-clock gap.
 */
const PAUSE_RUNS = 3;

async function workerPause(misses: string[]): Promise<void> {
  const text = `steps 300\n${generateSpec({ sizes: [784, 128, 10], parameters: false, examples: 64 })}`;
  const runs: string[] = [];
  let worst = 0;
  for (let run = 0; run < PAUSE_RUNS; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    let progressMessages = 0;
    const { value: outcome, ...pause } = await longestPause(
      () =>
        new Promise<string>((done) => {
          const client: TrainingClient = new TrainingClient(nodeWorkerThread(resolve('.cache/bench/trainingWorker.js')), specJob(text), {
            started: () => undefined,
            progress: () => void progressMessages++,
            snapshot: () => undefined,
            finished: (finished) => {
              client.dispose();
              done(finished.outcome);
            },
            failed: (problem) => {
              client.dispose();
              done('refused' in problem ? problem.refused : problem.bug.message);
            },
          });
        }),
    );
    worst = Math.max(worst, pause.workMs ?? pause.wallMs);
    runs.push(`${pauseText(pause)} (${outcome}, ${progressMessages} progress messages)`);
  }
  const line = `largest main-thread pause while a worker trains 784-128-10 × 64 for 300 steps, worst of ${PAUSE_RUNS} runs: ${formatMs(worst)} against a budget of 20 ms; runs: ${runs.join('; ')}`;
  console.log(`${worst <= 20 ? 'PASS' : 'MISS'} ${line}`);
  if (worst > 20) misses.push(line);
}
