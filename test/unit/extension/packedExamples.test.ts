import { describe, expect, it } from 'vitest';
import type { DataFiles } from '../../../src/core/data/files';
import { runEngine } from '../../../src/core/engine/run';
import { parseSpec } from '../../../src/core/parser/parse';
import { computeAnalysis } from '../../../src/extension/analysis/analyse';
import { coreToolchain } from '../../../src/extension/analysis/coreToolchain';
import { lazyArray } from '../../../src/extension/analysis/worker/lazyArray';
import { PACK_MIN_EXAMPLES } from '../../../src/extension/analysis/worker/packedExamples';
import { analysedReply, analysisFromWorker, transferables } from '../../../src/extension/analysis/worker/wire';

/**
 * Many examples cross from the worker packed into a few arrays and are made again on the main
 * thread as they are read: what a reader sees must be exactly what the worker had — every
 * example's x and y, every example's source and origin, inline examples among data sets, and
 * the engine's per-example values read through the rebuilt network.
 */

const noBugs = (what: string, error: unknown) => {
  throw new Error(`${what}: ${String(error)}`);
};

const ROWS = 700;
const CSV = ['a,b,class', ...Array.from({ length: ROWS }, (_, r) => `${(r % 17) / 7},${-(r % 5) / 3},${r % 3 === 0 ? 'yes' : 'no'}`)].join('\n');
const files: DataFiles = { read: () => ({ kind: 'text', text: CSV, id: '/data/points.csv' }) };
const SPEC = `seed 4
layer 0: 2 inputs
layer 1: 3 tanh
layer 2: 2 softmax
cost cross-entropy
example x 1 2 y 1 0
data "points.csv" x a b y class onehot rows 2-${ROWS}
example x 3 4 y 0 1
data moons 300 noise 0.1
validation 10%
`;

/** The worker's parts (`parts`, computed apart: the sent copy's buffers are transferred), what crossed, and the rebuilt analysis. */
function roundTrip() {
  const toolchain = { parse: (text: string) => parseSpec(text, { files }), run: runEngine };
  const parts = computeAnalysis(SPEC, toolchain, noBugs);
  const { reply } = analysedReply(1, computeAnalysis(SPEC, toolchain, noBugs), []);
  const sent = structuredClone(reply, { transfer: transferables(reply) });
  const analysis = analysisFromWorker(1, { kind: 'analysed', parts: sent.parts, bugs: sent.bugs }, coreToolchain, noBugs);
  return { parts, sent, analysis };
}

describe('examples packed for the wire', () => {
  const { parts, sent, analysis } = roundTrip();
  const m = parts.network!.examples.length;

  it('packs a result with many examples into a few arrays', () => {
    expect(m).toBe(1 + (ROWS - 1) + 1 + 300);
    expect(m).toBeGreaterThan(PACK_MIN_EXAMPLES);
    expect(sent.parts.network!.examples).toEqual([]);
    expect(sent.parts.source.examples).toEqual([]);
    expect(sent.parts.engine!.network).toBe(sent.parts.network);
    expect(sent.parts.packedSources!.written).toHaveLength(2);
  });

  it('gives back every example as the worker had it', () => {
    expect(analysis.network!.examples).toHaveLength(m);
    expect(Array.isArray(analysis.network!.examples)).toBe(true);
    analysis.network!.examples.forEach((example, i) => {
      expect(Array.from(example.x), `x of example ${i + 1}`).toEqual(Array.from(parts.network!.examples[i].x));
      expect(Array.from(example.y), `y of example ${i + 1}`).toEqual(Array.from(parts.network!.examples[i].y));
    });
    expect(Array.from(analysis.network!.validation!)).toEqual(Array.from(parts.network!.validation!));
  });

  it('gives back every example\'s source and origin', () => {
    expect(analysis.source.examples).toHaveLength(m);
    for (let i = 0; i < m; i++) expect(analysis.source.examples[i], `source of example ${i + 1}`).toEqual(parts.source.examples[i]);
    expect(analysis.source.examples[1].origin).toEqual({ kind: 'csv', name: 'points.csv', index: 1, count: ROWS - 1, row: 2, line: 2 });
    expect(analysis.source.dataSets).toEqual(parts.source.dataSets);
  });

  it('reads an example\'s values through the rebuilt network, as the worker computed them', () => {
    const worker = parts.engine!;
    for (const i of [0, 1, ROWS, m - 1]) expect(analysis.engine!.example(i).delta.map((d) => Array.from(d))).toEqual(worker.example(i).delta.map((d) => Array.from(d)));
    expect(analysis.trace(ROWS, 6)?.example).toBe(ROWS);
  });
});

describe('a lazy array', () => {
  it('makes each item once, on first read, and reads like an array', () => {
    const made: number[] = [];
    const items = lazyArray(5, (i) => (made.push(i), { i }));
    expect(made).toEqual([]);
    expect(items[3]).toBe(items[3]);
    expect(made).toEqual([3]);
    expect(items.map((item) => item.i)).toEqual([0, 1, 2, 3, 4]);
    expect([...items].length).toBe(5);
    expect(2 in items && !(5 in items)).toBe(true);
    expect(items[5]).toBeUndefined();
    expect(made).toEqual([3, 0, 1, 2, 4]);
  });

  it('cannot be written', () => {
    const items = lazyArray(2, (i) => i) as number[];
    expect(() => {
      items[0] = 7;
    }).toThrow(TypeError);
  });
});
