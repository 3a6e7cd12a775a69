import { describe, expect, it } from 'vitest';
import { initialiseLayers } from '../../../src/core/model/initialise';
import { parseSpec } from '../../../src/core/parser/parse';
import { spanAt } from '../../../src/core/text/range';
import { textAt } from './text';

/** The accepted syntax beyond the reference example: every variation parses clean. */

function clean(text: string) {
  const result = parseSpec(text);
  expect(result.diagnostics).toEqual([]);
  expect(result.network).not.toBeNull();
  return { ...result, network: result.network! };
}

const TAIL = 'example x 0 1 y 1\n';

describe('syntax', () => {
  it('reads `w` alone with its rows below, and `b` over several lines', () => {
    const { network } = clean(`layer 0: 2 inputs\nlayer 1: 3 sigmoid\n  w\n    1 2 3\n    # a comment between rows\n\n    4 5 6\n  b 7\n    8 9\n${TAIL.replace('y 1', 'y 1 0 1')}`);
    expect([...network.layers[1].weights]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...network.layers[1].biases]).toEqual([7, 8, 9]);
  });

  it('reads an example over several lines, with `x` and `y` on lines of their own', () => {
    const { network, source } = clean('layer 0: 3 inputs\nlayer 1: 2 linear\nexample x 1\n  2 3\n  y 4 5\nexample\n  y 7 8\n  x 5 6 9\n');
    expect(network.examples.map((e) => [[...e.x], [...e.y]])).toEqual([
      [[1, 2, 3], [4, 5]],
      [[5, 6, 9], [7, 8]],
    ]);
    expect(source.examples[1].line).toEqual({ start: { line: 5, character: 0 }, end: { line: 7, character: 9 } });
  });

  it('reads every number form, including the typographic minus', () => {
    const { network } = clean('layer 0: 7 inputs\nlayer 1: 1 linear\nexample x -1 +2.5e-3 .5 5. −0.25 1E3 -0 y 0\n');
    expect([...network.examples[0].x]).toEqual([-1, 0.0025, 0.5, 5, -0.25, 1000, -0]);
  });

  it('accepts CRLF and CR line ends, tabs, a byte order mark and `#` right after a number', () => {
    const lf = 'network "t"\nlayer 0: 2 inputs\nlayer 1: 1 sigmoid\n\tw 0.5#first row\n\t  -0.5\nexample x 0 1 y 1';
    const a = clean(`\ufeff${lf}`);
    const b = clean(lf.replace(/\n/g, '\r\n'));
    const c = clean(lf.replace(/\n/g, '\r'));
    for (const r of [a, b, c]) expect([...r.network.layers[1].weights]).toEqual([0.5, -0.5]);
    expect(b.source.layers[1].weights).toEqual(c.source.layers[1].weights);
    expect(spanAt(b.source.layers[1].weights!, 1)).toEqual({ start: { line: 4, character: 3 }, end: { line: 4, character: 7 } });
  });

  it('unescapes the network name', () => {
    const { network } = clean(`network "say \\"hi\\" \\\\ # not a comment"\nlayer 0: 2 inputs\nlayer 1: 1 sigmoid\n${TAIL}`);
    expect(network.name).toBe('say "hi" \\ # not a comment');
  });

  it('accepts `input`, a missing colon, and settings after the layers', () => {
    const { network } = clean(`layer 0 2 input\nlayer 1 1 relu\n${TAIL}learning-rate 0.25\ncost mean-squared\nseed 0\n`);
    expect(network.layers.map((l) => l.size)).toEqual([2, 1]);
    expect([network.learningRate, network.cost, network.seed]).toEqual([0.25, 'mean-squared', 0]);
  });

  it('uses the documented defaults', () => {
    const { network } = clean(`layer 0: 2 inputs\nlayer 1: 1 sigmoid\n${TAIL}`);
    expect([network.name, network.cost, network.learningRate, network.seed]).toEqual([null, 'squared', 0.1, 1]);
  });

  it('initialises what is left out from the seed, and keeps what is given', () => {
    const { network } = clean('seed 7\nlayer 0: 2 inputs\nlayer 1: 3 relu\n  b 1 2 3\nlayer 2: 1 tanh\n  w 0.5\n    0.5\n    0.5\nexample x 0 1 y 0\n');
    const expected = initialiseLayers(
      2,
      [
        { size: 3, activation: 'relu', weights: null, biases: new Float64Array([1, 2, 3]) },
        { size: 1, activation: 'tanh', weights: new Float64Array([0.5, 0.5, 0.5]), biases: null },
      ],
      7,
    );
    expect([...network.layers[1].weights]).toEqual([...expected[0].weights]);
    expect([...network.layers[1].biases]).toEqual([1, 2, 3]);
    expect([...network.layers[2].weights]).toEqual([0.5, 0.5, 0.5]);
    expect([...network.layers[2].biases]).toEqual([0]);
  });

  it('keeps the ranges of settings to their text, without comments', () => {
    const text = `network "n"   # name\nlearning-rate 2e-1 # eta\nlayer 0: 2 inputs # inputs\nlayer 1: 1 sigmoid\n${TAIL}`;
    const { source } = clean(text);
    expect(textAt(text, source.network!)).toBe('network "n"');
    expect(textAt(text, source.learningRate!.line)).toBe('learning-rate 2e-1');
    expect(textAt(text, source.layers[0].header)).toBe('layer 0: 2 inputs');
  });
});
