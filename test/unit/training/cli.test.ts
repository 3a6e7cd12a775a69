import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeProductThreads } from '../../../src/node/productThreads';
import { bundledWorkers, PRODUCT_THREAD_ENTRY } from '../bundledWorkers';
import { generateSpec } from '../parser/generate';
import type { CliIO } from '../../../src/cli/command';
import { runCli } from '../../../src/cli/main';
import { applyEdits, gradientStepEdits } from '../../../src/core/edit/gradientStep';
import { parseSpec } from '../../../src/core/parser/parse';
import { Trainer } from '../../../src/core/training/trainer';
import { runTrainer } from '../../../src/cli/trainProgress';

/**
 * `nnet train` through the dispatcher, with files, streams and the terminal replaced: the JSON
 * schema, the acceptance check against `nnet trace --json` (50 full-batch steps on the Mazur
 * network equal, bit for bit, 50 applications of trace's one-step update), the CSV history,
 * --write, the progress line, and every misuse.
 */

const ROOT = join(__dirname, '../../..');

/** The helper threads' script, bundled as scripts/build.mjs bundles it. */
const scripts = bundledWorkers({ productThread: PRODUCT_THREAD_ENTRY });
const MAZUR = 'examples/mazur.nnet';
const MOONS = 'examples/moons.nnet';

interface Run {
  code: number;
  out: string;
  err: string;
  written: Record<string, string>;
  progress: string[];
}

/** Runs the CLI with `files` over the repository's, recording what it writes and draws. */
async function nnet(
  argv: string[],
  options: { files?: Record<string, string>; terminal?: boolean; canWrite?: boolean; threads?: CliIO['productThreads']; defaultThreads?: number } = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const progress: string[] = [];
  const io: CliIO = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (path) => options.files?.[path] ?? readFileSync(join(ROOT, path), 'utf8'),
    progress: (line) => progress.push(line),
    ...(options.terminal ? { isTerminal: true } : {}),
    ...(options.canWrite === false ? {} : { writeFile: (path: string, text: string) => void (written[path] = text) }),
    ...(options.threads ? { productThreads: options.threads } : {}),
    ...(options.defaultThreads ? { defaultThreads: options.defaultThreads } : {}),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), written, progress };
}

interface Parameters {
  w: (number[][] | null)[];
  b: (number[] | null)[];
}

/** The spec's parameters as `nnet trace --json` lays out `updated`: w[ℓ][k][j], null at ℓ = 0. */
function parametersOf(text: string): Parameters {
  const { network } = parseSpec(text);
  if (!network) throw new Error('the spec did not parse');
  const sizes = network.layers.map((layer) => layer.size);
  return {
    w: network.layers.map((layer, l) => (l === 0 ? null : Array.from({ length: sizes[l - 1] }, (_, k) => Array.from(layer.weights.subarray(k * sizes[l], (k + 1) * sizes[l]))))),
    b: network.layers.map((layer, l) => (l === 0 ? null : Array.from(layer.biases))),
  };
}

/** The text with every number replaced, to compare layout and comments alone. */
function shapeOf(text: string): string {
  return text.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi, '#');
}

