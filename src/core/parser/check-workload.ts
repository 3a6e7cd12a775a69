import type { Limits } from '../model/limits';
import { workload } from '../model/workload';
import type { SpecDraft } from './draft';
import { thousands } from '../notation/count';
import type { Reporter } from './reporter';

/**
 * Refuses a spec whose analysis would cost too much work or memory, from the sizes alone and
 * before the engine allocates anything (see model/workload.ts). It runs only on a spec whose
 * layers and examples are otherwise within their limits, so it names one figure to shrink.
 */
export function checkWorkload(draft: SpecDraft, m: number, reporter: Reporter, limits: Limits): void {
  const sizes: number[] = [];
  for (const layer of draft.layers) {
    if (layer.size === null) return;
    sizes.push(layer.size);
  }
  if (sizes.length < 2 || m === 0) return;
  const { multiplyAdds, bytes } = workload(sizes, m);
  const overWork = multiplyAdds > limits.maxMultiplyAdds;
  const overMemory = bytes > limits.maxAnalysisBytes;
  if (!overWork && !overMemory) return;
  // The layer with the most weights is the one to point at: shrinking it helps most.
  let widest = 1;
  for (let l = 2; l < sizes.length; l++) if (sizes[l - 1] * sizes[l] > sizes[widest - 1] * sizes[widest]) widest = l;
  const layer = draft.layers[widest];
  const figure = overWork
    ? `about ${thousands(multiplyAdds)} multiply-adds; the limit is ${thousands(limits.maxMultiplyAdds)}`
    : `about ${megabytes(bytes)} of memory; the limit is ${megabytes(limits.maxAnalysisBytes)}`;
  reporter.report(
    'work-too-large',
    layer.header,
    `backpropagating ${thousands(m)} ${m === 1 ? 'example' : 'examples'} through this network takes ${figure}. Use fewer examples, or fewer neurons in layer ${layer.label}, the widest`,
  );
}

function megabytes(bytes: number): string {
  return `${thousands(Math.ceil(bytes / 2 ** 20))} MB`;
}
