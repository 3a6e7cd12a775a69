import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src/core/gradientCheck/report';
import { GradientCheckRun } from '../../../src/core/gradientCheck/run';
import { parseSpec } from '../../../src/core/parser/parse';
import { GradientCheckClient, nodeGradientWorker, type GradientCheckListener } from '../../../src/extension/gradientCheck/gradientCheckClient';
import { gradientCheckHtml } from '../../../src/extension/gradientCheck/gradientCheckHtml';
import { isGradientCheckMessage } from '../../../src/shared/gradientCheckMessages';
import { randomNetwork } from '../engine/networks';
import { specText } from './specText';
import { bundledWorkers } from '../bundledWorkers';

/**
 * Gradient checks run in real worker threads: the worker bundled as scripts/build.mjs bundles
 * it, driven by the host's client. The report that arrives is the one core computes on the
 * same text; a refused spec says why; a cancelled check reports nothing more.
 */
const scripts = bundledWorkers({ gradientCheckWorker: 'src/extension/gradientCheck/worker/gradientCheckWorker.ts' });
let worker: string;
beforeAll(() => void (worker = scripts.path('gradientCheckWorker')));

const clients: GradientCheckClient[] = [];
afterEach(() => clients.splice(0).forEach((client) => client.cancel()));

function check(text: string) {
  const seen = { planned: null as number | null, progress: [] as number[], report: null as CheckReport | null, failed: null as unknown };
  let settle!: () => void;
  const ended = new Promise<void>((resolve) => (settle = resolve));
  const listener: GradientCheckListener = {
    planned: (planned) => (seen.planned = planned),
    progress: (done) => seen.progress.push(done),
    finished: (report) => ((seen.report = report), settle()),
    failed: (problem) => ((seen.failed = problem), settle()),
  };
  const client = new GradientCheckClient(nodeGradientWorker(worker), { text, data: { specPath: null, overlay: [] } }, 'to-from', listener);
  clients.push(client);
  return { client, seen, ended };
}

describe('the gradient-check worker', () => {
  it('reports exactly what core computes, in the weight order asked for', async () => {
    const text = readFileSync('examples/mazur.nnet', 'utf8');
    const { seen, ended, client } = check(text);
    await ended;
    expect(seen.failed).toBeNull();
    expect(seen.planned).toBe(12);
    expect(seen.progress[seen.progress.length - 1]).toBe(12);
    expect(seen.report).toEqual(new GradientCheckRun(parseSpec(text).network!, { weightOrder: 'to-from' }).complete());
    expect(seen.report!.rows.some((row) => row.symbol.text === 'w⁽²⁾₂₁' && row.from === 1 && row.to === 2)).toBe(true);
    expect(client.isOver).toBe(true);
  });

  it('refuses a spec with errors, or without training examples, saying why', async () => {
    const broken = check('layer 0: 2 inputs\nlayer 1: 1 sigmoidd\nexample x 1 2 y 1\n');
    await broken.ended;
    expect(broken.seen.failed).toMatchObject({ refused: expect.stringContaining('it has an error') });
    const none = check('layer 0: 2 inputs\nlayer 1: 1 sigmoid\n');
    await none.ended;
    expect(none.seen.failed).toMatchObject({ refused: expect.any(String) });
    expect(none.seen.report).toBeNull();
  });

  it('stops at once on cancel and reports nothing after', async () => {
    // One forward pass is 600 · (50·300 + 300·300 + 300·5) ≈ 6.4 × 10⁷ multiply-adds, and the
    // check makes at least 2 per layer's w and b: seconds of work, far longer than the test waits.
    const big = specText(randomNetwork(2, [50, 300, 300, 5], ['tanh', 'tanh', 'linear'], 'squared', 600));
    const { client, seen } = check(big);
    for (let waited = 0; seen.planned === null && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.planned).toBe(6);
    client.cancel();
    const after = seen.progress.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.progress.length).toBe(after);
    expect(seen.report).toBeNull();
    expect(client.isOver).toBe(true);
  });
});

describe('the gradient check page', () => {
  const html = gradientCheckHtml({ cspSource: 'https://ext.test', nonce: 'N0nce', scriptUri: 'https://ext.test/dist/gradientCheckView.js', baseCssUri: 'https://ext.test/media/base.css', cssUri: 'https://ext.test/media/gradientCheck.css', title: 'Gradient check: <a&b>.nnet' });

  it('allows scripts by nonce only, loads only the extension’s files, and escapes the title', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(csp).toBe("default-src 'none'; style-src https://ext.test 'nonce-N0nce'; font-src https://ext.test; img-src https://ext.test data:; script-src 'nonce-N0nce'");
    expect(html).not.toMatch(/unsafe-(inline|eval)/);
    expect(html).toContain('<script nonce="N0nce" src="https://ext.test/dist/gradientCheckView.js"></script>');
    expect(html).toContain('<link rel="stylesheet" nonce="N0nce" href="https://ext.test/media/base.css">\n<link rel="stylesheet" nonce="N0nce" href="https://ext.test/media/gradientCheck.css">');
    expect(html).toContain('<title>Gradient check: &lt;a&amp;b&gt;.nnet</title>');
  });

  it('accepts only well-formed messages from the page', () => {
    expect(isGradientCheckMessage({ type: 'ready' })).toBe(true);
    expect(isGradientCheckMessage({ type: 'reveal', kind: 'w', layer: 2, index: 1 })).toBe(true);
    for (const bad of [null, 'ready', { type: 'reveal', kind: 'z', layer: 1, index: 0 }, { type: 'reveal', kind: 'b', layer: -1, index: 0 }, { type: 'reveal', kind: 'b', layer: 1, index: 0.5 }, { type: 'other' }])
      expect(isGradientCheckMessage(bad)).toBe(false);
  });
});