describe('nnet train --json', () => {
  it('prints steps, batchSize, N + 1 costs and the final parameters, as JSON.stringify would', async () => {
    const { code, out, err } = await nnet(['train', '--steps', '3', '--json', MAZUR]);
    expect(code).toBe(0);
    expect(err).toBe('');
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['steps', 'batchSize', 'cost', 'parameters']);
    expect(json.steps).toBe(3);
    expect(json.batchSize).toBe(1);
    expect(json.cost).toHaveLength(4);
    expect(json.cost[0]).toBeCloseTo(0.298371109, 9);
    expect(json.cost[1]).toBeCloseTo(0.280471447, 9);
    expect(Object.keys(json.parameters)).toEqual(['w', 'b']);
    expect(out).toBe(JSON.stringify(json, null, 2));
  });

  it('adds validationCost, N + 1 of them, when the spec holds examples out', async () => {
    const { code, out } = await nnet(['train', '--steps', '4', '--json', MOONS]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['steps', 'batchSize', 'cost', 'validationCost', 'parameters']);
    expect(json.batchSize).toBe(96);
    expect(json.cost).toHaveLength(5);
    expect(json.validationCost).toHaveLength(5);
    expect(json.validationCost.every((c: unknown) => typeof c === 'number')).toBe(true);
    expect(json.parameters.w.map((w: number[][] | null) => w && [w.length, w[0].length])).toEqual([null, [2, 8], [8, 1]]);
    expect(json.parameters.b.map((b: number[] | null) => b && b.length)).toEqual([null, 8, 1]);
  });

  it('lays out the parameters exactly as trace --json lays out updated', async () => {
    const train = JSON.parse((await nnet(['train', '--steps', '1', '--json', MOONS])).out);
    const trace = JSON.parse((await nnet(['trace', '--json', MOONS])).out);
    expect(train.parameters).toEqual({ w: trace.updated.w, b: trace.updated.b });
  });

  it('after 50 full-batch steps on mazur.nnet holds, bit for bit, what 50 applications of trace --json’s update give', async () => {
    let text = readFileSync(join(ROOT, MAZUR), 'utf8');
    for (let step = 0; step < 50; step++) {
      const trace = await nnet(['trace', '--json', 'current.nnet'], { files: { 'current.nnet': text } });
      expect(trace.code).toBe(0);
      const { updated } = JSON.parse(trace.out);
      // The update written into the spec at full precision, as Apply Gradient Step would.
      const { network, source } = parseSpec(text);
      const flat = { w: updated.w.map((w: number[][] | null) => Float64Array.from(w?.flat() ?? [])), b: updated.b.map((b: number[] | null) => Float64Array.from(b ?? [])), cost: updated.cost };
      text = applyEdits(text, gradientStepEdits(text, network!, source, flat));
      // The written numbers read back as the same doubles.
      expect(parametersOf(text)).toEqual({ w: updated.w, b: updated.b });
    }
    const train = await nnet(['train', '--steps', '50', '--json', MAZUR]);
    expect(train.code).toBe(0);
    const json = JSON.parse(train.out);
    expect(json.cost).toHaveLength(51);
    expect(json.parameters).toStrictEqual(parametersOf(text));
  });

  it('takes the spec’s steps, batch-size and shuffle lines, and the flags over them', async () => {
    const text = readFileSync(join(ROOT, MOONS), 'utf8') + 'steps 7\nbatch-size 10\nshuffle 3\n';
    const files = { 'set.nnet': text };
    const fromSpec = JSON.parse((await nnet(['train', '--json', 'set.nnet'], { files })).out);
    expect([fromSpec.steps, fromSpec.batchSize, fromSpec.cost.length]).toEqual([7, 10, 8]);
    const fromFlags = JSON.parse((await nnet(['train', '--json', '--steps', '2', '--batch', '5', 'set.nnet'], { files })).out);
    expect([fromFlags.steps, fromFlags.batchSize, fromFlags.cost.length]).toEqual([2, 5, 3]);
    // Another seed orders the batches otherwise: the run differs.
    const reseeded = JSON.parse((await nnet(['train', '--json', '--shuffle', '4', 'set.nnet'], { files })).out);
    expect(reseeded.cost).not.toEqual(fromSpec.cost);
    const plain = JSON.parse((await nnet(['train', '--json', MOONS])).out);
    expect(plain.steps).toBe(100);
  });
});

describe('nnet train --csv', () => {
  it('prints one row per t = 0 … N, the norms of step t + 1, none on the last row', async () => {
    const csv = await nnet(['train', '--steps', '3', '--csv', MOONS]);
    const json = JSON.parse((await nnet(['train', '--steps', '3', '--json', MOONS])).out);
    expect(csv.code).toBe(0);
    const rows = csv.out.split('\n');
    expect(rows[0]).toBe('step,cost,validation_cost,grad_norm_1,grad_norm_2');
    expect(rows).toHaveLength(5);
    rows.slice(1).forEach((row, t) => {
      const cells = row.split(',');
      expect(cells).toHaveLength(5);
      expect(cells[0]).toBe(String(t));
      // Shortest round-trip form: the exact doubles of the JSON.
      expect(cells[1]).toBe(String(json.cost[t]));
      expect(cells[2]).toBe(String(json.validationCost[t]));
      if (t < 3) expect(Number(cells[3])).toBeGreaterThan(0);
      else expect(cells.slice(3)).toEqual(['', '']);
    });
  });

  it('leaves validation_cost empty without a validation split', async () => {
    const { out } = await nnet(['train', '--steps', '1', '--csv', MAZUR]);
    expect(out.split('\n')[1]).toMatch(/^0,0\.298371\d*,,\d/);
  });
});

