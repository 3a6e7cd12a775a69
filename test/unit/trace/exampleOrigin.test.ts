import { describe, expect, it } from 'vitest';
import type { ExampleOrigin, ExampleSource } from '../../../src/core/model/source';
import { exampleOriginText } from '../../../src/core/notation/exampleOrigin';
import { parseSpec } from '../../../src/core/parser/parse';
import { range } from '../../../src/core/text/range';

const NO_SPANS = new Int32Array(0);

/** An example whose line is 0-based `line`, from `origin` (absent: an `example` line). */
function source(line: number, origin?: ExampleOrigin): ExampleSource {
  return { line: range(line, 0, 40), x: NO_SPANS, y: NO_SPANS, ...(origin ? { origin } : {}) };
}

describe('where an example came from', () => {
  it('names an `example` line by its 1-based line', () => {
    expect(exampleOriginText(source(13))).toBe('line 14');
  });

  it('names a generated example by its set and place in it', () => {
    expect(exampleOriginText(source(9, { kind: 'generated', name: 'moons', index: 3, count: 120 }))).toBe('moons, point 3 of 120');
  });

  it('names a CSV example by the path as written, its data row and the file’s 1-based line', () => {
    const origin: ExampleOrigin = { kind: 'csv', name: 'data/iris.csv', index: 12, count: 150, row: 12, line: 12 };
    expect(exampleOriginText(source(9, origin))).toBe('data/iris.csv, row 12 (line 13)');
  });

  it('names only the file when the row is unknown, never a false row', () => {
    expect(exampleOriginText(source(9, { kind: 'csv', name: 'iris.csv', index: 0, count: 0, row: 0, line: 0 }))).toBe('iris.csv');
  });

  it('reads the parser’s sources: inline lines and generated points in spec order', () => {
    const { source: parsed } = parseSpec(['layer 0: 2 inputs', 'layer 1: 1 sigmoid', '', 'example x 0 0 y 0', 'data xor 3 seed 5', 'example x 1 1', '  y 1'].join('\n'));
    expect(parsed.examples.map(exampleOriginText)).toEqual(['line 4', 'xor, point 1 of 3', 'xor, point 2 of 3', 'xor, point 3 of 3', 'line 6']);
  });
});
