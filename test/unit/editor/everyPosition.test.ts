import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineResult } from '../../../src/core/engine/types';
import { locate } from '../../../src/core/model/locate';
import { formatNumber, layerText } from '../../../src/core/notation';
import { spanCount, type Range } from '../../../src/core/text/range';
import type { StepKind, Trace } from '../../../src/core/trace/types';
import type { EditorState } from '../../../src/extension/editor/editorState';
import { dataSetHover } from '../../../src/extension/editor/dataHover';
import { dataSetAt } from '../../../src/extension/editor/dataSetFacts';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { inlayHintContents } from '../../../src/extension/editor/inlayHintContent';
import { lensContents, type LensContent } from '../../../src/extension/editor/lensContent';
import { nodeDataFiles } from '../../../src/node/dataFiles';
import { stateWithFiles } from './editorFixture';

/**
 * Every example spec and every diagnostics fixture (specs with errors), with the data files
 * beside them read from disk as the extension's worker reads them, hovered at every
 * character: no builder may throw, no hover may show raw LaTeX; at every stepping position of
 * every example each layer's lens shows exactly what the steps so far computed, with the
 * engine's numbers; in every mode each written weight and bias gets one hint with its number —
 * whatever the network (softmax, relu, seeded weights, many examples).
 */
const specs = [
  ...readdirSync('examples').filter((f) => f.endsWith('.nnet')).map((f) => join('examples', f)),
  ...readdirSync('test/fixtures/diagnostics').filter((f) => f.endsWith('.nnet')).map((f) => join('test/fixtures/diagnostics', f)),
];

