import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/core/model/locate';
import type { Range } from '../../../src/core/text/range';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { mazurText, positionOf, stateOf } from './editorFixture';

/** Every weight's hover says, in one line, how the other index convention writes that weight. */

const mazur = mazurText();
const lines = mazur.split('\n');
const textAt = (r: Range) => lines[r.start.line].slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined);

function hover(text: string, linePrefix: string, needle: string, order: 'from-to' | 'to-from'): string {
  const state = stateOf(text, { example: 0, step: 0 }, 6, 'file:///mazur.nnet', order);
  const location = locate(state.analysis.source, positionOf(text, linePrefix, needle));
  if (!location) throw new Error(`nothing at ${needle}`);
  return hoverMarkdown(state, location, textAt);
}

describe('the weight hover names the other convention', () => {
  it('in the article’s from-to order: how Nielsen’s to-from order writes the weight', () => {
    // 0.50 is w⁽²⁾₁₂: row k = 1 (from neuron 1 of layer 1), column j = 2 (to neuron 2 of layer 2).
    const markdown = hover(mazur, 'w 0.40', '0.50', 'from-to');
    expect(markdown).toContain('**w⁽²⁾₁₂** — the weight from neuron 1 of layer 1 to neuron 2 of layer 2');
    expect(markdown.split('\n\n')[1]).toBe("In the to-from convention (Nielsen's book and many course notes) this weight is written w⁽²⁾₂₁.");
  });

  it('in the to-from order: how the article writes it', () => {
    const markdown = hover(mazur, 'w 0.40', '0.50', 'to-from');
    expect(markdown).toContain('**w⁽²⁾₂₁** — the weight from neuron 1 of layer 1 to neuron 2 of layer 2');
    expect(markdown.split('\n\n')[1]).toBe("In the from-to convention (the article's) this weight is written w⁽²⁾₁₂.");
  });

  it('also while the spec has errors (the hover then gives only the symbol)', () => {
    const broken = mazur.replace('layer 2: 2 sigmoid', 'layer 2: 2 sigmod');
    const markdown = hover(broken, '0.45', '0.45', 'from-to');
    expect(markdown).toContain('**w⁽²⁾₂₁**');
    expect(markdown).toContain('In the to-from convention (Nielsen\'s book and many course notes) this weight is written w⁽²⁾₁₂.');
  });

  it('exactly once, and only for weights', () => {
    expect(hover(mazur, 'w 0.40', '0.40', 'from-to').match(/convention/g)).toHaveLength(1);
    expect(hover(mazur, 'b 0.60', '0.60', 'from-to')).not.toContain('convention');
  });
});
