import type { Network } from '../model/network';
import type { TrainingHistory } from '../training/trainer';
import { jsonNumber, numberListPieces, parameterPieces, type Pieces } from './json';

/**
 * What `nnet train --json` prints: a training run's cost history and its final parameters.
 * The parameters are written by the same function as `updated` in `nnet trace --json`
 * (json.ts), so w[ℓ][k][j] reads the same in both and a script can feed one into the other.
 * As there, the text is exactly JSON.stringify(value, null, 2) of a TrainingJson, written in
 * pieces (a 100,000-parameter network's weights are megabytes), and non-finite numbers are null.
 */
export interface TrainingJson {
  /** N, the steps asked for. */
  readonly steps: number;
  readonly batchSize: number;
  /** Only when the run diverged: the 1-based step whose cost or gradient was not finite; the run stopped there. */
  readonly diverged?: number;
  /** Training cost before step 1, …, after step N: N + 1 numbers (fewer when the run diverged). */
  readonly cost: (number | null)[];
  /** The same for the held-out examples; present only when the spec has a validation split. */
  readonly validationCost?: (number | null)[];
  /** The parameters after the last step taken, laid out as `updated.w` and `updated.b` of `nnet trace --json`. */
  readonly parameters: { readonly w: (number[][] | null)[]; readonly b: (number[] | null)[] };
}

/** The run's JSON in pieces of whole lines, joined by line breaks, without a final line break. */
export function* trainingJsonPieces(network: Network, history: TrainingHistory, parameters: { readonly w: readonly ArrayLike<number>[]; readonly b: readonly ArrayLike<number>[] }): Pieces {
  yield `{\n  "steps": ${jsonNumber(history.steps)},\n  "batchSize": ${jsonNumber(history.batchSize)},`;
  if (history.diverged !== null) yield `  "diverged": ${jsonNumber(history.diverged + 1)},`;
  yield* numberListPieces(1, '"cost": ', history.cost, ',');
  if (history.validationCost) yield* numberListPieces(1, '"validationCost": ', history.validationCost, ',');
  yield '  "parameters": {';
  yield* parameterPieces(2, network.layers.map((layer) => layer.size), parameters.w, parameters.b, '');
  yield '  }\n}';
}
