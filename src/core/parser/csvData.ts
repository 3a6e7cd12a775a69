import type { Diagnostic } from '../diagnostics';
import { readCsvExamples, type ChosenColumn } from '../data/columns';
import type { CsvExample } from '../data/example';
import type { DataFiles } from '../data/files';
import { MAX_DATA_PROBLEMS, type DataProblem } from '../data/problem';
import type { CsvDataSource } from '../model/source';
import { thousands } from '../notation/count';
import type { Range } from '../text/range';
import type { DraftCsvSet } from './csvLine';
import { alternatives, counted } from './notation';
import type { Reporter } from './reporter';

/**
 * What one `data "FILE.csv" …` line comes to: the file read through the host's DataFiles,
 * its rows turned into examples (core/data/columns.ts) and checked against the network's sizes.
 *
 * Where each problem is shown:
 * - a problem in the CSV's text (a cell, a row, a header cell) goes to the file's own list,
 *   shown on the file (DataFileDiagnostics), and the `data` line gets one `data-file-problems`
 *   error that counts them and quotes the first, so the spec says why it does not run;
 * - a problem with the line's words (an unknown column name, rows out of range, a width that
 *   does not fit the network) is an `invalid-data-columns` error on that word;
 * - a file that cannot be read at all is an `unreadable-data-file` error on the path.
 */

/** The problems found in one data file, in that file's own positions, for the host to show on it. */
export interface DataFileDiagnostics {
  /** The path as the spec writes it. */
  readonly path: string;
  /** The host's name for the file (core/data/files.ts), or null when it was never found. */
  readonly id: string | null;
  /** The spec's `data` line that reads it: every problem's related place. */
  readonly line: Range;
  /** Empty when the file is fine; the host still watches it (`id`) to re-analyse on change. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface CsvSetResult {
  readonly examples: readonly CsvExample[];
  /** The hover's facts about the line, without `first` (the caller numbers the examples). */
  readonly source: Omit<CsvDataSource, 'first'>;
  readonly file: DataFileDiagnostics;
}

/** The network's input and output sizes, and how many more numbers the examples may hold. */
export interface CsvFit {
  readonly inputs: number;
  readonly outputs: number;
  readonly maxNumbers: number;
}

export function resolveCsvSet(set: DraftCsvSet, files: DataFiles, fit: CsvFit, reporter: Reporter): CsvSetResult {
  const base = { kind: 'csv' as const, line: set.line, path: set.path, pathRange: set.pathRange };
  const read = safeRead(files, set.path);
  if (read.kind === 'problem') {
    reporter.report('unreadable-data-file', set.pathRange, read.message);
    return {
      examples: [],
      source: { ...base, id: read.id, count: 0, x: [], y: [], classes: null, rowCount: null, rows: null },
      file: { path: set.path, id: read.id, line: set.line, diagnostics: [] },
    };
  }
  const fileName = `\`${set.path}\``;
  const data = readCsvExamples(read.text, { x: set.x, y: set.y, onehot: set.onehot, rows: set.rows }, { fileName, maxNumbers: fit.maxNumbers });
  const inFile: Diagnostic[] = [];
  for (const problem of data.problems) {
    if (problem.range !== null) inFile.push({ code: problem.code, severity: 'error', range: problem.range, message: problem.message });
    else if (problem.code === 'csv-too-large') reporter.report('examples-too-large', set.line, problem.message);
    else reporter.report('invalid-data-columns', wordOf(set, problem), problem.message, fixOf(set, problem));
  }
  // The width is checked only when the columns themselves are sound: a column left out by a
  // problem above would make a second, misleading message.
  if (data.problems.length === 0) checkWidth(set, data.x, data.y, data.classes, fit, reporter);
  if (inFile.length > 0) reporter.report('data-file-problems', set.line, summary(set.path, inFile));
  const sound = data.problems.length === 0 && fitsNetwork(set, data.x, data.y, data.classes, fit);
  const examples = sound ? data.examples : [];
  return {
    examples,
    source: { ...base, id: read.id, count: examples.length, x: data.x.map(column), y: data.y.map(column), classes: data.classes, rowCount: data.rowCount, rows: data.rows },
    file: { path: set.path, id: read.id, line: set.line, diagnostics: inFile },
  };
}

