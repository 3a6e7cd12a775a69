import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { buildTrace } from '../../../src/core/trace/build';
import { EXPORT_MAX_STEPS, sheetTexts, solutionText, type ExportInput } from '../../../src/extension/export/exportText';
import { randomNetwork } from '../engine/networks';

/**
 * The editor's exports are held whole, so they are bounded: a 784-64-10 network's trace has over
 * 100,000 steps, and an export of it writes EXPORT_MAX_STEPS of them and says where it stopped.
 */
describe('exports from the editor', () => {
  const network = randomNetwork(5, [784, 64, 10], ['relu', 'softmax'], 'cross-entropy', 3);
  const result = runEngine(network);
  const trace = buildTrace(network, result, 0, { digits: 6 });
  const input: ExportInput = { network, result, trace, source: { examples: [] } as unknown as ExportInput['source'], fileName: 'big.nnet', digits: 6, throughStep: null };

  it('stop after EXPORT_MAX_STEPS steps of a long trace, and say so', async () => {
    expect(trace.length).toBeGreaterThan(100_000);
    const markdown = await solutionText(input, 'markdown');
    expect(markdown.match(/^\$\$/gm)).toHaveLength(EXPORT_MAX_STEPS + 1);
    expect(markdown).toContain(`stops after 5,000 of the ${trace.length.toLocaleString('en-US')} steps`);
    const latex = await solutionText(input, 'latex');
    expect(latex.match(/\\begin\{align\*\}/g)).toHaveLength(EXPORT_MAX_STEPS);
    const { exercise, answers } = await sheetTexts(input, 'latex');
    expect(exercise.match(/\\begin\{align\*\}/g)).toHaveLength(EXPORT_MAX_STEPS);
    expect(answers).toContain('answer key');
  }, 60_000);

  it('write up to the stepping position when asked', async () => {
    const notebook = JSON.parse(await solutionText({ ...input, throughStep: 4 }, 'notebook-markdown')) as { cells: { source: string }[] };
    const text = notebook.cells.map((cell) => cell.source).join('\n\n');
    expect(text.match(/^\$\$/gm)).toHaveLength(5 + 1);
    expect(text).toContain('goes as far as step 5 of');
  });
});