describe.each(specs)('%s', (path) => {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const textAt = (r: Range) => lines[r.start.line]?.slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined) ?? '';

  it('hovers everywhere without throwing, in Unicode notation, never LaTeX', () => {
    const state = stateWithFiles(text, nodeDataFiles({ specPath: path }));
    for (let line = 0; line < lines.length && line < 400; line++) {
      for (let character = 0; character <= Math.min(lines[line].length, 300); character++) {
        const location = locate(state.analysis.source, { line, character });
        if (!location) continue;
        const markdown = hoverMarkdown(state, location, textAt);
        expect(markdown.length).toBeGreaterThan(0);
        expect(markdown).not.toMatch(/\\(frac|partial|sigma|delta)\b/);
      }
    }
    // A data line that brought no examples is not located; the provider asks dataSetAt instead.
    for (const set of state.analysis.source.dataSets ?? []) {
      expect(dataSetAt(state.analysis.source, set.line.start)).toBe(set);
      expect(dataSetHover(state, set, textAt)).toMatch(/^\*\*data /);
    }
  });

  it('gives lenses at every position that show what the steps so far computed', () => {
    const state = stateWithFiles(text, nodeDataFiles({ specPath: path }));
    const { engine, source } = state.analysis;
    if (!engine) {
      // A spec that cannot run keeps one lens per layer and example line, saying why, and no number.
      const lenses = lensContents(state);
      const titlesOn = (line: number) => lenses.filter((l) => l.range.start.line === line).map((l) => l.title);
      source.layers.slice(1).forEach((layer, i) => expect(titlesOn(layer.header.start.line)).toContainEqual(expect.stringMatching(new RegExp(`^layer ${i + 1}: `))));
      source.examples.forEach((example, i) => {
        const titles = titlesOn(example.line.start.line);
        if (!example.origin) return expect(titles).toContainEqual(expect.stringMatching(/^c[₀-₉]+: /));
        // A data line keeps one lens for all its examples (its first names the set), never one per example.
        if (example.origin.index > 1) return;
        expect(titles).toEqual([expect.stringMatching(new RegExp(`^examples ${i + 1}–${i + example.origin.count}: `))]);
      });
      for (const lens of lenses) expect(lens.title).not.toMatch(/=/);
      return;
    }
    // Every example of a spec with a few; the first three and the last of a generated data set.
    const m = engine.exampleCount;
    const examples = m <= 8 ? Array.from({ length: m }, (_, i) => i) : [0, 1, 2, m - 1];
    for (const example of examples) {
      const trace = state.analysis.trace(example, state.digits);
      if (!trace) throw new Error(`no trace of example ${example + 1}`);
      const reached = new Map<string, number>();
      const count = (kind: StepKind, layer: number) => reached.get(`${kind} ${layer}`) ?? 0;
      let lensCount = -1;
      // A long trace (the seven-layer examples) is checked at about 300 of its steps, the first
      // and the last among them; what is reached is still counted at every step.
      const stride = Math.max(1, Math.ceil(trace.length / 300));
      for (let step = -1; step < trace.length; step++) {
        if (step >= 0) {
          const { kind, layer } = trace.step(step).address;
          reached.set(`${kind} ${layer}`, count(kind, layer) + 1);
        }
        if (step >= 0 && step % stride !== 0 && step !== trace.length - 1) continue;
        const at = { ...state, position: { example, step } };
        const lenses = lensContents(at);
        const where = `example ${example + 1}, step ${step}`;
        if (lensCount >= 0) expect(lenses.length, `${where}: lenses come and go while stepping`).toBe(lensCount);
        lensCount = lenses.length;
        expect(lenses.map((l) => l.title), where).toContain(`c = ${formatNumber(engine.cost, state.digits)}`);
        checkLayerLenses(at, engine, trace, lenses, count, where);
        checkExampleLenses(state, engine, lenses, example, where);
      }
    }
  });

  it('gives one hint per written weight and bias in each mode, after its number, and none when off', () => {
    const state = stateWithFiles(text, nodeDataFiles({ specPath: path }));
    const all = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    expect(inlayHintContents(state, 'off', all)).toEqual([]);
    const engine = state.analysis.engine;
    if (!engine) {
      expect(inlayHintContents(state, 'gradient', all)).toEqual([]);
      expect(inlayHintContents(state, 'updated', all)).toEqual([]);
      return;
    }
    const written = state.analysis.source.layers.reduce((sum, layer, l) =>
      l === 0 ? sum : sum + (layer.weights ? spanCount(layer.weights) : 0) + (layer.biases ? spanCount(layer.biases) : 0), 0);
    for (const mode of ['gradient', 'updated'] as const) {
      const hints = inlayHintContents(state, mode, all);
      expect(hints.length, mode).toBe(written);
      expect(new Set(hints.map((h) => `${h.parameter} ${h.layer} ${h.index}`)).size, `${mode}: each parameter once`).toBe(hints.length);
      for (const hint of hints) {
        const { parameter, layer, index } = hint;
        const numbers = mode === 'gradient' ? engine.gradient : engine.updated;
        const shown = formatNumber((parameter === 'w' ? numbers.w : numbers.b)[layer][index], state.digits);
        expect(hint.label).toBe(mode === 'gradient' ? `∂c/∂${parameter} = ${shown}` : `→ ${shown}`);
        // The hint sits right after the very number it is about, as written in the spec.
        const before = lines[hint.position.line].slice(0, hint.position.character).match(/[-+]?[\d.]+(?:[eE][-+]?\d+)?$/);
        const value = (parameter === 'w' ? engine.network.layers[layer].weights : engine.network.layers[layer].biases)[index];
        expect(Number(before?.[0]), `${mode} hint of ${parameter} ${layer} ${index}`).toBe(value);
      }
    }
  });
});

/**
 * Above each layer line: its numbers as far as the steps so far computed them (counted here by
 * walking the trace, not by the lens code's search), else "not computed yet"; and Step to layer ℓ
 * going forward until the layer's last a⁽ℓ⁾ is computed, then backward.
 */
