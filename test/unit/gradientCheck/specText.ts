/**
 * A Network written back as `.nnet` text, every number in its shortest round-trip form, so a
 * network built by test/unit/engine/networks.ts reaches the CLI through the parser unchanged.
 */
import type { Network } from '../../../src/core/model/network';

export function specText(network: Network): string {
  const lines = [`cost ${network.cost}`, `learning-rate ${network.learningRate}`, `layer 0: ${network.layers[0].size} inputs`];
  network.layers.forEach((layer, l) => {
    if (l === 0) return;
    lines.push(`layer ${l}: ${layer.size} ${layer.activation}`);
    const n = layer.size;
    for (let k = 0; k * n < layer.weights.length; k++) lines.push(`${k === 0 ? '  w' : '   '} ${Array.from(layer.weights.subarray(k * n, (k + 1) * n)).join(' ')}`);
    lines.push(`  b ${Array.from(layer.biases).join(' ')}`);
  });
  for (const example of network.examples) lines.push(`example x ${Array.from(example.x).join(' ')} y ${Array.from(example.y).join(' ')}`);
  return `${lines.join('\n')}\n`;
}
