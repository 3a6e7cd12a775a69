/**
 * Write Initial Weights as text: the edits that write out, as explicit `w` and `b` lines, the
 * weights and biases a spec leaves to its `seed`, so the learner can read and change them.
 *
 * The numbers are the ones the engine already uses (the parsed network's arrays), each in its
 * shortest round-trip form, so the spec after the edit describes bit for bit the same network:
 * once every layer writes its `w`, nothing is drawn from the seed any more, and a written `b`
 * holds the same zeros a missing one stands for. The `seed` line stays: `data` sets and the
 * `validation` split may still draw from it.
 *
 * The lines are made by the edit machinery of Apply Gradient Step (gradientStep.ts), given the
 * network's own parameters in place of the stepped ones and a view of the source in which the
 * numbers the spec already writes have no places: they are exactly what the engine uses, and
 * rewriting them would only change how they are spelt (`0.150` to `0.15`). So the edits are
 * insertions only, placed and indented as Apply places and indents them.
 */
import type { Network } from '../model/network';
import type { LayerSource, SpecSource } from '../model/source';
import { EXACT_DIGITS, gradientStepEdits, type TextEdit } from './gradientStep';

/**
 * The most numbers one Write Initial Weights writes: about 20 characters each, so a few
 * megabytes of text at most. A larger network's seeded weights stay with the seed, where the
 * spec stays small enough to edit by hand.
 */
export const MAX_WRITTEN_PARAMETERS = 200_000;

export type InitialWeightsPlan =
  /** `edits` insert the missing lines; `count` numbers in all, in `layers` (1-based ℓ). */
  | { readonly kind: 'edits'; readonly edits: readonly TextEdit[]; readonly count: number; readonly layers: readonly number[] }
  /** Every layer already writes its `w` and `b`: nothing comes from the seed. */
  | { readonly kind: 'nothing-seeded' }
  /** More than MAX_WRITTEN_PARAMETERS numbers would be written. */
  | { readonly kind: 'too-many'; readonly count: number };

/**
 * @param text the spec's text exactly as `network` and `source` were parsed from
 * @param network the parsed network (its layers hold the initialised parameters)
 * @param source where each part stands in `text`
 */
export function initialWeightEdits(text: string, network: Network, source: SpecSource): InitialWeightsPlan {
  let count = 0;
  const layers: number[] = [];
  for (let l = 1; l < network.layers.length; l++) {
    const layerSource = source.layers[l];
    if (!layerSource) continue;
    const missing = (layerSource.weights ? 0 : network.layers[l].weights.length) + (layerSource.biases ? 0 : network.layers[l].biases.length);
    if (missing > 0) layers.push(l);
    count += missing;
  }
  if (layers.length === 0) return { kind: 'nothing-seeded' };
  // Counted from the sizes before any text is made.
  if (count > MAX_WRITTEN_PARAMETERS) return { kind: 'too-many', count };
  const parameters = {
    w: network.layers.map((layer) => layer.weights),
    b: network.layers.map((layer) => layer.biases),
    cost: Number.NaN,
  };
  const edits = gradientStepEdits(text, network, insertionsOnly(source), parameters, { digits: EXACT_DIGITS });
  return { kind: 'edits', edits, count, layers };
}

const NO_SPANS = new Int32Array(0);

/**
 * The source with every written `w` and `b` kept (so Apply neither inserts it nor loses its
 * indentation) but holding no numbers (so Apply replaces none of them).
 */
function insertionsOnly(source: SpecSource): SpecSource {
  const layers = source.layers.map(
    (layer): LayerSource => ({ ...layer, weights: layer.weights ? NO_SPANS : null, biases: layer.biases ? NO_SPANS : null }),
  );
  return { ...source, layers };
}
