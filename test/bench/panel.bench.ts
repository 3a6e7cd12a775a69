/**
 * `npm run bench panel`: what stepping costs on a 784-128-10 network (101,770 parameters,
 * 16 examples, every weight written in the spec).
 *
 * Extension side (budgets: first render 500 ms, each step 50 ms):
 *   - first render: analyse the spec text (parse + engine) + build the first view message +
 *     JSON-encode it (what postMessage serialises), and the message's size;
 *   - each step: build and encode the view message at positions all through the trace,
 *     including ∂cᵢ/∂w⁽¹⁾₇₀₀,₃, where the windows move to input 700.
 * Webview side, in headless Chromium (same budgets), when /usr/bin/chromium is installed:
 * the real page (same CSP) loads dist/webview.js — run `npm run build` first — and is sent the
 * same messages; a render is timed from the message event to a finished layout.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { analyse, type SpecAnalysis } from '../../src/extension/analysis/analyse';
import type { Toolchain } from '../../src/extension/analysis/toolchain';
import { buildPanelMessage } from '../../src/extension/panel/viewMessage';
import { gradientStepEdits } from '../../src/core/edit/gradientStep';
import { runEngine } from '../../src/core/engine/run';
import { parseSpec } from '../../src/core/parser/parse';
import { buildTrace } from '../../src/core/trace/build';
import type { ExtensionToPanel } from '../../src/shared/panelMessages';
import { prng } from '../unit/engine/networks';
import { servePanelPage } from '../webview/pageServer';
import { budget, formatMs, measure, report, type Timing } from './harness';

const SIZES = [784, 128, 10];
const EXAMPLES = 16;
const FIRST_RENDER_MS = 500;
const STEP_MS = 50;

function specText(): string {
  const random = prng(7);
  const number = (scale: number) => ((random() * 2 - 1) * scale).toFixed(6);
  const lines = ['network "MNIST-sized"', 'cost half-squared', 'learning-rate 0.5', '', `layer 0: ${SIZES[0]} inputs`];
  for (let l = 1; l < SIZES.length; l++) {
    lines.push(`layer ${l}: ${SIZES[l]} sigmoid`);
    const scale = 1 / Math.sqrt(SIZES[l - 1]);
    for (let k = 0; k < SIZES[l - 1]; k++) lines.push(`${k === 0 ? '  w' : '   '} ${Array.from({ length: SIZES[l] }, () => number(scale)).join(' ')}`);
    lines.push(`  b ${Array.from({ length: SIZES[l] }, () => number(0.1)).join(' ')}`);
  }
  for (let i = 0; i < EXAMPLES; i++) {
    const x = Array.from({ length: SIZES[0] }, () => random().toFixed(3));
    const y = Array.from({ length: SIZES[2] }, (_, j) => (j === i % 10 ? '1' : '0'));
    lines.push(`example x ${x.join(' ')} y ${y.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

const toolchain: Toolchain = { parse: (text) => parseSpec(text), run: runEngine, trace: buildTrace };
const fail = (what: string, error: unknown) => {
  throw new Error(`${what}: ${String(error)}`);
};
const message = (analysis: SpecAnalysis, step: number) =>
  buildPanelMessage({ uri: 'file:///mnist.nnet', fileName: 'mnist.nnet', analysis, position: { example: 0, step }, digits: 6 });

async function main(): Promise<void> {
  const text = specText();
  console.log(`spec: ${SIZES.join('-')}, ${EXAMPLES} examples, ${(text.length / 1e6).toFixed(1)} MB of text`);
  let version = 0;
  const first = measure('first render (analyse + first view message + JSON)', () => {
    const analysis = analyse(text, ++version, toolchain, fail);
    return JSON.stringify(message(analysis, 0)).length;
  }, { warmup: 2, runs: 11 });
  report(first);

  const analysis = analyse(text, ++version, toolchain, fail);
  const trace = analysis.trace(0, 6)!;
  const firstJson = JSON.stringify(message(analysis, 0));
  console.log(`trace: ${trace.length.toLocaleString('en')} steps; first message ${(firstJson.length / 1024).toFixed(1)} KiB`);
  const positions = [
    0, 1, 2000,
    trace.indexOf({ kind: 'cost', layer: 2, j: 0, k: 0 }),
    trace.indexOf({ kind: 'delta', layer: 2, j: 1, k: 0 }),
    trace.indexOf({ kind: 'dcda', layer: 1, j: 64, k: 0 }),
    trace.indexOf({ kind: 'dw', layer: 1, j: 3, k: 700 }),
    trace.indexOf({ kind: 'w-new', layer: 1, j: 100, k: 500 }),
    trace.length - 1,
  ].filter((p) => p >= 0);
  const messages = positions.map((p) => message(analysis, p));
  const largest = Math.max(...messages.map((m) => JSON.stringify(m).length));
  let next = 0;
  const step = measure('each step (view message + JSON)', () => JSON.stringify(message(analysis, positions[next++ % positions.length])).length, { warmup: 20, runs: 201 });
  report(step);
  console.log(`largest step message: ${(largest / 1024).toFixed(1)} KiB`);
  const edits = measure('Apply Gradient Step edits (101,770 numbers)', () => gradientStepEdits(text, analysis.network!, analysis.source, analysis.engine!.updated).length, { warmup: 1, runs: 5 });
  report(edits);

  budget(first, FIRST_RENDER_MS);
  budget(step, STEP_MS);
  await webview([message(analysis, 0), ...messages]);
}

async function webview(messages: ExtensionToPanel[]): Promise<void> {
  const chromiumPath = '/usr/bin/chromium';
  const root = resolve('.');
  if (!existsSync(chromiumPath) || !existsSync(resolve(root, 'dist/webview.js'))) {
    console.log('SKIP webview timing: needs /usr/bin/chromium (apt-get install -y chromium) and dist/webview.js (npm run build)');
    return;
  }
  // Loaded at run time, not bundled: playwright-core finds its own files next to its code.
  const { chromium } = createRequire(resolve(root, 'package.json'))('playwright-core') as typeof import('playwright-core');
  const server = await servePanelPage(root);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
    const render = (data: ExtensionToPanel) =>
      page.evaluate((m) => {
        const t0 = performance.now();
        window.dispatchEvent(new MessageEvent('message', { data: m }));
        void document.body.getBoundingClientRect().height; // finish style and layout
        return performance.now() - t0;
      }, data);
    const firstMs = await render(messages[0]);
    const samples: number[] = [];
    for (let round = 0; round < 5; round++) for (const m of messages.slice(1)) samples.push(await render(m));
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    const sorted = samples.sort((x, y) => x - y);
    const stepTiming: Timing = { name: 'webview: each step render', runs: sorted.length, medianMs: sorted[sorted.length >> 1], minMs: sorted[0], maxMs: sorted[sorted.length - 1] };
    console.log(`webview: first render ${formatMs(firstMs)}; CSP violations: ${violations.length}`);
    report(stepTiming);
    budget({ name: 'webview: first render', runs: 1, medianMs: firstMs, minMs: firstMs, maxMs: firstMs }, FIRST_RENDER_MS);
    budget(stepTiming, STEP_MS);
  } finally {
    await browser.close();
    await server.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
