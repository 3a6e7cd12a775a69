import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS } from '../../../src/core/model/limits';
import { parameterCount } from '../../../src/core/model/network';
import { thousands } from '../../../src/core/notation/count';
import { parseSpec } from '../../../src/core/parser/parse';
import { spanCount } from '../../../src/core/text/range';
import { generateSpec } from './generate';

/** Big networks within the limit parse; beyond it they are refused before anything is allocated. */

describe('size limits', () => {
  it('parses a 784-128-10 network with all its weights written out', () => {
    const { network, source, diagnostics } = parseSpec(generateSpec({ sizes: [784, 128, 10], examples: 3 }));
    expect(diagnostics).toEqual([]);
    expect(parameterCount(network!)).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(spanCount(source.layers[1].weights!)).toBe(784 * 128);
    expect(source.layers[1].weightRows!.length).toBe(784);
  });

  it('initialises a 784-128-10 network left to its seed', () => {
    const { network, diagnostics } = parseSpec(generateSpec({ sizes: [784, 128, 10], parameters: false, examples: 1 }));
    expect(diagnostics).toEqual([]);
    expect(network!.layers[1].weights.length).toBe(784 * 128);
  });

  it('refuses an absurd layer at once, without allocating it', () => {
    const started = performance.now();
    const { network, diagnostics } = parseSpec('layer 0: 100000 inputs\nlayer 1: 100000000 relu\nexample x 1 y 1\n');
    expect(performance.now() - started).toBeLessThan(200);
    expect(network).toBeNull();
    const tooLarge = diagnostics.find((d) => d.code === 'network-too-large')!;
    expect(tooLarge.message).toBe(
      'expected at most 2,000,000 parameters (weights and biases); this network has 10,000,100,000,000, of which layer 1 has 10,000,100,000,000. Use fewer neurons',
    );
    expect(tooLarge.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 23 } });
  });

  it('counts exactly: the limit itself is allowed, one more is not', () => {
    // n_0 = 1: layer 1 with n neurons has 2n parameters.
    const at = parseSpec(`layer 0: 1 inputs\nlayer 1: ${MAX_PARAMETERS / 2} linear\n`);
    expect(at.diagnostics.map((d) => d.code)).toEqual(['no-examples']);
    const over = parseSpec(`layer 0: 1 inputs\nlayer 1: ${MAX_PARAMETERS / 2} linear\nlayer 2: 1 linear\n`);
    expect(over.diagnostics.map((d) => d.code)).toContain('network-too-large');
  });

  it('reports a layer size too large to be a whole number exactly', () => {
    const { diagnostics } = parseSpec('layer 0: 2 inputs\nlayer 1: 1e300 sigmoid\nexample x 0 1 y 1\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-layer-size']);
  });

  it('writes counts too large to be exact as a power of ten, never as a grouped exponent', () => {
    const { diagnostics } = parseSpec('layer 0: 9000000000000000 inputs\nlayer 1: 9000000000000000 sigmoid\n');
    const tooLarge = diagnostics.find((d) => d.code === 'network-too-large')!;
    expect(tooLarge.message).toBe(
      'expected at most 2,000,000 parameters (weights and biases); this network has about 8.1 × 10³¹, of which layer 1 has about 8.1 × 10³¹. Use fewer neurons',
    );
    expect(thousands(12_345_678_901_234_567_890)).toBe('about 1.23 × 10¹⁹');
    expect(thousands(1e16)).toBe('about 1 × 10¹⁶');
    expect(thousands(1_234_567_890_123_456)).toBe('1,234,567,890,123,456');
  });
});

describe('the example limit, checked while reading', () => {
  const header = 'layer 0: 2 inputs\nlayer 1: 1 sigmoid\n';

  it('reports the example that passes the limit and reads no example after it', () => {
    const lines = Array.from({ length: 1000 }, (_, e) => `example x ${e} 1 y 0`).join('\n');
    const broken = '\nexample x 1 2 3 y 0\nexample x oops y 1';
    const { diagnostics, network } = parseSpec(header + lines + broken, { limits: { maxExampleNumbers: 30 } });
    expect(network).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['examples-too-large', 12]]);
    expect(diagnostics[0].message).toBe('expected at most 30 numbers in all examples together (inputs and targets); example 11 brings them to 33. Use fewer examples');
  });

  it('allows the limit itself', () => {
    const lines = Array.from({ length: 10 }, (_, e) => `example x ${e} 1 y 0`).join('\n');
    expect(parseSpec(header + lines, { limits: { maxExampleNumbers: 30 } }).diagnostics).toEqual([]);
  });

  it('counts an example written over several lines as it goes', () => {
    const text = `${header}example x 1 2 y 0\nexample\n  x 1 2\n  y 1\n`;
    const { diagnostics } = parseSpec(text, { limits: { maxExampleNumbers: 5 } });
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.end.line])).toEqual([['examples-too-large', 3, 5]]);
  });
});
