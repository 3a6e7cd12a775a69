import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DebugRuntime } from '../../../src/core/debug/runtime';
import type { Range } from '../../../src/core/text/range';

/**
 * The debug runtime over the trace, driven as an adapter drives it, on the Mazur network whose
 * every number is published: entry, breakpoints on the spec's text, frames on their numbers,
 * variables that say what is not computed yet, stepping both ways.
 */
const MAZUR = readFileSync('examples/mazur.nnet', 'utf8');
const lines = MAZUR.split('\n');
const textOf = (range: Range | null) => (range ? lines[range.start.line].slice(range.start.character, range.end.character) : null);

function started(text = MAZUR): DebugRuntime {
  const runtime = new DebugRuntime();
  expect(runtime.load(text).blocked).toBe(false);
  return runtime;
}

/** Every variable under a scope of the top frame, by name, opening containers one level down. */
function flatVariables(runtime: DebugRuntime, threadId = 1): Map<string, string> {
  const frame = runtime.stack(threadId)[0];
  const all = new Map<string, string>();
  for (const scope of runtime.scopes(frame.id))
    for (const variable of runtime.variables(scope.variablesReference)) {
      all.set(`${scope.name}/${variable.name}`, variable.value);
      if (variable.variablesReference > 0)
        for (const child of runtime.variables(variable.variablesReference)) all.set(`${scope.name}/${variable.name}/${child.name}`, child.value);
    }
  return all;
}

describe('the debug runtime on mazur.nnet', () => {
  it('has one thread per example, named with its x and y', () => {
    expect(started().threads()).toEqual([{ id: 1, name: 'example 1: x = (0.05, 0.1), y = (0.01, 0.99)' }]);
  });

  it('stops on entry at z⁽¹⁾₁, with a frame on layer 1 and the chain up to the cost', () => {
    const runtime = started();
    const { stop } = runtime.start(1, true);
    expect(stop).toMatchObject({ reason: 'entry', threadId: 1, description: 'z⁽¹⁾₁ = 0.3775' });
    const frames = runtime.stack(1);
    expect(frames.map((f) => f.name)).toEqual(['z⁽¹⁾₁ = 0.3775', 'a⁽¹⁾₁ (not computed yet)', 'z⁽²⁾', 'a⁽²⁾', 'cᵢ (not computed yet)']);
    expect(textOf(frames[0].range)).toBe('layer 1: 2 sigmoid');
    expect(textOf(frames[4].range)).toContain('cost half-squared');
  });

  it('stops at ∂cᵢ/∂w⁽²⁾₁₁ on a breakpoint on the line of layer 2’s w, its frame exactly on 0.40', () => {
    const runtime = started();
    const [breakpoint] = runtime.setBreakpoints([{ line: 11 }]);
    expect(breakpoint).toMatchObject({ verified: true, line: 11, column: 4, endColumn: 13 });
    runtime.start(1, true);
    const { stop } = runtime.continue(1);
    expect(stop).toMatchObject({ reason: 'breakpoint', description: '∂cᵢ/∂w⁽²⁾₁₁ = 0.082167', hitBreakpointIds: [breakpoint.id] });
    const frames = runtime.stack(1);
    expect(textOf(frames[0].range)).toBe('0.40');
    expect(frames.map((f) => f.name)).toEqual(['∂cᵢ/∂w⁽²⁾₁₁ = 0.082167', 'δ⁽²⁾₁ = 0.138499', 'cᵢ = 0.298371']);
    const variables = flatVariables(runtime);
    expect(variables.get('Layer 2/δ⁽²⁾/δ⁽²⁾₁')).toBe('0.138498561629');
    expect(variables.get('Layer 2/∂cᵢ/∂b⁽²⁾/∂cᵢ/∂b⁽²⁾₁')).toBe('not computed yet');
    expect(variables.get('Layer 1/δ⁽¹⁾/δ⁽¹⁾₁')).toBe('not computed yet');
    expect(variables.get('Layer 2/w⁽²⁾')).toBe('[2×2]');
    expect(variables.get('Step/value')).toBe('0.0821670405642');
    // The same line stops again at w⁽²⁾₁₂'s gradient, then at the updates.
    expect(runtime.continue(1).stop.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₂ = /);
  });

  it('points cᵢ at the cost line wherever it stands in the stack', () => {
    const runtime = started();
    runtime.moveTo(0, 8);
    const frames = runtime.stack(1);
    expect(frames.map((f) => f.name)).toEqual(['cᵢ = 0.298371']);
    expect(textOf(frames[0].range)).toBe('cost half-squared');
  });

  it('steps back and reverse-continues to the previous stops', () => {
    const runtime = started();
    runtime.setBreakpoints([{ line: 11, column: 9 }, { line: 2 }]);
    runtime.start(1, true);
    const first = runtime.continue(1).stop;
    expect(first.description).toMatch(/^cᵢ = /);
    const second = runtime.continue(1).stop;
    expect(second.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₂ = /);
    expect(runtime.stepOver(1).stop.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₂₁ = /);
    expect(runtime.stepBack(1).stop.description).toBe(second.description);
    expect(runtime.reverseContinue(1).stop.description).toBe(first.description);
    expect(runtime.reverseContinue(1).stop.description).toBe('before the first step of example 1 (the start of example 1\'s trace)');
  });

  it('reports lines that compute nothing as unverified, with the reason', () => {
    const runtime = started();
    const infos = runtime.setBreakpoints([{ line: 0 }, { line: 5 }, { line: 15 }]);
    expect(infos.map((b) => b.verified)).toEqual([false, false, true]);
    expect(infos[1].message).toContain('Layer 0 holds the inputs');
  });

  it('offers the numbers of a line as breakpoint locations, and steps into a quantity’s factors', () => {
    const runtime = started();
    expect(runtime.breakpointLocations(8).map((l) => textOf({ start: { line: l.line, character: l.column }, end: { line: l.endLine, character: l.endColumn } }))).toEqual(['0.20', '0.30']);
    runtime.start(1, true);
    expect(runtime.gotoTargets(13, 4).map((t) => t.label)).toEqual(['∂cᵢ/∂b⁽²⁾₁', 'new b⁽²⁾₁']);
    runtime.goto(1, runtime.gotoTargets(11, 4)[0].id);
    const into = runtime.stepInTargets(runtime.stack(1)[0].id);
    // ∂cᵢ/∂w⁽²⁾₁₁ = ∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁) · a⁽¹⁾₁ = δ⁽²⁾₁ · a⁽¹⁾₁: each factor is a step to go back into.
    expect(into.map((t) => t.label.split(' = ')[0])).toEqual(['∂cᵢ/∂a⁽²⁾₁', 'σ′(z⁽²⁾₁)', 'a⁽¹⁾₁', 'δ⁽²⁾₁']);
    expect(runtime.stepIn(1, into[3].id).stop.description).toBe('δ⁽²⁾₁ = 0.138499');
    runtime.goto(1, runtime.gotoTargets(11, 4)[0].id);
    expect(runtime.stepIn(1).stop.description).toMatch(/^∂cᵢ\/∂a⁽²⁾₁ = /);
  });

  it('stops on none of the exception filters on mazur.nnet', () => {
    const runtime = started();
    runtime.setExceptionFilters(['nonfinite', 'vanishing', 'exploding', 'saturated', 'dead-relu'].map((filterId) => ({ filterId: filterId as never })));
    runtime.start(1, true);
    const { stop } = runtime.continue(1);
    expect(stop.reason).toBe('step');
    expect(stop.description).toContain('(the end of example 1\'s trace)');
  });
});

