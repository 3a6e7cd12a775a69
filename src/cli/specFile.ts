import { dirname, isAbsolute, join } from 'node:path';
import { NO_DATA_FILES } from '../core/data/files';
import { hasErrors, type Diagnostic } from '../core/diagnostics';
import type { Network } from '../core/model/network';
import { parseSpec, type ParseResult } from '../core/parser/parse';
import { describeReadError, EXIT_FAILURE, EXIT_USAGE, type CliIO } from './command';

/**
 * Parsing a spec file on the command line: its data files are read relative to it, and the
 * problems found inside them are printed with the data file's own path, as an editor would
 * show them, each before the spec's own lines.
 */

export function parseSpecFile(io: CliIO, file: string, text: string): ParseResult {
  return parseSpec(text, { files: io.dataFiles?.(file) ?? NO_DATA_FILES });
}

/** FILE:LINE:COL: severity: message, 1-based: the format editors and CI problem matchers read. */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity}: ${diagnostic.message}`;
}

/**
 * Every diagnostic of the parse: first those inside each data file, under the data file's path
 * as the command line would name it (beside the spec: `examples/iris.csv`), then the spec's.
 */
export function diagnosticLines(file: string, result: ParseResult): string[] {
  const lines: string[] = [];
  for (const data of result.files) {
    const shown = isAbsolute(data.path) ? data.path : join(dirname(file), data.path);
    for (const diagnostic of data.diagnostics) lines.push(formatDiagnostic(shown, diagnostic));
  }
  for (const diagnostic of result.diagnostics) lines.push(formatDiagnostic(file, diagnostic));
  return lines;
}

/** A spec read and parsed for a command that needs its network: with no errors, warnings printed. */
export interface LoadedSpec {
  readonly text: string;
  readonly parsed: ParseResult;
  readonly network: Network;
}

/**
 * Reads and parses FILE for `nnet <command>`, which needs a network without errors to `purpose`
 * (for instance "train it"). Returns the spec, its warnings already on standard error; or the
 * exit code once it has said why not: 2 for a file it cannot read, 1 for a spec with errors
 * (every diagnostic on standard output, as `nnet check` prints them, then a line on standard error).
 */
export function loadSpec(io: CliIO, command: string, file: string, purpose: string): LoadedSpec | number {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.err(describeReadError(file, error));
    return EXIT_USAGE;
  }
  const parsed = parseSpecFile(io, file, text);
  const { network, diagnostics } = parsed;
  if (network === null || hasErrors(diagnostics)) {
    for (const line of diagnosticLines(file, parsed)) io.out(line);
    io.err(`nnet ${command}: ${file} has errors; fix them to ${purpose}`);
    return EXIT_FAILURE;
  }
  for (const diagnostic of diagnostics) io.err(formatDiagnostic(file, diagnostic));
  return { text, parsed, network };
}
