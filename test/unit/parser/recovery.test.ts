import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../src/core/parser/parse';

/** One pass reports every independent mistake, each once, and nothing that merely follows from another. */

const MANY_MISTAKES = `network XOR
cost cross-entrpy
learning-rate -1
seed 1.5
layer 0: 2 sigmoid
layer 1: 2 sigmod
  w 0.1 0.2
    0.3 0.4 0.5
  b 1 2 3
layer 3: 1 sigmoid
  w 1
    2
  b 0.5
  b 0.5
cots squared
example x 1 2 3 y 0.5
example x 1 2 y 0.5 0.25
example x 1 2e y 1
learning-rate 0.1
`;

describe('recovery', () => {
  it('reports every independent mistake of a file in one pass, on its own line', () => {
    const { network, diagnostics } = parseSpec(MANY_MISTAKES);
    expect(network).toBeNull();
    expect(diagnostics.map((d) => [d.range.start.line + 1, d.code])).toEqual([
      [1, 'expected-string'],
      [2, 'unknown-cost'],
      [3, 'invalid-learning-rate'],
      [4, 'invalid-seed'],
      [5, 'input-layer-activation'],
      [6, 'unknown-activation'],
      [8, 'weights-row-length'],
      [9, 'biases-length'],
      [10, 'layer-number'],
      [14, 'duplicate-parameters'],
      [15, 'unknown-keyword'],
      [16, 'example-inputs-length'],
      [17, 'example-targets-length'],
      [18, 'invalid-number'],
      [19, 'duplicate-setting'],
    ]);
  });

  it('reports a transposed matrix once, not once per row or number', () => {
    const text = 'layer 0: 4 inputs\nlayer 1: 2 sigmoid\n  w 1 2 3 4\n    5 6 7 8\nexample x 1 2 3 4 y 0 1\n';
    expect(parseSpec(text).diagnostics.map((d) => d.code)).toEqual(['weights-transposed']);
  });

  it('reports a whole matrix written on one line once', () => {
    const text = 'layer 0: 2 inputs\nlayer 1: 2 sigmoid\n  w 0.15 0.25 0.20 0.30\nexample x 1 2 y 0 1\n';
    const { diagnostics } = parseSpec(text);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'weights-row-count',
        'layer 1 needs 2 rows of weights, one for each neuron of layer 0; found all 4 weights on one line. Put each row of 2 on a line of its own, below the first',
      ],
    ]);
  });

  it('reports a second input layer once', () => {
    const text = 'layer 0: 2 inputs\nlayer 0: 2 inputs\nlayer 1: 1 sigmoid\nexample x 1 2 y 0\n';
    expect(parseSpec(text).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['layer-number', 1]]);
  });

  it('reports a file of only comments as empty, on its first line', () => {
    const { diagnostics, network } = parseSpec('# nothing yet\n\n   # still nothing\n');
    expect(network).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([['empty-spec', { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } }]]);
  });

  it('reports rows that are all too long once for the matrix', () => {
    const text = 'layer 0: 3 inputs\nlayer 1: 2 sigmoid\n  w 1 2 3\n    4 5 6\n    7 8 9\nexample x 1 2 3 y 0 1\n';
    const { diagnostics } = parseSpec(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['weights-row-length']);
    expect(diagnostics[0].message).toBe('each row of w⁽¹⁾ needs 2 numbers, one for each neuron of layer 1; every row has 3');
  });

  it('does not check the shape of a block with a word among its numbers', () => {
    const text = 'layer 0: 2 inputs\nlayer 1: 2 sigmoid\n  w 1 2 b 3 4\n    5 6\nexample x 1 2 y 0 1\n';
    const { diagnostics } = parseSpec(text);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['missing-number', "expected a number in row 1 of w⁽¹⁾; found 'b'"]]);
  });

  it('keeps a malformed number as a place, so the row keeps its length', () => {
    const text = 'layer 0: 2 inputs\nlayer 1: 2 sigmoid\n  w 1 2,\n    5 6\nexample x 1 2 y 0 1\n';
    const { diagnostics } = parseSpec(text);
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-number']);
    expect(diagnostics[0].message).toContain('separate numbers with spaces');
  });

  it('continues numbering after a misnumbered layer without a cascade', () => {
    const text = 'layer 0: 1 inputs\nlayer 1: 1 sigmoid\nlayer 3: 1 sigmoid\nlayer 4: 1 sigmoid\nexample x 1 y 0\n';
    expect(parseSpec(text).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['layer-number', 2]]);
  });

  it('reports a layer 0 misnumbered as 1 as a numbering mistake', () => {
    const { diagnostics } = parseSpec('layer 1: 2 inputs\nlayer 2: 1 sigmoid\nexample x 0 1 y 1\n');
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['layer-number', 'expected layer 0, the inputs, first; found layer 1. Layers are numbered from 0: write `layer 0: 2 inputs`'],
    ]);
  });

  it('reports a line of stray numbers after the header instead of taking them as weights', () => {
    const { diagnostics } = parseSpec('layer 0: 1 inputs\nlayer 1: 1 sigmoid\n  0.5\nexample x 1 y 1\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['unexpected-number']);
  });

  it('suggests names from other tools', () => {
    const { diagnostics } = parseSpec('cost mse\nlayer 0: 1 inputs\nlayer 1: 1 logistic\nexample x 1 y 1\n');
    expect(diagnostics.map((d) => d.message)).toEqual([
      "unknown cost 'mse'; did you mean 'mean-squared'?",
      "unknown activation 'logistic'; did you mean 'sigmoid'?",
    ]);
  });
});
