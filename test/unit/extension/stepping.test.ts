import { describe, expect, it } from 'vitest';
import {
  applyMove, BEFORE_FIRST, nextLayer, positionOf, previousLayer, reconcile, runBackward, runForward, START, stepMoves,
  type MoveContext, type StepPosition,
} from '../../../src/core/stepping/position';
import { fakeTrace } from './fakeTrace';

// The article's 2-2-2 network: groups are
//   forward ℓ=1 [0,4)  forward ℓ=2 [4,8)  cost [8,9)  backward ℓ=2 [9,21)  backward ℓ=1 [21,33)
//   update ℓ=1 [33,39)  update ℓ=2 [39,45)
const trace = fakeTrace([2, 2, 2]);
const context = (exampleCount = 3, sizes = [2, 2, 2]): MoveContext => ({
  exampleCount,
  traceOf: (example) => (example >= 0 && example < exampleCount ? fakeTrace(sizes, example) : null),
});
const at = (step: number, example = 0): StepPosition => ({ example, step });

describe('stepping one quantity at a time', () => {
  it('moves forward and back, and stops at the ends', () => {
    expect(trace.length).toBe(45);
    expect(applyMove(START, 'next', context())).toEqual(at(1));
    expect(applyMove(at(44), 'next', context())).toEqual(at(44));
    expect(applyMove(at(3), 'previous', context())).toEqual(at(2));
    // Step Back from the first step undoes it: back to before the first step, and no further.
    expect(applyMove(START, 'previous', context())).toEqual(at(BEFORE_FIRST));
    expect(applyMove(at(BEFORE_FIRST), 'previous', context())).toEqual(at(BEFORE_FIRST));
    expect(applyMove(at(BEFORE_FIRST), 'next', context())).toEqual(START);
  });

  it('clamps positions that point outside the trace', () => {
    expect(applyMove(at(100), 'previous', context())).toEqual(at(43));
    expect(applyMove(at(-5), 'next', context())).toEqual(at(0));
    expect(applyMove(at(2, 9), 'next', context())).toEqual(at(3, 2));
  });
});

describe('stepping a layer at a time', () => {
  it('finishes the current group, then whole groups', () => {
    expect(nextLayer(0, trace)).toBe(3); // a⁽¹⁾₂: the forward pass of layer 1 is done
    expect(nextLayer(3, trace)).toBe(7); // a⁽²⁾₂
    expect(nextLayer(7, trace)).toBe(8); // the cost is a group of its own
    expect(nextLayer(8, trace)).toBe(20); // ∂c/∂b⁽²⁾₂: layer 2's backward pass
    expect(nextLayer(12, trace)).toBe(20);
    expect(nextLayer(44, trace)).toBe(44);
  });

  it('goes back to the end of the previous group', () => {
    expect(previousLayer(20, trace)).toBe(8);
    expect(previousLayer(15, trace)).toBe(8);
    expect(previousLayer(8, trace)).toBe(7);
    expect(previousLayer(5, trace)).toBe(3);
    expect(previousLayer(2, trace)).toBe(BEFORE_FIRST);
    expect(previousLayer(0, trace)).toBe(BEFORE_FIRST);
    expect(previousLayer(BEFORE_FIRST, trace)).toBe(BEFORE_FIRST);
    expect(nextLayer(BEFORE_FIRST, trace)).toBe(3); // from nothing computed, the whole first layer
  });

  it('is what Step does at layer granularity', () => {
    expect(stepMoves('layer')).toEqual({ forward: 'nextLayer', back: 'previousLayer' });
    expect(stepMoves('neuron')).toEqual({ forward: 'next', back: 'previous' });
  });
});

describe('running and resetting', () => {
  it('runs forward to the cost c_i and backward to the last gradient step', () => {
    expect(runForward(trace)).toBe(8);
    expect(trace.step(8).address.kind).toBe('cost');
    expect(runBackward(trace)).toBe(32);
    expect(trace.step(32).address).toEqual({ kind: 'db', layer: 1, j: 2, k: 0 });
    expect(applyMove(at(40, 1), 'runForward', context())).toEqual(at(8, 1));
  });

  it('resets to before the first step (nothing computed) but keeps the example', () => {
    expect(applyMove(at(17, 2), 'reset', context())).toEqual(at(BEFORE_FIRST, 2));
    expect(applyMove(at(BEFORE_FIRST, 2), 'next', context())).toEqual(at(0, 2));
    expect(applyMove(at(BEFORE_FIRST, 2), 'previousExample', context())).toEqual(at(BEFORE_FIRST, 1));
    expect(reconcile(at(BEFORE_FIRST, 1), null, context())).toEqual(at(BEFORE_FIRST, 1));
  });
});

describe('moving between examples', () => {
  it('keeps the quantity and stops at the first and last example', () => {
    expect(applyMove(at(17, 0), 'nextExample', context())).toEqual(at(17, 1));
    expect(applyMove(at(17, 2), 'nextExample', context())).toEqual(at(17, 2));
    expect(applyMove(at(17, 0), 'previousExample', context())).toEqual(at(17, 0));
  });

  it('finds a quantity in another example', () => {
    expect(positionOf({ kind: 'delta', layer: 2, j: 1, k: 0 }, 1, context())).toEqual(at(11, 1));
    expect(positionOf({ kind: 'delta', layer: 3, j: 1, k: 0 }, 1, context())).toBeNull();
  });
});

describe('keeping the position across edits', () => {
  it('stays on the same quantity when neurons are added before it', () => {
    // δ⁽²⁾₁ is step 11 in 2-2-2; with a third hidden neuron the backward pass of layer 2 starts later.
    const delta = { kind: 'delta', layer: 2, j: 1, k: 0 } as const;
    const moved = reconcile(at(11), delta, context(3, [2, 3, 2]));
    expect(fakeTrace([2, 3, 2]).step(moved.step).address).toEqual(delta);
    expect(moved.step).not.toBe(11);
  });

  it('clamps when the quantity is gone, and when examples were removed', () => {
    const gone = { kind: 'z', layer: 3, j: 1, k: 0 } as const;
    expect(reconcile(at(200, 2), gone, context(1))).toEqual(at(44, 0));
    expect(reconcile(at(5, 0), null, context(1, [1, 1]))).toEqual(at(5, 0));
    expect(reconcile(at(50, 0), null, context(1, [1, 1]))).toEqual(at(fakeTrace([1, 1]).length - 1, 0));
  });
});
