import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/command';
import { traceCommand } from '../../../src/cli/trace';
import { runEngine } from '../../../src/core/engine/run';
import type { EngineResult } from '../../../src/core/engine/types';
import type { Network } from '../../../src/core/model/network';
import { PIECE_NUMBERS, traceJsonPieces, type TraceJson } from '../../../src/core/output/json';
import { makeNetwork, mazurNetwork, randomNetwork } from '../engine/networks';
import { everyNetwork } from '../trace/everyNetwork';

/**
 * Item 6 of issue 11: `nnet trace --json` is written a piece at a time, and the text is byte for
 * byte what the old engineToJson object gave through JSON.stringify(…, null, 2) — kept below,
 * unchanged, as the oracle.
 */
function oldEngineToJson(network: Network, result: EngineResult, examples?: readonly number[]): TraceJson {
  const sizes = network.layers.map((l) => l.size);
  const perLayer = <T>(make: (l: number) => T): (T | null)[] => sizes.map((_, l) => (l === 0 ? null : make(l)));
  const finite = (x: number): number => (Number.isFinite(x) ? x : (null as unknown as number));
  const matrix = (values: ArrayLike<number>, rows: number, cols: number): number[][] => {
    const out: number[][] = [];
    for (let k = 0; k < rows; k++) out.push(Array.from({ length: cols }, (_, j) => values[k * cols + j]));
    return out;
  };
  const row = (values: readonly Float64Array[], l: number) => Array.from(values[l], finite);
  const which = examples ?? network.examples.map((_, i) => i);
  return {
    name: network.name,
    costFunction: network.cost,
    learningRate: network.learningRate,
    layers: network.layers.map((l) => ({ size: l.size, activation: l.activation })),
    cost: finite(result.cost),
    examples: which.map((i) => {
      const values = result.example(i);
      const dw = perLayer((l) => {
        const out: number[][] = [];
        for (let k = 0; k < sizes[l - 1]; k++) {
          const ak = values.a[l - 1][k];
          out.push(Array.from({ length: sizes[l] }, (_, j) => finite(values.delta[l][j] * ak)));
        }
        return out;
      });
      return {
        x: Array.from(network.examples[i].x),
        y: Array.from(network.examples[i].y),
        cost: finite(result.costs[i]),
        z: perLayer((l) => row(values.z, l)),
        a: sizes.map((_, l) => row(values.a, l)),
        dcda: perLayer((l) => row(values.dcda, l)),
        dadz: perLayer((l) => row(values.dadz, l)),
        delta: perLayer((l) => row(values.delta, l)),
        dw,
        db: perLayer((l) => row(values.delta, l)),
      };
    }),
    gradient: {
      w: perLayer((l) => matrix(Array.from(result.gradient.w[l], finite), sizes[l - 1], sizes[l])),
      b: perLayer((l) => Array.from(result.gradient.b[l], finite)),
    },
    updated: {
      w: perLayer((l) => matrix(Array.from(result.updated.w[l], finite), sizes[l - 1], sizes[l])),
      b: perLayer((l) => Array.from(result.updated.b[l], finite)),
      cost: finite(result.updated.cost),
    },
    failure: result.failure,
  };
}

const oracle = (network: Network, result: EngineResult, examples?: readonly number[]) => JSON.stringify(oldEngineToJson(network, result, examples), null, 2);
const streamed = (network: Network, result: EngineResult, examples?: readonly number[]) => [...traceJsonPieces(network, result, examples)];

/** Overflows in the first layer of example 2: Infinity and NaN from there on, and a failure. */
const overflowing = makeNetwork({
  name: 'over "flow"\u001b',
  cost: 'squared',
  sizes: [2, 2, 1],
  activations: ['linear', 'linear'],
  weights: [[1e300, 1, 1e300, 1], [1, 1]],
  biases: [[0, 0], [0]],
  examples: [{ x: [0, 0], y: [1] }, { x: [1e10, 0], y: [1] }],
});

