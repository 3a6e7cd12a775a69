/**
 * The Training panel's words: the run's description, its status, the scrubber's readout, and
 * which buttons may be pressed and why not. Numbers are written as everywhere else in the
 * extension (src/core/notation: 0.693147, 1.5×10⁻⁷, 10,000). Pure, so every phrase is tested.
 */
import { thousands } from '../../src/core/notation/count';
import { formatNumber } from '../../src/core/notation/format';
import type { TrainingFinished, TrainingRun } from '../../src/shared/trainingMessages';

/** Where the run is: before its `run` message, training, or ended one of three ways. */
export type Phase = 'waiting' | 'running' | TrainingFinished['outcome'];

export function phaseOf(finished: TrainingFinished | null): Phase {
  return finished ? finished.outcome : 'running';
}

/** "Training · XOR" or "Training · xor.nnet". */
export function titleText(run: TrainingRun): string {
  return `Training · ${run.networkName ?? run.fileName}`;
}

/** "2-2-1 network · 10,000 steps · batch size 4, reshuffled at each pass (seed 7) · η = 0.5". */
export function runText(run: TrainingRun): string {
  const order = run.shuffle === null ? 'in order' : `reshuffled at each pass (seed ${run.shuffle})`;
  return [
    `${run.sizes.join('-')} network`,
    `${thousands(run.steps)} ${run.steps === 1 ? 'step' : 'steps'}`,
    `batch size ${thousands(run.batchSize)}, ${order}`,
    `η = ${formatNumber(run.learningRate)}`,
  ].join(' · ');
}

/** Under the run line of a panel restored after a window reload, which trains its spec again. */
export const RESTORED_TEXT = 'Trained again: the window reloaded, and a training run is not kept across reloads. An unchanged spec gives the same run.';

/** 850 ms, 3.21 s, 2 min 5 s. */
export function durationText(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${formatNumber(ms / 1000, 3)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export interface StatusFacts {
  readonly phase: Phase;
  readonly done: number;
  readonly steps: number;
  readonly throughput: number;
  readonly finished: TrainingFinished | null;
}

/** One line under the title: how far the run is, or how it ended. */
export function statusText(f: StatusFacts): string {
  const progress = `${thousands(f.done)} of ${thousands(f.steps)} steps`;
  const elapsed = f.finished ? durationText(f.finished.elapsedMs) : '';
  switch (f.phase) {
    case 'waiting':
      return 'Waiting for the training run…';
    case 'running':
      return `Training: ${progress}${f.throughput > 0 ? ` · ${thousands(Math.round(f.throughput))} examples/s` : ''}`;
    case 'completed':
      return `Trained ${thousands(f.done)} ${f.done === 1 ? 'step' : 'steps'}${elapsed ? ` in ${elapsed}` : ''}`;
    case 'cancelled':
      return `Cancelled after ${progress}${elapsed ? ` (${elapsed})` : ''}`;
    case 'diverged':
      return `Diverged: ${divergedPhrase(f.finished?.divergedAt ?? null)}; stopped after ${progress}`;
  }
}

/** "the cost or the gradient after 77 steps was not finite". */
export function divergedPhrase(divergedAt: number | null): string {
  return divergedAt === null ? 'a cost or gradient was not finite' : `the cost or the gradient after ${thousands(divergedAt)} ${divergedAt === 1 ? 'step' : 'steps'} was not finite`;
}

export interface ScrubFacts {
  readonly step: number;
  readonly steps: number;
  readonly cost: number | null;
  /** undefined: the run has no validation split; null: not known yet. */
  readonly validationCost: number | null | undefined;
  readonly digits: number;
}

/** The readout beside the scrubber: "step 120 of 1,000 · c = 0.25 · validation c = 0.31" (… while not known). */
export function scrubText(f: ScrubFacts): string {
  const value = (v: number | null) => (v === null ? '…' : formatNumber(v, f.digits));
  const parts = [`step ${thousands(f.step)} of ${thousands(f.steps)}`, `c = ${value(f.cost)}`];
  if (f.validationCost !== undefined) parts.push(`validation c = ${value(f.validationCost)}`);
  return parts.join(' · ');
}

/** The same for the slider's aria-valuetext, which a screen reader speaks as the value changes. */
export function scrubValueText(f: ScrubFacts): string {
  const value = (name: string, v: number | null) => (v === null ? `${name} not known yet` : `${name} ${formatNumber(v, f.digits)}`);
  const parts = [`step ${thousands(f.step)} of ${thousands(f.steps)}`, value('cost', f.cost)];
  if (f.validationCost !== undefined) parts.push(value('validation cost', f.validationCost));
  return parts.join(', ');
}

export interface ControlFacts {
  readonly phase: Phase;
  /** The scrubber's step, and the steps done. */
  readonly step: number;
  readonly done: number;
  readonly divergedAt: number | null;
  /** Cancel or Train again was pressed and the extension has not answered yet. */
  readonly cancelAsked: boolean;
  readonly retrainAsked: boolean;
}

export interface ControlState {
  /** Step through and Apply: whether they may be pressed, and if not, why (their tooltip). */
  readonly useStep: boolean;
  readonly useStepReason: string | null;
  readonly cancelShown: boolean;
  readonly cancelEnabled: boolean;
  readonly retrainShown: boolean;
  readonly retrainEnabled: boolean;
  readonly scrubberEnabled: boolean;
}

/**
 * Which buttons work now. Step through and Apply act on a stopped run's parameters: not while the
 * worker is still training, and not past the step where a diverged run stopped (those parameters
 * came from a gradient that was not finite, and Apply would write NaN into the spec). Cancel is
 * there while the run goes, Train again once it has ended; each waits for the extension's answer
 * after it is pressed, so a double click asks once.
 */
export function controlState(f: ControlFacts): ControlState {
  const running = f.phase === 'running';
  const ended = f.phase !== 'waiting' && !running;
  let reason: string | null = null;
  if (f.phase === 'waiting') reason = 'No training run yet';
  else if (running) reason = 'Available when training stops';
  else if (f.step > f.done) reason = `Step ${thousands(f.step)} was not reached`;
  else if (f.divergedAt !== null && f.step > f.divergedAt) reason = `The parameters after step ${thousands(f.divergedAt)} are not finite`;
  return {
    useStep: reason === null,
    useStepReason: reason,
    cancelShown: running,
    cancelEnabled: running && !f.cancelAsked,
    retrainShown: ended,
    retrainEnabled: ended && !f.retrainAsked,
    scrubberEnabled: f.phase !== 'waiting',
  };
}
