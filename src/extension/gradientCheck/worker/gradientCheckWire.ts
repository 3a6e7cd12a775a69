import type { CheckReport } from '../../../core/gradientCheck/report';
import type { WeightOrder } from '../../../core/notation/symbols';
import type { TextPiece, WireBug } from '../../analysis/worker/wire';

/**
 * The messages between the extension host and the gradient-check worker
 * (gradientCheckWorker.ts), plain data for the structured clone. The spec's text travels as it
 * does to the analysis and training workers (wire.ts TextPiece: in pieces, the first with the
 * DataContext, the last starting the check), after one `options` message.
 *
 * Conversation: options, text pieces → `planned` (or `refused`) → `progress`… → `report`.
 * There is no cancel message: the host terminates the worker, which stops it between any two
 * instructions.
 */

/** Host → worker. */
export type HostToGradientWorker = TextPiece | { readonly type: 'options'; readonly weightOrder: WeightOrder };

/** Worker → host. */
export type GradientWorkerReply =
  /** The plan, fixed before the first probe: `planned` of `total` parameters. */
  | { readonly type: 'planned'; readonly planned: number; readonly total: number; readonly sampled: boolean }
  | { readonly type: 'progress'; readonly done: number }
  | { readonly type: 'report'; readonly report: CheckReport }
  /** The spec cannot be checked (errors, no training examples), in words finishing "Cannot check x.nnet: …". */
  | { readonly type: 'refused'; readonly message: string }
  /** An exception in the worker: the check is over. */
  | { readonly type: 'failed'; readonly bug: WireBug };
