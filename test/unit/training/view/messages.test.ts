/**
 * The Training panel drops anything that is not a well-formed message of the protocol
 * (src/shared/trainingMessages.ts) before drawing it, and its own messages pass the extension's
 * check (isTrainingMessage).
 */
import { describe, expect, it } from 'vitest';
import { isTrainingMessage, type TrainingPicture } from '../../../../src/shared/trainingMessages';
import { isNumbers, isPicture, parseIncoming } from '../../../../webview/training/incoming';

const run = {
  type: 'run', id: 1, uri: 'file:///x.nnet', fileName: 'x.nnet', networkName: null, steps: 100, batchSize: 4, shuffle: null,
  learningRate: 0.5, sizes: [2, 3, 1], hasValidation: true, picture: 'map', digits: 6,
};
const progress = { type: 'progress', done: 10, from: 0, cost: [1, 0.9], validationCost: [1.1, NaN], gradientNorms: [[0.1], [0.2]], throughput: 100 };
const finished = { type: 'finished', done: 100, outcome: 'diverged', divergedAt: 77, elapsedMs: 12 };
const points = { x: [0, 0, 1, 1], label: [0, 1], heldOut: [false, true] };
const map: TrainingPicture = { kind: 'map', x1: [-1, 1], x2: [-1, 1], resolution: 2, classes: [0, 1, 1, 0], confidence: [0, 0.5, 1, 0.2], classCount: 2, points };
const curve: TrainingPicture = { kind: 'curve', x: [0, 1, 2], y: [0, 1, 4], points: { x: [0, 1], label: [0, 1], heldOut: [false, false] } };

describe('incoming messages', () => {
  it('accepts every well-formed message', () => {
    expect(parseIncoming(run)).toBe(run);
    // A run trained again in a panel restored after a window reload says so.
    expect(parseIncoming({ ...run, restored: true })).not.toBeNull();
    expect(parseIncoming({ ...run, restored: 'yes' })).toBeNull();
    expect(parseIncoming({ ...run, restored: false })).toBeNull();
    expect(parseIncoming(progress)).toBe(progress);
    expect(parseIncoming(finished)).toBe(finished);
    expect(parseIncoming({ type: 'snapshot', step: 3, cost: 0.5, validationCost: null, picture: map })).not.toBeNull();
    expect(parseIncoming({ type: 'snapshot', step: 3, cost: NaN, validationCost: 1, picture: null })).not.toBeNull();
    expect(parseIncoming({ ...progress, cost: new Float64Array([1, 2]) })).not.toBeNull();
    const renamed = { type: 'renamed', uri: 'file:///x/y.nnet', fileName: 'y.nnet' };
    expect(parseIncoming(renamed)).toBe(renamed);
    expect(parseIncoming({ ...renamed, fileName: 3 })).toBeNull();
    expect(parseIncoming({ type: 'renamed', fileName: 'y.nnet' })).toBeNull();
  });

  it('reads null, a number that was not finite before the message became JSON, as a gap (NaN)', () => {
    const sent = JSON.parse(JSON.stringify({ ...progress, cost: [1, Infinity], validationCost: [NaN, 2], gradientNorms: [[NaN], [0.2]] }));
    const parsed = parseIncoming(sent);
    if (parsed?.type !== 'progress') throw new Error('expected the progress message');
    expect([parsed.cost, parsed.validationCost, parsed.gradientNorms]).toEqual([[1, NaN], [NaN, 2], [[NaN], [0.2]]]);
    const snapshot = parseIncoming(JSON.parse(JSON.stringify({ type: 'snapshot', step: 3, cost: NaN, validationCost: null, picture: null })));
    expect(snapshot).toMatchObject({ type: 'snapshot', cost: NaN });
  });

  it('rejects what is not an object or not a known type', () => {
    for (const value of [null, undefined, 3, 'run', [], { type: 'view' }, { type: 'ready' }]) expect(parseIncoming(value)).toBeNull();
  });

  it('rejects runs with missing, mistyped or impossible fields', () => {
    expect(parseIncoming({ ...run, steps: 0 })).toBeNull();
    expect(parseIncoming({ ...run, steps: 1e9 })).toBeNull(); // past MAX_TRAINING_STEPS: never allocated
    expect(parseIncoming({ ...run, steps: 2.5 })).toBeNull();
    expect(parseIncoming({ ...run, sizes: [2] })).toBeNull();
    expect(parseIncoming({ ...run, sizes: [2, 0, 1] })).toBeNull();
    expect(parseIncoming({ ...run, picture: 'pie' })).toBeNull();
    expect(parseIncoming({ ...run, networkName: 3 })).toBeNull();
    expect(parseIncoming({ ...run, digits: 40 })).toBeNull();
    const { uri: _uri, ...noUri } = run;
    expect(parseIncoming(noUri)).toBeNull();
  });

  it('rejects progress and finish messages that do not fit', () => {
    expect(parseIncoming({ ...progress, from: -1 })).toBeNull();
    expect(parseIncoming({ ...progress, cost: [1, '2'] })).toBeNull();
    expect(parseIncoming({ ...progress, gradientNorms: [1, 2] })).toBeNull();
    expect(parseIncoming({ ...progress, throughput: undefined })).toBeNull();
    expect(parseIncoming({ ...finished, outcome: 'exploded' })).toBeNull();
    expect(parseIncoming({ ...finished, divergedAt: -3 })).toBeNull();
    expect(parseIncoming({ ...finished, elapsedMs: -1 })).toBeNull();
  });

  it('checks a picture’s shape, lengths and classes', () => {
    expect(isPicture(map)).toBe(true);
    expect(isPicture(curve)).toBe(true);
    expect(isPicture({ ...map, classes: [0, 1, 1] })).toBe(false);
    expect(isPicture({ ...map, classes: [0, 1, 2, 0] })).toBe(false); // class 2 of 2
    expect(isPicture({ ...map, resolution: 0 })).toBe(false);
    expect(isPicture({ ...map, x1: [1, -1] })).toBe(false);
    expect(isPicture({ ...map, x2: [0, Infinity] })).toBe(false);
    expect(isPicture({ ...map, points: { ...points, heldOut: [false] } })).toBe(false);
    expect(isPicture({ ...map, points: { ...points, x: [0, 0, 1] } })).toBe(false); // 2 inputs a point
    expect(isPicture({ ...curve, y: [0, 1] })).toBe(false);
    expect(isPicture({ ...curve, points: { x: [0, 1, 2, 3], label: [0, 1], heldOut: [false, false] } })).toBe(false); // 1 input a point
    expect(isPicture({ kind: 'bars' })).toBe(false);
    expect(parseIncoming({ type: 'snapshot', step: 3, cost: 0.5, validationCost: null, picture: { ...map, classCount: 0 } })).toBeNull();
  });

  it('tells numeric arrays apart', () => {
    expect(isNumbers([1, NaN, Infinity])).toBe(true);
    expect(isNumbers(new Float32Array(3), 3)).toBe(true);
    expect(isNumbers([1, null])).toBe(false);
    expect(isNumbers({ length: 0 })).toBe(false);
    expect(isNumbers([1, 2], 3)).toBe(false);
  });

  it('posts only messages the extension accepts', () => {
    for (const message of [{ type: 'ready' }, { type: 'scrub', step: 0 }, { type: 'stepThrough', step: 12 }, { type: 'apply', step: 3 }, { type: 'cancel' }, { type: 'retrain' }]) {
      expect(isTrainingMessage(message)).toBe(true);
    }
  });
});
