import { readFileSync } from 'node:fs';
import type { StepPosition } from '../../../src/core/stepping/position';
import { analyse, type SpecAnalysis } from '../../../src/extension/analysis/analyse';
import { coreToolchain } from '../../../src/extension/analysis/coreToolchain';
import type { EditorState } from '../../../src/extension/editor/editorState';

/**
 * Editor states built exactly as the extension builds them — the real parser, engine and trace
 * behind the shared analysis — so the content tests read the numbers a person would see.
 */
export const MAZUR_URI = 'file:///home/learner/examples/mazur.nnet';

export function mazurText(): string {
  return readFileSync('examples/mazur.nnet', 'utf8');
}

export function analysisOf(text: string): SpecAnalysis {
  return analyse(text, 1, coreToolchain, (what, error) => {
    throw new Error(`bug while ${what}: ${String(error)}`);
  });
}

export function stateOf(text: string, position: StepPosition = { example: 0, step: 0 }, digits = 6, uri = MAZUR_URI): EditorState {
  return { uri, analysis: analysisOf(text), position, digits };
}

/** Markdown as it reads once rendered: backslash escapes removed (for checking formulas). */
export function rendered(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** The 0-based position of the first occurrence of `needle` on the line starting with `linePrefix`. */
export function positionOf(text: string, linePrefix: string, needle: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.trimStart().startsWith(linePrefix));
  if (line < 0) throw new Error(`no line starts with ${linePrefix}`);
  const character = lines[line].indexOf(needle);
  if (character < 0) throw new Error(`no ${needle} on line ${line + 1}`);
  return { line, character };
}
