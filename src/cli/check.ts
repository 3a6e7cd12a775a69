import { parameterCount } from '../core/model/network';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, describeReadError, type CliIO, type Command } from './command';
import { diagnosticLines, parseSpecFile } from './specFile';

export { formatDiagnostic } from './specFile';

/**
 * `nnet check FILE…`: prints every diagnostic as FILE:LINE:COL: severity: message (1-based,
 * the format editors and CI problem matchers read), then a one-line summary per file. A
 * problem inside a CSV file the spec reads is printed with the CSV's path.
 * Exits 1 when any file has an error, 2 when a file cannot be read, 0 otherwise.
 */

const USAGE = `usage: nnet check [--quiet] FILE...

Reports every problem in each .nnet spec, one per line:
  FILE:LINE:COL: error|warning: message
A problem inside a CSV file that a spec reads names that file instead.

options:
  -q, --quiet   print only the problems, not the summary line per file
  -h, --help    show this help`;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const checkCommand: Command = {
  summary: 'report every problem in a spec, as FILE:LINE:COL: error|warning: message',
  usage: USAGE,
  run(args: readonly string[], io: CliIO): number {
    const files: string[] = [];
    let quiet = false;
    for (const arg of args) {
      if (arg === '-h' || arg === '--help') {
        io.out(USAGE);
        return EXIT_OK;
      } else if (arg === '-q' || arg === '--quiet') quiet = true;
      else if (arg.startsWith('-') && arg !== '-') {
        io.err(`nnet check: unknown option '${arg}'`);
        io.err(USAGE);
        return EXIT_USAGE;
      } else files.push(arg);
    }
    if (files.length === 0) {
      io.err('nnet check: expected a FILE to check');
      io.err(USAGE);
      return EXIT_USAGE;
    }
    let exit = EXIT_OK;
    for (const file of files) {
      let text: string;
      try {
        text = io.readFile(file);
      } catch (error) {
        io.err(describeReadError(file, error));
        exit = EXIT_USAGE;
        continue;
      }
      const result = parseSpecFile(io, file, text);
      const { network, counts } = result;
      for (const line of diagnosticLines(file, result)) io.out(line);
      // Counted over every problem found, also those past the listed cap.
      const { errors, warnings } = counts;
      if (errors > 0 && exit === EXIT_OK) exit = EXIT_FAILURE;
      if (quiet) continue;
      if (network === null) io.out(`${file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
      else {
        const shape = network.layers.map((layer) => layer.size).join('-');
        const problems = warnings === 0 ? 'no problems' : plural(warnings, 'warning');
        io.out(`${file}: ${shape} network, ${plural(parameterCount(network), 'parameter')}, ${plural(network.examples.length, 'example')}: ${problems}`);
      }
    }
    return exit;
  },
};
