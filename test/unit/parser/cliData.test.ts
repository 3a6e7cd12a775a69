import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../dap/dapClient';

/**
 * `nnet check` and `nnet trace` on specs that read CSV files, run as shipped (the CLI bundled
 * from the current source, in a child process): the data file is found beside the spec, a
 * problem inside it is printed under its own path, and a path that is no regular file is
 * refused at once instead of being read.
 */

const IRIS = resolve('examples/iris.nnet');
let cli = '';
let bundle = '';
let work = '';

beforeAll(async () => {
  ({ cli, folder: bundle } = await buildCli());
  work = mkdtempSync(join(tmpdir(), 'nnet-data-'));
});

afterAll(() => {
  rmSync(bundle, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI; the timeout only keeps a hang from stalling the suite (a hang fails the test). */
function nnet(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: work, timeout: 20_000 });
  expect(run.signal, 'the CLI hung and was killed').toBeNull();
  return { code: run.status, out: run.stdout.trimEnd().split('\n'), err: run.stderr.trim() };
}

function spec(name: string, path: string): string {
  const file = join(work, name);
  writeFileSync(file, `layer 0: 4 inputs\nlayer 1: 3 softmax\ncost cross-entropy\ndata "${path}" x 1-4 y species onehot\n`);
  return file;
}

describe('nnet check with data files', () => {
  it('finds the iris example clean, with its 150 rows as examples', () => {
    const result = nnet('check', IRIS);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`${IRIS}: 4-5-3 network, 43 parameters, 150 examples: no problems`]);
  });

  it('prints a problem inside the CSV under the CSV\'s path, then the summary on the spec', () => {
    const csv = readFileSync('examples/iris.csv', 'utf8').split('\n');
    csv[3] = csv[3].replace(/^[0-9.]+/, '4.x');
    writeFileSync(join(work, 'broken.csv'), csv.join('\n'));
    const file = spec('broken.nnet', 'broken.csv');
    const result = nnet('check', 'broken.nnet');
    expect(result.code).toBe(1);
    expect(result.out[0]).toBe(`broken.csv:4:1: error: row 3, column 1 ('sepal_length'): '4.x' is not a number, but \`x\` takes numbers such as 1.5, -2 or 3e-4. Correct the cell, or leave the column out of \`x\``);
    expect(result.out[1]).toMatch(/^broken\.nnet:4:1: error: `broken.csv` has a problem, shown on the file, at line 4, column 1: /);
    expect(result.out[2]).toBe('broken.nnet: 1 error, 0 warnings');
    expect(file).toContain(work);
  });

  it('refuses a FIFO and /dev/zero without reading them', () => {
    const fifo = join(work, 'pipe.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    spec('fifo.nnet', 'pipe.csv');
    const fromFifo = nnet('check', 'fifo.nnet');
    expect(fromFifo.code).toBe(1);
    expect(fromFifo.out[0]).toMatch(/^fifo\.nnet:4:6: error: `pipe.csv` is a named pipe, not a regular file/);
    spec('zero.nnet', '/dev/zero');
    const fromZero = nnet('check', 'zero.nnet');
    expect(fromZero.code).toBe(1);
    expect(fromZero.out[0]).toMatch(/^zero\.nnet:4:6: error: `\/dev\/zero` is a device, not a regular file/);
  });
});

describe('nnet trace with data files', () => {
  it('traces an example read from the CSV', () => {
    const result = nnet('trace', '--example', '51', IRIS);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^Iris species: 4-5-3 network, cost cross-entropy, η = 0\.1; example 51 of 150 · iris\.csv, row 51 \(line 52\)$/);
    // Row 51 of iris.csv, the first versicolor: 7.0, 3.2, 4.7, 1.4.
    expect(result.out.join('\n')).toMatch(/× 7 \+ .* × 3\.2 \+ .* × 4\.7 \+ .* × 1\.4 \+ 0 = /);
  });

  it('says which file stops it', () => {
    copyFileSync('examples/iris.csv', join(work, 'short.csv'));
    spec('missing.nnet', 'nothere.csv');
    const result = nnet('trace', 'missing.nnet');
    expect(result.code).toBe(1);
    expect(result.out[0]).toBe(`missing.nnet:4:6: error: cannot find \`nothere.csv\` (looked for ${join(work, 'nothere.csv')})`);
  });
});

describe('a spec read from standard input (`-`)', () => {
  it('is checked and traced like a file, and its data files are found in the working directory', () => {
    const stdin = (input: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: work, input, timeout: 20_000 });
    copyFileSync('examples/iris.csv', join(work, 'iris.csv'));
    const checked = stdin(readFileSync(IRIS, 'utf8'), 'check', '-');
    expect(checked.signal).toBeNull();
    expect([checked.status, checked.stdout.trimEnd()]).toEqual([0, '-: 4-5-3 network, 43 parameters, 150 examples: no problems']);
    const traced = stdin(readFileSync('examples/mazur.nnet', 'utf8'), 'trace', '--json', '-');
    expect(traced.status).toBe(0);
    expect(JSON.parse(traced.stdout).cost).toBeCloseTo(0.298371109, 8);
  });
});
