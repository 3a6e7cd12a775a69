import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specCompletions, type SpecCompletion } from '../../../src/core/completion/specCompletions';
import { EXACT_DIGITS } from '../../../src/core/edit/gradientStep';
import { parseSpec } from '../../../src/core/parser/parse';
import { accept } from './snippetExpansion';

/**
 * Every snippet, its placeholders left at their defaults, gives a spec that checks clean, and
 * the `w` snippet writes the very weights the engine draws from the seed for a layer without `w`.
 */

/** `text` with a new line `indent` at its end, on which the completion `label` is accepted. */
function write(text: string, label: string, indent = '', digits?: number): string {
  const base = text === '' ? indent : `${text}\n${indent}`;
  const line = base.split('\n').length - 1;
  const items = specCompletions(base, { line, character: indent.length }, digits === undefined ? {} : { digits });
  const item = items.find((i) => i.label === label);
  if (item === undefined) throw new Error(`no completion ${label} offered after:\n${text}\n(offered: ${items.map((i) => i.label).join(', ')})`);
  return accept(base, item);
}

const problems = (text: string) => parseSpec(text).diagnostics.map((d) => `${d.code}: ${d.message}`);
const errors = (text: string) => parseSpec(text).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);

describe('snippets', () => {
  it('a spec written from nothing by completions alone checks clean at the end, and has no error on the way', () => {
    let text = '';
    const steps: [string, string][] = [
      ['network', ''], ['cost', ''], ['learning-rate', ''], ['seed', ''],
      ['layer', ''], ['layer', ''], ['w', '  '], ['b', '  '], ['layer', ''], ['w', '  '], ['b', '  '],
      ['example', ''], ['data', ''], ['validation', ''], ['steps', ''], ['batch-size', ''], ['shuffle', ''],
    ];
    let layers = 0;
    for (const [label, indent] of steps) {
      text = write(text, label, indent);
      if (label === 'layer') layers++;
      // Before layer 1 there is no network to check; from then on every line keeps it sound.
      if (layers >= 2) expect(errors(text), `after ${label}:\n${text}`).toEqual([]);
    }
    expect(problems(text)).toEqual([]);
    expect(text).toMatch(/^network "name"\ncost squared\nlearning-rate 0\.1\nseed 1\nlayer 0: 2 inputs\nlayer 1: 2 sigmoid\n  w \S+ \S+\n    \S+ \S+\n  b 0 0\nlayer 2: 2 sigmoid\n/);
    expect(text).toContain('\nexample x 0 0 y 0 0\ndata xor 100\nvalidation 20%\nsteps 100\nbatch-size 1\nshuffle 1');
  });

  it.each(['xor.nnet', 'mazur.nnet', 'softmax-classifier.nnet', 'moons.nnet', 'seeded.nnet'])('every keyword offered at the end of %s gives a spec that checks clean', (name) => {
    const spec = readFileSync(`examples/${name}`, 'utf8').trimEnd();
    expect(problems(spec)).toEqual([]);
    const offered = specCompletions(`${spec}\n`, { line: spec.split('\n').length, character: 0 }).map((item) => item.label);
    expect(offered.length).toBeGreaterThan(3);
    for (const label of offered) {
      // `validation` needs examples enough to hold one out and still train.
      if (label === 'validation' && parseSpec(spec).network!.examples.length < 2) continue;
      // No generated set fits the network: `data` is the keyword alone, for a CSV file of one's own.
      const item = specCompletions(`${spec}\n`, { line: spec.split('\n').length, character: 0 }).find((i) => i.label === label)!;
      if (item.insertText === 'data $0') continue;
      expect(problems(write(spec, label)), `${name} + ${label}`).toEqual([]);
    }
  });

  it('the `w` snippet writes the weights the engine draws from the seed for the layer, to the last bit at 17 digits', () => {
    const withoutW = 'seed 7\nlayer 0: 3 inputs\nlayer 1: 4 relu\n  b 0 0 0 0\nlayer 2: 2 tanh\nexample x 1 2 3 y 0 0.5\n';
    const engine = parseSpec(withoutW).network!;
    // w⁽¹⁾ on the line after layer 1's header, where the `b` is.
    const lines = withoutW.split('\n');
    const before = lines.slice(0, 3).join('\n');
    const written = write(before, 'w', '  ', EXACT_DIGITS) + '\n' + lines.slice(3).join('\n');
    const network = parseSpec(written).network!;
    expect(network).not.toBeNull();
    expect(Array.from(network.layers[1].weights)).toEqual(Array.from(engine.layers[1].weights));
    expect(written.split('\n').slice(3, 6).every((line) => /^ {2}(w| ) \S+ \S+ \S+ \S+$/.test(line))).toBe(true);
  });

  it('writing one layer’s `w` leaves the seeded weights of the layers after it as they were', () => {
    const spec = 'seed 4\nlayer 0: 2 inputs\nlayer 1: 3 tanh\n  \nlayer 2: 2 sigmoid\nexample x 1 2 y 0 1\n';
    const engine = parseSpec(spec).network!;
    const items = specCompletions(spec, { line: 3, character: 2 }, { digits: EXACT_DIGITS });
    const network = parseSpec(accept(spec, items.find((i) => i.label === 'w')!)).network!;
    expect(Array.from(network.layers[1].weights)).toEqual(Array.from(engine.layers[1].weights));
    expect(Array.from(network.layers[2].weights)).toEqual(Array.from(engine.layers[2].weights));
  });

  it('writes a later layer’s seeded `w` even while an earlier layer’s activation is misspelt', () => {
    const spec = 'seed 9\nlayer 0: 2 inputs\nlayer 1: 3 sigmod\nlayer 2: 1 tanh\n  \nexample x 1 2 y 0\n';
    const fixed = parseSpec(spec.replace('sigmod', 'sigmoid')).network!;
    const items = specCompletions(spec, { line: 4, character: 2 }, { digits: EXACT_DIGITS });
    const written = accept(spec, items.find((i) => i.label === 'w')!).replace('sigmod', 'sigmoid');
    expect(Array.from(parseSpec(written).network!.layers[2].weights)).toEqual(Array.from(fixed.layers[2].weights));
  });

  it('the `w` of a later layer takes its own stretch of the stream after the earlier layers', () => {
    const spec = 'seed 11\nlayer 0: 2 inputs\nlayer 1: 3 sigmoid\nlayer 2: 2 gelu\n  \nexample x 1 2 y 0 0\n';
    const engine = parseSpec(spec).network!;
    const items = specCompletions(spec, { line: 4, character: 2 }, { digits: EXACT_DIGITS });
    const written = accept(spec, items.find((i) => i.label === 'w')!);
    const network = parseSpec(written).network!;
    expect(Array.from(network.layers[2].weights)).toEqual(Array.from(engine.layers[2].weights));
    // Layer 1 still draws first, so its weights are unchanged too.
    expect(Array.from(network.layers[1].weights)).toEqual(Array.from(engine.layers[1].weights));
  });

  it('at 6 digits the `w` snippet writes the seeded weights rounded, as Apply Gradient Step writes numbers', () => {
    const spec = 'layer 0: 2 inputs\nlayer 1: 2 sigmoid\n  \nexample x 1 2 y 0 0\n';
    const engine = parseSpec(spec).network!;
    const w = specCompletions(spec, { line: 2, character: 2 }, { digits: 6 }).find((i) => i.label === 'w')!;
    const network = parseSpec(accept(spec, w)).network!;
    engine.layers[1].weights.forEach((value, i) => expect(network.layers[1].weights[i]).toBe(Number(value.toPrecision(6))));
  });

  it('offers `w` with no matrix when the layer’s shape is not known, and none when the layer is too large to write out', () => {
    const unknown = specCompletions('layer 0: 2 inputs\nlayer 1: 2 sigmod\n  ', { line: 2, character: 2 }).find((i: SpecCompletion) => i.label === 'w')!;
    expect(unknown.insertText).toBe('w $0');
    const wide = specCompletions('layer 0: 784 inputs\nlayer 1: 128 relu\n  ', { line: 2, character: 2 }).find((i: SpecCompletion) => i.label === 'w')!;
    expect(wide.insertText).toBe('w $0');
  });
});