describe('nnet train --write', () => {
  it('writes the final parameters exactly, keeping layout and comments', async () => {
    const original = readFileSync(join(ROOT, MAZUR), 'utf8');
    const { code, out, written } = await nnet(['train', '--steps', '20', '--write', '--json', MAZUR]);
    expect(code).toBe(0);
    const text = written[MAZUR];
    expect(Object.keys(written)).toEqual([MAZUR]);
    expect(parametersOf(text)).toStrictEqual(JSON.parse(out).parameters);
    expect(shapeOf(text)).toBe(shapeOf(original));
    expect(text).toContain('# row k = neuron k of layer 0, column j = neuron j of layer 1: w^(1)_kj');
  });

  it('inserts w and b lines where the spec had them from the seed, and says what it wrote', async () => {
    const { code, out, written } = await nnet(['train', '--steps', '5', '--write', MOONS]);
    expect(code).toBe(0);
    expect(out).toMatch(/^wrote 33 parameters after 5 steps to examples\/moons\.nnet$/m);
    const json = JSON.parse((await nnet(['train', '--steps', '5', '--json', MOONS])).out);
    expect(parametersOf(written[MOONS])).toStrictEqual(json.parameters);
  });

  it('writes nothing for a spec read from standard input, or where it cannot write', async () => {
    const stdin = await nnet(['train', '--write', '-']);
    expect(stdin.code).toBe(2);
    expect(stdin.err).toMatch(/--write needs a FILE to write to, not standard input/);
    const cannot = await nnet(['train', '--write', MAZUR], { canWrite: false });
    expect(cannot.code).toBe(2);
    expect(cannot.written).toEqual({});
  });
});

describe('nnet train, text and terminal', () => {
  it('prints a summary: steps, batch, first and last cost, best validation step, time', async () => {
    const { code, out, progress } = await nnet(['train', '--steps', '30', MOONS]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Two moons: 2-8-1 network, 96 training examples, 24 held out, η = 0.5');
    expect(lines[1]).toBe('steps       30, full batch (96 examples), in order');
    expect(lines[2]).toMatch(/^cost        0\.655632 before step 1, [\d.]+ after step 30$/);
    expect(lines[3]).toMatch(/^validation  best [\d.]+ (after step \d+|before step 1); [\d.]+ at the end$/);
    expect(lines[4]).toMatch(/^time        [\d.]+ m?s, [\d,]+ examples\/s$/);
    // Not a terminal: no progress line at all.
    expect(progress).toEqual([]);
  });

  it('--threads shares a large network out to helper threads, with the same output to the bit', async () => {
    const spec = `${generateSpec({ sizes: [3, 66, 70, 2], activations: ['relu', 'tanh', 'sigmoid'], examples: 120, seed: 5 })}\n`;
    const files = { 'wide.nnet': spec };
    const started: number[] = [];
    const threads = (count: number) => {
      started.push(count);
      return nodeProductThreads(count, scripts.path('productThread'));
    };
    const one = await nnet(['train', '--steps', '20', '--batch', '50', '--json', '--threads', '1', 'wide.nnet'], { files, threads });
    const three = await nnet(['train', '--steps', '20', '--batch', '50', '--json', '--threads', '3', 'wide.nnet'], { files, threads });
    const defaults = await nnet(['train', '--steps', '20', 'wide.nnet'], { files, threads, defaultThreads: 2 });
    expect(started).toEqual([1, 3, 2]);
    expect(one.code).toBe(0);
    expect(three.out).toBe(one.out);
    expect(defaults.out).toMatch(/^time        .* examples\/s on 2 threads$/m);
  });

  it('draws a progress line on a terminal, ending at the last step, then erases it', async () => {
    const { code, progress } = await nnet(['train', '--steps', '40', '--json', MAZUR], { terminal: true });
    expect(code).toBe(0);
    expect(progress[0]).toMatch(/^\[░+\]   0%  step 0\/40  /);
    expect(progress.at(-2)).toMatch(/^\[█+\] 100%  step 40\/40  cost [\d.]+  /);
    expect(progress.at(-1)).toBe('');
  });
});

describe('runTrainer', () => {
  it('redraws at most ten times a second of its clock, and always shows the last step', () => {
    const { network } = parseSpec(readFileSync(join(ROOT, MAZUR), 'utf8'));
    const trainer = new Trainer(network!, { steps: 5000 });
    const lines: string[] = [];
    // A clock on which every step takes 0.7 ms: the run "takes" 3.5 s.
    const clock = () => trainer.history().done * 0.7;
    const elapsed = runTrainer(trainer, { out: () => {}, err: () => {}, readFile: () => '', isTerminal: true, progress: (line) => lines.push(line) }, clock);
    expect(elapsed).toBeCloseTo(3500, 6);
    expect(trainer.isFinished).toBe(true);
    expect(lines.length).toBeLessThanOrEqual(elapsed / 100 + 3);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.at(-2)).toMatch(/step 5,000\/5,000/);
    expect(lines.at(-1)).toBe('');
  });
});

