import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import type { EngineResult } from '../../../src/core/engine/types';
import { parseSpec } from '../../../src/core/parser/parse';
import { analyse, computeAnalysis, INTERNAL_ERROR_CODE } from '../../../src/extension/analysis/analyse';
import { coreToolchain } from '../../../src/extension/analysis/coreToolchain';
import { analysedReply, analysisFromWorker, SHARE_MIN_BYTES, transferables, type AnalysedReply } from '../../../src/extension/analysis/worker/wire';
import { generateSpec } from '../parser/generate';

/**
 * The analysis as it crosses from the worker to the main thread: computed as the worker
 * computes it, sent through a real structured clone with its buffers transferred, and rebuilt
 * on the main thread, it must give exactly the numbers of runEngine run directly.
 */
const MAZUR = readFileSync('examples/mazur.nnet', 'utf8');
const SPECS: Record<string, string> = {
  mazur: MAZUR,
  'a 16-16-16 spec on the WebAssembly kernel': generateSpec({ sizes: [16, 16, 16], activations: ['tanh', 'sigmoid'], examples: 8 }),
  'a softmax classifier': readFileSync('examples/softmax-classifier.nnet', 'utf8'),
  'a seeded relu network': readFileSync('examples/seeded.nnet', 'utf8'),
  'an overflow (numeric failure)': MAZUR.replace('0.15 0.25', '1e300 0.25').replace('x 0.05', 'x 1e10'),
  'a 1-200-200-1 spec whose engine arrays exceed SHARE_MIN_BYTES': generateSpec({ sizes: [1, 200, 200, 1], parameters: false, examples: 80 }),
};

const noBugs = (what: string, error: unknown) => {
  throw new Error(`${what}: ${String(error)}`);
};

/** Sends the worker's reply through a structured clone, as postMessage does, transferring what it lists. */
function send(text: string): { reply: AnalysedReply; sentBuffers: ArrayBuffer[] } {
  const { reply, transfer } = analysedReply(7, computeAnalysis(text, { parse: (spec) => parseSpec(spec), run: runEngine }, noBugs), []);
  return { reply: structuredClone(reply, { transfer }), sentBuffers: transfer };
}

/** Bit-for-bit equality of two arrays of doubles (NaN equal to NaN, 0 not equal to −0). */
function sameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const a = new Uint32Array(actual.buffer, actual.byteOffset, 2 * actual.length);
  const b = new Uint32Array(expected.buffer, expected.byteOffset, 2 * expected.length);
  const firstDifference = a.findIndex((word, i) => word !== b[i]);
  expect(firstDifference, `${what}: first differing word`).toBe(-1);
}

function sameEngine(actual: EngineResult, expected: EngineResult): void {
  const layered = ['z', 'a', 'dcda', 'dadz', 'delta'] as const;
  for (let i = 0; i < expected.exampleCount; i++)
    for (const name of layered) expected.example(i)[name].forEach((array, l) => sameBits(actual.example(i)[name][l], array, `example ${i + 1}: ${name}[${l}]`));
  expected.gradient.w.forEach((array, l) => sameBits(actual.gradient.w[l], array, `∂c/∂w[${l}]`));
  expected.gradient.b.forEach((array, l) => sameBits(actual.gradient.b[l], array, `∂c/∂b[${l}]`));
  expected.updated.w.forEach((array, l) => sameBits(actual.updated.w[l], array, `updated w[${l}]`));
  expected.updated.b.forEach((array, l) => sameBits(actual.updated.b[l], array, `updated b[${l}]`));
  sameBits(actual.costs, expected.costs, 'c_i');
  expect(Object.is(actual.cost, expected.cost)).toBe(true);
  expect(Object.is(actual.updated.cost, expected.updated.cost)).toBe(true);
  expect(actual.failure).toEqual(expected.failure);
  expect(actual.exampleCount).toBe(expected.exampleCount);
  expect(actual.kernel).toBe(expected.kernel);
}

