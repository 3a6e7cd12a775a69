import type { EngineResult } from '../engine/types';
import type { Network } from '../model/network';
import { thousands } from '../notation/count';
import type { Trace } from '../trace/types';
import { markdownBlock } from './markdown';
import { codeNumbers, groupCode, NOTEBOOK_CODE_LIMIT, setupCode } from './notebookCode';
import { solutionBlocks, type SolutionOptions } from './solution';

/**
 * The worked solution as a Jupyter notebook (nbformat 4.5 JSON): Markdown cells with the same
 * derivation as the Markdown export (Jupyter typesets its $…$ math), and — unless `code` is
 * false — Python cells with NumPy that rebuild the network and recompute every quantity of each
 * group of steps right after its derivation (notebookCode.ts).
 *
 * Written a piece at a time, each piece whole lines of the JSON: a cell's Markdown is cut every
 * CELL_BLOCKS blocks, so no piece grows with the width of a layer.
 */

export interface NotebookOptions extends SolutionOptions {
  /** Python cells that recompute each quantity (default true); left out past NOTEBOOK_CODE_LIMIT numbers. */
  readonly code?: boolean;
}

/** A long group's Markdown is split into cells of at most this many blocks. */
const CELL_BLOCKS = 200;

const METADATA = {
  kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
  language_info: { name: 'python', file_extension: '.py', mimetype: 'text/x-python' },
};

export function* traceNotebookPieces(network: Network, result: EngineResult, trace: Trace, options: NotebookOptions = {}): Generator<string, void, undefined> {
  const digits = options.digits ?? 6;
  const L = network.layers.length - 1;
  const numbers = codeNumbers(network);
  const code = options.code !== false && numbers <= NOTEBOOK_CODE_LIMIT;
  let cells = 0;
  const cell = (type: 'markdown' | 'code', source: string): string => {
    const body =
      type === 'markdown'
        ? { cell_type: type, id: `cell-${cells + 1}`, metadata: {}, source }
        : { cell_type: type, id: `cell-${cells + 1}`, metadata: {}, execution_count: null, outputs: [], source };
    return `${cells++ === 0 ? '' : ',\n'}${JSON.stringify(body, null, 1)}`;
  };
  let markdown: string[] = [];
  const flush = function* (): Generator<string, void, undefined> {
    if (markdown.length > 0) yield cell('markdown', markdown.join('\n\n'));
    markdown = [];
  };
  yield '{\n "cells": [';
  let setupDone = false;
  for (const block of solutionBlocks(network, result, trace, options)) {
    // The network's own code goes after the introduction, before the first phase.
    if (!setupDone && block.kind === 'heading' && block.level === 2) {
      setupDone = true;
      if (!code && options.code !== false) markdown.push(`*The Python cells are left out: this network and its training examples hold ${thousands(numbers)} numbers, more than the ${thousands(NOTEBOOK_CODE_LIMIT)} a notebook carries as code.*`);
      yield* flush();
      if (code) yield cell('code', setupCode(network, trace.example, digits, trace.weightOrder));
    }
    if (block.kind === 'group-end') {
      yield* flush();
      if (code) yield cell('code', groupCode(block.group, result, L));
      continue;
    }
    const text = markdownBlock(block);
    if (text !== null) markdown.push(text);
    if (markdown.length >= CELL_BLOCKS) yield* flush();
  }
  yield* flush();
  yield `\n ],\n "metadata": ${JSON.stringify(METADATA)},\n "nbformat": 4,\n "nbformat_minor": 5\n}`;
}

export function traceToNotebook(network: Network, result: EngineResult, trace: Trace, options: NotebookOptions = {}): string {
  return [...traceNotebookPieces(network, result, trace, options)].join('');
}
