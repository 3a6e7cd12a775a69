import { createServer, type AddressInfo, type Server } from 'node:net';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../../src/core/edit/gradientStep';
import type { SpecEdit } from '../../../src/core/debug/types';
import { NnetDebugSession } from '../../../src/debug/nnetDebugSession';
import type { SpecReader } from '../../../src/debug/specReader';
import { FIXTURES, MAZUR, NnetDapClient, buildCli, children, frames, launch, lineOf, moved, named, scopeVariables } from './dapClient';

/**
 * The session's life beyond stepping: a spec with errors pauses it (and an edit that fixes them
 * resumes it), setVariable edits the spec through its host, and the host decides where the text
 * comes from — the file for `nnet dap`, a live editor buffer inside VS Code (here, a string).
 */

const TEST_MS = 30_000;
const LAYER2_W = lineOf(MAZUR, /^\s*w\s/, /^layer 2:/);
let cli: string;
let folder: string;

beforeAll(async () => {
  ({ cli, folder } = await buildCli());
}, 120_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `body` with `nnet dap` on a copy of `source` in a fresh /tmp/dap-… folder. */
async function withCopy(source: string, body: (client: NnetDapClient, program: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dap-session-'));
  const program = join(dir, 'spec.nnet');
  copyFileSync(source, program);
  const client = new NnetDapClient(cli);
  await client.start();
  try {
    await body(client, program);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** w⁽²⁾₁₁ as the Variables view shows it at the current stop. */
async function w211(client: DebugClient, threadId: number): Promise<DebugProtocol.Variable> {
  const [top] = await frames(client as NnetDapClient, threadId);
  const layer2 = await scopeVariables(client as NnetDapClient, top.id, 'Layer 2');
  const [row1] = await children(client as NnetDapClient, named(layer2, 'w⁽²⁾'));
  return named(await children(client as NnetDapClient, row1), 'w⁽²⁾₁₁');
}

describe('nnet dap: a spec with errors, and edits', () => {
  it('pauses on a spec with errors, lists them, refuses to move, and goes on once the file is fixed', async () => {
    await withCopy(join(FIXTURES, 'errors.nnet'), async (client, program) => {
      const { stop, breakpoints } = await launch(client, program, { breakpoints: [{ line: LAYER2_W }] });
      expect(stop.body).toMatchObject({ reason: 'exception', description: 'the spec has errors', allThreadsStopped: true });
      expect(breakpoints[0].verified).toBe(false);
      const console = client.consoleLines();
      expect(console).toContain(`${program}:5:3: error: layer 1 needs 2 rows of weights, one for each neuron of layer 0; found 1. Each line of numbers under \`w\` is one row`);
      expect(console.some((line) => line.startsWith(`${program}:6:15: error: `))).toBe(true);
      const stack = await frames(client, stop.body.threadId!);
      expect(stack[0]).toMatchObject({ line: 5, column: 3 });
      expect(stack[0].name).toMatch(/^error: layer 1 needs 2 rows/);
      const info = (await client.exceptionInfoRequest({ threadId: stop.body.threadId! })).body;
      expect(info.description).toBe('the spec has errors');
      const refused = await client.nextRequest({ threadId: stop.body.threadId! }).then(() => null, (error: Error) => error.message);
      expect(refused).toMatch(/errors/);
      expect((await client.threadsRequest()).body.threads).toHaveLength(1);
      const fixed = moved(client, () => Promise.resolve());
      const verified = client.waitForEvent('breakpoint') as Promise<DebugProtocol.BreakpointEvent>;
      writeFileSync(program, readFileSync(MAZUR, 'utf8'));
      const resumed = await fixed;
      expect(resumed.body.description).toMatch(/^z⁽¹⁾₁ = /);
      expect((await verified).body.breakpoint).toMatchObject({ id: breakpoints[0].id, verified: true, line: LAYER2_W });
    });
  }, TEST_MS);

  it('sets a weight by writing it into the spec file, and goes on with the new number', async () => {
    await withCopy(MAZUR, async (client, program) => {
      const { stop } = await launch(client, program);
      const thread = stop.body.threadId!;
      const before = await w211(client, thread);
      expect(before.value).toBe('0.4');
      const restopped = client.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
      const set = await client.setVariableRequest({ variablesReference: (await w211Parent(client, thread)).variablesReference, name: 'w⁽²⁾₁₁', value: '0.5' });
      expect(set.body.value).toBe('0.5');
      expect(readFileSync(program, 'utf8')).toBe(readFileSync(MAZUR, 'utf8').replace('w 0.40 0.50', 'w 0.5 0.50'));
      expect((await restopped).body.description).toMatch(/^z⁽¹⁾₁ = /);
      expect((await w211(client, thread)).value).toBe('0.5');
    });
  }, TEST_MS);

  it('refuses to set a computed quantity, with a message', async () => {
    await withCopy(MAZUR, async (client, program) => {
      const { stop } = await launch(client, program);
      const [top] = await frames(client, stop.body.threadId!);
      const layer1 = await scopeVariables(client, top.id, 'Layer 1');
      const z = named(layer1, 'z⁽¹⁾');
      const refused = await client.setVariableRequest({ variablesReference: z.variablesReference, name: 'z⁽¹⁾₁', value: '1' }).then(() => null, (error: Error) => error.message);
      expect(refused).toBeTruthy();
      expect(readFileSync(program, 'utf8')).toBe(readFileSync(MAZUR, 'utf8'));
    });
  }, TEST_MS);

  it('has a usage line, a --help, and refuses a FILE argument', () => {
    const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    expect(help.stdout).toMatch(/^\s+dap\s+serve a debug session/m);
    const own = spawnSync(process.execPath, [cli, 'dap', '--help'], { encoding: 'utf8' });
    expect(own.status).toBe(0);
    expect(own.stdout).toContain('usage: nnet dap');
    const wrong = spawnSync(process.execPath, [cli, 'dap', MAZUR], { encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toContain('nnet dap:');
  });
});

/** The container (row 1 of w⁽²⁾) that holds w⁽²⁾₁₁. */
async function w211Parent(client: DebugClient, threadId: number): Promise<DebugProtocol.Variable> {
  const [top] = await frames(client as NnetDapClient, threadId);
  const layer2 = await scopeVariables(client as NnetDapClient, top.id, 'Layer 2');
  return (await children(client as NnetDapClient, named(layer2, 'w⁽²⁾')))[0];
}

/** A host that keeps the spec in memory, as the extension keeps the editor's buffer. */
function bufferHost(initial: string, writable: boolean) {
  let text = initial;
  let notify: (() => void) | null = null;
  const edits: SpecEdit[] = [];
  const reader: SpecReader = {
    read: async () => text,
    watch: (_path, onChange) => {
      notify = onChange;
      return { dispose: () => (notify = null) };
    },
    ...(writable
      ? {
          write: async (_path: string, edit: SpecEdit) => {
            edits.push(edit);
            text = applyEdits(text, [{ range: edit.range, newText: edit.text }]);
            notify?.();
            return true;
          },
        }
      : {}),
  };
  return { reader, edits, type: (next: string) => ((text = next), notify?.()) };
}

/** Runs `body` against a session served in this process on a socket, reading through `reader`. */
async function inProcess(reader: SpecReader, body: (client: DebugClient) => Promise<void>): Promise<void> {
  const server: Server = createServer((socket) => {
    const session = new NnetDebugSession(reader);
    session.setRunAsServer(true); // never exit the test's process
    session.start(socket, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new DebugClient(process.execPath, 'unused', 'nnet');
  await client.start((server.address() as AddressInfo).port);
  try {
    await body(client);
  } finally {
    await client.stop();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('NnetDebugSession with a host buffer', () => {
  const PATH = '/buffer/untitled.nnet'; // exists only in the host
  const edited = readFileSync(MAZUR, 'utf8').replace('w 0.40 0.50', 'w 0.41 0.50');

  it('debugs the text its host gives, not a file, and follows the host’s edits', async () => {
    const host = bufferHost(edited, false);
    await inProcess(host.reader, async (client) => {
      const { stop } = await launch(client as NnetDapClient, PATH);
      expect(stop.body.reason).toBe('entry');
      expect((await w211(client, 1)).value).toBe('0.41');
      const next = await moved(client as NnetDapClient, () => client.nextRequest({ threadId: 1 }));
      const broken = moved(client as NnetDapClient, async () => host.type(edited.replace('layer 2: 2 sigmoid', 'layer 2: 2 sigmoyd')));
      expect((await broken).body.description).toBe('the spec has errors');
      const mended = moved(client as NnetDapClient, async () => host.type(edited.replace('w 0.41 0.50', 'w 0.42 0.50')));
      expect((await mended).body.description?.split(' = ')[0]).toBe(next.body.description?.split(' = ')[0]); // the same quantity
      expect((await w211(client, 1)).value).toBe('0.42');
    });
  }, TEST_MS);

  it('refuses setVariable with a message when its host cannot write', async () => {
    const host = bufferHost(edited, false);
    await inProcess(host.reader, async (client) => {
      await launch(client as NnetDapClient, PATH);
      const refused = await client.setVariableRequest({ variablesReference: (await w211Parent(client, 1)).variablesReference, name: 'w⁽²⁾₁₁', value: '0.5' }).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(refused).toMatch(/cannot change the spec/);
    });
  }, TEST_MS);

  it('hands setVariable to its host as one edit', async () => {
    const host = bufferHost(edited, true);
    await inProcess(host.reader, async (client) => {
      await launch(client as NnetDapClient, PATH);
      const restopped = client.waitForEvent('stopped');
      await client.setVariableRequest({ variablesReference: (await w211Parent(client, 1)).variablesReference, name: 'w⁽²⁾₁₁', value: '0.5' });
      await restopped;
      expect(host.edits).toHaveLength(1);
      expect(host.edits[0].text).toBe('0.5');
      expect((await w211(client, 1)).value).toBe('0.5');
    });
  }, TEST_MS);
});
