/**
 * How `npm run bench train` times each contender on a shape: the same warm-up, samples and
 * medians for ours, TensorFlow.js and the Python scripts (python/common.py receives the numbers).
 */
import type { BenchShape } from './shapes';

/** How each contender is timed on a shape (the Python scripts receive the same numbers). */
export interface StepTiming {
  /** Warm-up: at least two calls, and at least this long. */
  readonly warmupMs: number;
  /** Steps per sample: enough for a sample to last about this long (at least one). */
  readonly sampleMs: number;
  readonly runs: number;
  /** Samples kept at least, even past the budget. */
  readonly minRuns: number;
  /** Stop taking samples once this much time is spent on them. */
  readonly budgetMs: number;
}

export const SMALL: StepTiming = { warmupMs: 250, sampleMs: 100, runs: 15, minRuns: 5, budgetMs: 1200 };
export const LARGE: StepTiming = { warmupMs: 400, sampleMs: 250, runs: 9, minRuns: 5, budgetMs: 2000 };
export const timingFor = (shape: BenchShape): StepTiming => (shape.sizes[0] > 100 ? LARGE : SMALL);

/** Costs before each of the first CHECK_STEPS steps and after the last, compared across contenders. */
export const CHECK_STEPS = 3;
export const SEED = 42;

export interface StepResult {
  /** Median wall time per step, ms. */
  readonly msPerStep: number;
  /** CPU time of the whole process (all its threads) per step, ms. */
  readonly cpuMsPerStep: number;
  /** Minor page faults of the process per step: memory the step takes fresh from the system. */
  readonly faultsPerStep: number;
  readonly stepsPerSample: number;
  readonly samples: number;
  /** Costs before steps 1 … CHECK_STEPS and after the last, from the shape's initial network. */
  readonly checkCosts: number[];
}

/**
 * The timing loop of every contender (python/common.py has the same): `prepare(k)` sets up k
 * steps untimed and returns what runs them, which is timed. Warm-up: calls of k = 1, 4, 16, …
 * steps, until at least two calls and `warmupMs` are done and the last call took about a sample;
 * its time per step then sets k for the samples.
 */
export function measureSteps(prepare: (k: number) => () => void, timing: StepTiming, maxK = Infinity): Omit<StepResult, 'checkCosts'> {
  let started = performance.now();
  let k = 1;
  for (let calls = 1; ; calls++) {
    const run = prepare(k);
    const t0 = performance.now();
    run();
    const target = Math.max(1, Math.min(maxK, Math.round((timing.sampleMs * k) / (performance.now() - t0))));
    // Warm-up ends once it has lasted long enough and its last call was about a sample's size.
    const sized = 2 * k >= target;
    k = Math.min(k * 4, target);
    if (calls >= 2 && sized && performance.now() - started >= timing.warmupMs) break;
  }
  const samples: number[] = [];
  let cpu = 0;
  let faults = 0;
  started = performance.now();
  for (let i = 0; i < timing.runs; i++) {
    const run = prepare(k);
    const f0 = process.resourceUsage().minorPageFault;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    const t1 = performance.now();
    const used = process.cpuUsage(c0);
    faults += process.resourceUsage().minorPageFault - f0;
    cpu += (used.user + used.system) / 1000;
    samples.push((t1 - t0) / k);
    if (samples.length >= timing.minRuns && performance.now() - started > timing.budgetMs) break;
  }
  const n = samples.length;
  return { msPerStep: median(samples), cpuMsPerStep: cpu / n / k, faultsPerStep: faults / n / k, stepsPerSample: k, samples: n };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
