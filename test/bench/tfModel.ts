/**
 * A bench network as a TensorFlow.js model (float32, TF's only CPU dtype): its weights and
 * biases as variables, the examples as tensors, and the cost the engine's `half-squared`
 * computes, c = (1/m) Σ_i ½ Σ_j (a − y)². Shared by the gradient and training benchmarks, so
 * both compare us with the same TensorFlow.js computation.
 */
import * as tf from '@tensorflow/tfjs';
import type { Network } from '../../src/core/model/network';
import type { BenchShape } from './shapes';

export interface TfModel {
  /** w⁽¹⁾, b⁽¹⁾, w⁽²⁾, b⁽²⁾, …: every trainable variable. */
  readonly variables: tf.Variable[];
  readonly loss: () => tf.Scalar;
  /** Frees every tensor the model holds. */
  dispose(): void;
}

export function tfModel(shape: Pick<BenchShape, 'sizes' | 'activations'>, network: Network): TfModel {
  const L = network.layers.length - 1;
  const ws: tf.Variable[] = [];
  const bs: tf.Variable[] = [];
  for (let l = 1; l <= L; l++) {
    const layer = network.layers[l];
    ws.push(tf.variable(tf.tensor2d(Float32Array.from(layer.weights), [network.layers[l - 1].size, layer.size])));
    bs.push(tf.variable(tf.tensor1d(Float32Array.from(layer.biases))));
  }
  const m = network.examples.length;
  const x = tf.tensor2d(Float32Array.from(network.examples.flatMap((e) => Array.from(e.x))), [m, shape.sizes[0]]);
  const y = tf.tensor2d(Float32Array.from(network.examples.flatMap((e) => Array.from(e.y))), [m, shape.sizes[L]]);
  const loss = (): tf.Scalar => {
    let a: tf.Tensor = x;
    for (let l = 0; l < L; l++) {
      const z = tf.add(tf.matMul(a, ws[l]), bs[l]);
      a = shape.activations[l] === 'relu' ? tf.relu(z) : tf.sigmoid(z);
    }
    return tf.mul(0.5 / m, tf.sum(tf.square(tf.sub(a, y)))) as tf.Scalar;
  };
  const variables = ws.flatMap((w, l) => [w, bs[l]]);
  return { variables, loss, dispose: () => tf.dispose([...variables, x, y]) };
}
