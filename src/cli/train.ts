import { applyEdits, gradientStepEdits } from '../core/edit/gradientStep';
import { DEFAULT_TRAINING_STEPS } from '../core/model/defaults';
import { MAX_SEED } from '../core/model/initialise';
import { MAX_TRAINING_STEPS } from '../core/model/limits';
import { parameterCount, type Network } from '../core/model/network';
import type { SpecSource } from '../core/model/source';
import { thousands } from '../core/notation/count';
import { trainingCsvLines } from '../core/output/trainingCsv';
import { trainingJsonPieces } from '../core/output/trainingJson';
import { Trainer } from '../core/training/trainer';
import { DEFAULT_MAX_THREADS, MAX_THREADS } from '../node/productThreads';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, describeWriteError, type CliIO, type Command } from './command';
import { loadSpec } from './specFile';
import { writeStreamed } from './stream';
import { runTrainer } from './trainProgress';
import { summaryLines } from './trainSummary';

/**
 * `nnet train FILE`: N steps of gradient descent on the spec (core/training/trainer.ts), then a
 * summary, the whole history as --csv, or the history and final parameters as --json; --write
 * puts the final parameters into the spec as Apply Gradient Step does, so the file itself is
 * the trained network. The spec's `steps`, `batch-size` and `shuffle` lines set the run, the
 * flags override them. Exits 1 when the spec has errors or the run diverges, 2 on misuse or a
 * file error.
 */

const USAGE = `usage: nnet train [--steps N] [--batch B] [--shuffle SEED] [--threads T] [--json | --csv] [--write] FILE

Runs N steps of gradient descent on the spec, w ← w − η·∂c/∂w, b ← b − η·∂c/∂b, each step's
gradient the mean over a batch of training examples, and reports how the cost moved.

options:
  --steps N      gradient steps, 1 to ${thousands(MAX_TRAINING_STEPS)} (default: the spec's \`steps\` line, else ${DEFAULT_TRAINING_STEPS})
  --batch B      examples per step, at most the training examples (default: the spec's
                 \`batch-size\` line, else every training example: full batch)
  --shuffle SEED reshuffle the training examples at each pass, seeded, 0 to ${MAX_SEED}
                 (default: the spec's \`shuffle\` line, else in order)
  --threads T    threads for the large matrix products, 1 to ${MAX_THREADS} (default: the
                 machine's cores, up to ${DEFAULT_MAX_THREADS}); the numbers are the same to the
                 bit with any T
  --json         the cost before step 1 … after step N, the validation cost when the spec
                 holds examples out, and the final parameters, as JSON
  --csv          one row per step: step,cost,validation_cost,grad_norm_1,…
  --write        write the final parameters into FILE at full precision, keeping its layout
                 and comments
  -h, --help     show this help`;

interface Options {
  file: string;
  format: 'text' | 'json' | 'csv';
  steps: number | null;
  batch: number | null;
  shuffle: number | null;
  threads: number | null;
  write: boolean;
}

/** The flags that take a whole number: which option each sets, and the numbers it accepts. */
const NUMBER_FLAGS: Readonly<Record<string, { key: 'steps' | 'batch' | 'shuffle' | 'threads'; min: number; max: number; expected: string }>> = {
  '--steps': { key: 'steps', min: 1, max: MAX_TRAINING_STEPS, expected: `a whole number from 1 to ${thousands(MAX_TRAINING_STEPS)}` },
  // At most the training examples, checked once the spec is read.
  '--batch': { key: 'batch', min: 1, max: Number.MAX_SAFE_INTEGER, expected: 'a whole number from 1' },
  '--shuffle': { key: 'shuffle', min: 0, max: MAX_SEED, expected: `a whole number from 0 to ${MAX_SEED}` },
  '--threads': { key: 'threads', min: 1, max: MAX_THREADS, expected: `a whole number from 1 to ${MAX_THREADS}` },
};

