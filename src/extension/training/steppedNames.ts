/**
 * The words of a Step through copy (steppedDocuments.ts) that a person reads: its file name, on
 * its tab, and the comment line that opens its text. Kept apart from steppedUri.ts, which builds
 * VS Code URIs, so that they can be tested without VS Code.
 */

/** Whether a copy still follows its run's scrubber, or its run has ended (replaced, cancelled or closed). */
export type CopyState = 'following' | 'ended';

/**
 * `xor.nnet`'s copies: `xor (training).nnet`, then `xor (training 2).nnet`, … for runs whose
 * copies are open side by side (`ordinal` counts from 1). Two tabs of one name could not be told
 * apart: they share a folder. The extension is kept, so each copy is a spec too.
 */
export function steppedFileName(fileName: string, ordinal = 1): string {
  const stem = fileName.toLowerCase().endsWith('.nnet') ? fileName.slice(0, -'.nnet'.length) : fileName;
  return `${stem} (training${ordinal > 1 ? ` ${ordinal}` : ''}).nnet`;
}

/**
 * The comment line that opens a copy's text, naming the step it shows (the tab cannot: its name
 * stays while the step changes) and whether it still moves with the scrubber. Anything in the
 * spec's name that would end a comment line is replaced, so the line stays one comment.
 */
export function steppedHeader(specName: string, step: number, state: CopyState = 'following'): string {
  const name = specName.replace(/[\r\n\u0085\u2028\u2029]/g, ' ');
  const steps = `${step} ${step === 1 ? 'step' : 'steps'}`;
  const rest = state === 'following' ? "it follows the Training panel's scrubber" : 'its training run has ended, so it stays at this step';
  return `# ${name} after ${steps} of training, read-only: ${rest}.\n`;
}
