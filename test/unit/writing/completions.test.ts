import { describe, expect, it } from 'vitest';
import { ACTIVATION_ENTRIES } from '../../../src/core/activations/registry';
import { COST_ENTRIES } from '../../../src/core/costs/registry';
import { GENERATOR_NAMES } from '../../../src/core/data/generators';
import { specCompletions, wantsCompletion, type SpecCompletion } from '../../../src/core/completion/specCompletions';
import { KEYWORDS } from '../../../src/core/parser/read';
import type { Position } from '../../../src/core/text/range';
import { accept } from './snippetExpansion';

/**
 * What the completion list offers where, for a cursor written `|` in the spec: keywords at the
 * start of a line (the parser's own list, less the settings already given and `w`/`b` outside a
 * layer that lacks them), the registries' activations, costs and data sets after their keywords,
 * and nothing inside numbers or comments.
 */
function at(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function complete(marked: string, digits?: number): SpecCompletion[] {
  const { text, position } = at(marked);
  return specCompletions(text, position, digits === undefined ? {} : { digits });
}

const labels = (items: readonly SpecCompletion[]) => items.map((item) => item.label);

const NETWORK = 'layer 0: 2 inputs\nlayer 1: 2 sigmoid\n';

describe('completions in a spec', () => {
  it('after `cost ` lists every cost of the registry, with its formula and description', () => {
    const items = complete('cost sq|');
    expect(labels(items)).toEqual(COST_ENTRIES.map((entry) => entry.name));
    for (const [i, item] of items.entries()) {
      const entry = COST_ENTRIES[i];
      expect(item).toMatchObject({ kind: 'cost', insertText: entry.name, snippet: false, detail: entry.formulas.definition.text });
      expect(item.documentation).toContain(entry.description);
      expect(item.documentation).toContain(entry.formulas.derivative.text);
      expect(item.range).toEqual({ start: { line: 0, character: 5 }, end: { line: 0, character: 7 } });
    }
    expect(COST_ENTRIES.find((entry) => entry.name === 'cross-entropy')).toBeDefined();
    expect(items.find((item) => item.label === 'cross-entropy')!.documentation).toMatch(/softmax/);
  });

  it('after a layer’s size lists every activation of the registry; after layer 0’s, `inputs`', () => {
    const items = complete(`${NETWORK}layer 2: 3 t|`);
    expect(labels(items)).toEqual(ACTIVATION_ENTRIES.map((entry) => entry.name));
    expect(items[0].documentation).toContain(ACTIVATION_ENTRIES[0].formulas.derivative.text);
    expect(items.every((item) => item.kind === 'activation' && !item.snippet)).toBe(true);
    expect(labels(complete('layer 1 2 |'))).toContain('relu');
    expect(labels(complete('layer 0: 2 |'))).toEqual(['inputs']);
  });

  it('after `data ` lists the generated data sets with their inputs and outputs', () => {
    const items = complete(`${NETWORK}data m|`);
    expect(labels(items)).toEqual([...GENERATOR_NAMES]);
    expect(items.find((item) => item.label === 'sine')!.detail).toBe('1 input, 1 output');
    expect(items.find((item) => item.label === 'moons')!.detail).toBe('2 inputs, 1 or 2 outputs');
  });

  it('at the start of a line lists the parser’s keywords, each once, with a line on what it says', () => {
    const items = complete(`${NETWORK}  |`);
    expect(new Set(labels(items))).toEqual(new Set(KEYWORDS));
    for (const item of items) {
      expect(item.kind).toBe('keyword');
      expect(item.detail.length).toBeGreaterThan(10);
    }
    // Inside layer 1, which lacks both, its `w` and `b` come first.
    const sorted = [...items].sort((p, q) => p.sortText.localeCompare(q.sortText));
    expect(labels(sorted).slice(0, 2)).toEqual(['w', 'b']);
  });

  it('leaves out a setting the spec already has, and `w`/`b` outside a layer that lacks them', () => {
    const spec = `cost squared\nseed 3\n|\n${NETWORK}  w 1 2\n    3 4\nexample x 1 2 y 3 4\n`;
    const names = labels(complete(spec));
    expect(names).not.toContain('cost');
    expect(names).not.toContain('seed');
    expect(names).not.toContain('w');
    expect(names).not.toContain('b');
    expect(names).toContain('learning-rate');
    const inLayer = labels(complete(`${NETWORK}  w 1 2\n    3 4\n  |\n`));
    expect(inLayer).not.toContain('w');
    expect(inLayer).toContain('b');
    // The line being typed is not a setting yet: `cost` is still offered while it is written.
    expect(labels(complete('co|\nlayer 0: 1 inputs\n'))).toContain('cost');
  });

  it('replaces the whole word under the cursor, and takes the indentation away before a keyword outside any layer', () => {
    const [layer] = complete(`${NETWORK}  la|ye`).filter((item) => item.label === 'layer');
    expect(layer.range).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 6 } });
    expect(layer.removeIndent).toEqual({ start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
    const [w] = complete(`${NETWORK}  |`).filter((item) => item.label === 'w');
    expect(w.removeIndent).toBeUndefined();
    const { text } = at(`${NETWORK}  la|ye`);
    expect(accept(text, layer)).toBe(`${NETWORK}layer 2: 2 sigmoid`);
  });

  it('offers nothing inside numbers, after other words, or in a comment', () => {
    expect(complete(`${NETWORK}  w 0.1 |`)).toEqual([]);
    expect(complete(`${NETWORK}  0.|`)).toEqual([]);
    expect(complete(`${NETWORK}example x 1 |`)).toEqual([]);
    expect(complete(`${NETWORK}# a co|`)).toEqual([]);
    expect(complete(`cost squared # sq|`)).toEqual([]);
    expect(complete('learning-rate |')).toEqual([]);
  });

  it('the `layer` snippet numbers the layer after the one above, and starts an output layer with what the cost needs', () => {
    const first = complete('|').find((item) => item.label === 'layer')!;
    expect(first.insertText).toBe('layer 0: ${1:2} inputs$0');
    const next = complete(`cost cross-entropy\n${NETWORK}|`).find((item) => item.label === 'layer')!;
    expect(next.insertText).toMatch(/^layer 2: \$\{1:2\} \$\{2\|softmax,sigmoid,tanh,/);
    // Not the output layer: the registry's first activation.
    const hidden = complete(`cost cross-entropy\nlayer 0: 2 inputs\n|\nlayer 1: 2 softmax\n`).find((item) => item.label === 'layer')!;
    expect(hidden.insertText).toMatch(/^layer 1: \$\{1:2\} \$\{2\|sigmoid,/);
  });

  it('the `example` snippet has a tab stop for each of n_0 inputs and n_L targets', () => {
    const item = complete(`layer 0: 3 inputs\nlayer 1: 2 tanh\nlayer 2: 2 sigmoid\n|`).find((i) => i.label === 'example')!;
    expect(item.insertText).toBe('example x ${1:0} ${2:0} ${3:0} y ${4:0} ${5:0}$0');
    expect(item.detail).toBe('x: 3 inputs, y: 2 targets');
    const softmax = complete(`cost cross-entropy\nlayer 0: 1 inputs\nlayer 1: 3 softmax\n|`).find((i) => i.label === 'example')!;
    expect(softmax.insertText).toBe('example x ${1:0} y ${2:1} ${3:0} ${4:0}$0');
  });

  it('a wide example has tab stops for its first 32 numbers and plain zeros after them', () => {
    const item = complete(`layer 0: 40 inputs\nlayer 1: 1 sigmoid\n|`).find((i) => i.label === 'example')!;
    expect(item.insertText.match(/\$\{\d+:0\}/g)).toHaveLength(32);
    expect(item.insertText).toContain('${32:0} 0 0 0 0 0 0 0 0 y 0$0');
  });

  it('a typed space opens the list after `cost`, a layer’s size and `data`, never for indentation', () => {
    expect(wantsCompletion('cost ', 5, { typedSpace: true })).toBe(true);
    expect(wantsCompletion('layer 2: 3 ', 11, { typedSpace: true })).toBe(true);
    expect(wantsCompletion('data ', 5, { typedSpace: true })).toBe(true);
    expect(wantsCompletion('  ', 2, { typedSpace: true })).toBe(false);
    expect(wantsCompletion('  ', 2)).toBe(true);
    expect(wantsCompletion('example x 1 ', 12, { typedSpace: true })).toBe(false);
    expect(wantsCompletion('# cost ', 7, { typedSpace: true })).toBe(false);
    const { text, position } = at(`${NETWORK}  |`);
    expect(specCompletions(text, position, { typedSpace: true })).toEqual([]);
    expect(labels(specCompletions('cost ', { line: 0, character: 5 }, { typedSpace: true }))).toContain('cross-entropy');
  });

  it('`data` chooses a generated set that fits the network first, and stands alone when none fits', () => {
    const sine = complete('layer 0: 1 inputs\nlayer 1: 1 tanh\n|').find((i) => i.label === 'data')!;
    expect(sine.insertText).toMatch(/^data \$\{1\|sine,xor,/);
    const classes = complete('layer 0: 2 inputs\nlayer 1: 3 softmax\n|').find((i) => i.label === 'data')!;
    expect(classes.insertText).toBe('data $0');
  });

  it('without a network above, `w` is not offered and `example` has no shape', () => {
    const items = complete('|');
    expect(labels(items)).not.toContain('w');
    expect(items.find((i) => i.label === 'example')!.insertText).toBe('example x $1 y $2$0');
  });

  it('reads the network around a spec of many examples without reading their numbers', () => {
    const examples = Array.from({ length: 50_000 }, (_, i) => `example x ${i} ${i + 1}\n  y 1`).join('\n');
    const text = `${NETWORK}  \n${examples}\n`;
    specCompletions(text, { line: 2, character: 2 });
    const started = performance.now();
    const items = specCompletions(text, { line: 2, character: 2 });
    // About 10 ms on an idle machine; the bound leaves room for a loaded one.
    expect(performance.now() - started).toBeLessThan(500);
    expect(items.find((i) => i.label === 'w')!.detail).toMatch(/2 × 2, drawn from seed 1/);
  });

  it('keeps line numbers right in a spec with CR LF and lone CR line ends', () => {
    const items = specCompletions('layer 0: 2 inputs\r\nlayer 1: 3 relu\r  0.5\r\n  ', { line: 3, character: 2 });
    expect(items.find((i) => i.label === 'w')!.detail).toMatch(/2 × 3/);
  });
});
