import { describe, expect, it } from 'vitest';
import { pendingAnalysis } from '../../../src/extension/analysis/analyse';
import { buildPanelMessage } from '../../../src/extension/panel/viewMessage';
import { describeQuantity, revealRange } from '../../../src/extension/panel/describe';
import type { ViewMessage } from '../../../src/shared/panelMessages';
import { analyseText, mazurText } from './realAnalysis';

const analysis = analyseText(mazurText());
const trace = analysis.trace(0, 6)!;
const deltaIndex = trace.indexOf({ kind: 'delta', layer: 2, j: 1, k: 0 });

function viewAt(step: number): ViewMessage {
  const message = buildPanelMessage({ uri: 'file:///mazur.nnet', fileName: 'mazur.nnet', analysis, position: { example: 0, step }, digits: 6 });
  if (message.type !== 'view') throw new Error(`expected a view, got ${message.type}`);
  return message;
}

describe('panel view message (mazur)', () => {
  it('resolves the δ⁽²⁾₁ step with its chain-rule product and value 0.138499', () => {
    const view = viewAt(deltaIndex);
    const step = view.step!;
    expect(step.address).toEqual({ kind: 'delta', layer: 2, j: 1, k: 0 });
    expect(step.phase).toBe('backward');
    expect(step.valueText).toBe('0.138499');
    expect(step.substitutedTex).toBe('\\bpfA{0.741365} \\times \\bpfB{0.186816}');
    expect(step.formulaTex).toContain('\\bpfA{\\frac{\\partial c_i}{\\partial a^{(2)}_{1}}}');
    expect(step.factors.map((f) => f.refers?.kind)).toEqual(['dcda', 'dadz']);
    expect(step.plainText).toMatch(/^δ⁽²⁾₁ = .* = 0\.741365 × 0\.186816 = 0\.138499$/);
    expect(JSON.stringify(view)).toContain('0.138499');
  });

  it('sends values the stepping has reached and leaves the rest empty (null, not 0)', () => {
    const view = viewAt(deltaIndex);
    const [, hidden, output] = view.layers;
    expect(output.delta[0]).toBeCloseTo(0.138498562, 8);
    expect(output.delta[1]).toBeNull();
    expect(hidden.delta).toEqual([null, null]);
    expect(output.dw.every((v) => v === null)).toBe(true);
    expect(view.exampleCost).toBeCloseTo(0.298371109, 8);
    expect(output.y).toEqual([0.01, 0.99]);
    expect(hidden.w).toEqual([0.15, 0.25, 0.2, 0.3]);
    const first = viewAt(0);
    expect(first.exampleCost).toBeNull();
    expect(first.layers[1].z).toEqual([0.3775, null]);
  });

  it('names spec numbers among the factors so the diagram can colour their edges', () => {
    const z = viewAt(trace.indexOf({ kind: 'z', layer: 2, j: 1, k: 0 })).step!;
    expect(z.factors.map((f) => f.refers)).toEqual([
      { kind: 'w', layer: 2, j: 1, k: 1 },
      { kind: 'a', layer: 1, j: 1, k: 0 },
      { kind: 'w', layer: 2, j: 1, k: 2 },
      { kind: 'a', layer: 1, j: 2, k: 0 },
      { kind: 'b', layer: 2, j: 1, k: 0 },
    ]);
  });

  it('names where the example came from: its `example` line, or its data set', () => {
    expect(viewAt(0).exampleOrigin).toBe('line 16');
    const moons = analyseText(`layer 0: 2 inputs\nlayer 1: 1 sigmoid\nexample x 0 0 y 0\ndata moons 6 seed 2\n`);
    const third = buildPanelMessage({ uri: 'file:///m.nnet', fileName: 'm.nnet', analysis: moons, position: { example: 3, step: 0 }, digits: 6 });
    expect(third.type === 'view' && third.exampleOrigin).toBe('moons, point 3 of 6');
  });

  it('stays a few kilobytes', () => {
    expect(JSON.stringify(viewAt(deltaIndex)).length).toBeLessThan(8000);
  });

  it('shows the problems instead of numbers while the spec has errors', () => {
    const broken = analyseText(mazurText().replace('layer 2: 2 sigmoid', 'layer 2: 2 sigmod'));
    const message = buildPanelMessage({ uri: 'file:///m.nnet', fileName: 'm.nnet', analysis: broken, position: { example: 0, step: 11 }, digits: 6 });
    expect(message.type).toBe('problems');
    if (message.type === 'problems') expect(message.problems.some((p) => p.severity === 'error')).toBe(true);
  });

  it('describes hovered quantities and finds their numbers in the spec', () => {
    const text = mazurText().split('\n');
    const slice = (r: { start: { line: number; character: number }; end: { character: number } }) => text[r.start.line].slice(r.start.character, r.end.character);
    const w = revealRange({ kind: 'w', layer: 2, j: 2, k: 1 }, analysis.source, trace, analysis.network!);
    expect(slice(w!)).toBe('0.50');
    const x = revealRange({ kind: 'x', layer: 0, j: 2, k: 0 }, analysis.source, trace, analysis.network!);
    expect(slice(x!)).toBe('0.10');
    const described = describeQuantity({ kind: 'delta', layer: 2, j: 1, k: 0 }, 1, analysis.network!, analysis.source, trace, deltaIndex, 6);
    expect(described.valueText).toBe('0.138499');
    expect(described.formulaText).toContain('δ⁽²⁾₁ = ∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁)');
    const later = describeQuantity({ kind: 'delta', layer: 1, j: 1, k: 0 }, 1, analysis.network!, analysis.source, trace, deltaIndex, 6);
    expect(later.valueText).toMatch(/not computed yet/);
  });
});

describe('table cells of a view (webview side, pure)', () => {
  it('lists every value cell in document order, leaving uncomputed ones empty and marking the current one', async () => {
    const { cellStates } = await import('../../../webview/tableCells');
    const { highlightsFor } = await import('../../../webview/highlight');
    const view = viewAt(deltaIndex);
    const states = cellStates(view, highlightsFor(view.step));
    // layer 0: 2 inputs; layers 1 and 2: 2 neurons × 8 or 9 columns, and three 2×2 matrices each
    expect(states).toHaveLength(2 + (2 * 8 + 12) + (2 * 9 + 12));
    const byRef = new Map(states.map((s) => [s.ref, s]));
    expect(byRef.get('delta:2:1:0')).toMatchObject({ text: '0.138499', empty: false });
    expect(byRef.get('delta:2:1:0')!.className).toContain('is-current');
    expect(byRef.get('dcda:2:1:0')!.className).toContain('f0');
    expect(byRef.get('delta:2:2:0')).toMatchObject({ text: '', empty: true });
    expect(byRef.get('y:0:2:0')!.text).toBe('0.99');
    expect(states.slice(0, 2).map((s) => s.ref)).toEqual(['x:0:1:0', 'x:0:2:0']);
  });
});

describe('the panel while a large spec is still being computed', () => {
  it('says the numbers are coming, as information rather than an error', () => {
    const message = buildPanelMessage({ uri: 'file:///big.nnet', fileName: 'big.nnet', analysis: pendingAnalysis(), position: { example: 0, step: 0 }, digits: 6 });
    expect(message.type).toBe('problems');
    if (message.type !== 'problems') return;
    expect(message.problems).toEqual([{ severity: 'information', message: 'Computing this spec’s numbers in the background; they appear here as soon as they are ready.', line: 0, character: 0 }]);
  });
});
