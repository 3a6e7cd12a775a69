import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { parseSpec } from '../../../src/core/parser/parse';
import { linesOf, textAt } from './text';

/**
 * The one-edit fixes the parser attaches to misspelt names: each must name the suggestion its
 * message gives, cover exactly the misspelt word, and leave a spec without that problem.
 */
const MAZUR_LIKE = (layer0: string, layer1: string, extra = '') =>
  `cost half-squared\n${extra}layer 0: 2 ${layer0}\nlayer 1: 2 ${layer1}\nexample x 0.05 0.1 y 0.01 0.99\n`;

function applyFix(text: string, diagnostic: Diagnostic): string {
  const { range, newText } = diagnostic.fix!;
  expect(range.start.line).toBe(range.end.line);
  const lines = linesOf(text);
  const line = lines[range.start.line];
  lines[range.start.line] = line.slice(0, range.start.character) + newText + line.slice(range.end.character);
  return lines.join('\n');
}

const CASES: { name: string; text: string; code: string; word: string; fixed: string }[] = [
  { name: 'a misspelt activation', text: MAZUR_LIKE('inputs', 'sigmiod'), code: 'unknown-activation', word: 'sigmiod', fixed: 'sigmoid' },
  { name: 'another tool’s name for a cost', text: MAZUR_LIKE('inputs', 'sigmoid').replace('half-squared', 'mse'), code: 'unknown-cost', word: 'mse', fixed: 'mean-squared' },
  { name: 'a misspelt keyword', text: MAZUR_LIKE('inputs', 'sigmoid').replace('layer 1', 'layr 1'), code: 'unknown-keyword', word: 'layr', fixed: 'layer' },
  { name: 'a misspelt `inputs`', text: MAZUR_LIKE('inptus', 'sigmoid'), code: 'unexpected-text', word: 'inptus', fixed: 'inputs' },
  { name: 'an activation on layer 0', text: MAZUR_LIKE('sigmoid', 'sigmoid'), code: 'input-layer-activation', word: 'sigmoid', fixed: 'inputs' },
];

describe('quick fixes attached to diagnostics', () => {
  it.each(CASES)('$name: replaces $word with $fixed and the problem is gone', ({ text, code, word, fixed }) => {
    const problems = parseSpec(text).diagnostics.filter((d) => d.code === code);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem.fix).toBeDefined();
    expect(textAt(text, problem.fix!.range)).toBe(word);
    expect(problem.fix!.newText).toBe(fixed);
    expect(problem.fix!.title).toBe(`Change to '${fixed}'`);
    if (code !== 'input-layer-activation') expect(problem.message).toContain(`did you mean '${fixed}'?`);
    expect(parseSpec(applyFix(text, problem)).diagnostics).toEqual([]);
  });

  it('offers no fix where no name is close enough to guess', () => {
    const [problem] = parseSpec(MAZUR_LIKE('inputs', 'wobbly')).diagnostics;
    expect(problem.code).toBe('unknown-activation');
    expect(problem.fix).toBeUndefined();
  });
});
