import { describe, expect, it } from 'vitest';
import { generateData } from '../../../src/core/data/generators';
import { splitValidation } from '../../../src/core/data/split';
import { locate } from '../../../src/core/model/locate';
import { parseSpec } from '../../../src/core/parser/parse';

/**
 * `data NAME COUNT …` and `validation P%` in a spec: the generated examples take their place
 * among the `example` lines in order of appearance, exactly as the generator makes them; the
 * split holds out the documented examples; everything that reads examples sees them.
 */
const SPEC = `seed 3
layer 0: 2 inputs
layer 1: 4 tanh
layer 2: 1 sigmoid
example x 0.5 0.5 y 1
data moons 10 noise 0.1 seed 7
example x -0.5 0.25 y 0
validation 25%
`;

describe('generated data in a spec', () => {
  const { network, source, diagnostics } = parseSpec(SPEC);

  it('puts the examples in order of appearance, the same bits as the generator makes', () => {
    expect(diagnostics).toEqual([]);
    expect(network!.examples).toHaveLength(12);
    expect(Array.from(network!.examples[0].x)).toEqual([0.5, 0.5]);
    expect(Array.from(network!.examples[11].x)).toEqual([-0.5, 0.25]);
    const generated = generateData({ name: 'moons', count: 10, noise: 0.1, seed: 7, inputs: 2, outputs: 1 }).examples;
    generated.forEach((example, q) => {
      expect(Array.from(network!.examples[q + 1].x)).toEqual(Array.from(example.x));
      expect(Array.from(network!.examples[q + 1].y)).toEqual(Array.from(example.y));
    });
  });

  it('holds out the examples the documented split names, seeded by the spec', () => {
    expect(Array.from(network!.validation!)).toEqual(splitValidation(12, 25, 3).validation);
    expect(network!.validation).toHaveLength(3);
  });

  it('places every generated example on its data line, and the line stands for the first', () => {
    expect(source.examples[3].line.start.line).toBe(5);
    expect(source.examples[3].origin).toEqual({ kind: 'generated', name: 'moons', index: 3, count: 10 });
    expect(source.examples[0].origin).toBeUndefined();
    expect(locate(source, { line: 5, character: 7 })).toMatchObject({ kind: 'example', example: 2 });
  });

  it('numbers the example lines after a data set past its examples', () => {
    const { diagnostics: problems } = parseSpec(SPEC.replace('example x -0.5 0.25 y 0', 'example x -0.5 y 0'));
    expect(problems.map((d) => d.message)).toEqual([expect.stringMatching(/^example 12 needs 2 inputs/)]);
  });

  it('counts generated numbers against the example limit', () => {
    const { diagnostics: problems } = parseSpec(SPEC, { limits: { maxExampleNumbers: 20 } });
    expect(problems.map((d) => [d.code, d.range.start.line])).toEqual([['examples-too-large', 5]]);
  });

  it('is a spec with examples even when every one is generated', () => {
    const { diagnostics: problems, network: generatedOnly } = parseSpec('layer 0: 1 input\nlayer 1: 1 linear\ndata sine 5\n');
    expect(problems).toEqual([]);
    expect(generatedOnly!.examples).toHaveLength(5);
  });
});
