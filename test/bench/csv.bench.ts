/**
 * `npm run bench csv`: reading and checking a CSV file of 100,000 rows × 10 columns with the
 * core's reader, readCsvExamples (src/core/data/columns.ts): the CSV tokenizer, the column
 * selection, every number read and checked, and the examples made. Budget: 1 s median per read
 * (the acceptance of CSV data: "a CSV of 100,000 rows × 10 columns is read and checked in under
 * a second").
 *
 *   - numbers: x = columns 1-9, y = column 10, every cell a number such as `-1.234567`;
 *   - onehot: x = columns 1-9, y = c10 onehot, where c10 holds one of three class names;
 *   - parse: a spec reading the numbers file, through the whole parser (parseCase below).
 *
 * Each case runs in a child process of its own (this bundle, started with the case's name), so
 * its peak resident memory is its own. Besides the wall-clock median, the process's CPU time per
 * read is reported (as parse.bench.ts does), which other processes on a busy machine do not
 * inflate. Memory is reported two ways: what one result keeps alive, its heap and its typed
 * arrays' buffers (measured around a read with the garbage collected before and after; bench.mjs
 * starts Node with --expose-gc), and the child's peak resident memory, which includes the text
 * (about 9 MB), the warm-up reads and the garbage of the timed ones.
 *
 * The text is generated from a fixed seed, so every run reads the same file; a few cells are
 * quoted (`"0.123456"`, `"setosa"`), and one in 1,000 cells has spaces around it.
 */
import { spawnSync } from 'node:child_process';
import { readCsvExamples, type CsvData } from '../../src/core/data/columns';
import type { DataFiles } from '../../src/core/data/files';
import { columnRef, type CsvSelection } from '../../src/core/data/selection';
import { parseSpec } from '../../src/core/parser/parse';
import { prng } from '../unit/engine/networks';
import { budget, cpuMedian, report, measure, type Timing } from './harness';

const ROWS = 100_000;
const COLUMNS = 10;
const CLASSES = ['setosa', 'versicolor', 'virginica'];
const BUDGET_MS = 1000;

/** The text of the file: header c1 … c10, then ROWS rows; column 10 holds class names when `classes`. */
function csvText(classes: boolean): string {
  const random = prng(2024);
  const lines: string[] = [Array.from({ length: COLUMNS }, (_, c) => `c${c + 1}`).join(',')];
  const cells: string[] = new Array<string>(COLUMNS);
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLUMNS; c++) {
      let cell = classes && c === COLUMNS - 1 ? CLASSES[Math.floor(random() * CLASSES.length)] : ((random() * 2 - 1) * 5).toFixed(6);
      const kind = random();
      if (kind < 0.001) cell = `"${cell}"`;
      else if (kind < 0.002) cell = ` ${cell} `;
      cells[c] = cell;
    }
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

interface Case {
  readonly name: string;
  /** Run in the child: prepares what it needs (not timed), then times it. */
  readonly run: () => CaseResult;
}

interface CaseResult {
  readonly timing: Timing;
  /** What was read, for the report line. */
  readonly summary: string;
  /** Memory held by one result, in MB. */
  readonly resultMB: number;
  /** Median CPU time of the process per read, in ms. */
  readonly cpuMs: number;
  readonly textMB: number;
}

const NUMBERS: CsvSelection = { x: [columnRef('1-9')], y: [columnRef('10')], onehot: false, rows: null };
const ONEHOT: CsvSelection = { x: [columnRef('1-9')], y: [columnRef('c10')], onehot: true, rows: null };

/**
 * Fails the case unless every row became an example with no problem, and a few examples hold
 * exactly the numbers (and class) of their row, as Number() reads them from the text.
 */
function check(data: CsvData, text: string, label: string, classes: boolean): void {
  if (data.problems.length > 0) throw new Error(`${label}: unexpected problem: ${data.problems[0].message}`);
  if (data.examples.length !== ROWS || data.rowCount !== ROWS) throw new Error(`${label}: ${data.examples.length} examples of ${data.rowCount} rows, expected ${ROWS}`);
  const lines = text.split('\n');
  for (const i of [0, 1, ROWS >> 1, ROWS - 1]) {
    const cells = lines[i + 1].split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    const { x, y } = data.examples[i];
    const expectedY = classes ? CLASSES.map((_, j) => (data.classes![j] === cells[COLUMNS - 1] ? 1 : 0)) : [Number(cells[COLUMNS - 1])];
    const same = x.length === COLUMNS - 1 && x.every((value, k) => value === Number(cells[k])) && y.length === expectedY.length && y.every((value, j) => value === expectedY[j]);
    if (!same) throw new Error(`${label}: example ${i + 1} is (${x.join(', ')}; ${y.join(', ')}), not row ${i + 1}: ${lines[i + 1]}`);
  }
}

