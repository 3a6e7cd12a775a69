import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nodeDataFiles } from '../node/dataFiles';
import { defaultThreadCount, nodeProductThreads } from '../node/productThreads';
import { escapeControls } from '../core/text/escape';
import { checkCommand } from './check';
import { dapCommand } from './dap';
import { gradcheckCommand } from './gradcheck';
import { traceCommand } from './trace';
import { trainCommand } from './train';
import { EXIT_OK, EXIT_USAGE, type CliIO, type Command } from './command';

/**
 * `nnet <command> [options] FILE`: the command-line entry point. To add a command, implement
 * Command (see command.ts) in its own file and add one line to COMMANDS.
 */
const COMMANDS: Readonly<Record<string, Command>> = {
  check: checkCommand,
  trace: traceCommand,
  train: trainCommand,
  gradcheck: gradcheckCommand,
  dap: dapCommand,
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return ['usage: nnet <command> [options] FILE', '', 'commands:', ...lines, '', "Run 'nnet <command> --help' for its options."].join('\n');
}

/**
 * Every line a command prints goes through here with the spec's control characters escaped: a
 * network name holding ESC sequences must not retitle the terminal, clear it or erase earlier
 * lines of a CI log.
 */
function terminalSafe(io: CliIO): CliIO {
  return {
    out: (line) => io.out(escapeControls(line)),
    err: (line) => io.err(escapeControls(line)),
    readFile: (path) => io.readFile(path),
    ...(io.dataFiles ? { dataFiles: (path: string) => io.dataFiles!(path) } : {}),
    drained: () => io.drained?.(),
    ...(io.isTerminal ? { isTerminal: true } : {}),
    ...(io.progress ? { progress: (line: string) => io.progress!(escapeControls(line)) } : {}),
    ...(io.writeFile ? { writeFile: (path: string, text: string) => io.writeFile!(path, text) } : {}),
    ...(io.productThreads ? { productThreads: (count: number) => io.productThreads!(count) } : {}),
    ...(io.defaultThreads !== undefined ? { defaultThreads: io.defaultThreads } : {}),
  };
}

export async function runCli(argv: readonly string[], rawIO: CliIO): Promise<number> {
  const io = terminalSafe(rawIO);
  const [name, ...args] = argv;
  if (name === '-h' || name === '--help' || name === 'help') {
    io.out(usage());
    return EXIT_OK;
  }
  if (name === undefined) {
    io.err(usage());
    return EXIT_USAGE;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.err(`nnet: unknown command '${name}'`);
    io.err(usage());
    return EXIT_USAGE;
  }
  return command.run(args, io);
}

const nodeIO: CliIO = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // `-` is standard input (file descriptor 0), as in `cat spec.nnet | nnet check -`.
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  // A spec read from standard input (`-`) finds its data files in the working directory.
  dataFiles: (path) => nodeDataFiles({ specPath: resolve(path === '-' ? 'stdin.nnet' : path) }),
  // A pipe's writes are asynchronous on POSIX: past the stream's high-water mark, wait for 'drain'.
  drained: () => (process.stdout.writableNeedDrain ? new Promise<void>((resolve) => process.stdout.once('drain', () => resolve())) : undefined),
  isTerminal: process.stderr.isTTY === true,
  // Back to the start of the line and erase it: the line is redrawn in place, and '' clears it.
  progress: (line) => process.stderr.write(`\r\x1b[K${line}`),
  writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
  productThreads: (count) => nodeProductThreads(count),
  defaultThreads: defaultThreadCount(),
};

// Run only as the program itself (dist/cli.js), not when a test imports runCli.
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  // `nnet trace big.nnet | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  runCli(process.argv.slice(2), nodeIO).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`nnet: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
