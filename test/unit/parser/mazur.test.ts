import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../../../src/core/parser/parse';
import { spanAt, spanCount } from '../../../src/core/text/range';
import { textAt } from './text';

/** The reference example must parse unchanged, with no diagnostics, to exactly its numbers. */
const text = readFileSync(join(__dirname, '../../../examples/mazur.nnet'), 'utf8');
const { network, source, diagnostics } = parseSpec(text);

describe('examples/mazur.nnet', () => {
  it('parses with no diagnostics', () => {
    expect(diagnostics).toEqual([]);
    expect(network).not.toBeNull();
  });

  it('holds the settings', () => {
    expect(network!.name).toBe('Step-by-step backpropagation');
    expect(network!.cost).toBe('half-squared');
    expect(network!.learningRate).toBe(0.5);
    expect(network!.seed).toBe(1);
  });

  it('holds every layer, weight and bias exactly', () => {
    const [input, hidden, output] = network!.layers;
    expect(network!.layers).toHaveLength(3);
    expect(input.size).toBe(2);
    expect(input.activation).toBeNull();
    expect([...input.weights, ...input.biases]).toEqual([]);
    expect(hidden.size).toBe(2);
    expect(hidden.activation).toBe('sigmoid');
    // Row k, column j holds w^(ℓ)_kj at (k − 1)·n_ℓ + (j − 1).
    expect([...hidden.weights]).toEqual([0.15, 0.25, 0.2, 0.3]);
    expect([...hidden.biases]).toEqual([0.35, 0.35]);
    expect(output.size).toBe(2);
    expect(output.activation).toBe('sigmoid');
    expect([...output.weights]).toEqual([0.4, 0.5, 0.45, 0.55]);
    expect([...output.biases]).toEqual([0.6, 0.6]);
  });

  it('holds the example exactly', () => {
    expect(network!.examples).toHaveLength(1);
    expect([...network!.examples[0].x]).toEqual([0.05, 0.1]);
    expect([...network!.examples[0].y]).toEqual([0.01, 0.99]);
  });

  it('locates each number at its text', () => {
    const w2 = source.layers[2].weights!;
    // w^(2)_12: row 1, column 2.
    expect(textAt(text, spanAt(w2, 1))).toBe('0.50');
    expect(spanAt(w2, 1)).toEqual({ start: { line: 11, character: 9 }, end: { line: 11, character: 13 } });
    expect(textAt(text, spanAt(w2, 2))).toBe('0.45');
    const written = ['0.15', '0.25', '0.20', '0.30'];
    const w1 = source.layers[1].weights!;
    expect(spanCount(w1)).toBe(4);
    for (let i = 0; i < 4; i++) expect(textAt(text, spanAt(w1, i))).toBe(written[i]);
    expect(textAt(text, spanAt(source.layers[1].biases!, 1))).toBe('0.35');
    expect(textAt(text, spanAt(source.layers[2].biases!, 0))).toBe('0.60');
    expect(textAt(text, spanAt(source.examples[0].x, 1))).toBe('0.10');
    expect(textAt(text, spanAt(source.examples[0].y, 0))).toBe('0.01');
  });

  it('locates the settings, headers and blocks', () => {
    expect(textAt(text, source.network!)).toBe('network "Step-by-step backpropagation"');
    expect(textAt(text, source.cost!.line)).toBe('cost half-squared');
    expect(textAt(text, source.cost!.value)).toBe('half-squared');
    expect(textAt(text, source.learningRate!.value)).toBe('0.5');
    expect(source.seed).toBeNull();
    expect(textAt(text, source.layers[0].header)).toBe('layer 0: 2 inputs');
    expect(source.layers[0].activation).toBeNull();
    expect(textAt(text, source.layers[1].header)).toBe('layer 1: 2 sigmoid');
    expect(textAt(text, source.layers[1].activation!)).toBe('sigmoid');
    expect(textAt(text, source.layers[2].weightsBlock!)).toBe('w 0.40 0.50\n    0.45 0.55');
    expect(textAt(text, source.layers[2].biasesBlock!)).toBe('b 0.60 0.60');
    expect([...source.layers[2].weightRows!]).toEqual([0, 2]);
    expect(source.layers.map((l) => l.lastLine)).toEqual([5, 9, 13]);
    expect(textAt(text, source.examples[0].line)).toBe('example x 0.05 0.10 y 0.01 0.99');
  });
});