describe('the debug runtime on specs built to fail', () => {
  const spec = (layers: string, examples: string) => `cost half-squared\nlayer 0: 1 inputs\n${layers}\n${examples}\n`;

  it('stops where a value first becomes non-finite', () => {
    const runtime = started(spec('layer 1: 1 linear\n  w 1e300\n  b 0\nlayer 2: 1 linear\n  w 1e300\n  b 0', 'example x 1 y 0'));
    runtime.start(1, true);
    const { stop } = runtime.continue(1);
    expect(stop).toMatchObject({ reason: 'exception', description: 'z⁽²⁾₁ = ∞' });
    expect(runtime.exceptionInfo(1)).toMatchObject({ exceptionId: 'nonfinite' });
  });

  it.each([
    ['vanishing', '1e-3', 'layer 1: 1 sigmoid\n  w 30\n  b 0\nlayer 2: 1 sigmoid\n  w 1\n  b 0', 'δ⁽¹⁾₁'],
    ['exploding', '10', 'layer 1: 1 linear\n  w 100\n  b 0\nlayer 2: 1 linear\n  w 100\n  b 0', 'δ⁽²⁾₁'],
    ['saturated', '', 'layer 1: 1 sigmoid\n  w 30\n  b 0\nlayer 2: 1 linear\n  w 1\n  b 0', 'σ′(z⁽¹⁾₁)'],
    ['dead-relu', '', 'layer 1: 2 relu\n  w -1 1\n  b 0 0\nlayer 2: 1 linear\n  w 1\n    1\n  b 0', 'z⁽¹⁾₁'],
  ])('stops on %s', (filterId, condition, layers, where) => {
    const runtime = started(spec(layers, 'example x 1 y 0\nexample x 2 y 1'));
    runtime.setExceptionFilters([{ filterId: 'nonfinite' }, { filterId: filterId as never, condition }]);
    const { stop } = runtime.start(1, false);
    expect(stop.reason).toBe('exception');
    expect(stop.description.startsWith(`${where} = `)).toBe(true);
    expect(runtime.exceptionInfo(1)!.exceptionId).toBe(filterId);
  });

  it('pauses with a spec’s errors, one frame on each, and never throws', () => {
    const runtime = new DebugRuntime();
    expect(runtime.load('layer 0: 2 inputs\nlayer 1: 2 sigmod\n').blocked).toBe(true);
    const { stop, output } = runtime.start(1, true);
    expect(stop).toMatchObject({ reason: 'exception', description: 'the spec has errors' });
    expect(output.length).toBeGreaterThan(0);
    expect(runtime.stack(1)[0].name).toMatch(/^error: /);
    expect(runtime.stepOver(1).stop.description).toBe('the spec has errors');
  });

  it('keeps a thread on its quantity when an edit keeps it, and says what changed', () => {
    const runtime = started();
    runtime.start(1, true);
    runtime.stepOver(1);
    runtime.stepOver(1);
    const before = runtime.stack(1)[0].name;
    const { changes } = runtime.load(MAZUR.replace('0.15 0.25', '0.16 0.25'));
    expect(changes.join(' ')).toContain('mean cost c is now');
    expect(runtime.stack(1)[0].name.split(' = ')[0]).toBe(before.split(' = ')[0]);
  });
});

