import type { Diagnostic } from '../../../core/diagnostics';
import type { Network } from '../../../core/model/network';
import { whyUntrainable } from '../../training/worker/trainable';

/**
 * Why a spec's gradient cannot be checked, in words that finish "Cannot check the gradients of
 * xor.nnet: …", or null when it can. The conditions are training's (no errors, some example not
 * held out), since c and its gradient are the mean over the training examples; only the words
 * about the examples differ. Asked on the host from the spec's analysis, and again in the worker.
 */
export function whyUncheckable(network: Network | null, diagnostics: readonly Diagnostic[]): string | null {
  const why = whyUntrainable(network, diagnostics);
  if (why === null || network === null || diagnostics.some((d) => d.severity === 'error')) return why;
  return 'it has no training examples, and the cost c is the mean over them';
}
