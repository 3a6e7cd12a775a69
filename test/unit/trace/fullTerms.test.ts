import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/command';
import { CHUNK_CHARS } from '../../../src/cli/stream';
import { traceCommand } from '../../../src/cli/trace';
import { runEngine } from '../../../src/core/engine/run';
import { formatFactor, formatNumber } from '../../../src/core/notation/format';
import { traceTextLines } from '../../../src/core/output/text';
import { parseSpec } from '../../../src/core/parser/parse';
import { buildTrace } from '../../../src/core/trace/build';

/**
 * Item 3 of issue 11: `nnet trace` summarises wide sums as every view does, and `--full` lists
 * every term of them, one line each, written a chunk at a time.
 */

/** n inputs into a 7-neuron softmax layer: z sums n + 1 terms, a sums 7. Weights from the seed. */
const spec = (n: number) =>
  [
    'cost cross-entropy',
    `layer 0: ${n} inputs`,
    'layer 1: 7 softmax',
    `example x ${Array.from({ length: n }, (_, k) => ((k % 13) - 6) / 10).join(' ')} y 0 0 1 0 0 0 0`,
  ].join('\n');

async function trace(args: string[], text: string) {
  const chunks: string[] = [];
  const io: CliIO = { out: (chunk) => chunks.push(chunk), err: () => undefined, readFile: () => text };
  const code = await traceCommand.run([...args, 'spec.nnet'], io);
  return { code, chunks, lines: chunks.join('\n').split('\n') };
}

describe('nnet trace --full', () => {
  const text = spec(8);
  const network = parseSpec(text).network!;
  const result = runEngine(network);

  it('lists every term of an elided sum under its step, the bias last', async () => {
    const { code, lines } = await trace(['--full'], text);
    expect(code).toBe(0);
    const at = lines.findIndex((line) => line.startsWith('z⁽¹⁾₂ = '));
    expect(lines[at]).toMatch(/ \+ ⋯\[4 more terms: [−0-9.]+\]⋯ \+ /);
    expect(lines[at + 1]).toBe('    all 9 terms of the sum:');
    const terms = lines.slice(at + 2, at + 11);
    expect(terms[0]).toMatch(/^ {4}w⁽¹⁾₁₂ · a⁽⁰⁾₁ = [(−0-9.)]+ × \(−0\.6\) = [−0-9.]+$/);
    expect(terms[7]).toMatch(/^ {4}w⁽¹⁾₈₂ · a⁽⁰⁾₈ = /);
    expect(terms[8]).toBe(`    b⁽¹⁾₂ = ${formatNumber(network.layers[1].biases[1])}`);
    expect(lines[at + 11]).toMatch(/^a⁽¹⁾₂ = /);
    // The terms add up to z (the engine's), each written with its own value.
    const values = terms.map((line) => Number(line.slice(line.lastIndexOf(' = ') + 3).replace('−', '-')));
    expect(values.reduce((x, y) => x + y)).toBeCloseTo(result.example(0).z[1][1], 4);
  });

  it('lists the e^z of softmax’s denominator, each with its value', async () => {
    const { lines } = await trace(['--full'], text);
    const at = lines.findIndex((line) => line.startsWith('a⁽¹⁾₅ = '));
    expect(lines[at + 1]).toBe('    all 7 terms of the sum:');
    for (let r = 1; r <= 7; r++) {
      const z = result.example(0).z[1][r - 1];
      expect(lines[at + 1 + r]).toBe(`    e^(z⁽¹⁾${'₀₁₂₃₄₅₆₇'[r]}) = e^(${formatFactor(z)}) = ${formatNumber(Math.exp(z))}`);
    }
  });

  it('adds nothing else: without it the output is the same, less the term lines', async () => {
    const full = await trace(['--full'], text);
    const summary = await trace([], text);
    expect(full.lines.filter((_, q) => !isTermLine(full.lines, q))).toEqual(summary.lines);
    expect(full.lines.length).toBeGreaterThan(summary.lines.length);
    expect(summary.lines.some((line) => line.includes('terms of the sum'))).toBe(false);
  });

  it('writes a sum of 2,000 terms in chunks, never as one string', async () => {
    const wide = ['layer 0: 2000 inputs', 'layer 1: 1 sigmoid', `example x ${'0.5 '.repeat(2_000)}y 1`].join('\n');
    const { code, chunks, lines } = await trace(['--full'], wide);
    expect(code).toBe(0);
    const at = lines.indexOf('    all 2,001 terms of the sum:');
    expect(lines[at + 2_000]).toMatch(/^ {4}w⁽¹⁾₂₀₀₀,₁ · a⁽⁰⁾₂₀₀₀ = /);
    expect(lines[at + 2_001]).toMatch(/^ {4}b⁽¹⁾₁ = /);
    const longestLine = lines.reduce((longest, line) => Math.max(longest, line.length), 0);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(CHUNK_CHARS + longestLine + 1);
    expect(chunks.length).toBeGreaterThan(lines.length / (CHUNK_CHARS / 20));
  }, 30_000);
});

/** Whether line q is "all N terms of the sum:" or one of the term lines under it. */
function isTermLine(lines: string[], q: number): boolean {
  for (let p = q; p >= 0 && lines[p].startsWith('    '); p--) if (/^ {4}all [0-9,]+ terms of the sum:$/.test(lines[p])) return true;
  return false;
}

describe('traceTextLines', () => {
  it('makes its lines as they are read: the first comes before the second step is built', () => {
    const network = parseSpec(spec(8)).network!;
    const trace = buildTrace(network, runEngine(network), 0);
    let built = 0;
    const counting = { ...trace, step: (q: number) => (built++, trace.step(q)) };
    const lines = traceTextLines(counting, { full: true });
    expect(lines.next().value).toBe('── Forward pass, layer 1 (output) ──');
    expect(lines.next().value).toMatch(/^z⁽¹⁾₁ = /);
    expect(built).toBe(1);
  });
});
