import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import { COSTS } from '../../../src/core/costs/registry';
import type { DataFiles } from '../../../src/core/data/files';
import { parseSpec } from '../../../src/core/parser/parse';

/**
 * The targets a `data` line brings are held to the same rule as an `example` line's: a cost
 * that takes logs reads them as probabilities (an error outside 0 to 1; a warning when a
 * distribution does not add up to 1), and any other cost warns about a target the output
 * activation can never produce. One diagnostic per line, on its `y` columns or its set's name.
 */

function filesOf(contents: Record<string, string>): DataFiles {
  return {
    read: (path) => (contents[path] === undefined ? { kind: 'problem', id: null, message: `cannot find \`${path}\`` } : { kind: 'text', text: contents[path], id: `/data/${path}` }),
  };
}

const HEIGHTS = `a,b,height
0.1,0.2,0.5
0.3,0.4,5
0.5,0.6,0.2
0.7,0.8,-1
0.9,1.0,7
`;

describe('the targets of a CSV file', () => {
  it('warns, on the y columns, about a target the output activation cannot reach, naming its row and column and counting the others', () => {
    const spec = 'layer 0: 2 inputs\nlayer 1: 1 sigmoid\ndata "h.csv" x a b y height\n';
    const { network, diagnostics } = parseSpec(spec, { files: filesOf({ 'h.csv': HEIGHTS }) });
    expect(diagnostics).toEqual([
      {
        code: 'target-unreachable',
        severity: 'warning',
        range: { start: { line: 2, character: 19 }, end: { line: 2, character: 27 } },
        message:
          "the target of row 2 of `h.csv`, column 3 ('height') is 5 (2 more rows like it), but the output activation sigmoid only gives values between 0 and 1, so the output can never reach it; use targets in that range, or another output activation",
      },
    ]);
    // A warning, as for an `example` line: the spec still computes.
    expect(network?.examples).toHaveLength(5);
  });

  it('is an error with a cost that reads targets as probabilities', () => {
    const spec = 'cost binary-cross-entropy\nlayer 0: 2 inputs\nlayer 1: 1 sigmoid\ndata "h.csv" x 1-2 y 3\n';
    const { network, diagnostics } = parseSpec(spec, { files: filesOf({ 'h.csv': HEIGHTS }) });
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.message])).toEqual([
      ['target-out-of-range', 'error', 3, 19, "the target of row 2 of `h.csv`, column 3 ('height') is 5 (2 more rows like it), but cost binary-cross-entropy reads targets as probabilities, from 0 to 1"],
    ]);
    expect(network).toBeNull();
  });

  it('warns when the targets of a row do not add up to 1 for cross-entropy', () => {
    const csv = 'a,b,p,q\n0.1,0.2,0.5,0.5\n0.3,0.4,0.5,0.6\n';
    const spec = 'cost cross-entropy\nlayer 0: 2 inputs\nlayer 1: 2 softmax\ndata "d.csv" x a b y p q\n';
    const { diagnostics } = parseSpec(spec, { files: filesOf({ 'd.csv': csv }) });
    expect(diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      [
        'targets-not-distribution',
        'warning',
        'the targets of row 2 of `d.csv` add up to 1.1, but cost cross-entropy compares them with softmax outputs, which always add up to 1; make them add up to 1, e.g. 1 for the right class and 0 for the others',
      ],
    ]);
  });

  it('tells a target out of range before a row whose targets only miss adding up to 1, and counts each kind apart', () => {
    const csv = 'a,b,p,q\n0.1,0.2,0.5,0.6\n0.3,0.4,1.5,-0.5\n0.5,0.6,0.3,0.3\n';
    const spec = 'cost cross-entropy\nlayer 0: 2 inputs\nlayer 1: 2 softmax\ndata "d.csv" x a b y p q\n';
    const { diagnostics } = parseSpec(spec, { files: filesOf({ 'd.csv': csv }) });
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['target-out-of-range', "the target of row 2 of `d.csv`, column 3 ('p') is 1.5, but cost cross-entropy reads targets as probabilities, from 0 to 1"],
    ]);
  });

  it('accepts targets in range, and one-hot classes', () => {
    const spec = 'layer 0: 2 inputs\nlayer 1: 1 linear\ndata "h.csv" x a b y height\n';
    expect(parseSpec(spec, { files: filesOf({ 'h.csv': HEIGHTS }) }).diagnostics).toEqual([]);
    const classes = 'a,b,kind\n1,2,cat\n3,4,dog\n';
    const onehot = 'cost cross-entropy\nlayer 0: 2 inputs\nlayer 1: 2 softmax\ndata "c.csv" x a b y kind onehot\n';
    expect(parseSpec(onehot, { files: filesOf({ 'c.csv': classes }) }).diagnostics).toEqual([]);
  });
});

describe('the targets of a generated set', () => {
  it('warns on the set\'s name when the output activation cannot reach them', () => {
    const { diagnostics } = parseSpec('layer 0: 1 inputs\nlayer 1: 4 tanh\nlayer 2: 1 sigmoid\ndata sine 20\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'target-unreachable', severity: 'warning', range: { start: { line: 3, character: 5 }, end: { line: 3, character: 9 } } });
    expect(diagnostics[0].message).toMatch(/^the target of example \d+ of the generated set `sine` is -0\.\d+ \(\d+ more examples like it\), but the output activation sigmoid only gives values between 0 and 1/);
  });

  it('is silent when they fit', () => {
    expect(parseSpec('layer 0: 1 inputs\nlayer 1: 4 tanh\nlayer 2: 1 tanh\ndata sine 20\n').diagnostics).toEqual([]);
  });
});

describe('one rule for both kinds of line', () => {
  // For every cost and output activation and a spread of targets, a CSV row and an `example`
  // line with the same target get the same verdict (the code, or none).
  const targets = [-2, -1, -0.5, 0, 0.5, 1, 2];
  for (const cost of COSTS)
    for (const activation of ACTIVATIONS) {
      it(`${cost} with a ${activation} output`, () => {
        const head = `cost ${cost}\nlayer 0: 1 inputs\nlayer 1: 1 ${activation}\n`;
        for (const y of targets) {
          const codes = (text: string, files?: DataFiles) =>
            parseSpec(text, { files })
              .diagnostics.filter((d) => d.code.startsWith('target'))
              .map((d) => [d.code, d.severity]);
          const inline = codes(`${head}example x 0.5 y ${y}\n`);
          const fromFile = codes(`${head}data "t.csv" x 1 y 2\n`, filesOf({ 't.csv': `x,y\n0.5,${y}\n` }));
          expect(fromFile, `target ${y}`).toEqual(inline);
        }
      });
    }
});
