import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/core/model/locate';
import type { Range } from '../../../src/core/text/range';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { inlayHintContents } from '../../../src/extension/editor/inlayHintContent';
import { lensContents } from '../../../src/extension/editor/lensContent';
import { stateOf } from './editorFixture';

/**
 * Every example spec and every diagnostics fixture (specs with errors), hovered at every
 * character: no builder may throw, no hover may show raw LaTeX, and every step of the trace
 * gives code lenses — whatever the network (softmax, relu, seeded weights, many examples).
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
    const state = stateOf(text);
    for (let line = 0; line < lines.length && line < 400; line++) {
      for (let character = 0; character <= Math.min(lines[line].length, 300); character++) {
        const location = locate(state.analysis.source, { line, character });
        if (!location) continue;
        const markdown = hoverMarkdown(state, location, textAt);
        expect(markdown.length).toBeGreaterThan(0);
        expect(markdown).not.toMatch(/\\(frac|partial|sigma|delta)\b/);
      }
    }
  });

  it('gives lenses at every step and hints in every mode', () => {
    const state = stateOf(text);
    const trace = state.analysis.trace(0, 6);
    const steps = trace ? Math.min(trace.length, 400) : 1;
    for (let step = 0; step < steps; step++) lensContents({ ...state, position: { example: 0, step } });
    const all = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    for (const mode of ['gradient', 'updated', 'off'] as const) inlayHintContents(state, mode, all);
  });
});
