/**
 * The text of each export the editor offers, made from the core's writers
 * (src/core/output/markdown.ts, latex.ts, notebook.ts). No vscode here: the commands
 * (registerExports.ts) ask, save and open; this only writes.
 *
 * An export is held whole (an untitled document, a file written at once), so it is bounded:
 * at most EXPORT_MAX_STEPS steps, after which the document says where it stopped and that
 * `nnet trace` writes the rest. A step costs a bounded time whatever the width of its layer
 * (its sums are elided): 5,000 steps of a 784-128-10 network take under a second. The writers
 * make their text a piece at a time, and the pieces are gathered in slices of a few
 * milliseconds, between which the extension host goes back to its other work (`collect`).
 */
import type { EngineResult } from '../../core/engine/types';
import type { Network } from '../../core/model/network';
import type { SpecSource } from '../../core/model/source';
import { traceLatexPieces } from '../../core/output/latex';
import { traceMarkdownParagraphs } from '../../core/output/markdown';
import { traceNotebookPieces } from '../../core/output/notebook';
import type { SolutionOptions } from '../../core/output/solution';
import type { Trace } from '../../core/trace/types';

/** The most steps one export from the editor writes. */
export const EXPORT_MAX_STEPS = 5_000;

export const SOLUTION_FORMATS = ['markdown', 'latex', 'notebook', 'notebook-markdown'] as const;
/** Markdown (previewed beside), a LaTeX document, a notebook with Python cells, or one with Markdown cells only. */
export type SolutionFormat = (typeof SOLUTION_FORMATS)[number];

export const SHEET_FORMATS = ['markdown', 'latex'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export const EXPORT_SCOPES = ['whole', 'current'] as const;
/** The whole trace, or up to the stepping position. */
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/** The file name extension of each format's file. */
export const EXTENSIONS: Readonly<Record<SolutionFormat, string>> = { markdown: 'md', latex: 'tex', notebook: 'ipynb', 'notebook-markdown': 'ipynb' };

export interface ExportInput {
  readonly network: Network;
  readonly result: EngineResult;
  readonly trace: Trace;
  readonly source: SpecSource;
  /** The spec's file name, as the document names it. */
  readonly fileName: string;
  readonly digits: number;
  /** The last step written (0-based; −1: none, the network and the example alone); null: the whole trace. */
  readonly throughStep: number | null;
}

function options(input: ExportInput, sheet: 'exercise' | 'answers' | null = null): SolutionOptions {
  return {
    digits: input.digits,
    source: input.source,
    fileName: input.fileName,
    blanks: sheet === 'exercise',
    answerKey: sheet === 'answers',
    maxSteps: EXPORT_MAX_STEPS,
    ...(input.throughStep === null ? {} : { throughStep: input.throughStep }),
  };
}

/** How long one slice of writing may hold the extension host's thread. */
const SLICE_MS = 8;

/** The pieces joined by `separator`, gathered a slice at a time so the thread stays responsive. */
export async function collect(pieces: Iterable<string>, separator: string): Promise<string> {
  const parts: string[] = [];
  let sliceStart = Date.now();
  for (const piece of pieces) {
    parts.push(piece);
    if (Date.now() - sliceStart < SLICE_MS) continue;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    sliceStart = Date.now();
  }
  return parts.join(separator);
}

/** The worked solution in `format`. */
export function solutionText(input: ExportInput, format: SolutionFormat): Promise<string> {
  const { network, result, trace } = input;
  switch (format) {
    case 'markdown':
      return collect(traceMarkdownParagraphs(network, result, trace, options(input)), '\n');
    case 'latex':
      return collect(traceLatexPieces(network, result, trace, options(input)), '\n');
    case 'notebook':
    case 'notebook-markdown':
      return collect(traceNotebookPieces(network, result, trace, { ...options(input), code: format === 'notebook' }), '');
  }
}

/** The exercise sheet (each result a box to fill in) and its answer key, in `format`. */
export async function sheetTexts(input: ExportInput, format: SheetFormat): Promise<{ readonly exercise: string; readonly answers: string }> {
  const { network, result, trace } = input;
  const write = (sheet: 'exercise' | 'answers') =>
    collect((format === 'markdown' ? traceMarkdownParagraphs : traceLatexPieces)(network, result, trace, options(input, sheet)), '\n');
  return { exercise: await write('exercise'), answers: await write('answers') };
}
