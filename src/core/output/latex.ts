import type { EngineResult } from '../engine/types';
import type { Network } from '../model/network';
import { escapeLatexText } from '../text/latexEscape';
import type { Trace } from '../trace/types';
import { solutionBlocks, type Inline, type SolutionBlock, type SolutionOptions } from './solution';

/**
 * The worked solution (or the exercise sheet) as a whole LaTeX document that pdflatex compiles
 * with nothing beyond Debian's texlive-latex-base and texlive-latex-recommended: article, amsmath,
 * T1 fonts, UTF-8 input. Each step is an amsmath `align*`, one line per part — symbol, general
 * formula, numbers, value — aligned on their equals signs, in the TeX the panel typesets (the
 * trace's, which is plain ASCII). Every piece of spec text is written with escapeLatexText, so
 * a name holding `\input` or `%` or Chinese sets as those characters and never breaks the run.
 *
 * Written a block at a time, like the Markdown: a generator of pieces to be joined by line breaks.
 */

export type LatexOptions = SolutionOptions;

const PREAMBLE = [
  '\\documentclass[11pt]{article}',
  '\\usepackage[T1]{fontenc}',
  '\\usepackage[utf8]{inputenc}',
  // Latin Modern when installed (Debian's lmodern, which texlive-latex-recommended brings); else T1's EC fonts.
  '\\IfFileExists{lmodern.sty}{\\usepackage{lmodern}}{}',
  '\\usepackage{amsmath}',
  '\\usepackage{amssymb}',
  '\\usepackage[margin=2cm]{geometry}',
  // A long trace's steps may break across pages, and wide sums may run into the margin rather than stop the run.
  '\\allowdisplaybreaks',
  '\\setlength{\\parindent}{0pt}',
  '\\setlength{\\parskip}{0.6em}',
  '\\hbadness=10000',
  '\\hfuzz=\\maxdimen',
];

export function* traceLatexPieces(network: Network, result: EngineResult, trace: Trace, options: LatexOptions = {}): Generator<string, void, undefined> {
  yield PREAMBLE.join('\n');
  yield '\\begin{document}';
  for (const block of solutionBlocks(network, result, trace, options)) {
    const text = latexBlock(block);
    if (text !== null) yield text;
  }
  yield '\\end{document}';
}

export function traceToLatex(network: Network, result: EngineResult, trace: Trace, options: LatexOptions = {}): string {
  return [...traceLatexPieces(network, result, trace, options)].join('\n');
}

const HEADINGS = { 1: 'section*', 2: 'subsection*', 3: 'subsubsection*' } as const;

function latexBlock(block: SolutionBlock): string | null {
  switch (block.kind) {
    case 'heading':
      return `\\${HEADINGS[block.level]}{${latexInlines(block.inlines)}}`;
    case 'paragraph':
      return `${latexInlines(block.inlines)}\n`;
    case 'display':
      return `\\[ ${block.tex} \\]`;
    case 'step': {
      // symbol &= formula \\ &= numbers \\ &= value: every part after the symbol on a line of its own.
      const [symbol, ...rest] = block.parts;
      const lines = rest.map((part, q) => `${q === 0 ? symbol : ''} &= ${part}`);
      return `\\begin{align*}\n${lines.join(' \\\\\n')}\n\\end{align*}`;
    }
    case 'note':
      return `\\begin{quote}\\small ${escapeLatexText(block.text)}\\end{quote}`;
    case 'group-end':
      return null;
  }
}

function latexInlines(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.kind) {
        case 'words':
        case 'spec':
          return escapeLatexText(inline.text);
        case 'math':
          return `$${inline.tex}$`;
        case 'strong':
          return `\\textbf{${escapeLatexText(inline.text)}}`;
      }
    })
    .join('');
}
