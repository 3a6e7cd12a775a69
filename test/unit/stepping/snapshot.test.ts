import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { StepSnapshot } from '../../../src/core/stepping/snapshot';
import { buildTrace } from '../../../src/core/trace/build';
import { randomNetwork } from '../engine/networks';

/**
 * The snapshot of a stepping position against the trace itself: at every position, a quantity
 * is known exactly when its step is at or before the position, its number is the one its step
 * shows, and the per-layer counts agree with asking neuron by neuron.
 */
describe('a snapshot of a stepping position', () => {
  const network = randomNetwork(21, [3, 4, 3], ['tanh', 'softmax'], 'cross-entropy', 3);
  const engine = runEngine(network, { rows: 2, keep: false });
  const trace = buildTrace(network, engine, 1);

  it('knows each step from its own position on, with the number the step shows', () => {
    for (let position = -1; position < trace.length; position++) {
      const snapshot = new StepSnapshot(trace, engine, position);
      for (let index = 0; index < trace.length; index++) {
        const step = trace.step(index);
        const known = snapshot.known(step.address);
        if (index <= position) expect(Object.is(known, step.value), `step ${index} at ${position}`).toBe(true);
        else expect(known, `step ${index} at ${position}`).toBeNull();
      }
    }
  });

  it('counts the reached neurons of a layer as asking each one would', () => {
    for (let position = -1; position < trace.length; position++) {
      const snapshot = new StepSnapshot(trace, engine, position);
      for (const kind of ['z', 'a', 'dcda', 'dadz', 'delta', 'db', 'b-new'] as const)
        for (let layer = 1; layer <= 2; layer++) {
          const size = network.layers[layer].size;
          let count = 0;
          while (count < size && snapshot.reached(kind, layer, count + 1)) count++;
          expect(snapshot.reachedCount(kind, layer), `${kind}${layer} at ${position}`).toBe(count);
        }
    }
  });

  it('reads the stepped example’s values, recomputed past the memory bound', () => {
    const snapshot = new StepSnapshot(trace, engine, 0);
    expect(snapshot.example).toBe(1);
    expect(Array.from(snapshot.values.a[0])).toEqual(Array.from(network.examples[1].x));
    expect(Array.from(snapshot.values.delta[2])).toEqual(Array.from(runEngine(network).example(1).delta[2]));
  });
});
