import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import * as esbuild from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * Test support for the protocol tests: the `nnet` CLI bundled exactly as scripts/build.mjs
 * bundles dist/cli.js (into a temporary folder, as test/unit/trace/cli.test.ts does, so the
 * tests never race another build over dist/), a DebugClient that runs it as `node cli.js dap`,
 * and helpers for the request sequences every test repeats.
 */

export const MAZUR = resolve('examples/mazur.nnet');
export const FIXTURES = resolve('test/fixtures/debug');

/** Bundles src/cli/main.ts to a fresh /tmp/dap-… folder; throws (failing the suite loudly) when the build fails. */
export async function buildCli(): Promise<{ cli: string; folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'dap-'));
  const cli = join(folder, 'cli.js');
  const result = await esbuild.build({
    entryPoints: ['src/cli/main.ts'], outfile: cli, bundle: true, platform: 'node', format: 'cjs', target: 'es2022',
    banner: { js: '#!/usr/bin/env node' }, logLevel: 'silent',
  });
  if (result.errors.length > 0) throw new Error(`building the nnet CLI failed:\n${result.errors.map((e) => e.text).join('\n')}`);
  return { cli, folder };
}

/**
 * The life of a protocol test file: the CLI bundled once, a fresh `nnet dap` client for each
 * test, stopped after it, and the bundle removed at the end. Returns the current test's client.
 */
export function useDapClient(): () => NnetDapClient {
  let built: { cli: string; folder: string } | null = null;
  let client: NnetDapClient | null = null;
  beforeAll(async () => {
    built = await buildCli();
  }, 120_000);
  afterAll(() => {
    if (built) rmSync(built.folder, { recursive: true, force: true });
  });
  beforeEach(async () => {
    client = new NnetDapClient(built!.cli);
    await client.start();
  });
  afterEach(async () => {
    await client?.stop();
  });
  return () => client!;
}

/**
 * DebugClient spawns `runtime executable` with no further arguments, so this one spawns
 * `node cli.js dap` itself. It keeps every byte of standard output (to check that nothing but
 * protocol is written there), standard error, and the Debug Console's lines.
 */
export class NnetDapClient extends DebugClient {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly raw: Buffer[] = [];
  stderr = '';
  /** Every `output` event's text, in order. */
  readonly console: string[] = [];
  /** The output and stopped events in the order they came: "output: …" and "stopped: …". */
  readonly events: string[] = [];

  constructor(private readonly cli: string) {
    super(process.execPath, cli, 'nnet');
    this.defaultTimeout = 15_000; // a 2-core machine running other suites
    this.on('output', (event: DebugProtocol.OutputEvent) => {
      this.console.push(event.body.output);
      this.events.push(`output: ${event.body.output}`);
    });
    this.on('stopped', (event: DebugProtocol.StoppedEvent) => this.events.push(`stopped: ${event.body.description}`));
  }

