import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostics';
import type { EngineResult } from '../../../src/core/engine/types';
import type { Network } from '../../../src/core/model/network';
import type { SpecSource } from '../../../src/core/model/source';
import { range } from '../../../src/core/text/range';
import { analyse, EMPTY_SOURCE, INTERNAL_ERROR_CODE, NUMERIC_FAILURE_CODE } from '../../../src/extension/analysis/analyse';
import type { ParseOutcome, Toolchain } from '../../../src/extension/analysis/toolchain';
import { fakeTrace } from './fakeTrace';

const network = (examples: number): Network => ({
  name: 'n', cost: 'half-squared', learningRate: 0.5, seed: 1,
  layers: [
    { size: 1, activation: null, weights: new Float64Array(), biases: new Float64Array() },
    { size: 1, activation: 'sigmoid', weights: new Float64Array(1), biases: new Float64Array(1) },
  ],
  examples: Array.from({ length: examples }, () => ({ x: new Float64Array(1), y: new Float64Array(1) })),
});

const source: SpecSource = {
  ...EMPTY_SOURCE,
  layers: [
    { header: range(0, 0, 16), activation: null, weights: null, weightsBlock: null, biases: null, biasesBlock: null, lastLine: 0 },
    { header: range(1, 0, 18), activation: range(1, 11, 18), weights: null, weightsBlock: null, biases: null, biasesBlock: null, lastLine: 1 },
  ],
};

const engineFor = (net: Network, failure: EngineResult['failure'] = null) =>
  ({ network: net, exampleCount: net.examples.length, failure } as unknown as EngineResult);

/** A toolchain whose parse returns `outcome` and that counts its calls. */
function toolchain(outcome: () => ParseOutcome, failure: EngineResult['failure'] = null) {
  const calls = { parse: 0, run: 0, trace: [] as string[] };
  const chain: Toolchain = {
    parse: () => (calls.parse++, outcome()),
    run: (net) => (calls.run++, engineFor(net, failure)),
    trace: (_net, _result, example, { digits }) => (calls.trace.push(`${example}:${digits}`), fakeTrace([1, 1], example)),
  };
  return { chain, calls };
}

const bugs: string[] = [];
const report = (what: string) => bugs.push(what);
const warning = (code: string): Diagnostic => ({ code, severity: 'warning', range: range(0, 0, 1), message: code });
const error = (code: string): Diagnostic => ({ ...warning(code), severity: 'error' });

describe('analysing a spec', () => {
  it('runs the engine once and builds each trace once per example and digits', () => {
    const { chain, calls } = toolchain(() => ({ network: network(2), source, diagnostics: [warning('unused-seed')] }));
    const result = analyse('text', 7, chain, report);
    expect(result.version).toBe(7);
    expect(result.skipped).toBeNull();
    expect(result.exampleCount).toBe(2);
    expect(result.problems.map((d) => d.code)).toEqual(['unused-seed']);
    const first = result.trace(1, 6);
    expect(first?.example).toBe(1);
    expect(result.trace(1, 6)).toBe(first);
    result.trace(1, 3);
    expect(result.trace(2, 6)).toBeNull();
    expect(result.trace(-1, 6)).toBeNull();
    expect(calls).toEqual({ parse: 1, run: 1, trace: ['1:6', '1:3'] });
  });

  it('builds traces with the digits it is given (the settings clamp them: settings.test.ts)', () => {
    const { chain, calls } = toolchain(() => ({ network: network(1), source, diagnostics: [] }));
    const result = analyse('text', 1, chain, report);
    result.trace(0, 15);
    result.trace(0, 1);
    result.trace(0, 15);
    expect(calls.trace).toEqual(['0:15', '0:1']);
  });

  it('does not run the engine on errors, on a too-large network, or without examples', () => {
    const cases: [ParseOutcome, string][] = [
      [{ network: network(1), source, diagnostics: [error('weights-row-count')] }, 'errors'],
      [{ network: null, source, diagnostics: [] }, 'errors'],
      [{ network: network(1), source, diagnostics: [warning('network-too-large')] }, 'too-large'],
      [{ network: network(0), source, diagnostics: [] }, 'no-examples'],
    ];
    for (const [outcome, skipped] of cases) {
      const { chain, calls } = toolchain(() => outcome);
      const result = analyse('text', 1, chain, report);
      expect(result.skipped).toBe(skipped);
      expect(result.engine).toBeNull();
      expect(result.trace(0, 6)).toBeNull();
      expect(calls.run).toBe(0);
    }
  });

  it('shows a numeric failure as a warning on its layer line', () => {
    const failure = { quantity: 'z', example: 1, layer: 1, neuron: 1, value: Infinity, message: 'z⁽¹⁾₁ of example 1 is Infinity' };
    const { chain } = toolchain(() => ({ network: network(1), source, diagnostics: [] }), failure);
    const [problem] = analyse('text', 1, chain, report).problems;
    expect(problem).toEqual({ code: NUMERIC_FAILURE_CODE, severity: 'warning', range: source.layers[1].header, message: failure.message });
  });

  it('turns a bug into a reported internal-error diagnostic instead of throwing', () => {
    bugs.length = 0;
    const { chain } = toolchain(() => {
      throw new Error('boom');
    });
    const result = analyse('text', 3, chain, report);
    expect(result.problems.map((d) => d.code)).toEqual([INTERNAL_ERROR_CODE]);
    expect(result.skipped).toBe('internal-error');
    expect(bugs).toEqual(['parsing the spec']);

    const throwingTrace: Toolchain = { ...toolchain(() => ({ network: network(1), source, diagnostics: [] })).chain, trace: () => { throw new Error('boom'); } };
    expect(analyse('text', 1, throwingTrace, report).trace(0, 6)).toBeNull();
    expect(bugs).toEqual(['parsing the spec', 'building the trace of example 1']);
  });
});

describe('analysing with the real parser, engine and trace builder', () => {
  it('analyses examples/mazur.nnet once and walks its 45 steps', async () => {
    const { readFileSync } = await import('node:fs');
    const { coreToolchain } = await import('../../../src/extension/analysis/coreToolchain');
    const result = analyse(readFileSync('examples/mazur.nnet', 'utf8'), 1, coreToolchain, report);
    expect(result.problems).toEqual([]);
    expect(result.exampleCount).toBe(1);
    const trace = result.trace(0, 6)!;
    expect(trace.length).toBe(45);
    expect(trace.step(8).address.kind).toBe('cost');
    expect(trace.step(11).symbolText).toBe('δ⁽²⁾₁');
    expect(trace.step(11).value).toBeCloseTo(0.138499, 6);
  });

  it('shows an overflow as a numeric-failure warning on the layer line', async () => {
    const { readFileSync } = await import('node:fs');
    const { coreToolchain } = await import('../../../src/extension/analysis/coreToolchain');
    const text = readFileSync('examples/mazur.nnet', 'utf8').replace('0.15 0.25', '1e300 0.25').replace('x 0.05', 'x 1e10');
    const [problem] = analyse(text, 1, coreToolchain, report).problems;
    expect(problem.code).toBe(NUMERIC_FAILURE_CODE);
    expect(problem.severity).toBe('warning');
    expect(problem.range.start.line).toBe(6);
    expect(problem.message).toMatch(/z⁽¹⁾₁ of example 1/);
  });
});
