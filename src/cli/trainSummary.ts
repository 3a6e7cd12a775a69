import { thousands } from '../core/notation/count';
import { formatNumber } from '../core/notation/format';
import type { Network } from '../core/model/network';
import type { TrainingHistory } from '../core/training/trainer';
import { formatDuration } from './trainProgress';

/**
 * The lines `nnet train` prints after a run in its default format: what ran, how the cost moved,
 * where the validation cost was lowest, and how fast. Each is short enough to read at a glance;
 * the whole history is --csv's and --json's.
 */
export interface RunFacts {
  readonly file: string;
  readonly network: Network;
  readonly history: TrainingHistory;
  /** The shuffle seed the run used, or null. */
  readonly shuffle: number | null;
  readonly elapsedMs: number;
  /** The threads the products ran on; absent: 1. */
  readonly threads?: number;
}

export function summaryLines({ file, network, history, shuffle, elapsedMs, threads = 1 }: RunFacts): string[] {
  const held = network.validation?.length ?? 0;
  const training = network.examples.length - held;
  const shape = network.layers.map((layer) => layer.size).join('-');
  const examples = `${plural(training, held > 0 ? 'training example' : 'example')}${held > 0 ? `, ${thousands(held)} held out` : ''}`;
  const B = history.batchSize;
  const batch = B === training ? `full batch (${plural(B, 'example')})` : `batch size ${thousands(B)}`;
  const order = shuffle === null ? 'in order' : `reshuffled at each pass (seed ${shuffle})`;
  const { cost, done } = history;
  const last = cost.length - 1;
  const lines = [
    `${network.name ?? file}: ${shape} network, ${examples}, η = ${formatNumber(network.learningRate)}`,
    `steps       ${thousands(done)}${done < history.steps ? ` of ${thousands(history.steps)}` : ''}, ${batch}, ${order}`,
    `cost        ${formatNumber(cost[0])} before step 1, ${formatNumber(cost[last])} ${last === done ? `after step ${thousands(done)}` : `before step ${thousands(last + 1)}`}`,
  ];
  if (history.validationCost) {
    const best = bestStep(history.validationCost);
    const validation = history.validationCost;
    lines.push(
      best === null
        ? 'validation  no finite cost'
        : `validation  best ${formatNumber(validation[best])} ${best === 0 ? 'before step 1' : `after step ${thousands(best)}`}; ${formatNumber(validation[last])} at the end`,
    );
  }
  // Examples the gradient steps went through; the costing passes come on top.
  const rate = elapsedMs > 0 ? `, ${thousands(Math.round((done * B) / (elapsedMs / 1000)))} examples/s` : '';
  lines.push(`time        ${formatDuration(elapsedMs)}${rate}${threads > 1 ? ` on ${threads} threads` : ''}`);
  return lines;
}

/** t with the lowest finite cost (the first of equals), or null when none is finite. */
export function bestStep(costs: ArrayLike<number>): number | null {
  let best: number | null = null;
  for (let t = 0; t < costs.length; t++) if (Number.isFinite(costs[t]) && (best === null || costs[t] < costs[best])) best = t;
  return best;
}

function plural(n: number, word: string): string {
  return `${thousands(n)} ${word}${n === 1 ? '' : 's'}`;
}
