import type { Network } from '../model/network';
import { backward } from './backward';
import { blockCosts, forward } from './forward';
import type { ExampleValues, StoredExamples } from './types';
import { Workspace } from './workspace';

/** How many recomputed examples a result keeps: the stepped one and a few a learner went back and forth between. */
const RECENT = 8;

/**
 * The reader behind EngineResult.example: views into `stored` when every example's values were
 * kept, else a recomputation of the one example from the network's parameters (its forward and
 * backward pass alone, a few milliseconds on the largest networks within the limits). The
 * engine computes every example's row by the same operations whatever the block, so both give
 * the same bits.
 */
export function exampleReader(network: Network, stored: StoredExamples | null): (i: number) => ExampleValues {
  const sizes = network.layers.map((layer) => layer.size);
  const recent = new Map<number, ExampleValues>();
  return (i) => {
    let values = recent.get(i);
    if (values !== undefined) {
      // Most recently used last, so the oldest goes first.
      recent.delete(i);
      recent.set(i, values);
      return values;
    }
    values = stored === null ? recompute(network, i) : viewsOf(stored, sizes, i);
    recent.set(i, values);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    return values;
  };
}

function viewsOf(stored: StoredExamples, sizes: readonly number[], i: number): ExampleValues {
  const row = (values: readonly Float64Array[]) => values.map((layer, l) => (layer.length === 0 ? layer : layer.subarray(i * sizes[l], (i + 1) * sizes[l])));
  return { z: row(stored.z), a: row(stored.a), dcda: row(stored.dcda), dadz: row(stored.dadz), delta: row(stored.delta) };
}

/** One-example workspaces, one per network object (networks are immutable values). */
const single = new WeakMap<Network, Workspace>();

function recompute(network: Network, i: number): ExampleValues {
  let ws = single.get(network);
  if (ws === undefined) {
    // JavaScript: a fresh WebAssembly memory would cost more than one example's passes.
    ws = new Workspace(network, 'js', { rows: 1 });
    single.set(network, ws);
  }
  ws.load(ws.positions[i], 1);
  forward(ws, ws.weights, ws.biases);
  blockCosts(ws);
  backward(ws, ws.weights, { accumulate: false, gradient: false });
  // Owned copies, in one allocation: the workspace is overwritten by the next example.
  const lists = [ws.z, ws.a, ws.dcda, ws.dadz, ws.delta];
  let total = 0;
  for (const list of lists) for (const array of list) total += array.length;
  const arena = new Float64Array(total);
  let offset = 0;
  const [z, a, dcda, dadz, delta] = lists.map((list) =>
    list.map((array) => {
      const copy = arena.subarray(offset, offset + array.length);
      copy.set(array);
      offset += array.length;
      return copy;
    }),
  );
  return { z, a, dcda, dadz, delta };
}
