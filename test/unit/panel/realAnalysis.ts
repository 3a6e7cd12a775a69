/** Analyses spec text with the real parser, engine and trace, as the extension does. */
import { readFileSync } from 'node:fs';
import { runEngine } from '../../../src/core/engine/run';
import { parseSpec } from '../../../src/core/parser/parse';
import { buildTrace } from '../../../src/core/trace/build';
import { analyse, type SpecAnalysis } from '../../../src/extension/analysis/analyse';
import type { Toolchain } from '../../../src/extension/analysis/toolchain';

export const realToolchain: Toolchain = { parse: (text) => parseSpec(text), run: runEngine, trace: buildTrace };

export function analyseText(text: string, version = 1): SpecAnalysis {
  return analyse(text, version, realToolchain, (what, error) => {
    throw new Error(`${what}: ${String(error)}`);
  });
}

export const mazurText = (): string => readFileSync('examples/mazur.nnet', 'utf8');
