import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_ENTRIES } from '../../../src/core/activations/registry';
import { COST_ENTRIES, costFitsOutput } from '../../../src/core/costs/registry';
import { runEngine } from '../../../src/core/engine/run';
import { buildTrace } from '../../../src/core/trace/build';
import { renderFactorMarks } from '../../../src/core/trace/marks';
import { factorMacroName, factorMacros } from '../../../webview/factors';
import { randomNetwork } from '../engine/networks';

/**
 * What the panel typesets for every activation of the registry: each step of a trace through a
 * layer of it (hidden and output, with every cost it pairs with), plain and with its factor
 * marks turned into the panel's macros, and the general formulas the hovers and the Markdown
 * sheet show. KaTeX must accept all of it; a formula it refuses would leave the panel blank.
 */
const MACROS = factorMacros(['#111111', '#222222', '#333333', '#444444', '#555555', '#666666']);

function typesets(tex: string): string | null {
  try {
    katex.renderToString(tex, { throwOnError: true, trust: false, strict: 'ignore', output: 'html', macros: { ...MACROS } });
    return null;
  } catch (error) {
    return `${(error as Error).message}\n  in ${tex}`;
  }
}

describe.each(ACTIVATION_ENTRIES.map((e) => [e.name, e] as const))('%s in the panel', (name, entry) => {
  it('typesets its general formulas', () => {
    expect(typesets(entry.formulas.definition.tex)).toBeNull();
    expect(typesets(entry.formulas.derivative.tex)).toBeNull();
  });

  it.each(COST_ENTRIES.filter((c) => costFitsOutput(c, entry)).map((c) => c.name))('typesets every step, with %s', (cost) => {
    const network = randomNetwork(7, [2, 3, 2], [name, name], cost, 2);
    const trace = buildTrace(network, runEngine(network), 0);
    const refused: string[] = [];
    for (let q = 0; q < trace.length; q++) {
      const step = trace.step(q);
      const marked = [step.markedFormulaTex, step.markedSubstitutedTex].map((tex) => renderFactorMarks(tex, factorMacroName));
      for (const tex of [step.symbolTex, step.formulaTex, step.substitutedTex, ...marked]) {
        const problem = typesets(tex);
        if (problem) refused.push(`${step.symbolText}: ${problem}`);
      }
    }
    expect(refused).toEqual([]);
  });
});

describe('the costs in the panel', () => {
  it.each(COST_ENTRIES.map((c) => [c.name, c] as const))('%s typesets its general formulas', (_, cost) => {
    expect(typesets(cost.formulas.definition.tex)).toBeNull();
    expect(typesets(cost.formulas.derivative.tex)).toBeNull();
  });
});
