import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { describe, expect, it } from 'vitest';
import { fileSpecReader } from '../../../src/debug/fileSpecReader';
import { POLL_MS } from '../../../src/debug/polledFiles';
import { launch, useDapClient } from './dapClient';

/**
 * A session on a spec that reads a CSV file follows the file as it follows the spec: saving the
 * file anew (the spec's text unchanged) reloads the session on the new rows — over stdio as
 * `nnet dap`, the way another editor drives it.
 */

const TEST_MS = 30_000;
// z⁽¹⁾₁ = w·x₁ + b = 0.5·x₁ + 0.1 for the first row's x₁.
const SPEC = 'layer 0: 1 inputs\nlayer 1: 1 sigmoid\n  w 0.5\n  b 0.1\ndata "points.csv" x a y t\n';
describe('nnet dap: the data files a spec reads', () => {
  const client = useDapClient();

  it('reloads on the new rows when the CSV file is saved, the spec unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dap-data-'));
    const program = join(dir, 'spec.nnet');
    writeFileSync(program, SPEC);
    writeFileSync(join(dir, 'points.csv'), 'a,t\n0.25,0.5\n');
    try {
      const { stop } = await launch(client(), program);
      expect(stop.body.description).toBe('z⁽¹⁾₁ = 0.225');
      const restopped = client().waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
      writeFileSync(join(dir, 'points.csv'), 'a,t\n1,0.5\n');
      expect((await restopped).body.description).toBe('z⁽¹⁾₁ = 0.6');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, TEST_MS);
});

describe('the file reader of nnet dap', () => {
  it('follows the files of the latest analysis only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dap-data-'));
    const program = join(dir, 'spec.nnet');
    writeFileSync(join(dir, 'points.csv'), 'a,t\n0.25,0.5\n');
    writeFileSync(join(dir, 'other.csv'), 'a,t\n2,0.5\n');
    const reader = fileSpecReader();
    const changes: string[] = [];
    await reader.analyse!(program, SPEC);
    const watching = reader.watchData!(program, () => changes.push('data'));
    try {
      // The spec now reads other.csv: a save of points.csv no longer concerns it.
      await reader.analyse!(program, SPEC.replace('points.csv', 'other.csv'));
      writeFileSync(join(dir, 'points.csv'), 'a,t\n3,0.5\n');
      await new Promise((resolve) => setTimeout(resolve, 4 * POLL_MS));
      expect(changes).toEqual([]);
      writeFileSync(join(dir, 'other.csv'), 'a,t\n4,0.5\n');
      for (let waited = 0; changes.length === 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(changes.length).toBeGreaterThan(0);
    } finally {
      watching.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  }, TEST_MS);
});

