import type { DataFiles } from '../core/data/files';
import type { ProductThreads } from '../core/engine/wasm/parallel';

/**
 * What every `nnet` command implements. Commands write through CliIO instead of touching
 * process directly, so tests can run them and read what they printed.
 */
export interface CliIO {
  /** Writes one line to standard output. */
  out(line: string): void;
  /** Writes one line to standard error. */
  err(line: string): void;
  /** Reads a file as UTF-8 text; throws a Node error (with `code`) when it cannot. */
  readFile(path: string): string;
  /**
   * How the spec at `specPath` reads its data files (core/data/files.ts): from disk, relative
   * to the spec. Absent where no spec reads one (some tests): every data file is then unreadable.
   */
  dataFiles?(specPath: string): DataFiles;
  /**
   * A promise that resolves once standard output can take more, or undefined when it already
   * can. Long outputs ask between chunks (see stream.ts), so a pipe whose reader is slow holds
   * them back instead of filling memory. Absent where writes never wait (tests).
   */
  drained?(): Promise<void> | undefined;
  /**
   * Whether standard error is a terminal a person watches: only then do long commands (`nnet
   * train`) draw a progress line. Absent or false in pipes, CI logs and tests, which get nothing
   * but the command's output.
   */
  readonly isTerminal?: boolean;
  /** Replaces the progress line on standard error with `line` (the empty line erases it). */
  progress?(line: string): void;
  /** Writes `text` to the file at `path` as UTF-8, replacing it; throws a Node error (with `code`) when it cannot. Absent: no command may write. */
  writeFile?(path: string, text: string): void;
  /**
   * Threads for the large products of a run on `count` threads in all (engine/wasm/parallel.ts),
   * null for one. Absent where no thread can be started (some tests): runs use one thread.
   */
  productThreads?(count: number): ProductThreads | null;
  /** The threads a run uses when not told: the machine's cores, up to a few. Absent: 1. */
  readonly defaultThreads?: number;
}

export interface Command {
  /** One line for `nnet --help`. */
  readonly summary: string;
  /** The command's own usage text, printed by `nnet <command> --help` and on misuse. */
  readonly usage: string;
  /** Runs with the arguments after the command name; returns the exit code. */
  run(args: readonly string[], io: CliIO): number | Promise<number>;
}

export const EXIT_OK = 0;
/** The spec has errors (`check`), or the command found what it reports as failure. */
export const EXIT_FAILURE = 1;
/** The command line was wrong, or a file could not be read. */
export const EXIT_USAGE = 2;

/** A file error as one sentence, without a stack trace. */
export function describeReadError(path: string, error: unknown): string {
  return `nnet: cannot read '${path}': ${fileErrorReason(error)}`;
}

/** The same for a file that could not be written. */
export function describeWriteError(path: string, error: unknown): string {
  return `nnet: cannot write '${path}': ${fileErrorReason(error)}`;
}

function fileErrorReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT'
    ? 'no such file'
    : code === 'EISDIR'
      ? 'it is a directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : error instanceof Error
          ? error.message
          : String(error);
}
