import { createServer, type AddressInfo, type Server } from 'node:net';
import { readFileSync } from 'node:fs';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { describe, expect, it } from 'vitest';
import { launchPlan } from '../../../src/debug/launchArguments';
import { NnetDebugSession } from '../../../src/debug/nnetDebugSession';
import type { PositionEventBody } from '../../../src/debug/positionProtocol';
import type { SpecReader } from '../../../src/debug/specReader';
import { isProgramSource, programName, sameProgram, SPEC_SOURCE_REFERENCE } from '../../../src/debug/specProgram';
import { MAZUR, lineOf, moved } from './dapClient';

/**
 * A spec that is no file: inside VS Code a training step's read-only copy is debugged by its
 * document URI (`backprop-training:/…?…`). The adapter keeps the URI as the program, asks its host
 * for the text under that name, and shows the client the spec so that it opens that document:
 * VS Code (clientID "vscode") gets the URI as the Source's path — which it opens as that very
 * document, and sends back as the path of breakpoints set in it — and any other client gets a
 * sourceReference, whose text the `source` request serves. Files are unchanged (the other
 * protocol tests run `nnet dap` on files).
 */

const TEST_MS = 30_000;
/** The form VS Code's Uri.toString() gives a copy's URI: spaces, brackets and the query's own escapes encoded. */
const COPY = 'backprop-training:/home/learner/mazur%20%28training%29.nnet?spec%3Dfile%253A%252F%252F%252Fhome%252Flearner%252Fmazur.nnet%26run%3Dr1';
/** The same URI as another client might write it, with fewer escapes. */
const COPY_PLAIN = 'backprop-training:/home/learner/mazur (training).nnet?spec=file%253A%252F%252F%252Fhome%252Flearner%252Fmazur.nnet&run=r1';
const TEXT = readFileSync(MAZUR, 'utf8');
const LAYER2_W = lineOf(MAZUR, /^\s*w\s/, /^layer 2:/);

/** A host holding one document, by its URI, as the editor's reader does; it records the names it is asked for. */
function documentHost(text: string) {
  const asked: string[] = [];
  const reader: SpecReader = {
    read: async (program) => {
      asked.push(program);
      if (!sameProgram(program, COPY)) throw Object.assign(new Error('no such document'), { code: 'ENOENT' });
      return text;
    },
  };
  return { reader, asked };
}

