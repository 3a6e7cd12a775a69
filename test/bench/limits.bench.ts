/**
 * `npm run bench limits`: what the biggest specs within (and just past) the limits cost one
 * analysis — parse plus engine, as the extension runs it — in time and peak memory. Each case
 * runs in a child process of its own (this bundle, started with the case's name), so its peak
 * resident memory is its own; three runs each, medians quoted.
 *
 *   - a 1-1412-1412-1 network with 4,000 examples (about 100 KB of text): a result or the
 *     `work-too-large` diagnostic within 5 s and 1 GB;
 *   - a spec at the example limit (784-16-10 with 6,297 examples, 4,999,818 numbers, 24 MB of
 *     text): within 10 s and 1.5 GB;
 *   - the same with one example more, past the limit: refused as soon as reading passes it.
 */
import { spawnSync } from 'node:child_process';
import { analyse } from '../../src/extension/analysis/analyse';
import { coreToolchain } from '../../src/extension/analysis/coreToolchain';
import { prng } from '../unit/engine/networks';

interface Case {
  readonly name: string;
  readonly text: () => string;
  readonly seconds: number;
  readonly megabytes: number;
}

/** A spec of the given shape with `m` examples, its weights drawn from the seed. */
function specText(sizes: readonly number[], m: number): string {
  const random = prng(11);
  const lines = ['seed 3', 'cost half-squared', `layer 0: ${sizes[0]} inputs`];
  for (let l = 1; l < sizes.length; l++) lines.push(`layer ${l}: ${sizes[l]} sigmoid`);
  for (let i = 0; i < m; i++) {
    const x = Array.from({ length: sizes[0] }, () => random().toFixed(2)).join(' ');
    const y = Array.from({ length: sizes[sizes.length - 1] }, () => (random() < 0.5 ? '0' : '1')).join(' ');
    lines.push(`example x ${x} y ${y}`);
  }
  return lines.join('\n') + '\n';
}

const CASES: readonly Case[] = [
  { name: '1-1412-1412-1 × 4,000 examples', text: () => specText([1, 1412, 1412, 1], 4000), seconds: 5, megabytes: 1024 },
  { name: 'at the example limit, 784-16-10 × 6,297 examples', text: () => specText([784, 16, 10], 6297), seconds: 10, megabytes: 1536 },
  { name: 'one example past the limit, 784-16-10 × 6,298 examples', text: () => specText([784, 16, 10], 6298), seconds: 10, megabytes: 1536 },
];

/** In the child: builds the text (not timed), analyses it once, prints the figures as JSON. */
function runCase(name: string): void {
  const which = CASES.find((c) => c.name === name)!;
  const text = which.text();
  const started = performance.now();
  const analysis = analyse(text, 1, coreToolchain, (what, error) => {
    throw new Error(`${what}: ${String(error)}`);
  });
  const ms = performance.now() - started;
  const outcome = analysis.engine ? `computed (c = ${analysis.engine.cost.toPrecision(6)})` : `refused: ${analysis.problems.map((d) => d.code).join(', ')}`;
  console.log(JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024, textMB: text.length / 2 ** 20, outcome }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[sorted.length >> 1];
}

function main(): void {
  for (const c of CASES) {
    const runs: { ms: number; peakMB: number; textMB: number; outcome: string }[] = [];
    for (let r = 0; r < 3; r++) {
      const child = spawnSync(process.execPath, [process.argv[1], '--case', c.name], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (child.status !== 0) throw new Error(`${c.name}: ${child.stderr}`);
      runs.push(JSON.parse(child.stdout.trim().split('\n').pop()!));
    }
    const ms = median(runs.map((run) => run.ms));
    const mb = median(runs.map((run) => run.peakMB));
    console.log(`${c.name} (${runs[0].textMB.toFixed(1)} MB of text): ${runs[0].outcome}; analysis median ${ms.toFixed(0)} ms, peak memory of the process median ${mb.toFixed(0)} MB`);
    const ok = ms <= c.seconds * 1000 && mb <= c.megabytes;
    console.log(`${ok ? 'PASS' : 'MISS'} ${c.name}: ${ms.toFixed(0)} ms and ${mb.toFixed(0)} MB against a budget of ${c.seconds} s and ${c.megabytes} MB`);
  }
}

const at = process.argv.indexOf('--case');
if (at >= 0) runCase(process.argv[at + 1]);
else main();