describe('an analysis sent from the worker', () => {
  for (const [name, text] of Object.entries(SPECS)) {
    it(`gives the numbers of runEngine bit for bit, and the same traces: ${name}`, () => {
      const { reply } = send(text);
      const rebuilt = analysisFromWorker(3, { kind: 'analysed', parts: reply.parts, bugs: reply.bugs }, coreToolchain, noBugs);
      const direct = runEngine(parseSpec(text).network!);
      expect(rebuilt.version).toBe(3);
      sameEngine(rebuilt.engine!, direct);
      const inline = analyse(text, 3, coreToolchain, noBugs);
      expect(rebuilt.problems).toEqual(inline.problems);
      expect(rebuilt.source).toEqual(inline.source);
      const [sent, here] = [rebuilt.trace(0, 6)!, inline.trace(0, 6)!];
      expect(sent.length).toBe(here.length);
      // Every step of a small trace; about 400 spread over a long one.
      const stride = Math.max(1, Math.floor(here.length / 400));
      for (let i = 0; i < here.length; i += stride) {
        const { substitutedText, value } = sent.step(i);
        expect({ substitutedText, value }).toEqual({ substitutedText: here.step(i).substitutedText, value: here.step(i).value });
      }
    });
  }

  it('moves the arrays instead of copying them, and keeps the network one object', () => {
    const { reply, sentBuffers } = send(SPECS['a 16-16-16 spec on the WebAssembly kernel']);
    expect(sentBuffers.length).toBeGreaterThan(0);
    // A transferred buffer is detached on the sending side.
    expect(sentBuffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
    const { engine, network } = reply.parts;
    expect(engine!.kernel).toBe('wasm');
    expect(engine!.network).toBe(network);
    // Views that shared one buffer in the worker share one after the move: the examples are views of the parser's store.
    expect(network!.examples[0].x.buffer).toBe(network!.examples[1].x.buffer);
  });

  it('hands large buffers over as shared memory, and transfers the small ones', () => {
    const { reply, sentBuffers } = send(SPECS['a 1-200-200-1 spec whose engine arrays exceed SHARE_MIN_BYTES']);
    const { engine, network } = reply.parts;
    const stored = engine!.stored!;
    expect(stored.z[1].buffer.byteLength).toBeGreaterThanOrEqual(SHARE_MIN_BYTES);
    expect(stored.z[1].buffer).toBeInstanceOf(SharedArrayBuffer);
    // The engine's arrays live in one arena: they stay views of one buffer.
    expect(stored.delta[2].buffer).toBe(stored.z[1].buffer);
    expect(network!.layers[2].weights.buffer.byteLength).toBeLessThan(SHARE_MIN_BYTES);
    expect(network!.layers[2].weights.buffer).toBeInstanceOf(ArrayBuffer);
    expect(sentBuffers.every((buffer) => buffer.byteLength < SHARE_MIN_BYTES)).toBe(true);
    expect(engine!.network).toBe(network);
  });

  it('lists every non-empty buffer once, at any depth, and never an empty one', () => {
    const shared = new Float64Array(8);
    const empty = new Float64Array(0);
    const value = { a: [shared.subarray(0, 2), { b: shared.subarray(2) }], c: new Int32Array(3), d: empty, e: null, f: 'text' };
    expect(transferables(value)).toEqual([shared.buffer, value.c.buffer]);
  });

  it('reports the bugs the worker caught and turns a crash into the internal-error diagnostic', () => {
    const bugs: string[] = [];
    const log = (what: string, error: unknown) => bugs.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    const bug = { what: 'running backpropagation', message: 'RangeError: Array buffer allocation failed', stack: 'RangeError: …\n    at worker' };
    const { reply } = send(MAZUR);
    analysisFromWorker(1, { kind: 'analysed', parts: reply.parts, bugs: [bug] }, coreToolchain, log);
    const crashed = analysisFromWorker(2, { kind: 'crashed', bug: { ...bug, what: 'analysing the spec in the worker' } }, coreToolchain, log);
    expect(bugs).toEqual(['running backpropagation: RangeError: Array buffer allocation failed', 'analysing the spec in the worker: RangeError: Array buffer allocation failed']);
    expect(crashed.version).toBe(2);
    expect(crashed.skipped).toBe('internal-error');
    expect(crashed.problems.map((problem) => problem.code)).toEqual([INTERNAL_ERROR_CODE]);
    expect(crashed.trace(0, 6)).toBeNull();
  });
});
