import type { TextEdit } from '../../../core/edit/gradientStep';
import type { TrainingFinished, TrainingProgress, TrainingRun, TrainingSnapshot } from '../../../shared/trainingMessages';
import type { TextPiece, WireBug } from '../../analysis/worker/wire';

/**
 * The messages between the extension host and the training worker (trainingWorker.ts), plain
 * data for the structured clone. The spec's text travels exactly as it does to the analysis
 * worker (wire.ts TextPiece: in pieces, the first with the DataContext, the last starting the
 * run); what the Training panel draws (progress, finished, snapshot) is sent already in the
 * panel's own shapes (shared/trainingMessages.ts), so the host forwards it untouched and never
 * computes a cost, a gradient or a picture itself.
 *
 * Conversation: text pieces → `started` (or `refused`) → `progress`… → `finished`. `snapshot`
 * requests may come at any time: the worker answers only the newest, between chunks of steps
 * and after the end. `answer` requests (Apply, Step through, the tests' parameters) are
 * answered in order, each under its id.
 */

/** What the run is, as the worker read it from the spec: the Training panel's `run` without what only the host knows. */
export type RunFacts = Omit<TrainingRun, 'type' | 'id' | 'uri' | 'fileName' | 'digits'>;

/** What an `answer` request asks for at `step`. */
export type AnswerKind =
  /** The text edits writing the parameters after `step` steps into the spec, each number to `digits` significant digits. */
  | { readonly kind: 'edits'; readonly digits: number }
  /** The spec's text with those parameters written in at full precision (Step through this step). */
  | { readonly kind: 'steppedText' }
  /** The parameters themselves. */
  | { readonly kind: 'parameters' };

export type AnswerRequest = AnswerKind & { readonly type: 'answer'; readonly id: number; readonly step: number };

/** Host → worker. */
export type HostToTrainingWorker = TextPiece | { readonly type: 'snapshot'; readonly step: number } | AnswerRequest;

/** What an `answer` request got: `step` is the step actually used (a request past the steps done is clamped). */
export type WorkerAnswer =
  | { readonly kind: 'edits'; readonly step: number; readonly edits: readonly TextEdit[] }
  | { readonly kind: 'steppedText'; readonly step: number; readonly text: string }
  | { readonly kind: 'parameters'; readonly step: number; readonly w: Float64Array[]; readonly b: Float64Array[] }
  /** The request cannot be met; `message` says why, in words for the person. */
  | { readonly kind: 'refused'; readonly message: string };

/** The worker's own `finished`: a cancelled run is never announced by the worker (it is terminated). */
export type WorkerFinished = TrainingFinished & { readonly outcome: 'completed' | 'diverged' };

/** Worker → host. */
export type TrainingWorkerReply =
  | { readonly type: 'started'; readonly facts: RunFacts }
  /** The spec cannot be trained (errors, no training examples); nothing else follows. */
  | { readonly type: 'refused'; readonly message: string }
  | TrainingProgress
  | WorkerFinished
  | TrainingSnapshot
  | { readonly type: 'answer'; readonly id: number; readonly answer: WorkerAnswer }
  /** An exception the worker caught outside any answer: the run is over. */
  | { readonly type: 'failed'; readonly bug: WireBug };
