import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workload } from '../../../src/core/model/workload';
import { readSizes } from '../../../src/core/parser/sizes';
import { INLINE_MAX_BYTES, INLINE_MAX_MULTIPLY_ADDS, INLINE_MAX_TEXT, placementOf } from '../../../src/extension/analysis/placement';
import { generateSpec } from '../parser/generate';

const place = (text: string) => placementOf(text.length, () => text);

describe('reading only the sizes of a spec', () => {
  it('gives the layer sizes and the number of examples, without assembling anything', () => {
    expect(readSizes(readFileSync('examples/mazur.nnet', 'utf8'))).toEqual({ sizes: [2, 2, 2], examples: 1, readsFiles: false });
    expect(readSizes(generateSpec({ sizes: [3, 1412, 1412, 1], parameters: false, examples: 7 }))).toEqual({ sizes: [3, 1412, 1412, 1], examples: 7, readsFiles: false });
  });

  it('has no sizes when a layer size cannot be read', () => {
    expect(readSizes('layer 0: 2 inputs\nlayer 1: two sigmoid\nexample x 1 2 y 1\n')).toEqual({ sizes: null, examples: 1, readsFiles: false });
  });
});

describe('where a spec is analysed', () => {
  it('keeps the small example specs on the main thread, and sends the others to the worker', () => {
    // iris reads a file; the deep networks' per-example values (7 layers × 120 examples) pass the inline bytes bound.
    const inWorker = new Set(['iris.nnet', 'deep-sigmoid.nnet', 'deep-relu.nnet']);
    for (const name of readdirSync('examples').filter((file) => file.endsWith('.nnet')))
      expect(place(readFileSync(`examples/${name}`, 'utf8')), name).toBe(inWorker.has(name) ? 'worker' : 'inline');
  });

  it('sends every spec that reads a data file to the worker, however small', () => {
    const text = 'layer 0: 1 inputs\nlayer 1: 1 sigmoid\ndata "a.csv" x 1 y 2\n';
    expect(readSizes(text)).toEqual({ sizes: [1, 1], examples: 0, readsFiles: true });
    expect(place(text)).toBe('worker');
    expect(place(readFileSync('examples/iris.nnet', 'utf8'))).toBe('worker');
  });

  it('sends a long text to the worker without building it', () => {
    expect(placementOf(INLINE_MAX_TEXT + 1, () => { throw new Error('the text was built'); })).toBe('worker');
  });

  it('sends a short text asking for millions of seeded weights to the worker', () => {
    const text = generateSpec({ sizes: [1, 1412, 1412, 1], parameters: false, examples: 1 });
    expect(text.length).toBeLessThan(200);
    expect(place(text)).toBe('worker');
    expect(place(generateSpec({ sizes: [1, 1412, 1412, 1], parameters: false, examples: 0 }))).toBe('worker');
  });

  it('draws the line at the multiply-add bound', () => {
    // 10-30-10: 4 × 600 = 2,400 multiply-adds per example, so 20 examples are inside and 21 are not.
    const inside = generateSpec({ sizes: [10, 30, 10], parameters: false, examples: 20 });
    const outside = generateSpec({ sizes: [10, 30, 10], parameters: false, examples: 21 });
    expect(workload([10, 30, 10], 20).multiplyAdds).toBeLessThanOrEqual(INLINE_MAX_MULTIPLY_ADDS);
    expect(workload([10, 30, 10], 21).multiplyAdds).toBeGreaterThan(INLINE_MAX_MULTIPLY_ADDS);
    expect([place(inside), place(outside)]).toEqual(['inline', 'worker']);
  });

  it('draws the line at the byte bound', () => {
    expect(workload([1, 59, 59, 1], 1).bytes).toBeLessThanOrEqual(INLINE_MAX_BYTES);
    expect(workload([1, 60, 60, 1], 1).bytes).toBeGreaterThan(INLINE_MAX_BYTES);
    expect(place(generateSpec({ sizes: [1, 59, 59, 1], parameters: false }))).toBe('inline');
    expect(place(generateSpec({ sizes: [1, 60, 60, 1], parameters: false }))).toBe('worker');
  });

  it('keeps a spec whose sizes are unreadable on the main thread: it has an error, so nothing is assembled', () => {
    expect(place('layer 0: 2 inputs\nlayer 1: 1e9999 sigmoid\n')).toBe('inline');
    expect(place('# nothing yet\n')).toBe('inline');
  });
});
