import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/command';
import { nodeDataFiles } from '../../../src/node/dataFiles';

/** `nnet check` through the dispatcher, with the file system and the streams replaced. */

const ROOT = join(__dirname, '../../..');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (path) => readFileSync(join(ROOT, path), 'utf8'),
    dataFiles: (path) => nodeDataFiles({ specPath: join(ROOT, path) }),
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('nnet check', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.nnet'));

  it('finds every shipped example clean', async () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const file of examples) {
      const result = await run('check', `examples/${file}`);
      expect(result.code, file).toBe(0);
      expect(result.out, file).toMatch(/: no problems$/);
    }
  });

  it('prints FILE:LINE:COL: severity: message, 1-based, and exits 1 on errors', async () => {
    const result = await run('check', 'test/fixtures/diagnostics/unknown-activation.nnet');
    expect(result.code).toBe(1);
    expect(result.out.split('\n')).toEqual([
      "test/fixtures/diagnostics/unknown-activation.nnet:2:12: error: unknown activation 'sigmod'; did you mean 'sigmoid'?",
      'test/fixtures/diagnostics/unknown-activation.nnet: 1 error, 0 warnings',
    ]);
  });

  it('exits 0 when there are only warnings', async () => {
    const result = await run('check', '--quiet', 'test/fixtures/diagnostics/no-examples.nnet');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^test\/fixtures\/diagnostics\/no-examples\.nnet:1:1: warning: no examples: /);
    expect(result.out.split('\n')).toHaveLength(1);
  });

  it('says clearly when a file cannot be read, and exits 2', async () => {
    const result = await run('check', 'no/such/file.nnet');
    expect(result.code).toBe(2);
    expect(result.err).toBe("nnet: cannot read 'no/such/file.nnet': no such file");
  });

  it('prints usage on misuse and exits 2', async () => {
    for (const argv of [[], ['frobnicate'], ['check'], ['check', '--frob', 'x.nnet']]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(/usage: nnet/);
      expect(result.out).toBe('');
    }
  });

  it('prints help on stdout and exits 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^usage: nnet <command> \[options\] FILE/);
    expect(result.out).toMatch(/check +report every problem/);
    expect((await run('check', '--help')).out).toMatch(/^usage: nnet check/);
  });
});
