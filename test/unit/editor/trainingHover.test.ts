import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/core/model/locate';
import type { Range } from '../../../src/core/text/range';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { rendered, stateOf } from './editorFixture';

/** The hover of a `steps`, `batch-size` or `shuffle` line: what it means to a training run. */
function hoverOn(text: string, line: number): string {
  const state = stateOf(text);
  const location = locate(state.analysis.source, { line, character: 1 });
  if (!location) throw new Error(`nothing located on line ${line}`);
  const lines = text.split('\n');
  const textAt = (r: Range) => lines[r.start.line].slice(r.start.character, r.end.character);
  return rendered(hoverMarkdown(state, location, textAt));
}

const SPEC = 'steps 500\nbatch-size 1\nshuffle 7\nlayer 0: 1 input\nlayer 1: 1 linear\nexample x 1 y 2\n';

describe('the hovers of the training settings', () => {
  it('say what each line does to a training run, and what happens without it', () => {
    expect(hoverOn(SPEC, 0)).toMatch(/^\*\*N\*\* — the number of gradient steps[^]*nnet train[^]*100 steps/);
    expect(hoverOn(SPEC, 1)).toMatch(/^\*\*B\*\* — the training examples each gradient step[^]*full batch/);
    expect(hoverOn(SPEC, 2)).toMatch(/^\*\*shuffle\*\* — seeds the reshuffling[^]*in their order/);
  });

  it('say the same while the spec has errors, above the note that every hover then gives', () => {
    const broken = SPEC.replace('steps 500', 'steps 0');
    for (const line of [0, 1, 2]) expect(hoverOn(broken, line)).toContain(hoverOn(SPEC, line));
  });
});
