import type { DebugProtocol } from '@vscode/debugprotocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAZUR, NnetDapClient, useDapClient, frames, launch, lineOf, moved, textOf } from './dapClient';

/**
 * The rest of the protocol, request by request, on mazur.nnet: the order of output and stop
 * events, 0-based clients, breakpoints that cannot be, breakpoint locations, step-in and goto
 * targets, Step Out, paged stacks, pause, completions and terminate.
 */

const LAYER2_W = lineOf(MAZUR, /^\s*w\s/, /^layer 2:/); // "  w 0.40 0.50"
const TEST_MS = 30_000;

const session = useDapClient();
let client: NnetDapClient;
beforeEach(() => {
  client = session();
});

describe('nnet dap requests', () => {
  it("sends each move's worked lines to the Debug Console before the stop", async () => {
    const { stop } = await launch(client, MAZUR);
    const from = client.events.length;
    const next = await moved(client, () => client.nextRequest({ threadId: stop.body.threadId! }));
    const events = client.events.slice(from);
    expect(events.at(-1)).toBe(`stopped: ${next.body.description}`);
    expect(events.slice(0, -1).length).toBeGreaterThan(0);
    expect(events.slice(0, -1).every((e) => e.startsWith('output: '))).toBe(true);
    expect(events.join('\n')).toContain('a⁽¹⁾₁ = ');
  }, TEST_MS);

  it('speaks 0-based lines and columns to a client that asks for them', async () => {
    await client.initializeRequest({ adapterID: 'nnet', linesStartAt1: false, columnsStartAt1: false, pathFormat: 'path' });
    const configured = client.waitForEvent('initialized').then(async () => {
      const set = await client.setBreakpointsRequest({ source: { path: MAZUR }, breakpoints: [{ line: LAYER2_W - 1 }] });
      expect(set.body.breakpoints[0]).toMatchObject({ verified: true, line: LAYER2_W - 1 });
      await client.configurationDoneRequest();
    });
    const stopped = client.waitForEvent('stopped');
    await Promise.all([configured, client.launchRequest({ program: MAZUR, stopOnEntry: false } as DebugProtocol.LaunchRequestArguments), stopped]);
    const [top] = await frames(client, 1);
    expect(top).toMatchObject({ line: LAYER2_W - 1, column: 4, endLine: LAYER2_W - 1, endColumn: 8 });
  }, TEST_MS);

  it('leaves breakpoints elsewhere unverified, with a reason', async () => {
    const { breakpoints } = await launch(client, MAZUR, { breakpoints: [{ line: 1 }, { line: LAYER2_W }] });
    expect(breakpoints[0].verified).toBe(false);
    expect(breakpoints[0].message).toBeTruthy();
    expect(breakpoints[1].verified).toBe(true);
    const other = await client.setBreakpointsRequest({ source: { path: '/elsewhere/other.nnet' }, breakpoints: [{ line: 3 }] });
    expect(other.body.breakpoints[0].verified).toBe(false);
    expect(other.body.breakpoints[0].message).toContain(MAZUR);
  }, TEST_MS);

  it('lists the numbers of a line as breakpoint locations, and stops at a column breakpoint on one', async () => {
    await launch(client, MAZUR);
    const locations = (await client.send('breakpointLocations', { source: { path: MAZUR }, line: LAYER2_W })).body.breakpoints as DebugProtocol.BreakpointLocation[];
    expect(locations.map((l) => textOf(MAZUR, { line: l.line, column: l.column!, endLine: l.endLine, endColumn: l.endColumn }))).toEqual(['0.40', '0.50']);
    const [, second] = locations;
    const set = await client.setBreakpointsRequest({ source: { path: MAZUR }, breakpoints: [{ line: LAYER2_W, column: second.column }] });
    expect(set.body.breakpoints[0]).toMatchObject({ verified: true, column: second.column, endColumn: second.endColumn });
    const hit = await moved(client, () => client.continueRequest({ threadId: 1 }));
    expect(hit.body.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₂ = /);
  }, TEST_MS);

  it('counts hits: a hit condition of 2 skips the first hit', async () => {
    const { stop } = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_W, hitCondition: '2' }] });
    expect(stop.body.reason).toBe('breakpoint');
    expect(stop.body.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₂ = /);
  }, TEST_MS);

  it('steps into a chosen factor, goes to a number, and steps out of a layer', async () => {
    const { stop } = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_W }] });
    const [top] = await frames(client, stop.body.threadId!);
    const targets = (await client.stepInTargetsRequest({ frameId: top.id })).body.targets;
    expect(targets.length).toBeGreaterThan(0);
    const chosen = targets.find((t) => t.label.startsWith('a⁽¹⁾₁')) ?? targets[0];
    const into = await moved(client, () => client.stepInRequest({ threadId: 1, targetId: chosen.id }));
    expect(into.body.description?.split(' = ')[0]).toBe(chosen.label.split(' = ')[0]);

    const gotos = (await client.gotoTargetsRequest({ source: { path: MAZUR }, line: LAYER2_W, column: 10 })).body.targets;
    expect(gotos.map((t) => t.label)).toContain('∂cᵢ/∂w⁽²⁾₁₂');
    const target = gotos.find((t) => t.label === '∂cᵢ/∂w⁽²⁾₁₂')!;
    const went = await moved(client, () => client.gotoRequest({ threadId: 1, targetId: target.id }));
    expect(went.body.reason).toBe('goto');
    expect(went.body.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₂ = /);

    const out = await moved(client, () => client.stepOutRequest({ threadId: 1 }));
    expect(out.body.description).not.toBe(went.body.description);
  }, TEST_MS);

  it('pages the stack with startFrame and levels', async () => {
    const { stop } = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_W }] });
    const whole = (await client.stackTraceRequest({ threadId: stop.body.threadId! })).body;
    expect(whole.stackFrames.length).toBeGreaterThan(2);
    expect(whole.totalFrames).toBe(whole.stackFrames.length);
    expect(whole.stackFrames.at(-1)!.name).toMatch(/^cᵢ/);
    const page = (await client.stackTraceRequest({ threadId: stop.body.threadId!, startFrame: 1, levels: 1 })).body;
    expect(page.stackFrames.map((f) => f.name)).toEqual([whole.stackFrames[1].name]);
    expect(page.totalFrames).toBe(whole.totalFrames);
  }, TEST_MS);

  it('answers pause by stopping where it is', async () => {
    const { stop } = await launch(client, MAZUR);
    const paused = await moved(client, () => client.pauseRequest({ threadId: 1 }));
    expect(paused.body.reason).toBe('pause');
    expect(paused.body.description).toBe(stop.body.description);
  }, TEST_MS);

  it('completes names in the Debug Console', async () => {
    await launch(client, MAZUR);
    const targets = (await client.completionsRequest({ text: 'del', column: 4 })).body.targets;
    expect(targets.map((t) => t.label).join(' ')).toContain('delta');
  }, TEST_MS);

  it("reports each stop's position and moves where the editor asks (nnetPosition, nnetMoveTo)", async () => {
    const positions: unknown[] = [];
    client.on('nnetPosition', (event: DebugProtocol.Event) => positions.push(event.body));
    /** The position event that follows a stop (it comes just after the stopped event). */
    const positionAfter = async (count: number) => {
      for (let waited = 0; positions.length < count && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      return positions[count - 1];
    };
    await launch(client, MAZUR);
    expect(await positionAfter(1)).toEqual({ program: MAZUR, example: 0, step: 0 });
    await moved(client, () => client.nextRequest({ threadId: 1 }));
    expect(await positionAfter(2)).toEqual({ program: MAZUR, example: 0, step: 1 });
    const stop = await moved(client, () => client.customRequest('nnetMoveTo', { example: 0, step: 5 }));
    expect(await positionAfter(3)).toEqual({ program: MAZUR, example: 0, step: 5 });
    expect((await frames(client, 1))[0].name).toBe(stop.body.description);
    const refused = await client.customRequest('nnetMoveTo', { example: 'first' }).then(() => null, (error: Error) => error.message);
    expect(refused).toContain('nnetMoveTo');
  }, TEST_MS);

  it('ends on terminate', async () => {
    await launch(client, MAZUR);
    const terminated = client.waitForEvent('terminated');
    await client.terminateRequest();
    await terminated;
  }, TEST_MS);
});
