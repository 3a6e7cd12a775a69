import { runEngine } from '../core/engine/run';
import { exampleOriginText } from '../core/notation/exampleOrigin';
import { formatNumber } from '../core/notation/format';
import { DEFAULT_WEIGHT_ORDER, WEIGHT_ORDERS, type WeightOrder } from '../core/notation/symbols';
import { traceJsonPieces } from '../core/output/json';
import { basename } from 'node:path';
import { traceLatexPieces } from '../core/output/latex';
import { traceMarkdownParagraphs } from '../core/output/markdown';
import { traceNotebookPieces } from '../core/output/notebook';
import type { SolutionOptions } from '../core/output/solution';
import { traceTextLines } from '../core/output/text';
import { buildTrace } from '../core/trace/build';
import { loadSpec } from './specFile';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIO, type Command } from './command';
import { writeStreamed } from './stream';

/**
 * `nnet trace FILE`: runs backpropagation on the spec and prints every quantity, one per line,
 * as symbol = general form = numbers = value; or a worked solution in Markdown, LaTeX or a
 * Jupyter notebook (or an exercise sheet with blanks); or JSON.
 * Exits 1 when the spec has errors (printed as `nnet check` prints them) or a number stops
 * being finite (the first such quantity is named), 2 on a usage or file error. Every format is
 * written as it is made (see stream.ts): a two-million-parameter spec has millions of steps, and
 * its JSON gigabytes of numbers.
 */

const USAGE = `usage: nnet trace [--json | --markdown | --latex | --ipynb] [--example N] [--digits D] [--up-to N] [--blanks] [--no-code] [--weight-order ORDER] [--full] FILE

Runs backpropagation on the spec and shows every quantity it computes for one example:
forward pass, cost, backward pass (∂c/∂a, σ′, δ, ∂c/∂w, ∂c/∂b), then one gradient step.

options:
  --example N   the example to follow, 1-based (default 1; --json lists all unless given)
  --markdown    a worked solution in Markdown with LaTeX math
  --latex       the worked solution as a LaTeX document (amsmath) for pdflatex
  --ipynb       the worked solution as a Jupyter notebook (nbformat 4), with Python
                cells that recompute every quantity with NumPy
  --no-code     with --ipynb: Markdown cells only
  --up-to N     Markdown, LaTeX, notebook: stop after step N of the trace (1-based)
  --blanks      with --markdown or --latex: an exercise sheet, each step's value a box to
                fill in (the same command without --blanks prints its answer key)
  --json        every number as JSON: per-layer z, a, δ, ∂c/∂w, ∂c/∂b per example,
                the mean gradient and the parameters after one step
  --digits D    significant digits in text and Markdown (default 6)
  --weight-order ORDER
                how text and Markdown write a weight's indices: from-to (w⁽ℓ⁾ₖⱼ, from
                neuron k of layer ℓ−1 to neuron j; the default) or to-from (w⁽ℓ⁾ⱼₖ)
  --notes       text mode: print the notes some steps carry
  --full        text mode: after a step whose sum is elided ("⋯[780 more terms: 1.25]⋯"),
                list every term of it, one per line
  -h, --help    show this help`;

interface Options {
  file: string;
  format: 'text' | 'markdown' | 'latex' | 'ipynb' | 'json';
  example: number | null;
  digits: number;
  notes: boolean;
  full: boolean;
  weightOrder: WeightOrder;
  /** The last step shown, 1-based; null: all. */
  upTo: number | null;
  blanks: boolean;
  code: boolean;
}