/** A client of a session served in this process (never exiting it), initialized as `clientID` would. */
async function inProcess(reader: SpecReader, clientID: string | undefined, body: (client: DebugClient) => Promise<void>): Promise<void> {
  const server: Server = createServer((socket) => {
    const session = new NnetDebugSession(reader);
    session.setRunAsServer(true);
    session.start(socket, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new DebugClient(process.execPath, 'unused', 'nnet');
  client.defaultTimeout = 15_000;
  await client.start((server.address() as AddressInfo).port);
  try {
    await client.initializeRequest({ adapterID: 'nnet', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path', ...(clientID ? { clientID } : {}) });
    await body(client);
  } finally {
    await client.stop();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Launches `program`; before configurationDone, sets `breakpoints` in `source`. Resolves with the first stop and the breakpoints' answer. */
async function launchOn(client: DebugClient, program: string, options: { stopOnEntry?: boolean; source?: DebugProtocol.Source; lines?: number[] } = {}) {
  let breakpoints: DebugProtocol.Breakpoint[] = [];
  const configured = client.waitForEvent('initialized').then(async () => {
    if (options.source) breakpoints = (await client.setBreakpointsRequest({ source: options.source, breakpoints: (options.lines ?? []).map((line) => ({ line })) })).body.breakpoints;
    await client.configurationDoneRequest();
  });
  const stopped = client.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  const position = client.waitForEvent('nnetPosition') as Promise<DebugProtocol.Event>;
  const args = { program, ...(options.stopOnEntry !== undefined ? { stopOnEntry: options.stopOnEntry } : {}) } as DebugProtocol.LaunchRequestArguments;
  const [, , stop, event] = await Promise.all([configured, client.launchRequest(args), stopped, position]);
  return { stop, breakpoints, position: event.body as PositionEventBody };
}

async function topFrame(client: DebugClient): Promise<DebugProtocol.StackFrame> {
  return (await client.stackTraceRequest({ threadId: 1 })).body.stackFrames[0];
}

describe('the program: a file path or a document URI', () => {
  it('resolves paths and file URIs to absolute paths, and keeps any other URI as written', () => {
    expect(launchPlan({ program: 'examples/mazur.nnet' })).toMatchObject({ program: MAZUR });
    expect(launchPlan({ program: `file://${MAZUR.split('/').map(encodeURIComponent).join('/')}` })).toMatchObject({ program: MAZUR });
    expect(launchPlan({ program: COPY })).toMatchObject({ program: COPY });
    expect(launchPlan({ program: 'file://elsewhere/x.nnet' })).toMatch(/file URI that names no file here/);
  });

  it('knows a URI however it is encoded, and a file by its path or its file URI', () => {
    expect(sameProgram(COPY, COPY_PLAIN)).toBe(true);
    expect(sameProgram(COPY, COPY.replace('r1', 'r2'))).toBe(false);
    expect(sameProgram(MAZUR, `file://${MAZUR}`)).toBe(true);
    expect(sameProgram(MAZUR, COPY)).toBe(false);
    expect(programName(COPY)).toBe('mazur (training).nnet');
    expect(programName(MAZUR)).toBe('mazur.nnet');
    expect(isProgramSource(COPY, { sourceReference: SPEC_SOURCE_REFERENCE })).toBe(true);
    expect(isProgramSource(MAZUR, { sourceReference: SPEC_SOURCE_REFERENCE })).toBe(false);
    expect(isProgramSource(COPY, { path: COPY_PLAIN })).toBe(true);
  });
});

describe('debugging a document that is no file', () => {
  it('shows VS Code the URI as the path, binds breakpoints sent with it, and reports the position under it', async () => {
    const host = documentHost(TEXT);
    await inProcess(host.reader, 'vscode', async (client) => {
      // The breakpoint comes as VS Code sends one set in the copy: its URI string as the path.
      const { stop, breakpoints, position } = await launchOn(client, COPY, { stopOnEntry: false, source: { name: 'mazur (training).nnet', path: COPY_PLAIN }, lines: [LAYER2_W] });
      expect(host.asked.every((program) => program === COPY)).toBe(true);
      expect(breakpoints[0]).toMatchObject({ verified: true, line: LAYER2_W, source: { name: 'mazur (training).nnet', path: COPY } });
      expect(stop.body).toMatchObject({ reason: 'breakpoint', hitBreakpointIds: [breakpoints[0].id] });
      expect(position.program).toBe(COPY);
      const top = await topFrame(client);
      expect(top.name).toBe('∂cᵢ/∂w⁽²⁾₁₁ = 0.082167');
      expect(top.source).toEqual({ name: 'mazur (training).nnet', path: COPY });
      expect(top.line).toBe(LAYER2_W);
      // Breakpoint locations and Jump to Cursor answer for the copy, asked by its URI.
      const locations = (await client.send('breakpointLocations', { source: { path: COPY }, line: LAYER2_W })) as DebugProtocol.BreakpointLocationsResponse;
      expect(locations.body.breakpoints.length).toBeGreaterThan(0);
      const targets = await client.gotoTargetsRequest({ source: { path: COPY }, line: LAYER2_W });
      expect(targets.body.targets.length).toBeGreaterThan(0);
      // A breakpoint elsewhere is refused with the copy's name, not its long URI.
      const other = await client.setBreakpointsRequest({ source: { path: MAZUR }, breakpoints: [{ line: LAYER2_W }] });
      expect(other.body.breakpoints[0]).toMatchObject({ verified: false, message: 'Breakpoints stop only in the spec being debugged, mazur (training).nnet.' });
    });
  }, TEST_MS);

  it('gives any other client a sourceReference and serves the text the session debugs', async () => {
    const host = documentHost(TEXT);
    await inProcess(host.reader, undefined, async (client) => {
      const { stop, breakpoints } = await launchOn(client, COPY, { stopOnEntry: false, source: { sourceReference: SPEC_SOURCE_REFERENCE }, lines: [LAYER2_W] });
      expect(breakpoints[0]).toMatchObject({ verified: true, source: { name: 'mazur (training).nnet', sourceReference: SPEC_SOURCE_REFERENCE } });
      expect(stop.body.reason).toBe('breakpoint');
      const top = await topFrame(client);
      expect(top.source).toEqual({ name: 'mazur (training).nnet', sourceReference: SPEC_SOURCE_REFERENCE });
      const source = await client.sourceRequest({ sourceReference: SPEC_SOURCE_REFERENCE, source: top.source });
      expect(source.body.content).toBe(TEXT);
      const refused = await client.sourceRequest({ sourceReference: 7 }).then(() => null, (error: Error) => error.message);
      expect(refused).toMatch(/no such source/);
      const next = await moved(client as never, () => client.nextRequest({ threadId: 1 }));
      expect(next.body.reason).toBe('step');
    });
  }, TEST_MS);

  it('names a copy it cannot read by its name, not its long URI', async () => {
    const host = documentHost(TEXT);
    await inProcess(host.reader, 'vscode', async (client) => {
      const missing = COPY.replace('r1', 'gone');
      const refused = await client.launchRequest({ program: missing } as DebugProtocol.LaunchRequestArguments).then(() => null, (error: Error) => error.message);
      expect(refused).toBe("Cannot read the spec 'mazur (training).nnet': no such file.");
    });
  }, TEST_MS);
});
