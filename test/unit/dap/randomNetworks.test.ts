import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NnetDapClient, buildCli, frames, launch, moved, shownNumber } from './dapClient';

/**
 * `nnet dap` on random networks (seeded, so a failure reproduces): a few steps forward and back,
 * and at every stop a sane stack (each frame's range inside the spec's text) and sane variables
 * (each a number, a summary, or "not computed yet").
 */

const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'linear', 'leaky-relu', 'softplus', 'elu', 'gelu'];
const TEST_MS = 60_000;

/** mulberry32: a small deterministic generator. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random spec: 2–3 layers of 1–4 neurons, written weights on some layers and seeded ones on others, 1–3 examples. */
function randomSpec(seed: number): { text: string; sizes: number[] } {
  const random = generator(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const num = () => (random() * 2 - 1).toFixed(3);
  const L = int(2, 3);
  const sizes = Array.from({ length: L + 1 }, () => int(1, 4));
  const lines = [`# random network ${seed}`, `cost ${random() < 0.5 ? 'squared' : 'half-squared'}`, `learning-rate 0.1`, `seed ${seed}`, `layer 0: ${sizes[0]} inputs`];
  for (let l = 1; l <= L; l++) {
    lines.push(`layer ${l}: ${sizes[l]} ${ACTIVATIONS[int(0, ACTIVATIONS.length - 1)]}`);
    if (random() < 0.7) {
      for (let k = 0; k < sizes[l - 1]; k++) lines.push(`  ${k === 0 ? 'w ' : '  '}${Array.from({ length: sizes[l] }, num).join(' ')}`);
      lines.push(`  b ${Array.from({ length: sizes[l] }, num).join(' ')}`);
    }
  }
  for (let i = int(1, 3); i > 0; i--) lines.push(`example x ${Array.from({ length: sizes[0] }, num).join(' ')} y ${Array.from({ length: sizes[L] }, num).join(' ')}`);
  return { text: `${lines.join('\n')}\n`, sizes };
}

let cli: string;
let folder: string;

beforeAll(async () => {
  ({ cli, folder } = await buildCli());
}, 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('nnet dap on random networks', () => {
  for (const seed of [3, 17, 29, 101]) {
    it(`steps network ${seed} with a sane stack and variables`, async () => {
      const { text, sizes } = randomSpec(seed);
      const dir = mkdtempSync(join(tmpdir(), 'dap-random-'));
      const program = join(dir, `random-${seed}.nnet`);
      writeFileSync(program, text);
      const lines = readFileSync(program, 'utf8').split('\n');
      const client = new NnetDapClient(cli);
      await client.start();
      try {
        const { stop: entry } = await launch(client, program);
        expect(entry.body.reason).toBe('entry');
        const thread = entry.body.threadId!;
        const descriptions = [entry.body.description];
        const steps = 2 + (seed % 5);
        for (let q = 0; q <= steps; q++) {
          const stack = await frames(client, thread);
          expect(stack.length).toBeGreaterThan(0);
          expect(stack[0].name).toBe(descriptions[q]);
          for (const frame of stack) {
            expect(frame.name.length).toBeGreaterThan(0);
            if (!frame.source) continue;
            expect(frame.source.path).toBe(program);
            expect(frame.line).toBeGreaterThanOrEqual(1);
            expect(frame.line).toBeLessThanOrEqual(lines.length);
            expect(frame.column).toBeGreaterThanOrEqual(1);
            if (frame.endLine === frame.line) expect(frame.endColumn!).toBeGreaterThan(frame.column);
            expect(frame.endColumn! - 1).toBeLessThanOrEqual(lines[(frame.endLine ?? frame.line) - 1].length);
          }
          const scopes = (await client.scopesRequest({ frameId: stack[0].id })).body.scopes;
          const names = scopes.map((s) => s.name);
          for (let l = 0; l < sizes.length; l++) expect(names).toContain(`Layer ${l}`);
          expect(names).toEqual(expect.arrayContaining(['Example', 'Network']));
          for (const scope of scopes) {
            const leaves: string[] = [];
            const variables = (await client.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
            for (const variable of variables) {
              expect(variable.value.length, `${scope.name} › ${variable.name}`).toBeGreaterThan(0);
              if (variable.variablesReference === 0) continue;
              const entries = (await client.variablesRequest({ variablesReference: variable.variablesReference })).body.variables;
              expect(entries.length, `${scope.name} › ${variable.name}`).toBe((variable.indexedVariables ?? 0) + (variable.namedVariables ?? 0));
              for (const e of entries) {
                if (e.variablesReference !== 0) continue;
                leaves.push(e.value);
                const sane = e.value === 'not computed yet' || Number.isFinite(shownNumber(e.value));
                expect(sane, `${scope.name} › ${variable.name} › ${e.name} = ${e.value}`).toBe(true);
              }
            }
            // Before the first step of the backward pass, the last layer's δ cannot be known.
            if (q === 0 && scope.name === `Layer ${sizes.length - 1}`) expect(leaves).toContain('not computed yet');
          }
          if (q < steps) descriptions.push((await moved(client, () => client.nextRequest({ threadId: thread }))).body.description);
        }
        const back = await moved(client, () => client.stepBackRequest({ threadId: thread }));
        expect(back.body.description).toBe(descriptions[steps - 1]);
        expect(client.protocolMessages().length).toBeGreaterThan(0);
      } finally {
        await client.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    }, TEST_MS);
  }
});
