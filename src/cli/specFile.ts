import { dirname, isAbsolute, join } from 'node:path';
import { NO_DATA_FILES } from '../core/data/files';
import type { Diagnostic } from '../core/diagnostics';
import { parseSpec, type ParseResult } from '../core/parser/parse';
import type { CliIO } from './command';

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
