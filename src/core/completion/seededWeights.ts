import { DEFAULT_LIMITS } from '../model/limits';
import { initialiseLayers, type LayerPlan } from '../model/initialise';
import type { SpecShape } from './specShape';

/**
 * The weights w⁽ℓ⁾ the engine draws from the spec's seed for layer `index` of `shape` when the
 * spec leaves its `w` out (model/initialise.ts computes them; nothing here re-implements the
 * scheme), row by row as Layer.weights holds them. A completion writes these numbers as the
 * layer's `w`, and a quick fix takes the rows a short `w` lacks from them, so what is written is
 * what the engine was already using. Each layer owns a fixed stretch of the seed's stream, so
 * writing this layer's `w` out changes no other layer's seeded weights.
 *
 * Null when those numbers are not determined yet: a layer up to this one has no valid size, or
 * this one has no known activation (its bound depends on it), or the layers up to this one hold
 * more weights than a network may have (so a typo cannot make this allocate gigabytes).
 */
export function seededWeights(shape: SpecShape, index: number): Float64Array | null {
  const layers = shape.layers;
  if (index < 1 || index >= layers.length) return null;
  const inputSize = layers[0].size;
  if (inputSize === null) return null;
  const plans: LayerPlan[] = [];
  let previous = inputSize;
  let total = 0;
  for (let i = 1; i <= index; i++) {
    const layer = layers[i];
    const draws = i === index;
    if (layer.size === null || (draws && layer.activation === null)) return null;
    total += previous * layer.size;
    if (total > DEFAULT_LIMITS.maxParameters) return null;
    // The layers above only skip their stretch of the stream; their values are never read here.
    plans.push({ size: layer.size, activation: layer.activation ?? 'linear', weights: draws ? null : NOTHING, biases: NOTHING });
    previous = layer.size;
  }
  return initialiseLayers(inputSize, plans, shape.seed)[index - 1].weights;
}

const NOTHING = new Float64Array(0);