/** Memory kept alive by the value `make` returns, in MB: its heap and its typed arrays' buffers (needs --expose-gc; NaN without it). */
function retainedMB(make: () => unknown): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return NaN;
  const used = (): number => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  gc();
  const before = used();
  const kept = make();
  gc();
  const after = used();
  if (kept === null) throw new Error('unreachable'); // keeps `kept` alive across the second gc
  return (after - before) / 2 ** 20;
}

/** A case that times readCsvExamples on a generated text. */
function readCase(name: string, classes: boolean, selection: CsvSelection, describe: (data: CsvData) => string): Case {
  return {
    name,
    run: () => {
      const text = csvText(classes);
      const read = (): CsvData => readCsvExamples(text, selection, { fileName: 'bench.csv' });
      const data = read();
      check(data, text, name, classes);
      const resultMB = retainedMB(read);
      const timing = measure(name, read, { warmup: 2, runs: 11, maxTotalMs: 15_000 });
      return { timing, summary: describe(data), resultMB, cpuMs: cpuMedian(read, 7), textMB: text.length / 2 ** 20 };
    },
  };
}

const CASES: readonly Case[] = [
  readCase('read 100,000 × 10 CSV, x 1-9 y 10', false, NUMBERS, (data) => `${data.examples.length.toLocaleString('en')} examples of 9 inputs and 1 target`),
  readCase('read 100,000 × 10 CSV, x 1-9 y c10 onehot', true, ONEHOT, (data) => `${data.examples.length.toLocaleString('en')} examples, classes ${data.classes!.join(', ')}`),
  parseCase(),
];

/**
 * The whole parser: a 9-8-1 spec whose `data "bench.csv" x 1-9 y 10` line reads the file through
 * parseSpec and a DataFiles (src/core/data/files.ts), so the reading, the checks against the
 * network and the assembly of 100,000 examples are timed together, as the analysis worker and
 * `nnet check` run them (the file's text is in memory: disk reads are not the parser's cost).
 */
function parseCase(): Case {
  const name = 'parse a spec reading the 100,000 × 10 CSV';
  return {
    name,
    run: () => {
      const text = csvText(false);
      const spec = 'layer 0: 9 inputs\nlayer 1: 8 tanh\nlayer 2: 1 linear\ndata "bench.csv" x 1-9 y 10\n';
      const files: DataFiles = { read: () => ({ kind: 'text', text, id: '/bench/bench.csv' }) };
      const parse = () => parseSpec(spec, { files });
      const first = parse();
      if (first.network === null || first.network.examples.length !== ROWS) throw new Error(`${name}: ${first.diagnostics[0]?.message ?? 'no network'}`);
      const resultMB = retainedMB(parse);
      const timing = measure(name, parse, { warmup: 2, runs: 11, maxTotalMs: 15_000 });
      return { timing, summary: `${ROWS.toLocaleString('en')} examples in a 9-8-1 network`, resultMB, cpuMs: cpuMedian(parse, 7), textMB: text.length / 2 ** 20 };
    },
  };
}

/** In the child: runs one case and prints its figures as one line of JSON. */
function runCase(name: string): void {
  const which = CASES.find((c) => c.name === name);
  if (which === undefined) throw new Error(`no case named ${name}`);
  const result = which.run();
  console.log(JSON.stringify({ ...result, peakMB: process.resourceUsage().maxRSS / 1024 }));
}

function main(): void {
  let ok = true;
  for (const c of CASES) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--case', c.name], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      console.log(`${c.name}: FAILED: ${child.stderr.trim()}`);
      ok = false;
      continue;
    }
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as CaseResult & { peakMB: number };
    console.log(`${c.name}: ${result.summary} from ${result.textMB.toFixed(1)} MB of text`);
    report(result.timing);
    console.log(`  (process CPU time per read, which other processes on a busy machine do not inflate: median ${result.cpuMs.toFixed(1)} ms)`);
    console.log(`  memory: one result keeps ${result.resultMB.toFixed(1)} MB (heap and array buffers); peak resident memory of the process ${result.peakMB.toFixed(0)} MB`);
    budget(result.timing, BUDGET_MS);
  }
  // A MISS is a printed line, as in every bench; only a case that fails to run fails the bench.
  if (!ok) process.exitCode = 1;
}

const at = process.argv.indexOf('--case');
if (at >= 0) runCase(process.argv[at + 1]);
else main();
