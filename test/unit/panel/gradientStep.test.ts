import { describe, expect, it } from 'vitest';
import { applyEdits, formatParameter, gradientStepEdits } from '../../../src/core/edit/gradientStep';
import { runEngine } from '../../../src/core/engine/run';
import { parseSpec } from '../../../src/core/parser/parse';
import { mazurText } from './realAnalysis';

function step(text: string): string {
  const parsed = parseSpec(text);
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const result = runEngine(parsed.network!);
  return applyEdits(text, gradientStepEdits(text, parsed.network!, parsed.source, result.updated));
}

function comments(text: string): string[] {
  return text.split('\n').flatMap((line) => (line.includes('#') ? [line.slice(line.indexOf('#'))] : []));
}

describe('Apply Gradient Step as text edits', () => {
  it('rewrites mazur into exactly the updated network, keeping every comment and the layout', () => {
    const text = mazurText();
    const before = parseSpec(text).network!;
    const expected = runEngine(before).updated;
    const rewritten = step(text);
    const after = parseSpec(rewritten).network!;
    for (let l = 1; l < after.layers.length; l++) {
      expect(Array.from(after.layers[l].weights)).toEqual(Array.from(expected.w[l]));
      expect(Array.from(after.layers[l].biases)).toEqual(Array.from(expected.b[l]));
    }
    expect(after.layers[1].weights[0]).toBeCloseTo(0.149780716, 9);
    expect(comments(rewritten)).toEqual(comments(text));
    expect(rewritten.split('\n').length).toBe(text.split('\n').length);
    expect(rewritten).toMatch(/^ {2}w 0\.1497807\d+ 0\.2497511\d+ +# row k.*\n {4}0\.1995614\d+ 0\.2995022\d+\n/m);
    expect(after.examples).toEqual(before.examples);
  });

  it('writes w and b into a layer that left them to the seed, and the result parses to the update', () => {
    const text = mazurText().replace(/layer 2: 2 sigmoid\n(.*\n){3}/, 'layer 2: 2 sigmoid   # initialised from the seed\n');
    expect(text).not.toContain('0.45');
    const expected = runEngine(parseSpec(text).network!).updated;
    const rewritten = step(text);
    expect(rewritten).toContain('layer 2: 2 sigmoid   # initialised from the seed\n  w ');
    const after = parseSpec(rewritten).network!;
    expect(Array.from(after.layers[2].weights)).toEqual(Array.from(expected.w[2]));
    expect(Array.from(after.layers[2].biases)).toEqual(Array.from(expected.b[2]));
    expect(Array.from(after.layers[1].weights)).toEqual(Array.from(expected.w[1]));
  });

  it('keeps CRLF line endings', () => {
    const text = mazurText().replace(/\n/g, '\r\n');
    const rewritten = step(text);
    expect(rewritten.split('\r\n').length).toBe(text.split('\r\n').length);
    expect(rewritten.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('formats every number so it reads back exactly', () => {
    for (const value of [0.1, -0.5, 1e-7, -2.5e-8, 1.2345678901234567e-9, 123456789012, 1.5e21, 5e-324, -0, 0.14978071613276281]) {
      expect(Number(formatParameter(value))).toBe(value === 0 ? 0 : value);
    }
    expect(formatParameter(-0)).toBe('0');
    expect(formatParameter(1e-7)).toBe('0.0000001');
    expect(formatParameter(-2.5e-8)).toBe('-0.000000025');
    expect(formatParameter(1.5e21)).toBe('1500000000000000000000');
    expect(formatParameter(5e-324)).toBe('5e-324');
  });
});

describe('Apply Gradient Step with every kind of line ending', () => {
  const endings = { 'CR only': '\r', CRLF: '\r\n', LF: '\n' } as const;
  const expected = () => {
    const parsed = parseSpec(mazurText());
    return runEngine(parsed.network!).updated;
  };

  for (const [name, eol] of Object.entries(endings)) {
    it(`${name}: the stepped spec reads back as the updated network, with its line endings kept`, () => {
      const text = mazurText().replace(/\r?\n/g, eol);
      const rewritten = step(text);
      const after = parseSpec(rewritten);
      expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const updated = expected();
      for (let l = 1; l < after.network!.layers.length; l++) expect(Array.from(after.network!.layers[l].weights)).toEqual(Array.from(updated.w[l]));
      expect(rewritten.split(eol).length).toBe(text.split(eol).length);
    });
  }

  it('mixed endings: every number lands where the scanner found it, and inserted lines take the first line’s ending', () => {
    const lines = mazurText().split('\n');
    const joined = lines.map((line, i) => line + (i === lines.length - 1 ? '' : ['\r', '\r\n', '\n'][i % 3])).join('');
    const withoutB = joined.replace(/ {2}b 0\.60 0\.60(\r\n|\r|\n)/, '');
    const rewritten = step(withoutB);
    const after = parseSpec(rewritten);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Array.from(after.network!.layers[1].weights)).toEqual(Array.from(runEngine(parseSpec(withoutB).network!).updated.w[1]));
    const firstEnding = /\r\n|\r|\n/.exec(withoutB)![0];
    expect(rewritten).toContain(`${firstEnding}  b `);
  });
});
