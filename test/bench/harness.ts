/**
 * Timing for benchmarks: warm up, then time many runs and report the median, which a noisy
 * shared machine disturbs far less than the mean. Budgets are checked here and printed as
 * PASS/MISS lines, never as test failures.
 */
export interface Timing {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export interface MeasureOptions {
  readonly warmup?: number;
  readonly runs?: number;
  /** Stop early once this many milliseconds have been spent timing (at least 5 runs are kept). */
  readonly maxTotalMs?: number;
}

export function measure(name: string, fn: () => unknown, options: MeasureOptions = {}): Timing {
  const warmup = options.warmup ?? 3;
  const runs = options.runs ?? 21;
  const maxTotalMs = options.maxTotalMs ?? 20_000;
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
    if (samples.length >= 5 && performance.now() - started > maxTotalMs) break;
  }
  return summarise(name, samples);
}

export async function measureAsync(name: string, fn: () => Promise<unknown>, options: MeasureOptions = {}): Promise<Timing> {
  const warmup = options.warmup ?? 3;
  const runs = options.runs ?? 21;
  const maxTotalMs = options.maxTotalMs ?? 20_000;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
    if (samples.length >= 5 && performance.now() - started > maxTotalMs) break;
  }
  return summarise(name, samples);
}

function summarise(name: string, samples: number[]): Timing {
  const sorted = [...samples].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  const medianMs = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { name, runs: sorted.length, medianMs, minMs: sorted[0], maxMs: sorted[sorted.length - 1] };
}

export function formatMs(ms: number): string {
  if (ms < 0.01) return `${(ms * 1000).toFixed(3)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  return `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;
}

export function report(timing: Timing): void {
  console.log(
    `${timing.name}: median ${formatMs(timing.medianMs)} (min ${formatMs(timing.minMs)}, max ${formatMs(timing.maxMs)}, ${timing.runs} runs)`,
  );
}

/** Prints a budget line: PASS when the median is within it, MISS otherwise. */
export function budget(timing: Timing, limitMs: number): boolean {
  const ok = timing.medianMs <= limitMs;
  console.log(`${ok ? 'PASS' : 'MISS'} ${timing.name}: median ${formatMs(timing.medianMs)} against a budget of ${formatMs(limitMs)}`);
  return ok;
}

export interface PairTiming {
  readonly a: Timing;
  readonly b: Timing;
  /** Median over the pairs of (time of b) / (time of a) measured back to back. */
  readonly medianRatio: number;
}

/**
 * Times two functions in turn, a b a b …, and takes the ratio pair by pair. Timed one after the
 * other instead, the first would run with a warm cache and none of the second's garbage to
 * collect, and a drift in the machine's speed between the two would read as a difference.
 */
export function measurePair(nameA: string, a: () => unknown, nameB: string, b: () => unknown, options: MeasureOptions = {}): PairTiming {
  const warmup = options.warmup ?? 3;
  const runs = options.runs ?? 21;
  const maxTotalMs = options.maxTotalMs ?? 20_000;
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  const ratios: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    a();
    const t1 = performance.now();
    b();
    const t2 = performance.now();
    samplesA.push(t1 - t0);
    samplesB.push(t2 - t1);
    ratios.push((t2 - t1) / (t1 - t0));
    if (samplesA.length >= 5 && performance.now() - started > maxTotalMs) break;
  }
  return { a: summarise(nameA, samplesA), b: summarise(nameB, samplesB), medianRatio: summarise('ratio', ratios).medianMs };
}

/**
 * Median CPU time of this process per call, in ms (includes the garbage collector's threads):
 * unlike the wall clock, other processes on a busy machine do not inflate it.
 */
export function cpuMedian(fn: () => unknown, runs = 21): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[runs >> 1];
}
