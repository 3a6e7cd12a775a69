import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { MAX_ANALYSIS_BYTES, MAX_MULTIPLY_ADDS, workload } from '../../../src/core/model/workload';
import { parseSpec } from '../../../src/core/parser/parse';

/** A seeded spec of the given shape with m examples (inputs cycle through tenths). */
function spec(sizes: readonly number[], m: number): string {
  const lines = ['seed 1', `layer 0: ${sizes[0]} inputs`];
  for (let l = 1; l < sizes.length; l++) lines.push(`layer ${l}: ${sizes[l]} sigmoid`);
  for (let i = 0; i < m; i++) {
    const x = Array.from({ length: sizes[0] }, (_, k) => ((i * 7 + k) % 10) / 10).join(' ');
    lines.push(`example x ${x} y ${Array.from({ length: sizes[sizes.length - 1] }, () => 0.5).join(' ')}`);
  }
  return lines.join('\n');
}

describe('the workload estimate', () => {
  it('counts four passes of Σ m·n_(ℓ−1)·n_ℓ multiply-adds', () => {
    expect(workload([2, 2, 2], 1).multiplyAdds).toBe(4 * 8);
    expect(workload([784, 128, 10], 64).multiplyAdds).toBe(4 * 64 * (784 * 128 + 128 * 10));
  });

  it.each([
    [[2, 2, 2], 1],
    [[4, 8, 8, 3], 150],
    [[50, 200, 200, 10], 500],
    [[784, 128, 10], 300],
    [[3, 300, 1], 2000],
  ] as const)('bounds the memory the engine really allocates for %s × %i', (sizes, m) => {
    const network = parseSpec(spec(sizes, m)).network!;
    const before = process.memoryUsage();
    const result = runEngine(network);
    // Both lazily computed parts: the cost after the step and the scan for a non-finite number.
    expect(result.failure).toBeNull();
    const after = process.memoryUsage();
    const allocated = Math.max(after.external - before.external, after.arrayBuffers - before.arrayBuffers);
    expect(allocated).toBeLessThanOrEqual(workload(sizes, m).bytes);
  });
});

describe('the work limit', () => {
  it('refuses the 64 KB 1-1412-1412-1 × 4,000 spec with one diagnostic on its widest layer, before any engine runs', () => {
    const text = spec([1, 1412, 1412, 1], 4000);
    expect(text.length).toBeLessThan(96 * 1024);
    const started = performance.now();
    const { diagnostics, network } = parseSpec(text);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(network).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['work-too-large']);
    expect(diagnostics[0].range.start.line).toBe(3);
    expect(diagnostics[0].message).toBe(
      `backpropagating 4,000 examples through this network takes about 31,945,088,000 multiply-adds; the limit is 10,000,000,000. Use fewer examples, or fewer neurons in layer 2, the widest`,
    );
  });

  it('names the memory when that is what runs out', () => {
    const { diagnostics } = parseSpec(spec([4, 8, 3], 20), { limits: { maxAnalysisBytes: 2 ** 20 } });
    expect(diagnostics.map((d) => d.code)).toEqual(['work-too-large']);
    expect(diagnostics[0].message).toMatch(/takes about 2 MB of memory; the limit is 1 MB\./);
  });

  it('lets a 784-128-10 network with 10,000 examples through', () => {
    const { multiplyAdds, bytes } = workload([784, 128, 10], 10_000);
    expect(multiplyAdds).toBeLessThan(MAX_MULTIPLY_ADDS);
    expect(bytes).toBeLessThan(MAX_ANALYSIS_BYTES);
  });
});
