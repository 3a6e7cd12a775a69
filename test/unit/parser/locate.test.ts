import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/core/model/locate';
import { parseSpec } from '../../../src/core/parser/parse';
import { spanAt } from '../../../src/core/text/range';
import { generateSpec } from './generate';
import { linesOf, textAt } from './text';

/** locate() names what is at a position: found by the text it points at. */

const text = readFileSync(join(__dirname, '../../../examples/mazur.nnet'), 'utf8');
const { source } = parseSpec(text);
const lines = linesOf(text);

/** The position of the `occurrence`-th `needle` on the line that contains `lineText`, plus `offset`. */
function at(lineText: string, needle: string, offset = 0, occurrence = 0) {
  const line = lines.findIndex((l) => l.includes(lineText));
  let character = -1;
  for (let i = 0; i <= occurrence; i++) character = lines[line].indexOf(needle, character + 1);
  return { line, character: character + offset };
}

describe('locate', () => {
  it('names weights and biases by layer, k and j', () => {
    const found = locate(source, at('0.40 0.50', '0.50', 2));
    expect(found).toMatchObject({ kind: 'weight', layer: 2, k: 1, j: 2 });
    expect(textAt(text, found!.range)).toBe('0.50');
    expect(locate(source, at('0.20 0.30', '0.20'))).toMatchObject({ kind: 'weight', layer: 1, k: 2, j: 1 });
    // The end of a number still belongs to it, as with word ranges in VS Code.
    expect(locate(source, at('0.45 0.55', '0.55', 4))).toMatchObject({ kind: 'weight', layer: 2, k: 2, j: 2 });
    expect(locate(source, at('b 0.60 0.60', '0.60', 1, 1))).toMatchObject({ kind: 'bias', layer: 2, j: 2 });
  });

  it('names the blocks around the numbers', () => {
    expect(locate(source, at('w 0.40', 'w'))).toMatchObject({ kind: 'weights', layer: 2 });
    expect(locate(source, at('0.45 0.55', '0.45', -2))).toMatchObject({ kind: 'weights', layer: 2 });
    expect(locate(source, at('b 0.35', 'b'))).toMatchObject({ kind: 'biases', layer: 1 });
  });

  it('names headers, activations and settings', () => {
    const layer = locate(source, at('layer 1:', 'layer'));
    expect(layer).toMatchObject({ kind: 'layer', layer: 1 });
    expect(textAt(text, layer!.range)).toBe('layer 1: 2 sigmoid');
    const activation = locate(source, at('layer 2:', 'sigmoid', 3));
    expect(activation).toMatchObject({ kind: 'activation', layer: 2 });
    expect(textAt(text, activation!.range)).toBe('sigmoid');
    expect(locate(source, at('layer 0:', 'inputs'))).toMatchObject({ kind: 'layer', layer: 0 });
    expect(locate(source, at('network "', 'Step'))).toMatchObject({ kind: 'network' });
    expect(locate(source, at('cost half', 'half'))).toMatchObject({ kind: 'cost' });
    expect(locate(source, at('learning-rate', '0.5'))).toMatchObject({ kind: 'learning-rate' });
  });

  it('names examples, their inputs and their targets', () => {
    expect(locate(source, at('example x', 'example'))).toMatchObject({ kind: 'example', example: 1 });
    expect(locate(source, at('example x', ' y ', 1))).toMatchObject({ kind: 'example', example: 1 });
    expect(locate(source, at('example x', '0.10'))).toMatchObject({ kind: 'input', example: 1, k: 2 });
    expect(locate(source, at('example x', '0.99', 1))).toMatchObject({ kind: 'target', example: 1, j: 2 });
  });

  it('returns null for comments and blank lines', () => {
    expect(locate(source, { line: 0, character: 5 })).toBeNull();
    expect(locate(source, at('cost half', '#', 3))).toBeNull();
    expect(locate(source, { line: 4, character: 0 })).toBeNull();
    expect(locate(source, { line: 999, character: 0 })).toBeNull();
  });

  it('numbers weights by written row even when a row has the wrong length', () => {
    const bad = 'layer 0: 2 inputs\nlayer 1: 2 sigmoid\n  w 1 2 3\n    4 5\nexample x 1 2 y 0 1\n';
    const parsed = parseSpec(bad);
    expect(parsed.network).toBeNull();
    expect(locate(parsed.source, { line: 3, character: 6 })).toMatchObject({ kind: 'weight', layer: 1, k: 2, j: 2 });
    expect(locate(parsed.source, { line: 2, character: 8 })).toMatchObject({ kind: 'weight', layer: 1, k: 1, j: 3 });
  });

  it('finds every one of 100,000 weights of a 784-128-10 spec quickly', () => {
    const big = parseSpec(generateSpec({ sizes: [784, 128, 10], examples: 2 }));
    const weights = big.source.layers[1].weights!;
    const started = performance.now();
    for (let i = 0; i < 784 * 128; i++) {
      const found = locate(big.source, spanAt(weights, i).start);
      if (found?.kind !== 'weight' || found.k !== Math.floor(i / 128) + 1 || found.j !== (i % 128) + 1)
        expect.fail(`weight ${i}: ${JSON.stringify(found)}`);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