  override start(): Promise<void> {
    const child = spawn(process.execPath, [this.cli, 'dap'], { stdio: 'pipe' });
    child.stdout.on('data', (chunk: Buffer) => this.raw.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.connect(child.stdout, child.stdin);
    this.child = child;
    return Promise.resolve();
  }

  override async stop(): Promise<void> {
    try {
      await this.disconnectRequest({});
    } catch {
      // The adapter may be gone already.
    }
    this.child?.kill();
    this.child = null;
  }

  /** Standard output split into protocol messages; throws if any byte is not part of one. */
  protocolMessages(): unknown[] {
    let rest = Buffer.concat(this.raw);
    const messages: unknown[] = [];
    while (rest.length > 0) {
      const header = /^Content-Length: (\d+)\r\n\r\n/.exec(rest.subarray(0, 64).toString('latin1'));
      if (!header) throw new Error(`standard output holds something other than protocol: ${JSON.stringify(rest.subarray(0, 80).toString('utf8'))}`);
      const start = header[0].length;
      const length = Number(header[1]);
      messages.push(JSON.parse(rest.subarray(start, start + length).toString('utf8')));
      rest = rest.subarray(start + length);
    }
    return messages;
  }

  /** The Debug Console so far as lines. */
  consoleLines(): string[] {
    return this.console.join('').split('\n').filter((line) => line !== '');
  }
}

export interface LaunchOptions {
  readonly stopOnEntry?: boolean;
  readonly example?: number;
  readonly breakpoints?: DebugProtocol.SourceBreakpoint[];
  readonly exceptionFilters?: DebugProtocol.ExceptionFilterOptions[];
}

/** The configuration sequence and launch; resolves with the first stop and the configuration answers. */
export async function launch(client: NnetDapClient, program: string, options: LaunchOptions = {}) {
  let breakpoints: DebugProtocol.Breakpoint[] = [];
  let filters: DebugProtocol.Breakpoint[] | undefined;
  const configure = client.waitForEvent('initialized').then(async () => {
    if (options.breakpoints) breakpoints = (await client.setBreakpointsRequest({ source: { path: program }, breakpoints: options.breakpoints })).body.breakpoints;
    if (options.exceptionFilters) filters = (await client.setExceptionBreakpointsRequest({ filters: [], filterOptions: options.exceptionFilters })).body?.breakpoints;
    await client.configurationDoneRequest();
  });
  const stopped = client.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>;
  const launchArgs = { program, ...(options.stopOnEntry !== undefined ? { stopOnEntry: options.stopOnEntry } : {}), ...(options.example !== undefined ? { example: options.example } : {}) };
  const [, , stop] = await Promise.all([configure, client.launch(launchArgs), stopped]);
  return { stop, breakpoints, filters };
}

/** Sends a moving request and resolves with the stop it causes. */
export async function moved(client: NnetDapClient, request: () => Promise<unknown>): Promise<DebugProtocol.StoppedEvent> {
  const [stop] = await Promise.all([client.waitForEvent('stopped') as Promise<DebugProtocol.StoppedEvent>, request()]);
  return stop;
}

export async function frames(client: NnetDapClient, threadId: number): Promise<DebugProtocol.StackFrame[]> {
  return (await client.stackTraceRequest({ threadId })).body.stackFrames;
}

/** The text a frame's range covers in `file` (1-based lines and columns, end column exclusive). */
export function textOf(file: string, frame: { line: number; column: number; endLine?: number; endColumn?: number }): string {
  const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  if (frame.endLine !== undefined && frame.endLine !== frame.line) throw new Error(`frame spans lines ${frame.line}–${frame.endLine}`);
  return lines[frame.line - 1].slice(frame.column - 1, (frame.endColumn ?? frame.column) - 1);
}

/** A scope's variables by name. */
export async function scopeVariables(client: NnetDapClient, frameId: number, scopeName: string): Promise<DebugProtocol.Variable[]> {
  const scopes = (await client.scopesRequest({ frameId })).body.scopes;
  const scope = scopes.find((s) => s.name === scopeName);
  if (!scope) throw new Error(`no scope ${scopeName} among ${scopes.map((s) => s.name).join(', ')}`);
  return (await client.variablesRequest({ variablesReference: scope.variablesReference })).body.variables;
}

/** The children of a variable (all pages). */
export async function children(client: NnetDapClient, parent: DebugProtocol.Variable): Promise<DebugProtocol.Variable[]> {
  if (parent.variablesReference === 0) throw new Error(`${parent.name} has no children`);
  return (await client.variablesRequest({ variablesReference: parent.variablesReference })).body.variables;
}

export function named(variables: readonly DebugProtocol.Variable[], name: string): DebugProtocol.Variable {
  const found = variables.find((v) => v.name === name);
  if (!found) throw new Error(`no variable ${name} among ${variables.map((v) => v.name).join(', ')}`);
  return found;
}

/** The 1-based line of the first line of `file` matching `pattern` after the line matching `after`. */
export function lineOf(file: string, pattern: RegExp, after?: RegExp): number {
  const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  const from = after ? lines.findIndex((line) => after.test(line)) : -1;
  const index = lines.findIndex((line, q) => q > from && pattern.test(line));
  if ((after && from < 0) || index < 0) throw new Error(`no line matching ${pattern} in ${file}`);
  return index + 1;
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A number as the session prints it (−0.25, 2.06115×10⁻⁹, ∞), or NaN when `text` is not one. */
export function shownNumber(text: string): number {
  const match = /^([−-]?)(∞|\d+(?:\.\d+)?)(?:×10([⁻]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/.exec(text.trim());
  if (!match) return NaN;
  const [, sign, digits, minus, power] = match;
  const magnitude = digits === '∞' ? Infinity : Number(digits);
  const exponent = power ? Number([...power].map((c) => SUPERSCRIPTS.indexOf(c)).join('')) * (minus ? -1 : 1) : 0;
  return (sign ? -1 : 1) * magnitude * 10 ** exponent;
}
