import { DEFAULT_TOLERANCE } from '../core/gradientCheck/judge';
import { worstFailure } from '../core/gradientCheck/report';
import { GradientCheckRun } from '../core/gradientCheck/run';
import { CHECK_BUDGET, MAX_SAMPLE } from '../core/gradientCheck/sample';
import { failureText, reportJsonPieces, reportLines } from '../core/gradientCheck/text';
import { thousands } from '../core/notation/count';
import { formatNumber } from '../core/notation/format';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIO, type Command } from './command';
import { loadSpec } from './specFile';
import { writeStreamed } from './stream';

/**
 * `nnet gradcheck FILE`: backprop's ∂c/∂w and ∂c/∂b beside central finite differences for every
 * parameter (a stated sample of a large network), worst first, through core/gradientCheck/.
 * Exits 1 when the spec has errors or any parameter's relative error exceeds the tolerance
 * (naming the worst), 2 on misuse or a file error, 0 otherwise.
 */

const USAGE = `usage: nnet gradcheck [--tolerance T] [--sample N] [--json] FILE

Checks backpropagation against central finite differences: for each weight and bias θ, backprop's
∂c/∂θ (BP) beside FD = (c(θ + h) − c(θ − h)) / 2h, h = 10⁻⁵·max(1, |θ|), c the mean cost over the
training examples, and their relative error
  |FD − BP| / max(|FD| + |BP|, max(10⁻⁵·|c|, 10⁻¹²))
listed worst first. The floor keeps slopes too small for c's 16 digits to resolve from failing
on rounding alone. A parameter whose central difference straddles a bend of the cost (a relu
neuron switching sides) is marked 'kink', not failed; one that acts on an output held by the
cross-entropy costs' log clamp, and agrees once that output's ∂c/∂a is taken as the clamped
cost's slope (0), is marked 'clamped', not failed. A network too large to check whole in
about ${thousands(CHECK_BUDGET)} multiply-adds is checked on a sample, and the output says so.
Exits 1, naming the worst parameter, when any relative error exceeds the tolerance.

options:
  --tolerance T  the largest relative error that passes (default ${formatNumber(DEFAULT_TOLERANCE)})
  --sample N     check N parameters, 1 to ${thousands(MAX_SAMPLE)}, at least one weight and one bias
                 per layer (default: all, or as many as the budget allows)
  --json         the report as JSON, rows worst first
  -h, --help     show this help`;

interface Options {
  file: string;
  tolerance: number;
  sample: number | undefined;
  json: boolean;
}

function parseArgs(args: readonly string[], io: CliIO): Options | number {
  const options: Options = { file: '', tolerance: DEFAULT_TOLERANCE, sample: undefined, json: false };
  const files: string[] = [];
  for (let q = 0; q < args.length; q++) {
    const arg = args[q];
    if (arg === '-h' || arg === '--help') {
      io.out(USAGE);
      return EXIT_OK;
    } else if (arg === '--json') options.json = true;
    else if (arg === '--tolerance') {
      const text = args[++q];
      const t = text === undefined || text.trim() === '' ? NaN : Number(text);
      if (!(t > 0) || !Number.isFinite(t)) return usageError(io, `--tolerance expects a positive number such as 1e-6, got '${text ?? ''}'`);
      options.tolerance = t;
    } else if (arg === '--sample') {
      const text = args[++q];
      const n = text === undefined || text.trim() === '' ? NaN : Number(text);
      if (!Number.isInteger(n) || n < 1 || n > MAX_SAMPLE) return usageError(io, `--sample expects a whole number from 1 to ${thousands(MAX_SAMPLE)}, got '${text ?? ''}'`);
      options.sample = n;
    } else if (arg.startsWith('-') && arg !== '-') return usageError(io, `unknown option '${arg}'`);
    else files.push(arg);
  }
  if (files.length !== 1) return usageError(io, files.length === 0 ? 'expected a FILE to check' : 'expected exactly one FILE');
  options.file = files[0];
  return options;
}

function usageError(io: CliIO, message: string): number {
  io.err(`nnet gradcheck: ${message}`);
  io.err(USAGE);
  return EXIT_USAGE;
}

/** The least time between two redraws of the progress line on a terminal. */
const REDRAW_MS = 100;

export const gradcheckCommand: Command = {
  summary: "check backprop's gradient against central finite differences, worst parameter first",
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const options = parseArgs(args, io);
    if (typeof options === 'number') return options;
    const { file } = options;
    const loaded = loadSpec(io, 'gradcheck', file, 'check its gradient');
    if (typeof loaded === 'number') return loaded;
    const { network } = loaded;
    if (network.examples.length - (network.validation?.length ?? 0) === 0) {
      io.err(`nnet gradcheck: ${file} has no training examples, so its cost has no gradient to check`);
      return EXIT_FAILURE;
    }
    const run = new GradientCheckRun(network, { tolerance: options.tolerance, sample: options.sample });
    runWithProgress(run, io);
    const report = run.report();
    if (options.json) await writeStreamed(io, reportJsonPieces(report, network.name));
    else await writeStreamed(io, reportLines(report, network.name ?? file));
    const worst = worstFailure(report);
    if (worst === null) return EXIT_OK;
    io.err(`nnet gradcheck: ${failureText(worst)} exceeds the tolerance ${formatNumber(options.tolerance)}`);
    return EXIT_FAILURE;
  },
};

/** Probes everything; on a terminal, in chunks with a progress line (`checked 120 of 310 parameters`). */
function runWithProgress(run: GradientCheckRun, io: CliIO): void {
  const total = run.plan.parameters.length;
  if (!io.isTerminal || !io.progress) {
    run.advance(total);
    return;
  }
  let drawn = -Infinity;
  while (!run.finished) {
    run.advance(Math.max(1, Math.ceil(total / 100)));
    const now = performance.now();
    if (now - drawn >= REDRAW_MS) {
      io.progress(`checked ${thousands(run.done)} of ${thousands(total)} parameters`);
      drawn = now;
    }
  }
  io.progress('');
}