describe('traceJsonPieces', () => {
  const cases: [string, Network][] = [
    ['mazur', mazurNetwork()],
    ...everyNetwork([3, 4, 3], 3).map((c): [string, Network] => [c.name, c.network]),
    ['a single layer, negative zeros and powers of ten', makeNetwork({ cost: 'squared', sizes: [2, 1], activations: ['relu'], weights: [[-0, 1e-30]], biases: [[-1e21]], examples: [{ x: [-0, 5e-324], y: [1.5e300] }] })],
    ['numbers that overflow', overflowing],
    ['a deep 1-1-1-1-1-1 network', randomNetwork(4, [1, 1, 1, 1, 1, 1], ['tanh', 'relu', 'linear', 'sigmoid', 'sigmoid'], 'binary-cross-entropy', 2)],
  ];

  it.each(cases)('writes exactly what JSON.stringify wrote: %s', (_name, network) => {
    const result = runEngine(network);
    expect(streamed(network, result).join('\n')).toBe(oracle(network, result));
    expect(streamed(network, result, [network.examples.length - 1]).join('\n')).toBe(oracle(network, result, [network.examples.length - 1]));
    expect(streamed(network, result, []).join('\n')).toBe(oracle(network, result, []));
  });

  it('writes non-finite numbers as null and names the failure', () => {
    const result = runEngine(overflowing);
    const json = JSON.parse(streamed(overflowing, result).join('\n')) as TraceJson;
    expect(json.examples[1].z[1]).toContain(null);
    expect(json.failure).toMatchObject({ quantity: 'z', example: 2, layer: 1, neuron: 1, value: null });
  });

  it('splits a layer wider than a piece into pieces of whole lines, PIECE_NUMBERS numbers at most', () => {
    const wide = PIECE_NUMBERS * 2 + 5;
    const network = randomNetwork(9, [wide, 2], ['sigmoid'], 'squared', 2, 0.01);
    const result = runEngine(network);
    const pieces = streamed(network, result);
    expect(pieces.join('\n')).toBe(oracle(network, result));
    for (const piece of pieces) {
      expect(piece.split('\n').length).toBeLessThanOrEqual(PIECE_NUMBERS + 2);
      expect(piece.startsWith('\n') || piece.endsWith('\n')).toBe(false);
    }
    // The inputs of an example are cut after the first PIECE_NUMBERS of them.
    const x = pieces.find((p) => p.includes('"x": ['))!;
    expect(x.split('\n')).toHaveLength(1 + PIECE_NUMBERS);
  });

  it('makes the pieces as they are read: the first comes before any example is written', () => {
    const network = randomNetwork(2, [3, 3], ['sigmoid'], 'squared', 4);
    const pieces = traceJsonPieces(network, runEngine(network));
    const first = pieces.next();
    expect(first.done).toBe(false);
    expect(first.value).toContain('"learningRate"');
    expect(first.value).not.toContain('"examples"');
  });
});

describe('nnet trace --json', () => {
  const spec = (examples: number) =>
    ['network "wide"', 'cost squared', 'layer 0: 3 inputs', 'layer 1: 2 sigmoid', ...Array.from({ length: examples }, (_, i) => `example x ${i} 0.5 -1 y ${i % 2} 1`)].join('\n');

  async function trace(args: string[], text: string) {
    const out: string[] = [];
    const io: CliIO = { out: (line) => out.push(line), err: () => undefined, readFile: () => text };
    const code = await traceCommand.run([...args, 'spec.nnet'], io);
    return { code, out };
  }

  it('prints the same text as before, in chunks of whole lines', async () => {
    const text = spec(400);
    const { code, out } = await trace(['--json'], text);
    expect(code).toBe(0);
    const { parseSpec } = await import('../../../src/core/parser/parse');
    const network = parseSpec(text).network!;
    expect(out.join('\n')).toBe(oracle(network, runEngine(network)));
    expect(out.length).toBeGreaterThan(1);
    const one = await trace(['--json', '--example', '7'], text);
    expect(one.out.join('\n')).toBe(oracle(network, runEngine(network), [6]));
  });

  it('writes nothing more while a slow reader has not drained what it was given', async () => {
    let [writes, waits, writtenWhileWaiting] = [0, 0, 0];
    let waiting = false;
    const io: CliIO = {
      out: () => {
        writes++;
        if (waiting) writtenWhileWaiting++;
      },
      err: () => undefined,
      readFile: () => spec(400),
      drained: () => {
        waits++;
        waiting = true;
        return new Promise((resolve) =>
          setTimeout(() => {
            waiting = false;
            resolve();
          }, 1),
        );
      },
    };
    expect(await traceCommand.run(['--json', 'spec.nnet'], io)).toBe(0);
    expect(waits).toBeGreaterThan(2);
    expect(writes).toBeGreaterThanOrEqual(waits);
    expect(writtenWhileWaiting).toBe(0);
  });
});
