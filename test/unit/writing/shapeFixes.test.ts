import { describe, expect, it } from 'vitest';
import { shapeFix } from '../../../src/core/edit/shapeFixes';
import { EXACT_DIGITS } from '../../../src/core/edit/gradientStep';
import { parseSpec } from '../../../src/core/parser/parse';
import { applyFix } from './snippetExpansion';

/**
 * The quick fixes for problems of shape: each is one edit, and the spec it leaves has no problem
 * left (or only the ones the case names).
 */
function fixOf(text: string, code: string, digits = 6) {
  const parsed = parseSpec(text);
  const problem = parsed.diagnostics.find((d) => d.code === code);
  if (problem === undefined) throw new Error(`no ${code} in:\n${text}\n${parsed.diagnostics.map((d) => d.code).join(', ')}`);
  const fix = shapeFix(text, parsed.source, problem, { digits });
  if (fix === undefined) throw new Error(`no fix for ${code}`);
  return { fix, fixed: applyFix(text, fix) };
}

const codes = (text: string) => parseSpec(text).diagnostics.map((d) => d.code);

const LAYERS = 'cost half-squared\nlayer 0: 2 inputs\nlayer 1: 2 sigmoid\n';
const EXAMPLE = 'example x 0.05 0.10 y 0.01 0.99\n';

describe('quick fixes for a `w` with the wrong number of rows', () => {
  it('adds the missing row: the weights the seed gives that row, to the last bit at 17 digits', () => {
    const text = `seed 5\n${LAYERS}  w 0.15 0.25   # row 1\n  b 0.35 0.35\n${EXAMPLE}`;
    const { fix, fixed } = fixOf(text, 'weights-row-count', EXACT_DIGITS);
    expect(fix.title).toBe('Add 1 row of seeded weights to w⁽¹⁾');
    expect(fix.range.start).toEqual(fix.range.end);
    expect(codes(fixed)).toEqual([]);
    expect(fixed).toContain('  w 0.15 0.25   # row 1\n    ');
    // Row 2 as the engine draws it when the layer leaves `w` out: an independent parse of that spec.
    const seeded = parseSpec(`seed 5\n${LAYERS}  b 0.35 0.35\n${EXAMPLE}`).network!.layers[1].weights;
    const network = parseSpec(fixed).network!;
    expect(Array.from(network.layers[1].weights.slice(2))).toEqual(Array.from(seeded.slice(2)));
    expect(Array.from(network.layers[1].weights.slice(0, 2))).toEqual([0.15, 0.25]);
  });

  it('gives a `w` standing alone all its rows on the lines below it', () => {
    const text = `${LAYERS}  w   # to fill in\n  b 0 0\n${EXAMPLE}`;
    const { fix, fixed } = fixOf(text, 'weights-row-count');
    expect(fix.title).toBe('Add 2 rows of seeded weights to w⁽¹⁾');
    expect(codes(fixed)).toEqual([]);
    expect(fixed.split('\n')[3]).toBe('  w   # to fill in');
    expect(fixed.split('\n')[4]).toMatch(/^ {4}\S+ \S+$/);
  });

  it('adds zeros, and says so, when the seeded numbers are not known yet', () => {
    // Layer 2's activation is misspelt: the bound of its draws is not known, so its rows are zeros.
    const text = `layer 0: 1 inputs\nlayer 1: 2 tanh\nlayer 2: 1 sigmiod\n  w 0.5\n${'example x 1 y 0\n'}`;
    const { fix, fixed } = fixOf(text, 'weights-row-count');
    expect(fix.title).toBe('Add 1 row of zeros to w⁽²⁾');
    expect(fixed).toContain('  w 0.5\n    0\n');
    expect(codes(fixed)).toEqual(['unknown-activation']);
  });

  it('removes the extra rows, whole lines with their comments, keeping the last row’s comment', () => {
    const text = `${LAYERS}  w 0.15 0.25\n    0.20 0.30  # last row\n    0.1 0.2    # extra\n\n    0.3 0.4\n  b 0.35 0.35\n${EXAMPLE}`;
    const { fix, fixed } = fixOf(text, 'weights-row-count');
    expect(fix.title).toBe('Remove the 2 extra rows of w⁽¹⁾');
    expect(fixed).toBe(`${LAYERS}  w 0.15 0.25\n    0.20 0.30  # last row\n  b 0.35 0.35\n${EXAMPLE}`);
    expect(codes(fixed)).toEqual([]);
  });

  it('breaks a `w` written on one line into its rows, keeping the numbers as written', () => {
    const text = `layer 0: 3 inputs\nlayer 1: 2 relu\n  w 1 2 3.50 4 5 6e-1\n${'example x 1 2 3 y 0 1\n'}`;
    const { fix, fixed } = fixOf(text, 'weights-row-count');
    expect(fix.title).toBe('Put each row of w⁽¹⁾ on a line of its own');
    expect(fixed).toBe(`layer 0: 3 inputs\nlayer 1: 2 relu\n  w 1 2\n    3.50 4\n    5 6e-1\n${'example x 1 2 3 y 0 1\n'}`);
    expect(codes(fixed)).toEqual([]);
  });

  it('keeps CR LF line ends', () => {
    const text = `${LAYERS}  w 0.15 0.25\n  b 0 0\n${EXAMPLE}`.replace(/\n/g, '\r\n');
    const { fixed } = fixOf(text, 'weights-row-count');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    expect(codes(fixed)).toEqual([]);
  });
});