function parseArgs(args: readonly string[], io: CliIO): Options | number {
  const options: Options = { file: '', format: 'text', steps: null, batch: null, shuffle: null, threads: null, write: false };
  const files: string[] = [];
  const formats = new Set<string>();
  for (let q = 0; q < args.length; q++) {
    const arg = args[q];
    if (arg === '-h' || arg === '--help') {
      io.out(USAGE);
      return EXIT_OK;
    } else if (arg === '--json' || arg === '--csv') {
      options.format = arg === '--json' ? 'json' : 'csv';
      formats.add(arg);
    } else if (arg === '--write') options.write = true;
    else if (Object.hasOwn(NUMBER_FLAGS, arg)) {
      const flag = NUMBER_FLAGS[arg];
      const text = args[++q];
      const n = text === undefined || text.trim() === '' ? NaN : Number(text);
      if (!Number.isInteger(n) || n < flag.min || n > flag.max) return usageError(io, `${arg} expects ${flag.expected}, got '${text ?? ''}'`);
      options[flag.key] = n;
    } else if (arg.startsWith('-') && arg !== '-') return usageError(io, `unknown option '${arg}'`);
    else files.push(arg);
  }
  if (formats.size > 1) return usageError(io, '--json and --csv cannot be used together');
  if (files.length !== 1) return usageError(io, files.length === 0 ? 'expected a FILE to train' : 'expected exactly one FILE');
  options.file = files[0];
  // The spec read from standard input has no file to write back to.
  if (options.write && options.file === '-') return usageError(io, "--write needs a FILE to write to, not standard input ('-')");
  return options;
}

function usageError(io: CliIO, message: string): number {
  io.err(`nnet train: ${message}`);
  io.err(USAGE);
  return EXIT_USAGE;
}

export const trainCommand: Command = {
  summary: 'run gradient descent on a spec: a summary, the cost history (--csv, --json), --write the result',
  usage: USAGE,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const options = parseArgs(args, io);
    if (typeof options === 'number') return options;
    const { file } = options;
    const writeFile = io.writeFile;
    if (options.write && !writeFile) {
      io.err('nnet train: --write cannot write files here');
      return EXIT_USAGE;
    }
    const loaded = loadSpec(io, 'train', file, 'train it');
    if (typeof loaded === 'number') return loaded;
    const { text, network } = loaded;
    const { source } = loaded.parsed;
    const training = network.examples.length - (network.validation?.length ?? 0);
    if (training === 0) {
      io.err(`nnet train: ${file} has no training examples`);
      return EXIT_FAILURE;
    }
    if (options.batch !== null && options.batch > training) {
      io.err(`nnet train: --batch ${options.batch} is more than the ${thousands(training)} training example${training === 1 ? '' : 's'} of ${file}`);
      return EXIT_USAGE;
    }
    // The flags override the spec's own lines, which override the defaults.
    const steps = options.steps ?? network.training?.steps ?? DEFAULT_TRAINING_STEPS;
    const batchSize = options.batch ?? network.training?.batchSize ?? null;
    const shuffle = options.shuffle ?? network.training?.shuffle ?? null;
    const threads = io.productThreads?.(options.threads ?? io.defaultThreads ?? 1) ?? null;
    const trainer = new Trainer(network, { steps, batchSize, shuffle, threads });
    let elapsedMs: number;
    try {
      elapsedMs = runTrainer(trainer, io);
    } finally {
      trainer.close();
    }
    const history = trainer.history();
    const parameters = trainer.parameters();

    if (options.format === 'json') await writeStreamed(io, trainingJsonPieces(network, history, parameters));
    else if (options.format === 'csv') await writeStreamed(io, trainingCsvLines(history));
    else for (const line of summaryLines({ file, network, history, shuffle, elapsedMs, threads: trainer.threads })) io.out(line);

    if (history.diverged !== null) {
      io.err(`nnet train: diverged at step ${history.diverged + 1}: the cost or a gradient was no longer finite, so the run stopped there${options.write ? `; ${file} was not written` : ''}`);
      return EXIT_FAILURE;
    }
    if (!options.write || !writeFile) return EXIT_OK;
    try {
      writeFile(file, trainedSpec(text, network, source, parameters, history.cost[history.cost.length - 1]));
    } catch (error) {
      io.err(describeWriteError(file, error));
      return EXIT_USAGE;
    }
    // Keep stdout pure JSON or CSV: the note goes beside it on stderr then.
    const note = `wrote ${thousands(parameterCount(network))} parameters after ${thousands(history.done)} steps to ${file}`;
    if (options.format === 'text') io.out(note);
    else io.err(`nnet train: ${note}`);
    return EXIT_OK;
  },
};

/**
 * The spec with its parameters replaced by `parameters`, through the edits Apply Gradient Step
 * makes (only the numbers change; missing `w`/`b` lines are inserted), at full precision
 * (EXACT_DIGITS, the default) so the file reads back as exactly the trained doubles.
 */
function trainedSpec(text: string, network: Network, source: SpecSource, parameters: { w: Float64Array[]; b: Float64Array[] }, cost: number): string {
  return applyEdits(text, gradientStepEdits(text, network, source, { ...parameters, cost }));
}