function parseArgs(args: readonly string[], io: CliIO): Options | number {
  const options: Options = { file: '', format: 'text', example: null, digits: 6, notes: false, full: false, weightOrder: DEFAULT_WEIGHT_ORDER, upTo: null, blanks: false, code: true };
  const files: string[] = [];
  for (let q = 0; q < args.length; q++) {
    const arg = args[q];
    const value = () => {
      const v = args[++q];
      return v === undefined ? NaN : Number(v);
    };
    if (arg === '-h' || arg === '--help') {
      io.out(USAGE);
      return EXIT_OK;
    } else if (arg === '--json') options.format = 'json';
    else if (arg === '--markdown' || arg === '--md') options.format = 'markdown';
    else if (arg === '--latex' || arg === '--tex') options.format = 'latex';
    else if (arg === '--ipynb' || arg === '--notebook') options.format = 'ipynb';
    else if (arg === '--no-code') options.code = false;
    else if (arg === '--blanks') options.blanks = true;
    else if (arg === '--up-to') {
      const n = value();
      if (!Number.isInteger(n) || n < 1) return usageError(io, `--up-to expects a whole number from 1, got '${args[q] ?? ''}'`);
      options.upTo = n;
    } else if (arg === '--notes') options.notes = true;
    else if (arg === '--full') options.full = true;
    else if (arg === '--example' || arg === '-e') {
      const n = value();
      if (!Number.isInteger(n) || n < 1) return usageError(io, `--example expects a whole number from 1, got '${args[q] ?? ''}'`);
      options.example = n;
    } else if (arg === '--digits') {
      const n = value();
      if (!Number.isInteger(n) || n < 1 || n > 17) return usageError(io, `--digits expects a whole number from 1 to 17, got '${args[q] ?? ''}'`);
      options.digits = n;
    } else if (arg === '--weight-order') {
      const order = args[++q];
      if (!WEIGHT_ORDERS.includes(order as WeightOrder)) return usageError(io, `--weight-order expects ${WEIGHT_ORDERS.join(' or ')}, got '${order ?? ''}'`);
      options.weightOrder = order as WeightOrder;
    } else if (arg.startsWith('-') && arg !== '-') return usageError(io, `unknown option '${arg}'`);
    else files.push(arg);
  }
  if (files.length !== 1) return usageError(io, files.length === 0 ? 'expected a FILE to trace' : 'expected exactly one FILE');
  options.file = files[0];
  if (options.blanks && options.format !== 'markdown' && options.format !== 'latex') return usageError(io, '--blanks goes with --markdown or --latex');
  if (options.upTo !== null && (options.format === 'text' || options.format === 'json')) return usageError(io, '--up-to goes with --markdown, --latex or --ipynb');
  return options;
}

function usageError(io: CliIO, message: string): number {
  io.err(`nnet trace: ${message}`);
  io.err(USAGE);
  return EXIT_USAGE;
}

export const traceCommand: Command = {
  summary: 'show every quantity of backpropagation for one example (text, --markdown, --latex, --ipynb or --json)',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const options = parseArgs(args, io);
    if (typeof options === 'number') return options;
    const loaded = loadSpec(io, 'trace', options.file, 'trace it');
    if (typeof loaded === 'number') return loaded;
    const { network } = loaded;
    const { source } = loaded.parsed;
    const m = network.examples.length;
    if (m === 0) {
      io.err(`nnet trace: ${options.file} has no examples to trace`);
      return EXIT_FAILURE;
    }
    if (options.example !== null && options.example > m) {
      io.err(`nnet trace: there is no example ${options.example}: ${options.file} has ${m}`);
      return EXIT_USAGE;
    }
    const result = runEngine(network);
    const index = (options.example ?? 1) - 1;
    if (options.format === 'json') {
      await writeStreamed(io, traceJsonPieces(network, result, options.example === null ? undefined : [index]));
    } else {
      const trace = buildTrace(network, result, index, { digits: options.digits, source, weightOrder: options.weightOrder });
      const solution: SolutionOptions = {
        digits: options.digits,
        source,
        blanks: options.blanks,
        ...(options.upTo === null ? {} : { throughStep: options.upTo - 1 }),
        ...(options.file === '-' ? {} : { fileName: basename(options.file) }),
      };
      if (options.format === 'markdown') await writeStreamed(io, traceMarkdownParagraphs(network, result, trace, solution));
      else if (options.format === 'latex') await writeStreamed(io, traceLatexPieces(network, result, trace, solution));
      else if (options.format === 'ipynb') await writeStreamed(io, traceNotebookPieces(network, result, trace, { ...solution, code: options.code }));
      else {
        const shape = network.layers.map((l) => l.size).join('-');
        const from = source.examples[index] ? ` · ${exampleOriginText(source.examples[index])}` : '';
        io.out(`${network.name ?? options.file}: ${shape} network, cost ${network.cost}, η = ${formatNumber(network.learningRate)}; example ${index + 1} of ${m}${from}`);
        io.out('');
        await writeStreamed(io, traceTextLines(trace, { digits: options.digits, notes: options.notes, full: options.full }));
        io.out('');
        const d = options.digits;
        const held = network.validation?.length ?? 0;
        const trained = m - held;
        io.out(`c = ${formatNumber(result.cost, d)} (mean over ${trained}${held > 0 ? ' training' : ''} example${trained === 1 ? '' : 's'}); after the step c = ${formatNumber(result.updated.cost, d)}`);
        if (result.validationCost !== null) io.out(`held out for validation: ${held} example${held === 1 ? '' : 's'}, mean cᵢ = ${formatNumber(result.validationCost, d)}`);
      }
    }
    if (result.failure) {
      io.err(`nnet trace: numeric failure: ${result.failure.message}`);
      return EXIT_FAILURE;
    }
    return EXIT_OK;
  },
};
