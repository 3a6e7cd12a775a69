import { describe, expect, it } from 'vitest';
import { ACTIVATION_ENTRIES } from '../../../src/core/activations/registry';
import { COST_ENTRIES, costFitsOutput } from '../../../src/core/costs/registry';
import { locate } from '../../../src/core/model/locate';
import type { Range } from '../../../src/core/text/range';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { positionOf, rendered, stateOf } from '../editor/editorFixture';

/**
 * The hovers of a spec for every activation of the registry, built as the extension builds
 * them: the activation's own name shows its formulas, and a weight's chain rule explains σ′ with
 * the entry's formula for that neuron (or, for a coupled activation, δ as a sum over the layer).
 */
function hoverAt(text: string, linePrefix: string, needle: string): string {
  const state = stateOf(text);
  const location = locate(state.analysis.source, positionOf(text, linePrefix, needle));
  if (!location) throw new Error(`nothing located at ${needle}`);
  const lines = text.split('\n');
  const textAt = (r: Range) => lines[r.start.line].slice(r.start.character, r.end.character);
  return rendered(hoverMarkdown(state, location, textAt));
}

describe.each(ACTIVATION_ENTRIES.map((e) => [e.name, e] as const))('hovers of a %s layer', (name, entry) => {
  const cost = COST_ENTRIES.find((c) => costFitsOutput(c, entry))!.name;
  const spec = `cost ${cost}\nlayer 0: 2 inputs\nlayer 1: 2 ${name}\n  w 0.3 -0.8\n    0.5 0.2\n  b 0.1 -0.4\nexample x 0.7 -0.6 y 0.25 0.75\n`;

  it('the activation name shows σ and σ′ as the registry writes them', () => {
    // Markdown runs of spaces read as one.
    const words = (text: string) => text.replace(/\s+/g, ' ');
    const hover = words(hoverAt(spec, 'layer 1', name));
    expect(hover).toContain(words(entry.formulas.definition.text));
    expect(hover).toContain(words(entry.formulas.derivative.text));
    expect(hover).toContain(words(entry.description));
  });

  it('a weight explains the slope of its neuron', () => {
    const hover = hoverAt(spec, 'w 0.3', '0.3');
    if (entry.elementwise) expect(hover).toContain(`the slope of ${name} at z⁽¹⁾₁: ${entry.slopeFor({ tex: '', text: 'a⁽¹⁾₁' }, { tex: '', text: 'z⁽¹⁾₁' }).text}`);
    else expect(hover).toContain(`${name} makes every a⁽¹⁾ᵣ depend on z⁽¹⁾₁`);
  });
});
