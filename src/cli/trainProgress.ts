import { thousands } from '../core/notation/count';
import { formatNumber } from '../core/notation/format';
import type { Trainer } from '../core/training/trainer';
import type { CliIO } from './command';

/**
 * Runs a Trainer to the end, drawing a progress line on a terminal. The trainer runs in chunks
 * of about CHUNK_MS each — a step of a big network takes milliseconds, one of a tiny network
 * microseconds, so the chunk's size in steps is learnt from the time the last one took — and
 * the line is redrawn at most every REDRAW_MS, so a million fast steps do not become a million
 * terminal writes. Off a terminal (pipes, CI logs, tests) it runs in one go and prints nothing:
 * those readers want only the output.
 */

/** About how long one chunk of steps runs between looks at the clock. */
const CHUNK_MS = 50;
/** The least time between two redraws of the progress line: ten a second. */
const REDRAW_MS = 100;
/** Characters of the bar itself. */
const BAR_WIDTH = 24;

/** Returns the milliseconds the run took. `now` is the clock (milliseconds), replaced in tests. */
export function runTrainer(trainer: Trainer, io: CliIO, now: () => number = () => performance.now()): number {
  const start = now();
  if (!io.isTerminal || !io.progress) {
    trainer.run(trainer.steps);
    return now() - start;
  }
  const progress = io.progress;
  let chunk = 1;
  let drawn = -Infinity;
  let drawnDone = 0;
  progress(progressLine(trainer, 0));
  while (!trainer.isFinished) {
    const before = now();
    trainer.run(chunk);
    const after = now();
    const took = after - before;
    // Aim the next chunk at CHUNK_MS, growing at most fourfold so one slow start cannot overshoot.
    chunk = took <= 0 ? chunk * 4 : Math.max(1, Math.min(chunk * 4, Math.round((chunk * CHUNK_MS) / took)));
    if (after - drawn >= REDRAW_MS) {
      progress(progressLine(trainer, after - start));
      [drawn, drawnDone] = [after, trainer.history().done];
    }
  }
  const elapsed = now() - start;
  // The finished line is always shown once, then erased so the summary starts on a clean line.
  if (drawnDone !== trainer.history().done) progress(progressLine(trainer, elapsed));
  progress('');
  return elapsed;
}

/** e.g. `[██████████░░░░░░░░░░░░░░]  42%  step 420/1,000  cost 0.123456  1.3 s`. */
export function progressLine(trainer: Trainer, elapsedMs: number): string {
  const { done, steps, cost } = trainer.history();
  const filled = Math.floor((done / steps) * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const percent = `${Math.floor((done / steps) * 100)}%`.padStart(4);
  // The newest cost known: before the step under way, or after the last once finished.
  const latest = cost.length > 0 ? `  cost ${formatNumber(cost[cost.length - 1])}` : '';
  return `[${bar}] ${percent}  step ${thousands(done)}/${thousands(steps)}${latest}  ${formatDuration(elapsedMs)}`;
}

/** 8.3 ms, 412 ms, 1.25 s, 73.4 s. */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  return `${s.toFixed(s < 10 ? 2 : 1)} s`;
}
