/**
 * How long the main thread is kept from its event loop while a worker thread works: the
 * analysis and training benchmarks measure the extension host's pauses with these.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { formatMs } from './harness';

/**
 * The main thread's time on a CPU so far, in ms, from Linux's per-thread scheduler statistics;
 * null elsewhere. A gap between timer ticks is this thread's own work only as far as this grew
 * over it: the rest of the gap it spent waiting for a CPU, which on a busy machine is most of it.
 */
function mainThreadCpuMs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

export interface Pause {
  /** The longest gap between two ticks of a 1 ms timer, as a clock on the wall sees it. */
  readonly wallMs: number;
  /** The most CPU time the main thread spent between two ticks: its own longest stretch of work (Linux only). */
  readonly workMs: number | null;
}

/** Runs `body` while a 1 ms interval timer ticks, and measures the longest pause between ticks. */
export async function longestPause<T>(body: () => Promise<T>): Promise<{ value: T } & Pause> {
  let last = performance.now();
  let lastCpu = mainThreadCpuMs();
  let wallMs = 0;
  let workMs = lastCpu === null ? null : 0;
  const tick = () => {
    const now = performance.now();
    const cpu = mainThreadCpuMs();
    wallMs = Math.max(wallMs, now - last);
    if (workMs !== null && cpu !== null && lastCpu !== null) workMs = Math.max(workMs, cpu - lastCpu);
    last = now;
    lastCpu = cpu;
  };
  const ticker = setInterval(tick, 1);
  try {
    const value = await body();
    tick();
    return { value, wallMs, workMs };
  } finally {
    clearInterval(ticker);
  }
}

export const pauseText = ({ wallMs, workMs }: Pause): string => `${formatMs(wallMs)}${workMs === null ? '' : ` (${formatMs(workMs)} of it working)`}`;