function checkLayerLenses(
  state: EditorState, engine: EngineResult, trace: Trace, lenses: readonly LensContent[],
  count: (kind: StepKind, layer: number) => number, where: string,
): void {
  const e = state.position.example;
  for (let layer = 1; layer < engine.network.layers.length; layer++) {
    const size = engine.network.layers[layer].size;
    const on = lenses.filter((l) => l.range.start.line === state.analysis.source.layers[layer].header.start.line);
    const title = on[0]?.title ?? '';
    const at = `${where}, layer ${layer}: ${title}`;
    const sup = layerText(layer);
    const values = engine.example(e);
    const [zs, as, deltas] = [count('z', layer), count('a', layer), count('delta', layer)];
    if (deltas > 0) expectVectors(title, [['a', values.a[layer], size], ['δ', values.delta[layer], deltas]], sup, state.digits, at);
    else if (zs > 0) expectVectors(title, [['z', values.z[layer], zs], ['a', values.a[layer], as]], sup, state.digits, at);
    else expect(title, at).toBe(`layer ${layer}: not computed yet`);
    const stepTo = on.find((l) => l.title.startsWith('Step to layer'));
    const phase = as < size ? 'forward' : 'backward';
    expect(stepTo?.title, at).toBe(`Step to layer ${layer} (${phase})`);
    const target = trace.indexOf(stepTo!.args[1] as Parameters<Trace['indexOf']>[0]);
    expect(target, at).toBeGreaterThanOrEqual(0);
    expect(trace.step(target).phase, at).toBe(phase);
    expect(trace.step(target).address.layer, at).toBe(layer);
    expect(on.map((l) => l.title), at).toContain('Show in panel');
  }
}

/** "v⁽ℓ⁾ = [n₁, n₂, ·, … 3 more] · u⁽ℓ⁾ = […]": the first `known` entries are the engine's numbers, the rest `·`. */
function expectVectors(title: string, parts: [string, Float64Array, number][], sup: string, digits: number, at: string): void {
  const vectors = title.split(/(?<=\]) · /);
  expect(vectors.map((vector) => vector.split(' = ')[0]), at).toEqual(parts.map(([letter]) => `${letter}${sup}`));
  parts.forEach(([, values, known], i) => {
    const match = vectors[i].match(/^\S+ = \[(.*)\]$/);
    expect(match, at).not.toBeNull();
    const entries = match![1].split(', ').filter((entry) => !entry.startsWith('…'));
    expect(entries.length, at).toBeGreaterThan(0);
    expect(entries, at).toEqual(entries.map((_, j) => (j < known ? formatNumber(values[j], digits) : '·')));
  });
}

/** Above each example line: its cost cᵢ, marked "being stepped" for the stepped one of several. */
function checkExampleLenses(state: EditorState, engine: EngineResult, lenses: readonly LensContent[], example: number, where: string): void {
  state.analysis.source.examples.slice(0, engine.exampleCount).forEach((source, i) => {
    const titles = lenses.filter((l) => l.range.start.line === source.line.start.line).map((l) => l.title);
    if (source.origin) {
      // A data set's line: one lens for all its examples, with the mean of their costs.
      if (source.origin.index > 1) return;
      let sum = 0;
      for (let q = i; q < i + source.origin.count; q++) sum += engine.costs[q];
      const mean = `mean cᵢ = ${formatNumber(sum / source.origin.count, state.digits)}`;
      const examples = `examples ${i + 1}–${i + source.origin.count}`;
      // A CSV file's lens also names the file and the rows it took, between the two.
      const from = source.origin.kind === 'csv' ? ` from ${escape(source.origin.name.split('/').pop()!)} \\(rows \\d+–\\d+\\)` : '';
      expect(titles, where).toContainEqual(expect.stringMatching(new RegExp(`^${examples}${from} · ${escape(mean)}$`)));
      expect(titles, where).toContain('Trace its first example');
      return;
    }
    const stepped = i === example && engine.exampleCount > 1 ? ' · being stepped' : '';
    expect(titles, where).toContainEqual(expect.stringMatching(new RegExp(`^c[₀-₉]+ = ${escape(formatNumber(engine.costs[i], state.digits))}${stepped}$`)));
    expect(titles, where).toContain('Trace this example');
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