describe('quick fixes for a missing or mis-shaped example', () => {
  it('adds an example of the right shape at the end of a spec that has none', () => {
    for (const ending of ['\n', '', '\n\n']) {
      const text = `layer 0: 3 inputs\nlayer 1: 2 tanh\nlayer 2: 1 sigmoid${ending}`;
      const { fix, fixed } = fixOf(text, 'no-examples');
      expect(fix.title).toBe('Add an example with 3 inputs and 1 target');
      expect(fixed).toContain('example x 0 0 0 y 0');
      expect(fixed.endsWith('\n') || ending === '').toBe(true);
      expect(codes(fixed)).toEqual([]);
    }
  });

  it('gives a softmax classifier with cross-entropy one-hot targets, which add up to 1', () => {
    const text = 'cost cross-entropy\nlayer 0: 2 inputs\nlayer 1: 3 softmax\n';
    const { fixed } = fixOf(text, 'no-examples');
    expect(fixed).toContain('example x 0 0 y 1 0 0');
    expect(codes(fixed)).toEqual([]);
  });

  it.each([
    ['too few inputs', 'example x 0.05 y 0.01 0.99', 'example-inputs-length', 'Add 1 input to example 1', 'example x 0.05 0 y 0.01 0.99'],
    ['too many inputs', 'example x 0.05 0.10 0.2 0.3 y 0.01 0.99', 'example-inputs-length', 'Remove the 2 extra inputs of example 1', 'example x 0.05 0.10 y 0.01 0.99'],
    ['an `x` with no numbers', 'example x y 0.01 0.99', 'example-inputs-length', 'Add 2 inputs to example 1', 'example x 0 0 y 0.01 0.99'],
    ['no `x`', 'example y 0.01 0.99', 'example-inputs-length', 'Add 2 inputs to example 1', 'example x 0 0 y 0.01 0.99'],
    ['too few targets', 'example x 0.05 0.10 y 0.01', 'example-targets-length', 'Add 1 target to example 1', 'example x 0.05 0.10 y 0.01 0'],
    ['too many targets', 'example x 0.05 0.10 y 0.01 0.99 0.5', 'example-targets-length', 'Remove the extra target of example 1', 'example x 0.05 0.10 y 0.01 0.99'],
    ['no `y`', 'example x 0.05 0.10  # comment', 'example-targets-length', 'Add 2 targets to example 1', 'example x 0.05 0.10 y 0 0  # comment'],
  ])('%s', (_, line, code, title, fixedLine) => {
    const text = `${LAYERS}example x 1 2 y 0 1\n${line}\n`;
    const parsed = parseSpec(text);
    const problem = parsed.diagnostics.find((d) => d.code === code)!;
    const fix = shapeFix(text, parsed.source, problem)!;
    expect(fix.title).toBe(title.replace('example 1', 'example 2'));
    const fixed = applyFix(text, fix);
    expect(fixed).toBe(`${LAYERS}example x 1 2 y 0 1\n${fixedLine}\n`);
    expect(codes(fixed)).toEqual([]);
  });

  it('fixes an example that goes on over several lines, numbered among the generated ones', () => {
    const text = `${LAYERS}data xor 10\nexample x 0.05\n  0.10 0.7\n  y 1 0\n`;
    const { fix, fixed } = fixOf(text, 'example-inputs-length');
    expect(fix.title).toBe('Remove the extra input of example 11');
    expect(fixed).toBe(`${LAYERS}data xor 10\nexample x 0.05\n  0.10\n  y 1 0\n`);
    expect(codes(fixed)).toEqual([]);
  });

  it('offers nothing for other problems, or when the network’s sizes are not known', () => {
    const text = 'layer 0: two inputs\nlayer 1: 1 sigmoid\n';
    const parsed = parseSpec(text);
    for (const problem of parsed.diagnostics) expect(shapeFix(text, parsed.source, problem)).toBeUndefined();
  });
});
