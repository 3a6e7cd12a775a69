import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATION_ENTRIES } from '../../../src/core/activations/registry';
import { COST_ENTRIES, costFitsOutput } from '../../../src/core/costs/registry';
import { runEngine } from '../../../src/core/engine/run';
import type { Network } from '../../../src/core/model/network';
import { traceToLatex } from '../../../src/core/output/latex';
import { escapeLatexText } from '../../../src/core/text/latexEscape';
import { buildTrace } from '../../../src/core/trace/build';
import { mazurNetwork, randomNetwork } from '../engine/networks';
import { HAS_PDFLATEX, runsWith } from './externalTools';

/**
 * Issue 16: the LaTeX export is a document pdflatex compiles, for networks that between them
 * use every activation (hidden and output) and every cost, for the worked solution and the
 * exercise sheet, with spec text that tries to be TeX and with characters pdflatex has no glyph for.
 */

const HOSTILE_NAME = 'Net \\input{/etc/passwd} 100% {a}_b^c ~#&$ é ł Ø 中文 😀 w⁽²⁾₁₂ δ ∂ — "quoted"\nnext line';

/**
 * One network per activation, each with a cost it fits, chosen so that every cost is used: the
 * most demanding costs pick their activation first.
 */
function networks(): { name: string; network: Network }[] {
  const out: { name: string; network: Network }[] = [{ name: 'mazur', network: { ...mazurNetwork(), name: HOSTILE_NAME } }];
  const costOf = new Map<string, string>();
  const demanding = [...COST_ENTRIES].sort((p, q) => ACTIVATION_ENTRIES.filter((a) => costFitsOutput(p, a)).length - ACTIVATION_ENTRIES.filter((a) => costFitsOutput(q, a)).length);
  for (const cost of demanding) {
    const activation = ACTIVATION_ENTRIES.find((a) => costFitsOutput(cost, a) && !costOf.has(a.name));
    if (!activation) throw new Error(`no activation left for ${cost.name}`);
    costOf.set(activation.name, cost.name);
  }
  ACTIVATION_ENTRIES.forEach((activation, q) => {
    const cost = (costOf.get(activation.name) ?? COST_ENTRIES.find((c) => costFitsOutput(c, activation))!.name) as Network['cost'];
    // Seven inputs and seven outputs: the sums are elided, as in a wide layer.
    out.push({ name: `${activation.name} ${cost}`, network: randomNetwork(40 + q, [7, 3, 7], [activation.name, activation.name], cost, 2) });
  });
  return out;
}

describe('escapeLatexText', () => {
  it('escapes the characters TeX treats specially', () => {
    expect(escapeLatexText('\\input{x} 50% $5 #1 a_b c^d e~f g&h')).toBe(
      '\\textbackslash{}input\\{x\\} 50\\% \\$5 \\#1 a\\_b c\\textasciicircum{}d e\\textasciitilde{}f g\\&h',
    );
  });

  it('writes the notation with math commands and keeps accented Latin letters', () => {
    expect(escapeLatexText('δ⁽²⁾₁ = ∂cᵢ/∂a')).toBe('\\ensuremath{\\delta}\\ensuremath{{}^{(2)}}\\ensuremath{{}_{1}} = \\ensuremath{\\partial}c\\ensuremath{{}_{i}}/\\ensuremath{\\partial}a');
    expect(escapeLatexText('Café Łódź')).toBe('Café Łódź');
  });

  it('names the code point of a character pdflatex cannot set, and folds line breaks', () => {
    expect(escapeLatexText('中\n😀')).toBe('\\texttt{<U+4E2D>} \\texttt{<U+1F600>}');
    expect(escapeLatexText('a\x1b[2Jb')).toBe('a\\textbackslash{}x1b[2Jb');
  });
});

describe.runIf(runsWith(HAS_PDFLATEX))('pdflatex compiles the LaTeX export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nnet-latex-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(networks().map((n) => [n.name, n.network] as const))('%s: the worked solution and the exercise sheet', (name, network) => {
    expect(HAS_PDFLATEX, 'pdflatex is not installed (apt-get install texlive-latex-base texlive-latex-recommended)').toBe(true);
    const result = runEngine(network);
    const trace = buildTrace(network, result, 1 % network.examples.length, { digits: 6 });
    for (const blanks of [false, true]) {
      const file = `${name.replace(/\W+/g, '-')}${blanks ? '-blanks' : ''}`;
      const tex = traceToLatex(network, result, trace, { blanks, digits: 6, fileName: 'spec_#1 100%.nnet' });
      // Every step is one align* of its own, and the sheet asks for every result.
      expect(tex.match(/\\begin\{align\*\}/g)).toHaveLength(trace.length);
      if (blanks) expect(tex.match(/&= \\boxed\{\\phantom\{-0\.0+\}\}\n\\end\{align\*\}/g)).toHaveLength(trace.length);
      writeFileSync(join(dir, `${file}.tex`), tex);
      const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', `${file}.tex`], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      const log = readFileSync(join(dir, `${file}.log`), 'utf8');
      expect(run.status, log.split('\n').filter((line) => line.startsWith('!')).join('\n') || run.stdout.slice(-2000)).toBe(0);
      expect(log).not.toMatch(/Missing character/);
    }
  }, 300_000);
});
