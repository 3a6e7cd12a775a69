import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceCommand } from '../../../src/cli/trace';
import type { CliIO } from '../../../src/cli/command';

const MAZUR = 'examples/mazur.nnet';

/** Runs `nnet trace` in-process, with files from the repository or given texts. */
async function trace(args: string[], files: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (path) => files[path] ?? readFileSync(path, 'utf8'),
  };
  const code = await traceCommand.run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('nnet trace', () => {
  it('prints the Mazur trace as text', async () => {
    const { code, out } = await trace([MAZUR]);
    expect(code).toBe(0);
    expect(out).toContain('δ⁽²⁾₁ = ∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁) = (a⁽²⁾₁ − yᵢ₁) · a⁽²⁾₁(1 − a⁽²⁾₁) = 0.741365 × 0.186816 = 0.138499');
    expect(out).toContain('after the step c = 0.280471');
  });

  it('prints JSON of the documented shape', async () => {
    const { code, out } = await trace(['--json', MAZUR]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.layers).toEqual([
      { size: 2, activation: null },
      { size: 2, activation: 'sigmoid' },
      { size: 2, activation: 'sigmoid' },
    ]);
    expect(json.cost).toBeCloseTo(0.298371109, 9);
    const [example] = json.examples;
    expect(example.x).toEqual([0.05, 0.1]);
    expect(example.y).toEqual([0.01, 0.99]);
    expect(example.cost).toBeCloseTo(0.298371109, 9);
    expect(example.z[0]).toBeNull();
    expect(example.a[0]).toEqual([0.05, 0.1]);
    expect(example.a[1][0]).toBeCloseTo(0.593269992, 9);
    expect(example.delta[0]).toBeNull();
    expect(example.delta[2][1]).toBeCloseTo(-0.038098237, 9);
    expect(example.dw[0]).toBeNull();
    expect(example.dw[2][0][0]).toBeCloseTo(0.082167041, 9);
    expect(example.dw[1][0][0]).toBeCloseTo(0.000438568, 9);
    expect(example.db[1][0]).toBeCloseTo(0.008771355, 9);
    expect(json.gradient.w[0]).toBeNull();
    expect(json.gradient.w[2][0][0]).toBeCloseTo(0.082167041, 9);
    expect(json.gradient.b[2]).toHaveLength(2);
    expect(json.updated.w[1][0][0]).toBeCloseTo(0.149780716, 9);
    expect(json.updated.b[2][1]).toBeCloseTo(0.619049118, 9);
    expect(json.updated.cost).toBeCloseTo(0.280471447, 9);
  });

  it('prints a Markdown worked solution', async () => {
    const { code, out } = await trace(['--markdown', MAZUR]);
    expect(code).toBe(0);
    expect(out).toContain('# Backpropagation, step by step');
    expect(out).toContain('## Backward pass');
    expect(out).toContain(
      "$$\\delta^{(2)}_{1} = \\frac{\\partial c_i}{\\partial a^{(2)}_{1}} \\cdot \\sigma'(z^{(2)}_{1}) = (a^{(2)}_{1} - y_{i1}) \\cdot a^{(2)}_{1}\\,(1 - a^{(2)}_{1}) = 0.741365 \\times 0.186816 = 0.138499$$",
    );
  });

  it('prints the diagnostics of a spec with errors and exits 1', async () => {
    const { code, out, err } = await trace(['bad.nnet'], { 'bad.nnet': 'layer 0: 2 inputs\nlayer 1: 2 sigmoid\n  w 1 2\nexample x 1 y\n' });
    expect(code).toBe(1);
    expect(out).toMatch(/^bad\.nnet:3:3: error: /m);
    expect(err).not.toMatch(/at .*\(.*:\d+:\d+\)/);
  });

  it('names a numeric failure and exits 1', async () => {
    const spec = 'cost squared\nlayer 0: 1 inputs\nlayer 1: 1 linear\n  w 1e300\n  b 0\nexample x 1e300 y 0\n';
    const { code, err } = await trace(['huge.nnet'], { 'huge.nnet': spec });
    expect(code).toBe(1);
    expect(err).toContain('numeric failure: z⁽¹⁾₁ of example 1 is Infinity');
  });

  it('rejects a missing example', async () => {
    const { code, err } = await trace(['--example', '3', MAZUR]);
    expect(code).toBe(2);
    expect(err).toContain('there is no example 3');
  });
});

/**
 * The `nnet` command as shipped: src/cli/main.ts bundled with the options scripts/build.mjs uses
 * for dist/cli.js, built here from the current source so the test never skips when dist/ is
 * missing and never passes on a stale build. A failed build fails the test.
 */
describe('the bundled nnet command', () => {
  let folder: string;
  let cli: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'backprop-cli-'));
    cli = join(folder, 'cli.js');
    await esbuild.build({
      entryPoints: ['src/cli/main.ts'], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'es2022',
      banner: { js: '#!/usr/bin/env node' }, logLevel: 'warning',
    });
  }, 60_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('runs without a stack trace', () => {
    const run = spawnSync(process.execPath, [cli, 'trace', '/nonexistent/x.nnet'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("cannot read '/nonexistent/x.nnet'");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const ok = spawnSync(process.execPath, [cli, 'trace', '--json', MAZUR], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).updated.cost).toBeCloseTo(0.280471447, 9);
  });
});
