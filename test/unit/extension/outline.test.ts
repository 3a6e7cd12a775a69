import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SpecSource } from '../../../src/core/model/source';
import { parseSpec } from '../../../src/core/parser/parse';
import { range, type Range } from '../../../src/core/text/range';
import { layerSuperscript, outlineOf, type OutlineNode, type OutlineText } from '../../../src/extension/outline/outlineTree';
import { filesOf } from '../editor/editorFixture';

const mazur = readFileSync('examples/mazur.nnet', 'utf8');
const lines = mazur.split('\n');

const text: OutlineText = {
  get: (r: Range) => lines[r.start.line].slice(r.start.character, r.end.line === r.start.line ? r.end.character : undefined),
  lineEnd: (line) => ({ line: Math.min(line, lines.length - 1), character: lines[Math.min(line, lines.length - 1)].length }),
};

/** Spans of the numbers of `line` (0-based), in order. */
function numbersOn(line: number, from = 0, to = Infinity): number[] {
  const spans: number[] = [];
  for (const match of lines[line].matchAll(/-?\d+(?:\.\d+)?/g))
    if (match.index! >= from && match.index! < to) spans.push(line, match.index!, match.index! + match[0].length);
  return spans;
}

/** Where the parser would locate each part of examples/mazur.nnet, written out by hand. */
const source: SpecSource = {
  network: range(1, 0, 38),
  cost: { line: range(2, 0, 17), value: range(2, 5, 17) },
  learningRate: { line: range(3, 0, 17), value: range(3, 14, 17) },
  seed: null,
  layers: [
    { header: range(5, 0, 17), activation: null, weights: null, weightsBlock: null, biases: null, biasesBlock: null, lastLine: 5 },
    {
      header: range(6, 0, 18), activation: range(6, 11, 18),
      weights: Int32Array.from([...numbersOn(7, 0, 20), ...numbersOn(8)]), weightsBlock: { start: { line: 7, character: 2 }, end: { line: 8, character: 13 } },
      biases: Int32Array.from(numbersOn(9)), biasesBlock: range(9, 2, 13), lastLine: 9,
    },
    {
      header: range(10, 0, 18), activation: range(10, 11, 18),
      weights: Int32Array.from([...numbersOn(11), ...numbersOn(12)]), weightsBlock: { start: { line: 11, character: 2 }, end: { line: 12, character: 13 } },
      biases: Int32Array.from(numbersOn(13)), biasesBlock: range(13, 2, 13), lastLine: 13,
    },
  ],
  examples: [{ line: range(15, 0, 31), x: Int32Array.from(numbersOn(15, 0, 20)), y: Int32Array.from(numbersOn(15, 20)) }],
};

