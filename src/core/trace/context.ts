import type { EngineResult, ExampleValues } from '../engine/types';
import type { Network } from '../model/network';
import type { SpecSource } from '../model/source';
import type { WeightOrder } from '../notation/symbols';
import { spanAt, type Range } from '../text/range';

/**
 * What every step builder reads: the network, the engine's numbers for one example, display
 * digits, the weight-index convention and (optionally) where each thing stands in the spec.
 * Values are looked up with 1-based j, k as in the notation.
 */
export class TraceContext {
  readonly sizes: readonly number[];
  readonly L: number;
  readonly m: number;
  /** The examples in the gradient: m less those held out for validation (Network.validation). */
  readonly trainingCount: number;
  /** Whether this example is held out for validation: computed, but not part of the gradient. */
  readonly heldOut: boolean;
  /** This example's values (read once: past the engine's block they are recomputed). */
  readonly values: ExampleValues;

  constructor(
    readonly network: Network,
    readonly result: EngineResult,
    /** 0-based example. */
    readonly i: number,
    readonly digits: number,
    readonly source: SpecSource | null,
    /** How weights' indices are written in every symbol of the trace. */
    readonly weightOrder: WeightOrder,
  ) {
    this.sizes = network.layers.map((layer) => layer.size);
    this.L = this.sizes.length - 1;
    this.m = result.exampleCount;
    const held = network.validation ?? new Int32Array(0);
    this.trainingCount = this.m - held.length;
    this.heldOut = held.includes(i);
    this.values = result.example(i);
  }

  z(l: number, j: number): number {
    return this.values.z[l][j - 1];
  }
  /** a^(0)_k is the input x_ik. */
  a(l: number, j: number): number {
    return this.values.a[l][j - 1];
  }
  dcda(l: number, j: number): number {
    return this.values.dcda[l][j - 1];
  }
  dadz(l: number, j: number): number {
    return this.values.dadz[l][j - 1];
  }
  delta(l: number, j: number): number {
    return this.values.delta[l][j - 1];
  }
  y(j: number): number {
    return this.network.examples[this.i].y[j - 1];
  }
  w(l: number, k: number, j: number): number {
    return this.network.layers[l].weights[(k - 1) * this.sizes[l] + j - 1];
  }
  b(l: number, j: number): number {
    return this.network.layers[l].biases[j - 1];
  }

  /**
   * Whole rows for the loops that add up a sum's hidden terms (see sum.ts): this example's
   * values of layer ℓ indexed by 0-based neuron, and the layer's weights laid out like
   * Layer.weights. Views, not copies.
   */
  zRow(l: number): Float64Array {
    return this.values.z[l];
  }
  aRow(l: number): Float64Array {
    return this.values.a[l];
  }
  dcdaRow(l: number): Float64Array {
    return this.values.dcda[l];
  }
  deltaRow(l: number): Float64Array {
    return this.values.delta[l];
  }
  weights(l: number): Float64Array {
    return this.network.layers[l].weights;
  }

  /** The `layer ℓ:` line. */
  layerRange(l: number): Range | null {
    return this.source?.layers[l]?.header ?? null;
  }
  /** The number w^(ℓ)_kj in the spec, else its `w` block, else the layer line. */
  weightRange(l: number, k: number, j: number): Range | null {
    const layer = this.source?.layers[l];
    if (!layer) return null;
    if (layer.weights) return spanAt(layer.weights, (k - 1) * this.sizes[l] + j - 1);
    return layer.weightsBlock ?? layer.header;
  }
  biasRange(l: number, j: number): Range | null {
    const layer = this.source?.layers[l];
    if (!layer) return null;
    if (layer.biases) return spanAt(layer.biases, j - 1);
    return layer.biasesBlock ?? layer.header;
  }
  /** The `example` line of this trace's example. */
  exampleRange(): Range | null {
    return this.source?.examples[this.i]?.line ?? null;
  }
}
