import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATION_ENTRIES } from '../../../src/core/activations/registry';
import { COST_ENTRIES } from '../../../src/core/costs/registry';
import { traceToNotebook } from '../../../src/core/output/notebook';
import { codeNumbers, NOTEBOOK_CODE_LIMIT } from '../../../src/core/output/notebookCode';
import { runEngine } from '../../../src/core/engine/run';
import { PYTHON_ACTIVATIONS, PYTHON_COSTS } from '../../../src/core/output/python';
import type { StepAddress, Trace } from '../../../src/core/trace/types';
import { randomNetwork } from '../engine/networks';
import { everyNetwork, traceOf, type Case } from '../trace/everyNetwork';
import { HAS_NBFORMAT, HAS_NUMPY, runsWith, SYSTEM_PYTHON } from './externalTools';

/**
 * Issue 16: the notebook export validates against nbformat 4, and its Python cells, run in
 * order, recompute every quantity of the trace — z, a, cᵢ, ∂cᵢ/∂a, σ′, δ, ∂cᵢ/∂w, ∂cᵢ/∂b and the
 * parameters after the step — to within 1e-9 of the engine's, for every activation (hidden and
 * output) and every cost of the registries.
 */

interface Notebook {
  readonly cells: readonly { readonly cell_type: string; readonly source: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'nnet-notebook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function python(script: string, input = ''): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(SYSTEM_PYTHON, ['-c', script], { input, encoding: 'utf8', timeout: 300_000, maxBuffer: 256 << 20 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Validates each file with nbformat; prints one line per file, `ok` or the error. */
const VALIDATE = `
import sys, nbformat
for path in sys.stdin.read().split('\\n'):
    try:
        nbformat.validate(nbformat.read(path, as_version=4))
        print('ok')
    except Exception as error:
        print(path, type(error).__name__, str(error)[:500].replace('\\n', ' '))
`;

/** Runs each notebook's code cells in a fresh namespace and prints its arrays as one JSON line. */
const EXECUTE = `
import sys, json, io, contextlib
import numpy as np
for path in sys.stdin.read().split('\\n'):
    cells = json.load(open(path))['cells']
    space = {}
    with contextlib.redirect_stdout(io.StringIO()):
        for cell in cells:
            if cell['cell_type'] == 'code':
                exec(compile(cell['source'], path, 'exec'), space)
    out = {}
    for name in ['z', 'a', 'dc_da', 'dadz', 'delta', 'dc_dw', 'dc_db', 'W_new', 'b_new']:
        out[name] = {str(l): np.asarray(v).tolist() for l, v in space[name].items()}
    out['c_i'] = float(space['c_i'])
    print(json.dumps(out))
`;

type Arrays = Record<string, Record<string, number | number[] | number[][]>> & { c_i: number };

/** What the notebook computed for the quantity at `address`. */
function notebookValue(arrays: Arrays, { kind, layer, j, k }: StepAddress): number {
  const vector = (name: string) => (arrays[name][String(layer)] as number[])[j - 1];
  const matrix = (name: string) => (arrays[name][String(layer)] as number[][])[k - 1][j - 1];
  switch (kind) {
    case 'z':
      return vector('z');
    case 'a':
      return vector('a');
    case 'cost':
      return arrays.c_i;
    case 'dcda':
      return vector('dc_da');
    case 'dadz':
      return vector('dadz');
    case 'delta':
      return vector('delta');
    case 'dw':
      return matrix('dc_dw');
    case 'db':
      return vector('dc_db');
    case 'w-new':
      return matrix('W_new');
    case 'b-new':
      return vector('b_new');
  }
}

function mismatches(trace: Trace, arrays: Arrays): string[] {
  const out: string[] = [];
  for (let q = 0; q < trace.length; q++) {
    const step = trace.step(q);
    const got = notebookValue(arrays, step.address);
    if (!(Math.abs(got - step.value) <= 1e-9 * Math.max(1, Math.abs(step.value)))) out.push(`${step.symbolText}: notebook ${got}, engine ${step.value}`);
  }
  return out;
}

const CASES: Case[] = everyNetwork();

describe('every activation and cost has its Python', () => {
  it.each(ACTIVATION_ENTRIES.map((e) => e.name))('activation %s', (name) => {
    expect(PYTHON_ACTIVATIONS[name]?.value).toMatch(/return /);
    expect(PYTHON_ACTIVATIONS[name]?.slope).toMatch(/return /);
    // A coupled activation needs its Jacobian for δ.
    expect(Boolean(PYTHON_ACTIVATIONS[name]?.jacobian)).toBe(!ACTIVATION_ENTRIES.find((e) => e.name === name)!.elementwise);
  });
  it.each(COST_ENTRIES.map((e) => e.name))('cost %s', (name) => {
    expect(PYTHON_COSTS[name]?.value).toMatch(/return /);
    expect(PYTHON_COSTS[name]?.gradient).toMatch(/return /);
  });
});

describe('the notebook export', () => {
  it('is JSON with Markdown cells, and code cells only when asked', () => {
    const c = CASES[0];
    const trace = traceOf(c);
    const withCode = JSON.parse(traceToNotebook(c.network, c.result, trace)) as Notebook;
    const without = JSON.parse(traceToNotebook(c.network, c.result, trace, { code: false })) as Notebook;
    expect(withCode.cells.filter((cell) => cell.cell_type === 'code').length).toBe(trace.groups.length + 1);
    expect(without.cells.every((cell) => cell.cell_type === 'markdown')).toBe(true);
    expect(without.cells.map((cell) => cell.source).join('\n\n')).toContain('$$\\delta^{(2)}_{1} = ');
  });

  it('leaves the code out of a network too large to carry as numbers, and says so', () => {
    const network = randomNetwork(3, [400, 260, 2], ['relu', 'sigmoid'], 'squared', 1);
    expect(codeNumbers(network)).toBeGreaterThan(NOTEBOOK_CODE_LIMIT);
    const c: Case = { name: 'big', network, result: runEngine(network) };
    const notebook = JSON.parse(traceToNotebook(c.network, c.result, traceOf(c), { throughStep: 3 })) as Notebook;
    expect(notebook.cells.some((cell) => cell.cell_type === 'code')).toBe(false);
    expect(notebook.cells[0].source).toContain('The Python cells are left out');
  });
});

describe.runIf(runsWith(HAS_NBFORMAT))('nbformat', () => {
  it('validates the notebook of every activation and cost, with and without code, whole and up to a step', () => {
    expect(HAS_NBFORMAT, 'python3-nbformat is not installed for the system Python').toBe(true);
    const paths: string[] = [];
    CASES.forEach((c, q) => {
      const trace = traceOf(c);
      for (const [suffix, options] of [['', {}], ['-markdown', { code: false }], ['-partial', { throughStep: Math.floor(trace.length / 2) }]] as const) {
        const path = join(dir, `valid-${q}${suffix}.ipynb`);
        writeFileSync(path, traceToNotebook(c.network, c.result, trace, options));
        paths.push(path);
      }
    });
    const run = python(VALIDATE, paths.join('\n'));
    expect(run.stderr).toBe('');
    expect(run.stdout.trim().split('\n').filter((line) => line !== 'ok')).toEqual([]);
    expect(run.stdout.trim().split('\n')).toHaveLength(paths.length);
  }, 300_000);
});

describe.runIf(runsWith(HAS_NUMPY))('the Python cells', () => {
  it('reproduce every number of the trace to 1e-9, for every activation and cost', () => {
    expect(HAS_NUMPY, 'python3-numpy is not installed for the system Python').toBe(true);
    // The second example where there is one: the followed example is not always the first.
    const traces = CASES.map((c) => traceOf(c, 'from-to', c.network.examples.length - 1));
    const paths = CASES.map((c, q) => {
      const path = join(dir, `run-${q}.ipynb`);
      writeFileSync(path, traceToNotebook(c.network, c.result, traces[q]));
      return path;
    });
    const run = python(EXECUTE, paths.join('\n'));
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(CASES.length);
    const wrong = lines.flatMap((line, q) => mismatches(traces[q], JSON.parse(line) as Arrays).map((m) => `${CASES[q].name}: ${m}`));
    expect(wrong).toEqual([]);
  }, 300_000);
});
