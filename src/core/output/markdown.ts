import type { EngineResult } from '../engine/types';
import type { Network } from '../model/network';
import { escapeMarkdown } from '../text/escape';
import type { Trace } from '../trace/types';
import { solutionBlocks, type Inline, type SolutionBlock, type SolutionOptions } from './solution';

/**
 * A worked solution in Markdown with LaTeX math ($…$ inline, $$…$$ displayed), the kind of
 * sheet a teacher could hand out: the network and example, then every step grouped by phase
 * and layer, each kind of step introduced once per group by a short explanation. The content
 * is solution.ts's; this file only writes it as Markdown (VS Code's preview, GitHub and
 * Jupyter render its math). Spec text is escaped so it reads as the characters typed.
 */

export type MarkdownOptions = SolutionOptions;

/**
 * The worked solution a paragraph at a time, to be joined by line breaks: a network of millions
 * of weights has millions of steps, too many for one string.
 */
export function* traceMarkdownParagraphs(network: Network, result: EngineResult, trace: Trace, options: MarkdownOptions = {}): Generator<string, void, undefined> {
  for (const block of solutionBlocks(network, result, trace, options)) {
    const text = markdownBlock(block);
    if (text !== null) yield paragraph(text);
  }
}

/** One block as Markdown, or null for a block that writes nothing here. */
export function markdownBlock(block: SolutionBlock): string | null {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${markdownInlines(block.inlines)}`;
    case 'paragraph':
      return markdownInlines(block.inlines);
    case 'display':
      return `$$${block.tex}$$`;
    case 'step':
      return `$$${block.parts.join(' = ')}$$`;
    case 'note':
      // Our own words (the trace's notes name symbols, never spec text).
      return `> ${block.text}`;
    case 'group-end':
      return null;
  }
}

/** Running text: our own words as they are, spec text escaped, math between single dollars. */
function markdownInlines(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      switch (inline.kind) {
        case 'words':
          return inline.text;
        case 'spec':
          return escapeMarkdown(inline.text);
        case 'math':
          return `$${inline.tex}$`;
        case 'strong':
          return `**${inline.text}**`;
      }
    })
    .join('');
}

/** A paragraph and the blank line after it: the generator's pieces are joined by line breaks. */
function paragraph(text: string): string {
  return `${text}\n`;
}

export function traceToMarkdown(network: Network, result: EngineResult, trace: Trace, options: MarkdownOptions = {}): string {
  return [...traceMarkdownParagraphs(network, result, trace, options)].join('\n');
}
