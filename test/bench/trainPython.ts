/**
 * The Python contenders of `npm run bench train`: PyTorch float64 autograd and a hand-written
 * NumPy float64 backprop (python/train_torch.py, python/train_numpy.py), run with spawnSync when
 * a Python with Debian's python3-torch and python3-numpy is found.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Network } from '../../src/core/model/network';
import type { BenchShape } from './shapes';
import { CHECK_STEPS, timingFor, type StepResult } from './trainTiming';

export interface PythonReply {
  readonly executable: string;
  readonly python: string;
  readonly library: string;
  readonly blas: { name: string; core: string | null; threads: number | null; paths: string[] };
  readonly results: (StepResult & { label: string; threads: number })[];
}

/**
 * Writes a shape's network as raw float64 files and a manifest for the Python scripts
 * (python/common.py describes the layout). Returns the manifest's path.
 */
export function writeManifest(directory: string, s: number, shape: BenchShape, network: Network): string {
  const file = (name: string, values: ArrayLike<number>) => {
    const path = join(directory, `${s}-${name}.f64`);
    writeFileSync(path, new Uint8Array(Float64Array.from(values).buffer));
    return path;
  };
  const layers = network.layers.slice(1);
  const entry = {
    label: shape.label,
    sizes: shape.sizes,
    activations: shape.activations,
    examples: network.examples.length,
    learningRate: network.learningRate,
    timing: timingFor(shape),
    x: file('x', network.examples.flatMap((e) => Array.from(e.x))),
    y: file('y', network.examples.flatMap((e) => Array.from(e.y))),
    w: layers.map((layer, l) => file(`w${l + 1}`, layer.weights)),
    b: layers.map((layer, l) => file(`b${l + 1}`, layer.biases)),
  };
  const manifest = join(directory, `${s}-manifest.json`);
  writeFileSync(manifest, JSON.stringify({ checkSteps: CHECK_STEPS, shapes: [entry] }));
  return manifest;
}

/** Interpreters to try, in order: $BENCH_PYTHON alone when set, else `python3` and then Debian's own /usr/bin/python3. */
export function pythonCandidates(): string[] {
  if (process.env.BENCH_PYTHON) return [process.env.BENCH_PYTHON];
  return [...new Set(['python3', '/usr/bin/python3'])];
}

export const INSTALL = 'sudo apt-get install -y python3-numpy python3-torch libopenblas0-pthread';

/**
 * One Python contender, run once per shape (spawnSync, so its figures are taken beside ours for
 * the same shape) with the first interpreter that has its library; once none has, it is skipped.
 */
export class PythonContender {
  /** The interpreter that has the library; null once none has; undefined until the first run. */
  python: string | null | undefined;

  constructor(
    private readonly what: string,
    private readonly script: string,
    private readonly args: readonly string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly setting: string,
    private readonly candidates: () => string[],
  ) {}

  run(manifest: string): PythonReply | null {
    if (this.python === null) return null;
    const problems: string[] = [];
    for (const python of this.python ? [this.python] : this.candidates()) {
      const result = spawnSync(python, [resolve('test/bench/python', this.script), manifest, ...this.args], {
        encoding: 'utf8',
        // No __pycache__ left in test/bench/python.
        env: { ...this.env, PYTHONDONTWRITEBYTECODE: '1' },
        timeout: 120_000,
        maxBuffer: 1 << 24,
      });
      if (result.error || result.status !== 0) {
        const why = result.error ? result.error.message : `exit ${result.status}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`;
        problems.push(`${python}: ${why}`);
        if (this.python) break;
        continue;
      }
      const reply = JSON.parse(result.stdout.trim().split('\n').pop()!) as PythonReply | { missing: string };
      if ('missing' in reply) {
        problems.push(`${python}: no module ${reply.missing}`);
        continue;
      }
      if (this.python === undefined) this.describe(reply);
      this.python = python;
      return reply;
    }
    if (this.python) console.log(`(${this.what} failed on this shape: ${problems.join('; ')})`);
    else {
      console.log(`(${this.what} skipped: ${problems.join('; ')}. To compare, install it: ${INSTALL})`);
      this.python = null;
    }
    return null;
  }

  private describe(reply: PythonReply): void {
    const { blas } = reply;
    const blasText = blas.core ? `${blas.name.split(' ').slice(0, 2).join(' ')} with its ${blas.core} kernels` : `${blas.name} (${blas.paths.join(', ') || 'no BLAS library seen'})`;
    console.log(`${this.what}: ${reply.library}, Python ${reply.python} (${reply.executable}); float64 products in ${blasText}; ${this.setting}`);
    if (!blas.core) console.log(`  (not OpenBLAS: these figures are not the ceiling they are meant to be; ${INSTALL})`);
  }
}

/** The environment of the NumPy run: one OpenBLAS thread, and OpenBLAS's own choice of kernels and cache sizes. */
export function numpyEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}