function tree(nodes: readonly OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.name} — ${node.detail}`, ...tree(node.children, depth + 1)]);
}

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('the outline of a spec', () => {
  it('hangs settings, layers with w⁽ℓ⁾ and b⁽ℓ⁾, and examples under the network, from the text alone', () => {
    expect(tree(outlineOf(source, null, text))).toEqual([
      'Step-by-step backpropagation — ',
      '  cost — half-squared',
      '  learning-rate — η = 0.5',
      '  layer 0: 2 inputs — inputs',
      '  layer 1: 2 sigmoid — ',
      '    w⁽¹⁾ — 4 numbers',
      '    b⁽¹⁾ — 2 numbers',
      '  layer 2: 2 sigmoid — ',
      '    w⁽²⁾ — 4 numbers',
      '    b⁽²⁾ — 2 numbers',
      '  example 1 — x (0.05, 0.10)  y (0.01, 0.99)',
    ]);
  });

  it('gives ranges that nest, with each selection inside its range', () => {
    const check = (node: OutlineNode, parent: OutlineNode | null) => {
      expect(within(node.selection, node.range), node.name).toBe(true);
      if (parent) expect(within(node.range, parent.range), `${node.name} in ${parent.name}`).toBe(true);
      node.children.forEach((child) => check(child, node));
    };
    const [root] = outlineOf(source, null, text);
    check(root, null);
    const layer1 = root.children.find((node) => node.name.startsWith('layer 1'))!;
    expect(layer1.range).toEqual({ start: { line: 6, character: 0 }, end: { line: 9, character: lines[9].length } });
    expect(text.get(layer1.children[0].selection)).toBe('w');
  });

  it('is the same from the real parser, with shapes and parameter counts from the network', () => {
    const parsed = parseSpec(mazur);
    expect(parsed.source).toMatchObject({ network: source.network, cost: source.cost, learningRate: source.learningRate });
    expect(tree(outlineOf(parsed.source, parsed.network, text))).toEqual([
      'Step-by-step backpropagation — L = 2, m = 1',
      '  cost — half-squared',
      '  learning-rate — η = 0.5',
      '  layer 0: 2 inputs — inputs',
      '  layer 1: 2 sigmoid — 6 parameters',
      '    w⁽¹⁾ — 2 × 2',
      '    b⁽¹⁾ — 2',
      '  layer 2: 2 sigmoid — 6 parameters',
      '    w⁽²⁾ — 2 × 2',
      '    b⁽²⁾ — 2',
      '  example 1 — x (0.05, 0.10)  y (0.01, 0.99)',
    ]);
  });

  it('lists entries at top level when there is no network line', () => {
    const names = outlineOf({ ...source, network: null }, null, text).map((node) => node.name);
    expect(names).toEqual(['cost', 'learning-rate', 'layer 0: 2 inputs', 'layer 1: 2 sigmoid', 'layer 2: 2 sigmoid', 'example 1']);
  });

  it('lists the training settings with the others, selecting their values', () => {
    const spec = 'steps 500\nbatch-size 2\nshuffle 7\nlayer 0: 1 input\nlayer 1: 1 linear\nexample x 1 y 2\nexample x 2 y 4\n';
    const specLines = spec.split('\n');
    const get = (r: Range) => specLines[r.start.line].slice(r.start.character, r.end.character);
    const parsed = parseSpec(spec);
    const nodes = outlineOf(parsed.source, parsed.network, { get, lineEnd: (line) => ({ line, character: specLines[line].length }) });
    expect(tree(nodes).slice(0, 3)).toEqual(['steps — N = 500', 'batch-size — B = 2', 'shuffle — 7']);
    expect(nodes.slice(0, 3).map((node) => [node.kind, get(node.selection)])).toEqual([['setting', '500'], ['setting', '2'], ['setting', '7']]);
  });

  it('writes layer superscripts in the article notation', () => {
    expect(layerSuperscript(1)).toBe('⁽¹⁾');
    expect(layerSuperscript(12)).toBe('⁽¹²⁾');
  });
});

describe('the outline of data lines', () => {
  const iris = readFileSync('examples/iris.nnet', 'utf8');
  const moons = readFileSync('examples/moons.nnet', 'utf8');
  const irisFiles = filesOf({ 'iris.csv': readFileSync('examples/iris.csv', 'utf8') });

  /** The example entries of `spec`, parsed with `files`, as "name — detail". */
  function entries(spec: string, files = filesOf({})): { names: string[]; nodes: OutlineNode[]; get: (r: Range) => string } {
    const specLines = spec.split('\n');
    const get = (r: Range) => specLines[r.start.line].slice(r.start.character, r.end.line === r.start.line ? r.end.character : undefined);
    const parsed = parseSpec(spec, { files });
    const nodes = outlineOf(parsed.source, parsed.network, { get, lineEnd: (line) => ({ line, character: specLines[Math.min(line, specLines.length - 1)].length }) })
      .flatMap((node) => [node, ...node.children])
      .filter((node) => node.kind === 'example');
    return { names: nodes.map((node) => `${node.name} — ${node.detail}`), nodes, get };
  }

  it('a CSV line is its examples, with the file and its rows', () => {
    expect(entries(iris, irisFiles).names).toEqual(['examples 1–150 — data iris.csv, 150 rows']);
    expect(entries(iris.replace('onehot', 'onehot rows 46-105'), irisFiles).names).toEqual(['examples 1–60 — data iris.csv, rows 46–105 of 150']);
  });

  it('a generated line keeps its text', () => {
    expect(entries(moons).names).toEqual(['examples 1–120 — data moons, 120 generated']);
  });

  it('a line that brought nothing keeps an entry, selecting its keyword', () => {
    const { names, nodes, get } = entries(iris);
    expect(names).toEqual(['data — iris.csv, not read']);
    expect(get(nodes[0].selection)).toBe('data');
    expect(entries(iris.replace('x 1-4', 'x 1-3'), irisFiles).names).toEqual(['data — iris.csv, no examples']);
  });
});