describe('nnet train, failures', () => {
  const usageCases: [string[], RegExp][] = [
    [['--steps', '0'], /--steps expects a whole number from 1 to 1,000,000, got '0'/],
    [['--steps', '2.5'], /--steps expects a whole number/],
    [['--steps', '1000001'], /--steps expects/],
    [['--steps'], /--steps expects a whole number from 1 to 1,000,000, got ''/],
    [['--batch', '0'], /--batch expects a whole number from 1, got '0'/],
    [['--batch', '2'], /--batch 2 is more than the 1 training example of examples\/mazur\.nnet/],
    [['--shuffle', '-1'], /--shuffle expects a whole number from 0 to 4294967295/],
    [['--shuffle', '4294967296'], /--shuffle expects a whole number from 0 to 4294967295/],
    [['--json', '--csv'], /--json and --csv cannot be used together/],
    [['--threads', '0'], /--threads expects a whole number from 1 to 16, got '0'/],
    [['--threads', '17'], /--threads expects a whole number from 1 to 16/],
    [['--epochs', '3'], /unknown option '--epochs'/],
  ];
  for (const [flags, message] of usageCases) {
    it(`refuses ${flags.join(' ')} with exit 2`, async () => {
      // The FILE first, so a flag left without its value ends the line.
      const { code, err, out } = await nnet(['train', MAZUR, ...flags]);
      expect(code).toBe(2);
      expect(err).toMatch(message);
      expect(out).toBe('');
    });
  }

  it('asks for exactly one FILE, and reports one it cannot read', async () => {
    expect((await nnet(['train'])).err).toMatch(/expected a FILE to train/);
    expect((await nnet(['train', MAZUR, MOONS])).code).toBe(2);
    const missing = await nnet(['train', 'no-such.nnet']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe("nnet: cannot read 'no-such.nnet': no such file");
  });

  it('prints the diagnostics of a spec with errors as nnet trace does, and exits 1', async () => {
    const files = { 'bad.nnet': 'layer 0: 2 inputs\nlayer 1: 2 sigmoid\n  w 1 2\nexample x 1 y\n' };
    const train = await nnet(['train', 'bad.nnet'], { files });
    const trace = await nnet(['trace', 'bad.nnet'], { files });
    expect(train.code).toBe(1);
    expect(train.out).toBe(trace.out);
    expect(train.out).toMatch(/^bad\.nnet:3:3: error: /m);
    expect(train.err).toBe('nnet train: bad.nnet has errors; fix them to train it');
  });

  it('says at which step a run diverged, exits 1 and writes nothing', async () => {
    // A linear neuron with a huge η: the first step throws w past 10^200, its cost overflows.
    const files = { 'wild.nnet': 'cost squared\nlearning-rate 1e200\nlayer 0: 1 inputs\nlayer 1: 1 linear\n  w 1\n  b 0\nexample x 1 y 0\n' };
    const run = await nnet(['train', '--steps', '10', '--write', '--json', 'wild.nnet'], { files });
    expect(run.code).toBe(1);
    expect(run.err).toBe('nnet train: diverged at step 2: the cost or a gradient was no longer finite, so the run stopped there; wild.nnet was not written');
    expect(run.written).toEqual({});
    const json = JSON.parse(run.out);
    expect(json.diverged).toBe(2);
    expect(json.cost).toEqual([1, null]);
  });
});
