import { describe, expect, it } from 'vitest';
import { runBackward, runForward } from '../../../src/core/stepping/position';
import { lensContents, lensPlan, resolveLens, type LensContent } from '../../../src/extension/editor/lensContent';
import { steppedTrace } from '../../../src/extension/editor/editorState';
import { vectorText } from '../../../src/extension/editor/vectorText';
import { MAZUR_URI, mazurText, stateOf } from './editorFixture';

const mazur = mazurText();
const lines = mazur.split('\n');
const lineOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
const titlesOn = (lenses: LensContent[], line: number) => lenses.filter((l) => l.range.start.line === line).map((l) => l.title);

function lensesAt(which: 'start' | 'forward' | 'backward') {
  const state = stateOf(mazur);
  const trace = steppedTrace(state)!;
  const step = which === 'start' ? 0 : which === 'forward' ? runForward(trace) : runBackward(trace);
  return lensContents({ ...state, position: { example: 0, step } });
}

describe('code lenses', () => {
  it('above the network line: the cost c and Open backprop panel', () => {
    const lenses = lensesAt('start');
    expect(titlesOn(lenses, lineOf('network'))).toEqual(['c = 0.298371', 'Open backprop panel']);
    expect(lenses.find((l) => l.title === 'Open backprop panel')).toMatchObject({ command: 'backpropStepper.openPanel', args: [MAZUR_URI] });
  });

  it('show only what the stepping position has computed', () => {
    const start = lensesAt('start');
    // Step 0 computes z⁽¹⁾₁ only.
    expect(titlesOn(start, lineOf('layer 1'))[0]).toBe('z⁽¹⁾ = [0.3775, ·] · a⁽¹⁾ = [·, ·]');
    expect(titlesOn(start, lineOf('layer 2'))[0]).toBe('layer 2: not computed yet');
    const forward = lensesAt('forward');
    expect(titlesOn(forward, lineOf('layer 2'))[0]).toBe('z⁽²⁾ = [1.10591, 1.22492] · a⁽²⁾ = [0.751365, 0.772928]');
  });

  it('above layer 2 after a backward pass: δ⁽²⁾ with 0.138499', () => {
    const lenses = lensesAt('backward');
    expect(titlesOn(lenses, lineOf('layer 2'))).toEqual([
      'a⁽²⁾ = [0.751365, 0.772928] · δ⁽²⁾ = [0.138499, −0.0380982]',
      'Step to layer 2 (backward)',
      'Show in panel',
    ]);
    expect(titlesOn(lenses, lineOf('layer 1'))[0]).toBe('a⁽¹⁾ = [0.59327, 0.596884] · δ⁽¹⁾ = [0.00877135, 0.00995425]');
    expect(titlesOn(lenses, lineOf('layer 0'))).toEqual([]);
  });

  it('Step to layer goes to the forward pass until it is done, then to the backward pass', () => {
    const stepTo = (lenses: LensContent[], line: number) => lenses.find((l) => l.range.start.line === line && l.command === 'backpropStepper.stepTo')!;
    expect(stepTo(lensesAt('start'), lineOf('layer 2')).args).toEqual([MAZUR_URI, { kind: 'z', layer: 2, j: 1, k: 0 }]);
    expect(stepTo(lensesAt('backward'), lineOf('layer 2')).args).toEqual([MAZUR_URI, { kind: 'dcda', layer: 2, j: 1, k: 0 }]);
  });

  it('above each example: its cost and Trace this example', () => {
    const lenses = lensesAt('start');
    expect(titlesOn(lenses, lineOf('example'))).toEqual(['c₁ = 0.298371', 'Trace this example']);
    expect(lenses.find((l) => l.title === 'Trace this example')).toMatchObject({ command: 'backpropStepper.traceExample', args: [MAZUR_URI, 0] });
  });

  it('while the spec has errors, every line keeps a lens (so the text does not jump as one types)', () => {
    const broken = lensContents(stateOf(mazur.replace('w 0.40 0.50', 'w 0.40 0.50 0.70')));
    expect(broken.map((l) => [l.range.start.line, l.title])).toEqual([
      [lineOf('network'), 'Open backprop panel'],
      [lineOf('layer 1'), 'layer 1: no numbers until the errors are fixed'],
      [lineOf('layer 2'), 'layer 2: no numbers until the errors are fixed'],
      [lineOf('example'), 'c₁: no numbers until the errors are fixed'],
    ]);
    expect(broken.filter((l) => l.command !== null).map((l) => l.command)).toEqual(['backpropStepper.openPanel']);
  });
});

describe('vectorText', () => {
  it('abbreviates large layers', () => {
    const values = Float64Array.from({ length: 128 }, (_, j) => (j === 1 ? -0.0381 : 0.1385));
    expect(vectorText(values, 4)).toBe('[0.1385, −0.0381, 0.1385, 0.1385, … 124 more]');
    expect(vectorText(values, 4, 2)).toBe('[0.1385, −0.0381, … 126 more]');
    expect(vectorText([1, 2, 3], 4, 4, 1)).toBe('[1, ·, ·]');
  });
});

describe('code lenses of a deep spec', () => {
  const deep = `layer 0: 1 inputs\n${Array.from({ length: 5000 }, (_, l) => `layer ${l + 1}: 1 linear\n  w 1\n  b 0`).join('\n')}\nexample x 0.5 y 0.5\n`;

  it('are planned without scanning the trace’s groups, so their cost is linear in the layers', () => {
    const state = stateOf(deep);
    const real = steppedTrace(state)!;
    // A scan of trace.groups per layer made 200,000 layers take half a minute; any read fails here.
    const guarded = new Proxy(real, { get: (target, key, receiver) => (key === 'groups' ? fail('trace.groups was read') : Reflect.get(target, key, receiver)) });
    const analysis = { ...state.analysis, trace: () => guarded };
    const plan = lensPlan({ ...state, analysis });
    expect(plan.slots).toHaveLength(2 + 3 * 5000 + 2);
    const middle = plan.slots.find((slot) => slot.kind === 'stepTo' && slot.index === 2500)!;
    expect(resolveLens({ ...state, analysis }, plan, middle).title).toBe('Step to layer 2500 (forward)');
  });

  it('resolve to the same lenses as building them all at once', () => {
    const state = stateOf(mazur);
    const plan = lensPlan(state);
    expect(plan.slots.map((slot) => resolveLens(state, plan, slot))).toEqual(lensContents(state));
    expect(plan.slots.filter((slot) => slot.kind !== 'ready').length).toBeGreaterThan(4);
  });
});

function fail(message: string): never {
  throw new Error(message);
}
