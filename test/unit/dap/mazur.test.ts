import { beforeEach, describe, expect, it } from 'vitest';
import { MAZUR, NnetDapClient, useDapClient, children, frames, launch, lineOf, moved, named, scopeVariables, shownNumber, textOf } from './dapClient';

/**
 * `nnet dap` driven over standard input/output by DebugClient on the classic 2-2-2 example,
 * as issue 13's acceptance lists: stop on entry, a breakpoint on layer 2's w, the Variables
 * view, Step Back and Reverse Continue, fd() against backprop, conditions and logpoints, and
 * positioned messages for expressions with mistakes.
 */

const LAYER2_W = lineOf(MAZUR, /^\s*w\s/, /^layer 2:/); // "  w 0.40 0.50"
const LAYER2_B = lineOf(MAZUR, /^\s*b\s/, /^layer 2:/); // "  b 0.60 0.60"
const TEST_MS = 30_000;

const session = useDapClient();
let client: NnetDapClient;
beforeEach(() => {
  client = session();
});

describe('nnet dap on mazur.nnet', () => {
  it('stops on entry at z⁽¹⁾₁, in thread 1, with the whole stop event', async () => {
    const { stop } = await launch(client, MAZUR);
    expect(stop.body.reason).toBe('entry');
    expect(stop.body.threadId).toBe(1);
    expect(stop.body.allThreadsStopped).toBe(true);
    expect(stop.body.description).toMatch(/^z⁽¹⁾₁ = 0\.3775/);
    const [top] = await frames(client, 1);
    expect(top.name).toMatch(/^z⁽¹⁾₁/);
    expect(top.source?.path).toBe(MAZUR);
    const threads = (await client.threadsRequest()).body.threads;
    expect(threads).toHaveLength(1);
    expect(threads[0].name).toContain('example 1');
  }, TEST_MS);

  it("stops at a breakpoint on layer 2's w at ∂cᵢ/∂w⁽²⁾₁₁, its frame exactly the text 0.40", async () => {
    const { stop, breakpoints } = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_W }] });
    expect(breakpoints).toHaveLength(1);
    expect(breakpoints[0].verified).toBe(true);
    expect(stop.body.reason).toBe('breakpoint');
    expect(stop.body.hitBreakpointIds).toEqual([breakpoints[0].id]);
    expect(stop.body.description).toBe('∂cᵢ/∂w⁽²⁾₁₁ = 0.082167');
    const [top] = await frames(client, stop.body.threadId!);
    expect(top.name).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₁/);
    expect(top.line).toBe(LAYER2_W);
    expect(top.column).toBe(5); // "  w 0.40": the number starts at the fifth character
    expect(top.endLine).toBe(LAYER2_W);
    expect(top.endColumn).toBe(9);
    expect(textOf(MAZUR, top)).toBe('0.40');
  }, TEST_MS);

  it('then shows δ⁽²⁾₁ = 0.138499 in the Variables view and no value for what is not reached yet', async () => {
    const { stop } = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_W }] });
    const [top] = await frames(client, stop.body.threadId!);
    const layer2 = await scopeVariables(client, top.id, 'Layer 2');
    const delta2 = await children(client, named(layer2, 'δ⁽²⁾'));
    const delta21 = named(delta2, 'δ⁽²⁾₁');
    // The Variables view prints 12 significant digits: enough to check 9.
    expect(delta21.value).toMatch(/^0\.138498\d+$/);
    expect(Number(delta21.value)).toBeCloseTo(0.138498562, 9);
    expect(delta21.evaluateName).toBe('delta(2)[1]');
    // The backward pass reaches layer 1 after layer 2's gradients: nothing of δ⁽¹⁾ is known.
    const layer1 = await scopeVariables(client, top.id, 'Layer 1');
    for (const entry of await children(client, named(layer1, 'δ⁽¹⁾'))) expect(entry.value).toBe('not computed yet');
    for (const entry of await children(client, named(layer1, '∂cᵢ/∂b⁽¹⁾'))) expect(entry.value).toBe('not computed yet');
    // Paged as the client pages a wide layer: filter indexed, start 1, count 1.
    const paged = (await client.variablesRequest({ variablesReference: named(layer2, 'δ⁽²⁾').variablesReference, filter: 'indexed', start: 1, count: 1 })).body.variables;
    expect(paged.map((v) => v.name)).toEqual(['δ⁽²⁾₂']);
  }, TEST_MS);

  it('Step Back and Reverse Continue return to the previous stops', async () => {
    const { stop: entry } = await launch(client, MAZUR, { breakpoints: [{ line: LAYER2_W }] });
    const thread = entry.body.threadId!;
    const stepped = [entry.body.description];
    for (let q = 0; q < 3; q++) stepped.push((await moved(client, () => client.nextRequest({ threadId: thread }))).body.description);
    expect(new Set(stepped).size).toBe(4);
    for (let q = 2; q >= 0; q--) {
      const back = await moved(client, () => client.stepBackRequest({ threadId: thread }));
      expect(back.body.description).toBe(stepped[q]);
    }
    const first = await moved(client, () => client.continueRequest({ threadId: thread }));
    expect(first.body.reason).toBe('breakpoint');
    const firstFrame = (await frames(client, thread))[0];
    const second = await moved(client, () => client.continueRequest({ threadId: thread }));
    expect(second.body.reason).toBe('breakpoint');
    expect(second.body.description).not.toBe(first.body.description);
    const reversed = await moved(client, () => client.reverseContinueRequest({ threadId: thread }));
    expect(reversed.body.description).toBe(first.body.description);
    expect((await frames(client, thread))[0]).toMatchObject({ line: firstFrame.line, column: firstFrame.column, endColumn: firstFrame.endColumn });
  }, TEST_MS);

  it('evaluates fd(w(2)[1,2]) to within 1e-6 of dc/dw(2)[1,2]', async () => {
    // A column breakpoint on w⁽²⁾₁₂ ("0.50"): the stop where backprop has just computed its gradient.
    const { stop } = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_W, column: 10 }] });
    expect(stop.body.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₂ = /);
    const [top] = await frames(client, stop.body.threadId!);
    const evaluate = async (expression: string) => (await client.evaluateRequest({ expression, frameId: top.id, context: 'repl' })).body.result;
    const [fdText, backpropText] = [await evaluate('fd(w(2)[1,2])'), await evaluate('dc/dw(2)[1,2]')];
    const [fd, backprop] = [shownNumber(fdText), shownNumber(backpropText)];
    expect(Number.isFinite(backprop) && backprop !== 0, `fd ${fdText}, backprop ${backpropText}`).toBe(true);
    expect(Math.abs(fd - backprop) / Math.abs(backprop)).toBeLessThan(1e-6);
  }, TEST_MS);

  it('passes a conditional breakpoint whose condition never holds', async () => {
    const never = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_W, condition: 'abs(delta(2)[1]) < 1e-4' }] });
    expect(never.stop.body.reason).not.toBe('breakpoint');
    expect(never.stop.body.description).toContain('end');
  }, TEST_MS);

  it('stops at a conditional breakpoint when its condition holds', async () => {
    const holds = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_W, condition: 'delta(2)[1] > 0.1' }] });
    expect(holds.stop.body.reason).toBe('breakpoint');
    expect(holds.stop.body.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₁/);
  }, TEST_MS);

  it('prints a logpoint in the Debug Console without stopping', async () => {
    const { stop } = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_B, logMessage: 'δ = {delta(2)[1]}' }] });
    expect(stop.body.reason).not.toBe('breakpoint');
    const logged = client.consoleLines().filter((line) => line.startsWith('δ = '));
    expect(logged.length).toBeGreaterThan(0);
    expect(Number(logged[0].slice(4))).toBeCloseTo(0.138498562, 6);
  }, TEST_MS);

  it('answers an expression with a mistake with a positioned message', async () => {
    const { stop } = await launch(client, MAZUR);
    const [top] = await frames(client, stop.body.threadId!);
    const mistakes: [string, number][] = [['delta(2)[1', 9], ['w(2)[1,3]', 8], ['abs(delta(2)[1]) <', 19]];
    for (const [expression, column] of mistakes) {
      const failure = await client.evaluateRequest({ expression, frameId: top.id, context: 'watch' }).then(
        () => null,
        (error: Error) => error.message,
      );
      expect(failure, expression).not.toBeNull();
      // "message (column N)", then the expression, then a caret under the mistake.
      const [message, echoed, caret] = failure!.split('\n');
      expect(message, expression).toMatch(new RegExp(`\\(column ${column}\\)$`));
      expect(echoed.trim()).toBe(expression);
      expect(caret.indexOf('^') - echoed.indexOf(expression), expression).toBe(column - 1);
    }
  }, TEST_MS);

  it('reports a breakpoint condition with a mistake in the Debug Console, and stops there', async () => {
    const { stop } = await launch(client, MAZUR, { stopOnEntry: false, breakpoints: [{ line: LAYER2_W, condition: 'delta(2)[1 > 0' }] });
    expect(stop.body.reason).toBe('breakpoint');
    expect(client.consoleLines().some((line) => line.includes('delta(2)[1 > 0') && /column \d+/.test(line))).toBe(true);
  }, TEST_MS);

  it('reads the article’s symbols as well as ASCII', async () => {
    const { stop } = await launch(client, MAZUR, { stopOnEntry: false });
    const [top] = await frames(client, stop.body.threadId!);
    const value = async (expression: string) => shownNumber((await client.evaluateRequest({ expression, frameId: top.id, context: 'hover' })).body.result);
    expect(await value('δ⁽²⁾₁')).toBeCloseTo(0.138498562, 9);
    expect(await value('delta(2)[1]')).toBe(await value('δ⁽²⁾₁'));
  }, TEST_MS);

  it('lists the exception filters and the capabilities the session has', async () => {
    const capabilities = (await client.initializeRequest()).body!;
    expect(capabilities).toMatchObject({
      supportsConfigurationDoneRequest: true, supportsStepBack: true, supportsConditionalBreakpoints: true, supportsHitConditionalBreakpoints: true,
      supportsLogPoints: true, supportsEvaluateForHovers: true, supportsStepInTargetsRequest: true, supportsGotoTargetsRequest: true,
      supportsBreakpointLocationsRequest: true, supportsExceptionInfoRequest: true, supportsExceptionFilterOptions: true, supportsSetVariable: true,
      supportsCompletionsRequest: true,
    });
    expect(capabilities.exceptionBreakpointFilters!.map((f) => f.filter).sort()).toEqual(['dead-relu', 'exploding', 'nonfinite', 'saturated', 'vanishing']);
    expect(capabilities.exceptionBreakpointFilters!.find((f) => f.filter === 'nonfinite')?.default).toBe(true);
    expect(capabilities.exceptionBreakpointFilters!.find((f) => f.filter === 'vanishing')?.supportsCondition).toBe(true);
  }, TEST_MS);

  it('writes nothing but protocol to standard output', async () => {
    const { stop } = await launch(client, MAZUR, { breakpoints: [{ line: LAYER2_W, logMessage: 'logged {c}' }] });
    await moved(client, () => client.continueRequest({ threadId: stop.body.threadId! }));
    await client.evaluateRequest({ expression: 'w(2)[1', context: 'repl' }).catch(() => undefined);
    const messages = client.protocolMessages();
    expect(messages.length).toBeGreaterThan(5);
    expect(messages.every((m) => typeof m === 'object' && m !== null && 'type' in m)).toBe(true);
  }, TEST_MS);
});