describe('the expression language in a session', () => {
  it('evaluates watches at the stopped position, with fd beside backprop', () => {
    const runtime = started();
    runtime.setBreakpoints([{ line: 11 }]);
    runtime.start(1, true);
    runtime.continue(1);
    let frame = runtime.stack(1)[0].id;
    expect(runtime.evaluate('delta(2)[1]', frame, 'watch')).toEqual({ result: '0.138498561629', variablesReference: 0 });
    expect(runtime.evaluate('dc/dw(2)[1,2]', frame, 'watch')).toMatchObject({ error: expect.stringContaining('not computed yet') });
    runtime.continue(1);
    frame = runtime.stack(1)[0].id;
    const fd = runtime.evaluate('fd(w(2)[1,2])', frame, 'watch');
    const backprop = runtime.evaluate('dc/dw(2)[1,2]', frame, 'watch');
    const [p, q] = [fd, backprop].map((r) => Number(('result' in r ? r.result : 'NaN').replace('−', '-')));
    expect(Math.abs(p - q) / Math.abs(q)).toBeLessThan(1e-6);
    const missing = runtime.evaluate('delta(1)[1]', frame, 'watch');
    expect('error' in missing && missing.error).toMatch(/δ⁽¹⁾₁ is not computed yet/);
    const mistake = runtime.evaluate('delta(2)[1', frame, 'repl');
    expect('error' in mistake && mistake.error).toMatch(/\(column \d+\)\n {2}delta\(2\)\[1\n {2} *\^/);
  });

  it('counts hits', () => {
    const runtime = started();
    runtime.setBreakpoints([{ line: 11, hitCondition: '2' }]);
    runtime.start(1, true);
    expect(runtime.continue(1).stop.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₁₂ = /);
  });

  it('stops on a breakpoint only when its condition holds, and logs a logpoint without stopping', () => {
    const runtime = started();
    runtime.setBreakpoints([
      { line: 11, condition: 'delta(2)[1] < 0' },
      { line: 12, condition: 'delta(2)[2] < 0 && c_i > 0' },
      { line: 13, logMessage: 'b⁽²⁾₁ gradient {dci/db(2)[1]}' },
    ]);
    runtime.start(1, true);
    // δ⁽²⁾₁ > 0: the first line never stops; δ⁽²⁾₂ < 0: the second stops at its first weight.
    const { stop, output } = runtime.continue(1);
    expect(stop.description).toMatch(/^∂cᵢ\/∂w⁽²⁾₂₁ = /);
    expect(output.filter((line) => line.startsWith('b⁽²⁾₁ gradient'))).toEqual([]);
    runtime.continue(1);
    const next = runtime.continue(1);
    // The b line logs at ∂cᵢ/∂b⁽²⁾₁ and at b⁽²⁾₁'s update, and never stops.
    expect(next.output.filter((line) => /^b⁽²⁾₁ gradient 0\.1384/.test(line))).toHaveLength(2);
    expect(next.stop.description).not.toMatch(/b⁽²⁾₁/);
  });
});

describe('a session across edits', () => {
  it('keeps each thread on its quantity through a version with errors', () => {
    const runtime = started();
    runtime.start(1, true);
    for (let i = 0; i < 5; i++) runtime.stepOver(1);
    const before = runtime.position();
    expect(runtime.load(MAZUR.replace('layer 1: 2 sigmoid', 'layer 1: 2 sigmod')).blocked).toBe(true);
    expect(runtime.load(MAZUR.replace('0.15', '0.16')).blocked).toBe(false);
    expect(runtime.position()).toEqual(before);
  });
});