/** A host's reader never throws by contract; one that does still gives a positioned problem, not a crash. */
function safeRead(files: DataFiles, path: string): ReturnType<DataFiles['read']> {
  try {
    return files.read(path);
  } catch (error) {
    return { kind: 'problem', id: null, message: `cannot read \`${path}\`: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function column(chosen: ChosenColumn): { number: number; name: string } {
  return { number: chosen.number, name: chosen.name };
}

/** Whether the columns give exactly n_0 inputs and n_L targets (reported by checkWidth). */
function fitsNetwork(set: DraftCsvSet, x: readonly ChosenColumn[], y: readonly ChosenColumn[], classes: readonly string[] | null, fit: CsvFit): boolean {
  return x.length === fit.inputs && (set.onehot ? (classes?.length ?? 0) === fit.outputs : y.length === fit.outputs);
}

function checkWidth(set: DraftCsvSet, x: readonly ChosenColumn[], y: readonly ChosenColumn[], classes: readonly string[] | null, fit: CsvFit, reporter: Reporter): void {
  if (x.length !== fit.inputs)
    reporter.report(
      'invalid-data-columns',
      spanOf(set.xKeyword, set.xRanges),
      `\`x\` chooses ${counted(x.length, 'column')}, but the network has ${counted(fit.inputs, 'input')} (layer 0): choose one column per input`,
    );
  if (set.onehot && classes !== null && classes.length !== fit.outputs) {
    const listed = classes.length <= 8 ? ` (${alternatives(classes.map((c) => `'${c}'`)).replace(' or ', ' and ')})` : '';
    reporter.report(
      'invalid-data-columns',
      spanOf(set.yKeyword, set.yRanges),
      `the class column holds ${counted(classes.length, 'class', 'classes')}${listed}, so its one-hot targets need ${counted(classes.length, 'output')}, but the output layer has ${counted(fit.outputs, 'neuron')}: give it ${classes.length}`,
    );
  } else if (!set.onehot && y.length !== fit.outputs)
    reporter.report(
      'invalid-data-columns',
      spanOf(set.yKeyword, set.yRanges),
      `\`y\` chooses ${counted(y.length, 'column')}, but the network has ${counted(fit.outputs, 'output')} (the last layer): choose one column per output${fit.outputs > 1 && y.length === 1 ? ', or add `onehot` if the column holds class names' : ''}`,
    );
}

/** The word of the line a problem without a place in the CSV is about. */
function wordOf(set: DraftCsvSet, problem: DataProblem): Range {
  const at = problem.selection;
  if (at === undefined) return set.line;
  switch (at.part) {
    case 'x':
      return set.xRanges[at.index] ?? set.xKeyword;
    case 'y':
      return set.yRanges[at.index] ?? set.yKeyword;
    case 'rows':
      return set.rowsRange ?? set.line;
    default:
      return set.line;
  }
}

function fixOf(set: DraftCsvSet, problem: DataProblem): Diagnostic['fix'] {
  if (problem.suggestion === undefined || problem.selection === undefined) return undefined;
  const range = wordOf(set, problem);
  return range === set.line ? undefined : { title: `Change to '${problem.suggestion}'`, range, newText: problem.suggestion };
}

function spanOf(keyword: Range, words: readonly Range[]): Range {
  return { start: keyword.start, end: words.length > 0 ? words[words.length - 1].end : keyword.end };
}

/** The `data` line's one error about the problems shown on its file. */
function summary(path: string, problems: readonly Diagnostic[]): string {
  const first = problems[0];
  const at = `line ${first.range.start.line + 1}, column ${first.range.start.character + 1}`;
  if (problems.length === 1) return `\`${path}\` has a problem, shown on the file, at ${at}: ${first.message}`;
  const many = problems[problems.length - 1].code === 'csv-more-problems';
  const howMany = many ? `more than ${thousands(MAX_DATA_PROBLEMS)}` : thousands(problems.length);
  return `\`${path}\` has ${howMany} problems, shown on the file; the first, at ${at}: ${first.message}`;
}
