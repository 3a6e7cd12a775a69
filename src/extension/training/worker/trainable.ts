import type { Diagnostic } from '../../../core/diagnostics';
import type { Network } from '../../../core/model/network';

/**
 * Why a spec cannot be trained, in words that finish "Cannot train xor.nnet: …", or null when it
 * can: it must have no errors, and at least one example that is not held out for validation.
 * Asked on the host before a run starts (from the spec's analysis, so the person hears at once)
 * and again in the training worker, which parses the text itself.
 */
export function whyUntrainable(network: Network | null, diagnostics: readonly Diagnostic[]): string | null {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (network === null || errors.length > 0) {
    if (errors.length === 0) return 'it has errors; fix them first';
    const first = `line ${errors[0].range.start.line + 1}: ${errors[0].message}`;
    return errors.length === 1 ? `it has an error; fix it first (${first})` : `it has ${errors.length} errors; fix them first (the first, ${first})`;
  }
  if (network.examples.length === 0) return 'it has no examples to train on';
  if ((network.validation?.length ?? 0) >= network.examples.length) return 'every example is held out for validation, so none is left to train on';
  return null;
}
