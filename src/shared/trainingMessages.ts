/**
 * The messages between the extension host and the Training panel (webview/training/), one
 * discriminated union per direction, imported as types on both ends of `postMessage`.
 *
 * Conversation: the webview posts `ready`; the extension answers with `run` (what is being
 * trained), then `progress` messages while the training worker runs — at most about ten a
 * second, each holding only the history recorded since the previous one — and `finished`. The
 * webview asks for the network at a step with `scrub`, and the extension answers with `snapshot`
 * (the decision map or fitted curve drawn from that step's parameters, computed in the worker).
 * The webview never trains or evaluates the network itself: it draws what it is given.
 */
import type { TrainingPicture } from '../core/training/picture';

export type { TrainingPicture, TrainingPoints } from '../core/training/picture';

/** What a run is, sent once when it starts (and again when the panel is restored or re-trains). */
export interface TrainingRun {
  readonly type: 'run';
  /**
   * Names this run among the panel's runs: a page that is shown again (VS Code discards a hidden
   * webview's page) gets the same run again, and goes back to the step it was on.
   */
  readonly id: number;
  /** The spec's URI (a string) and the name shown in the title. */
  readonly uri: string;
  readonly fileName: string;
  readonly networkName: string | null;
  /** N, B (after clamping), the shuffle seed or null, η. */
  readonly steps: number;
  readonly batchSize: number;
  readonly shuffle: number | null;
  readonly learningRate: number;
  /** n_0 … n_L, for the legend of the gradient-norm curves (one per layer ℓ = 1 … L). */
  readonly sizes: readonly number[];
  readonly hasValidation: boolean;
  /** Which picture the run can show: a decision map (2 inputs), a fitted curve (1 input, 1 output), or none. */
  readonly picture: 'map' | 'curve' | 'none';
  readonly digits: number;
  /**
   * The panel was restored after a window reload and trains its spec again (a run is not kept
   * across reloads): the page says so, and its scrubber goes back to the step it rested on.
   */
  readonly restored?: true;
}

/** The history recorded since the last progress message: entries `from` … `from + cost.length − 1`. */
export interface TrainingProgress {
  readonly type: 'progress';
  readonly done: number;
  readonly from: number;
  /** Training cost with the parameters after t steps, for t = from, from + 1, … */
  readonly cost: readonly number[];
  /** The same for the held-out examples; empty without a validation split. */
  readonly validationCost: readonly number[];
  /** gradientNorms[ℓ − 1][q]: ‖∂c/∂w⁽ℓ⁾‖ of step from + q + 1. */
  readonly gradientNorms: readonly (readonly number[])[];
  /** Examples per second so far. */
  readonly throughput: number;
}

export interface TrainingFinished {
  readonly type: 'finished';
  readonly done: number;
  /** How the run ended: every step done, cancelled by the person, or stopped at a non-finite step. */
  readonly outcome: 'completed' | 'cancelled' | 'diverged';
  /** The step (0-based) that was not finite, for `diverged`. */
  readonly divergedAt: number | null;
  readonly elapsedMs: number;
}

export interface TrainingSnapshot {
  readonly type: 'snapshot';
  /** The step whose parameters are drawn: after `step` steps. */
  readonly step: number;
  readonly cost: number;
  readonly validationCost: number | null;
  readonly picture: TrainingPicture | null;
}

/** The spec was renamed or moved: the panel and its run go with it, under the new name. */
export interface TrainingRenamed {
  readonly type: 'renamed';
  readonly uri: string;
  readonly fileName: string;
}

export type ExtensionToTraining = TrainingRun | TrainingProgress | TrainingFinished | TrainingSnapshot | TrainingRenamed;

export type TrainingToExtension =
  | { readonly type: 'ready' }
  /** Show the network after `step` steps (the scrubber moved); the run's open Step through copy moves there too. */
  | { readonly type: 'scrub'; readonly step: number }
  /** Open the stepping (and the debugger's spec) on the parameters after `step` steps. */
  | { readonly type: 'stepThrough'; readonly step: number }
  /** Write the parameters after `step` steps into the spec, as one edit that Undo reverts. */
  | { readonly type: 'apply'; readonly step: number }
  | { readonly type: 'cancel' }
  | { readonly type: 'retrain' };

/** Narrows an unknown postMessage payload to a TrainingToExtension, rejecting anything malformed. */
export function isTrainingMessage(value: unknown): value is TrainingToExtension {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as { type?: unknown; step?: unknown };
  switch (message.type) {
    case 'ready':
    case 'cancel':
    case 'retrain':
      return true;
    case 'scrub':
    case 'stepThrough':
    case 'apply':
      return Number.isInteger(message.step) && (message.step as number) >= 0;
    default:
      return false;
  }
}
