import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/edit/gradientStep';
import { initialWeightEdits, MAX_WRITTEN_PARAMETERS } from '../../../src/core/edit/initialWeights';
import { runEngine } from '../../../src/core/engine/run';
import type { EngineResult } from '../../../src/core/engine/types';
import { mulberry32 } from '../../../src/core/model/initialise';
import { parseSpec } from '../../../src/core/parser/parse';

/**
 * Write Initial Weights: after the edit the spec parses clean, writes every `w` and `b`, keeps
 * every line it had, and the engine computes exactly the same bits as before (parameters,
 * costs, gradients and the step), because each number is written in its shortest round-trip
 * form and nothing is drawn from the seed any more.
 */

function parsed(text: string) {
  const result = parseSpec(text);
  expect(result.diagnostics).toEqual([]);
  return result;
}

/** Every number the engine gives for a spec, as raw bits, so −0 and NaN compare exactly too. */
function bits(result: EngineResult): string[] {
  const out: string[] = [];
  const add = (values: ArrayLike<number>) => {
    for (const value of Array.from(values)) out.push(Object.is(value, -0) ? '-0' : String(value));
  };
  for (const layer of result.network.layers) {
    add(layer.weights);
    add(layer.biases);
  }
  add(result.costs);
  add([result.cost]);
  result.gradient.w.forEach(add);
  result.gradient.b.forEach(add);
  result.updated.w.forEach(add);
  result.updated.b.forEach(add);
  add([result.updated.cost]);
  return out;
}

/** Writes the initial weights and checks the promises above; returns the new text. */
function writeAndCheck(text: string): string {
  const before = parsed(text);
  const plan = initialWeightEdits(text, before.network!, before.source);
  if (plan.kind !== 'edits') throw new Error(`expected edits, got ${plan.kind}`);
  const written = applyEdits(text, plan.edits);
  const after = parsed(written);
  for (let l = 1; l < after.network!.layers.length; l++) {
    expect(after.source.layers[l].weights, `w of layer ${l}`).not.toBeNull();
    expect(after.source.layers[l].biases, `b of layer ${l}`).not.toBeNull();
  }
  // Only insertions: the old lines are all still there, in order, untouched.
  const newLines = written.split(/\r\n|\r|\n/);
  let at = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    while (at < newLines.length && newLines[at] !== line) at++;
    expect(at, `line kept: ${line}`).toBeLessThan(newLines.length);
    at++;
  }
  expect(bits(runEngine(after.network!))).toEqual(bits(runEngine(before.network!)));
  // And nothing is left to write.
  expect(initialWeightEdits(written, after.network!, after.source).kind).toBe('nothing-seeded');
  return written;
}

describe('Write Initial Weights', () => {
  it('writes the seeded weights of examples/seeded.nnet under each layer, keeping its comments', () => {
    const text = readFileSync('examples/seeded.nnet', 'utf8');
    const written = writeAndCheck(text);
    const lines = written.split('\n');
    const layer1 = lines.indexOf('layer 1: 4 relu');
    expect(lines[layer1 + 1]).toMatch(/^ {2}w -?\d\.\d+ /);
    expect(lines[layer1 + 2]).toMatch(/^ {4}-?\d/);
    // Three rows, one per input: w^(1)_1j, w^(1)_2j, w^(1)_3j.
    expect(lines[layer1 + 3]).toMatch(/^ {4}-?\d/);
    expect(lines[layer1 + 4]).toBe('  b 0 0 0 0');
    expect(lines[layer1 + 5]).toBe('layer 2: 2 sigmoid');
    expect(written).toContain('# Change the seed to start from different weights.');
    expect(written).toContain('seed 42');
  });

  it('writes the values mulberry32 and the Glorot bound give, independently computed', () => {
    const text = 'seed 7\nlayer 0: 2 inputs\nlayer 1: 1 tanh\nexample x 1 2 y 0.5\n';
    const written = writeAndCheck(text);
    const next = mulberry32(7);
    const bound = Math.sqrt(6 / 3);
    const expected = [(2 * next() - 1) * bound, (2 * next() - 1) * bound];
    const w = parseSpec(written).network!.layers[1].weights;
    expect(Array.from(w)).toEqual(expected);
    expect(written).toContain('\n  b 0\n');
  });

  it('writes only what is missing: a `b` under a written `w`, a `w` above a written `b`', () => {
    const text = [
      'layer 0: 2 inputs',
      'layer 1: 2 sigmoid   # w only',
      '    w 0.150 0.25',
      '      0.2   0.3',
      'layer 2: 3 relu      # b only',
      '    b 1 2 3',
      'layer 3: 1 linear',
      'example x 1 2 y 3',
      '',
    ].join('\n');
    const written = writeAndCheck(text);
    const lines = written.split('\n');
    // The written numbers keep their spelling; new lines take the layer's indentation.
    expect(lines.slice(1, 5)).toEqual(['layer 1: 2 sigmoid   # w only', '    w 0.150 0.25', '      0.2   0.3', '    b 0 0']);
    expect(lines[5]).toBe('layer 2: 3 relu      # b only');
    expect(lines[6]).toMatch(/^ {4}w \S+ \S+ \S+$/);
    expect(lines[7]).toMatch(/^ {6}\S+ \S+ \S+$/);
    expect(lines[8]).toBe('    b 1 2 3');
  });

  it('keeps CRLF line ends', () => {
    const text = 'layer 0: 1 inputs\r\nlayer 1: 2 sigmoid\r\nexample x 1 y 0 1\r\n';
    const written = writeAndCheck(text);
    expect(written.split('\r\n').length).toBe(6);
    expect(written.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('round-trips bit for bit for many seeds and every activation', () => {
    const activations = ['sigmoid', 'tanh', 'relu', 'linear', 'leaky-relu', 'softplus', 'elu', 'gelu'];
    for (let seed = 0; seed < 60; seed++) {
      const activation = activations[seed % activations.length];
      writeAndCheck(`seed ${seed * 71_993_459}\nlayer 0: 3 inputs\nlayer 1: 5 ${activation}\nlayer 2: 2 softmax\nexample x 0.1 -0.2 0.3 y 0 1\n`);
    }
  });

  it('says when nothing comes from the seed, and refuses a network too large to write out', () => {
    const mazur = readFileSync('examples/mazur.nnet', 'utf8');
    const result = parsed(mazur);
    expect(initialWeightEdits(mazur, result.network!, result.source)).toEqual({ kind: 'nothing-seeded' });

    const big = 'layer 0: 1000 inputs\nlayer 1: 201 relu\n';
    const large = parseSpec(big);
    const plan = initialWeightEdits(big, large.network!, large.source);
    expect(plan).toEqual({ kind: 'too-many', count: 1000 * 201 + 201 });
    expect(1000 * 201 + 201).toBeGreaterThan(MAX_WRITTEN_PARAMETERS);
  });
});
