import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/main';
import { ACTIVATION_ENTRIES } from '../../../src/core/activations/registry';
import { COST_ENTRIES, costFitsOutput } from '../../../src/core/costs/registry';
import { DEFAULT_TOLERANCE } from '../../../src/core/gradientCheck/judge';
import { nodeDataFiles } from '../../../src/node/dataFiles';
import { randomNetwork } from '../engine/networks';
import { specText } from './specText';

/** `nnet gradcheck` through the dispatcher, with the file system and the streams replaced. */

const ROOT = join(__dirname, '../../..');

async function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (path) => files[path] ?? readFileSync(join(ROOT, path), 'utf8'),
    dataFiles: (path) => nodeDataFiles({ specPath: join(ROOT, path) }),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('nnet gradcheck on the shipped examples', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.nnet'));

  it.each(examples)('%s passes with the default tolerance, every parameter checked', async (file) => {
    const result = await run(['gradcheck', `examples/${file}`]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/all checked/);
    expect(result.out).toMatch(/^Passed: all of [\d,]+ checked parameters within the tolerance 0\.0001/m);
  });

  it.each(examples)('%s fails under a tolerance of 1e-14, naming the worst parameter', async (file) => {
    const result = await run(['gradcheck', '--tolerance', '1e-14', '--json', `examples/${file}`]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.passed).toBe(false);
    const worst = report.rows.find((row: { verdict: string }) => row.verdict === 'fail');
    expect(report.worst).toEqual(worst);
    // Worst first: no failing row has a larger error than the named one.
    for (const row of report.rows) if (row.verdict === 'fail') expect(row.relativeError).toBeLessThanOrEqual(worst.relativeError);
    expect(result.err).toContain(`nnet gradcheck: ${worst.parameter}, relative error`);
    expect(result.err).toContain('exceeds the tolerance 1×10⁻¹⁴');
  });
});

describe('nnet gradcheck on every activation and cost', () => {
  // Read from the registries, as test/unit/engine/gradient.test.ts does: every output activation
  // with every cost it may pair with, behind two hidden layers of every element-wise activation.
  const cases: { name: string; text: string }[] = [];
  let seed = 1;
  for (const output of ACTIVATION_ENTRIES)
    for (const cost of COST_ENTRIES.filter((c) => costFitsOutput(c, output)))
      for (const hidden of ACTIVATION_ENTRIES.filter((a) => a.elementwise))
        cases.push({ name: `${hidden.name} → ${output.name}, ${cost.name}`, text: specText(randomNetwork(seed++, [3, 5, 4, 3], [hidden.name, hidden.name, output.name], cost.name, 5)) });

  it.each(cases)('$name passes', async ({ text }) => {
    const result = await run(['gradcheck', '--json', 'net.nnet'], { 'net.nnet': text });
    const report = JSON.parse(result.out);
    expect(report.failures, JSON.stringify(report.worst)).toBe(0);
    expect(result.code).toBe(0);
    expect(report.checked).toBe(3 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3);
    expect(report.sampled).toBe(false);
    for (const row of report.rows) if (row.verdict === 'pass') expect(row.relativeError).toBeLessThanOrEqual(DEFAULT_TOLERANCE);
  });

  it('covers every activation and every cost', () => {
    for (const entry of ACTIVATION_ENTRIES) expect(cases.some((c) => c.name.includes(entry.name))).toBe(true);
    for (const entry of COST_ENTRIES) expect(cases.some((c) => c.name.endsWith(entry.name))).toBe(true);
  });
});

describe('nnet gradcheck on a network too large to check whole', () => {
  // 40-300-10 with 30 examples: 15,310 parameters; one forward pass is 30 · 15,000 multiply-adds.
  const sizes = [40, 300, 10];
  const text = specText(randomNetwork(5, sizes, ['tanh', 'sigmoid'], 'half-squared', 30, 0.2));

  it('checks a stated sample, every layer represented, within the budget', async () => {
    const result = await run(['gradcheck', 'big.nnet'], { 'big.nnet': text });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/15,310 parameters, a sample of [\d,]+ of them checked/);
    expect(result.out).toMatch(/This is a sample of [\d,]+ of the 15,310 parameters/);
    const json = JSON.parse((await run(['gradcheck', '--json', 'big.nnet'], { 'big.nnet': text })).out);
    expect(json.sampled).toBe(true);
    // The budget: 10⁸ multiply-adds, two forward passes a probe after about four for the gradient.
    const pass = 30 * (40 * 300 + 300 * 10);
    expect((4 + 2 * json.checked) * pass).toBeLessThanOrEqual(1e8);
    expect(json.checked).toBeGreaterThan(100);
    for (const layer of [1, 2]) for (const kind of ['w', 'b']) expect(json.rows.some((row: { layer: number; kind: string }) => row.layer === layer && row.kind === kind), `${kind}${layer}`).toBe(true);
  });

  it('is the same sample every time, and --sample sets its size', async () => {
    const once = JSON.parse((await run(['gradcheck', '--json', '--sample', '25', 'big.nnet'], { 'big.nnet': text })).out);
    const again = JSON.parse((await run(['gradcheck', '--json', '--sample', '25', 'big.nnet'], { 'big.nnet': text })).out);
    expect(once.checked).toBe(25);
    expect(once.rows).toEqual(again.rows);
  });
});

describe('nnet gradcheck usage', () => {
  it('rejects a tolerance that is not a positive number, with exit code 2', async () => {
    for (const bad of ['0', '-1', 'x', '']) {
      const result = await run(['gradcheck', '--tolerance', bad, 'examples/mazur.nnet']);
      expect(result.code).toBe(2);
      expect(result.err).toContain('--tolerance expects a positive number');
    }
  });

  it('rejects a spec with errors with exit code 1, and a missing file with 2', async () => {
    const broken = await run(['gradcheck', 'bad.nnet'], { 'bad.nnet': 'layer 0: 2 inputs\nlayer 1: 2 sigmoidd\n' });
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('has errors');
    expect((await run(['gradcheck', 'examples/no-such.nnet'])).code).toBe(2);
  });

  it('exits 0 on a saturated output, marking its parameters clamped, and counts them in --json', async () => {
    // z = 30: 1 − a ≈ 9·10⁻¹⁴, below the clamp of ln(1 − a) for the target 0.
    const files = { 'clamp.nnet': 'cost binary-cross-entropy\nlayer 0: 1 inputs\nlayer 1: 1 sigmoid\n  w 30\n  b 0\nexample x 1 y 0\n' };
    const text = await run(['gradcheck', 'clamp.nnet'], files);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^w⁽¹⁾₁₁ +0\.0934\d+ +0 +1 +clamped$/m);
    expect(text.out).toMatch(/^Passed: none of 2 checked parameters fails the tolerance 0\.0001 \(2 marked clamped\)\.$/m);
    const json = JSON.parse((await run(['gradcheck', '--json', 'clamp.nnet'], files)).out);
    expect(json).toMatchObject({ passed: true, failures: 0, kinks: 0, clamped: 2, worst: null });
  });

  it('is listed in nnet --help with its default tolerance in its own help', async () => {
    expect((await run(['--help'])).out).toMatch(/^ {2}gradcheck +check backprop's gradient/m);
    expect((await run(['gradcheck', '--help'])).out).toContain('--tolerance T  the largest relative error that passes (default 0.0001)');
  });
});
