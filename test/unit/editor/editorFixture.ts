import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataFiles } from '../../../src/core/data/files';
import { locate, type SpecLocation } from '../../../src/core/model/locate';
import type { SpecSource } from '../../../src/core/model/source';
import type { Range } from '../../../src/core/text/range';
import type { WeightOrder } from '../../../src/core/notation/symbols';
import type { StepPosition } from '../../../src/core/stepping/position';
import { analyse, type SpecAnalysis } from '../../../src/extension/analysis/analyse';
import { coreToolchain } from '../../../src/extension/analysis/coreToolchain';
import { nodeDataFiles } from '../../../src/node/dataFiles';
import type { EditorState } from '../../../src/extension/editor/editorState';

/**
 * Editor states built exactly as the extension builds them — the real parser, engine and trace
 * behind the shared analysis — so the content tests read the numbers a person would see.
 */
export const MAZUR_URI = 'file:///home/learner/examples/mazur.nnet';

export function mazurText(): string {
  return readFileSync('examples/mazur.nnet', 'utf8');
}

/**
 * The data files of a spec in examples/, read from disk as the extension's worker reads them:
 * the example specs (examples/iris.nnet) name CSV files beside them.
 */
export const EXAMPLE_FILES: DataFiles = nodeDataFiles({ specPath: join('examples', 'spec.nnet') });

export function analysisOf(text: string, files: DataFiles = EXAMPLE_FILES): SpecAnalysis {
  const toolchain = { ...coreToolchain, parse: (spec: string) => coreToolchain.parse(spec, files) };
  return analyse(text, 1, toolchain, (what, error) => {
    throw new Error(`bug while ${what}: ${String(error)}`);
  });
}

/** A host whose data files are the strings given, by path as the spec writes it. */
export function filesOf(contents: Readonly<Record<string, string>>): DataFiles {
  return {
    read: (path) =>
      contents[path] === undefined
        ? { kind: 'problem', id: null, message: `cannot find \`${path}\`` }
        : { kind: 'text', text: contents[path], id: `/data/${path}` },
  };
}

/** An editor state of a spec that reads data files (see filesOf). */
export function stateWithFiles(text: string, files: DataFiles, position: StepPosition = { example: 0, step: 0 }, digits = 6): EditorState {
  return { uri: MAZUR_URI, analysis: analysisOf(text, files), position, digits, weightOrder: 'from-to' };
}

export function stateOf(
  text: string,
  position: StepPosition = { example: 0, step: 0 },
  digits = 6,
  uri = MAZUR_URI,
  weightOrder: WeightOrder = 'from-to',
): EditorState {
  return { uri, analysis: analysisOf(text), position, digits, weightOrder };
}

/** The example specs shipped in examples/, by path. */
export function exampleSpecs(): string[] {
  return readdirSync('examples').filter((f) => f.endsWith('.nnet')).map((f) => join('examples', f));
}

export interface HoverSite {
  readonly line: number;
  readonly character: number;
  readonly location: SpecLocation;
}

/**
 * Every position of `text` (every `stride`-th character of each line) where a hover finds
 * something, and the `textAt` reader hoverMarkdown takes.
 */
export function hoverSites(text: string, source: SpecSource, stride = 1): { sites: HoverSite[]; textAt: (r: Range) => string } {
  const lines = text.split('\n');
  const textAt = (r: Range) => lines[r.start.line]?.slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined) ?? '';
  const sites: HoverSite[] = [];
  for (let line = 0; line < lines.length; line++) {
    for (let character = 0; character <= lines[line].length; character += stride) {
      const location = locate(source, { line, character });
      if (location) sites.push({ line, character, location });
    }
  }
  return { sites, textAt };
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
