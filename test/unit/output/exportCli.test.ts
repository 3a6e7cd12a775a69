import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/command';
import { traceCommand } from '../../../src/cli/trace';

/** `nnet trace --latex`, `--ipynb [--no-code]`, `--up-to N` and `--blanks`, run in-process on the examples. */
async function trace(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (line) => out.push(line), err: (line) => err.push(line), readFile: (path) => readFileSync(path, 'utf8') };
  const code = await traceCommand.run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const MAZUR = 'examples/mazur.nnet';
/** Mazur's trace: 8 forward steps, the cost, 24 backward, 12 updates. */
const MAZUR_STEPS = 45;

interface Notebook {
  readonly nbformat: number;
  readonly cells: readonly { readonly cell_type: string; readonly source: string }[];
}

describe('nnet trace exports', () => {
  it('--latex writes a whole LaTeX document, one align* per step, naming the spec', async () => {
    const { code, out } = await trace('--latex', MAZUR);
    expect(code).toBe(0);
    expect(out.startsWith('\\documentclass')).toBe(true);
    expect(out.trimEnd().endsWith('\\end{document}')).toBe(true);
    expect(out.match(/\\begin\{align\*\}/g)).toHaveLength(MAZUR_STEPS);
    expect(out).toContain('Spec mazur.nnet.');
    expect(out).toContain('\\delta^{(2)}_{1} &= \\frac{\\partial c_i}{\\partial a^{(2)}_{1}} \\cdot \\sigma\'(z^{(2)}_{1})');
    expect(out).toContain(' &= 0.138499\n');
  });

  it('--ipynb writes nbformat 4 JSON with Python cells, and --no-code leaves them out', async () => {
    const withCode = JSON.parse((await trace('--ipynb', MAZUR)).out) as Notebook;
    expect(withCode.nbformat).toBe(4);
    expect(withCode.cells.filter((cell) => cell.cell_type === 'code').length).toBeGreaterThan(1);
    expect(withCode.cells.find((cell) => cell.cell_type === 'code')!.source).toContain('W_1 = np.array([[0.15, 0.25],');
    const without = JSON.parse((await trace('--ipynb', '--no-code', MAZUR)).out) as Notebook;
    expect(without.cells.every((cell) => cell.cell_type === 'markdown')).toBe(true);
  });

  it('--up-to N stops after step N and says so', async () => {
    const { code, out } = await trace('--markdown', '--up-to', '9', MAZUR);
    expect(code).toBe(0);
    expect(out).toContain('goes as far as step 9 of 45.');
    expect(out.match(/^\$\$/gm)).toHaveLength(9 + 1);
    expect(out).toContain('$$c_i = \\tfrac{1}{2}\\left[');
    expect(out).not.toContain('## Backward pass');
    expect(out).not.toContain('## Result');
  });

  it('--blanks writes the exercise sheet: every result a box, the spec\'s numbers given', async () => {
    const { code, out } = await trace('--markdown', '--blanks', MAZUR);
    expect(code).toBe(0);
    expect(out).toContain('# Backpropagation exercise: ');
    expect(out).not.toContain('0.138499');
    expect(out.match(/= \\boxed\{\\phantom\{-0\.000000\}\}\$\$/g)).toHaveLength(MAZUR_STEPS);
    // z⁽²⁾₁ keeps w and b and boxes the a⁽¹⁾ it takes from earlier steps, sized by zeros.
    expect(out).toContain('= 0.4 \\times \\boxed{\\phantom{0.00000}} + 0.45 \\times \\boxed{\\phantom{0.000000}} + 0.6 = \\boxed{');
    const latex = await trace('--latex', '--blanks', MAZUR);
    expect(latex.out.match(/ &= \\boxed\{\\phantom\{-0\.000000\}\}\n/g)).toHaveLength(MAZUR_STEPS);
  });

  it('refuses flags that do not go together', async () => {
    for (const args of [['--json', '--blanks'], ['--ipynb', '--blanks'], ['--up-to', '3'], ['--up-to', '0', '--markdown']]) {
      const { code, err } = await trace(...args, MAZUR);
      expect(code, args.join(' ')).toBe(2);
      expect(err).toMatch(/^nnet trace: /);
    }
  });

  it('--help lists the new flags', async () => {
    const { out } = await trace('--help');
    for (const flag of ['--latex', '--ipynb', '--no-code', '--up-to N', '--blanks']) expect(out).toContain(flag);
  });
});
