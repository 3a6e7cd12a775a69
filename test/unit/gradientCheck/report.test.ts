import { describe, expect, it } from 'vitest';
import { judge, relativeErrorFloor } from '../../../src/core/gradientCheck/judge';
import { sortWorstFirst, worstFailure, type CheckRow } from '../../../src/core/gradientCheck/report';
import { GradientCheckRun } from '../../../src/core/gradientCheck/run';
import { planCheck } from '../../../src/core/gradientCheck/sample';
import { ParameterProbe } from '../../../src/core/engine/parameterProbe';
import { reportLines } from '../../../src/core/gradientCheck/text';
import { parseSpec } from '../../../src/core/parser/parse';
import { makeNetwork, mazurNetwork, randomNetwork } from '../engine/networks';

describe('the gradient check report', () => {
  it('lists Mazur’s parameters worst first, each in the article’s notation beside its published gradient', () => {
    const report = new GradientCheckRun(mazurNetwork()).complete();
    expect(report.checked).toBe(12);
    expect(report.rows.map((row) => row.relativeError)).toEqual([...report.rows.map((row) => row.relativeError)].sort((a, b) => b - a));
    const bySymbol = new Map(report.rows.map((row) => [row.symbol.text, row]));
    // Matt Mazur's worked example: ∂E/∂w5 = 0.082167041 (w⁽²⁾₁₁), ∂E/∂w7 = −0.022602540 (h1 → o2, w⁽²⁾₁₂).
    expect(bySymbol.get('w⁽²⁾₁₁')!.backprop).toBeCloseTo(0.082167041, 9);
    expect(bySymbol.get('w⁽²⁾₁₁')!.numeric).toBeCloseTo(0.082167041, 9);
    expect(bySymbol.get('w⁽²⁾₁₂')!.backprop).toBeCloseTo(-0.02260254, 8);
    expect(bySymbol.get('w⁽²⁾₁₂')).toMatchObject({ kind: 'w', layer: 2, from: 1, to: 2, index: 1 });
    expect(bySymbol.get('b⁽¹⁾₂')).toMatchObject({ kind: 'b', layer: 1, from: null, to: 2, index: 1, verdict: 'pass' });
    expect(bySymbol.get('w⁽²⁾₁₂')!.symbol.tex).toBe('w^{(2)}_{12}');
  });

  it('writes weights in the other index order when asked, never changing which weight', () => {
    const report = new GradientCheckRun(mazurNetwork(), { weightOrder: 'to-from' }).complete();
    const row = report.rows.find((r) => r.kind === 'w' && r.layer === 2 && r.from === 1 && r.to === 2)!;
    expect(row.symbol.text).toBe('w⁽²⁾₂₁');
    expect(row.backprop).toBeCloseTo(-0.02260254, 8);
  });

  it('sorts a NaN error first and keeps ties in probing order', () => {
    const row = (error: number, index: number): CheckRow => ({ kind: 'b', layer: 1, from: null, to: index + 1, index, symbol: { tex: '', text: `${index}` }, backprop: 0, numeric: 0, relativeError: error, verdict: 'pass' });
    const sorted = sortWorstFirst([row(1e-9, 0), row(0.5, 1), row(Number.NaN, 2), row(1e-9, 3), row(0.5, 4)]);
    expect(sorted.map((r) => r.index)).toEqual([2, 1, 4, 0, 3]);
  });

  it('fails a wrong slope in smooth territory, and marks a blend of two slopes as a kink', () => {
    const cost = 1;
    // Smooth: the one-sided slopes straddle the central one by h·c″/2; backprop is 1% off.
    expect(judge({ central: 0.5, forward: 0.50001, backward: 0.49999, h: 1e-5 }, 0.505, cost, 1e-4).verdict).toBe('fail');
    // A bend within h: the slope is 0 on one side and −1 on the other, and backprop has the left one.
    expect(judge({ central: -0.4, forward: -0.8, backward: 0, h: 1e-5 }, 0, cost, 1e-4).verdict).toBe('kink');
    // One-sided slopes apart by rounding only (≈ ε·c/h) are no kink.
    expect(judge({ central: 4.65e-9, forward: 4.69e-9, backward: 4.62e-9, h: 1e-5 }, 4.69e-9, 0.94, 1e-7).verdict).toBe('fail');
    expect(judge({ central: Number.NaN, forward: Number.NaN, backward: Number.NaN, h: 1e-5 }, 0, cost, 1e-4).verdict).toBe('fail');
    expect(judge({ central: 0.5, forward: 0.5, backward: 0.5, h: 1e-5 }, 0.5, cost, 1e-4)).toEqual({ relativeError: 0, verdict: 'pass' });
  });

  it('finds the kink of a relu neuron whose z is exactly 0, and passes the rest', () => {
    // z⁽¹⁾₁ = 0.5·1 − 0.5 = 0: relu bends right there, so c(w ± h) sit on slopes 0 and −1.
    const { network } = parseSpec('cost half-squared\nlayer 0: 1 inputs\nlayer 1: 1 relu\n  w 0.5\n  b -0.5\nlayer 2: 1 linear\n  w 1\n  b 0\nexample x 1 y 1\n');
    const report = new GradientCheckRun(network!).complete();
    expect(report.rows.filter((row) => row.verdict === 'kink').map((row) => row.symbol.text).sort()).toEqual(['b⁽¹⁾₁', 'w⁽¹⁾₁₁']);
    expect(report.failures).toBe(0);
    expect(worstFailure(report)).toBeNull();
    const text = [...reportLines(report, 'relu')].join('\n');
    expect(text).toContain('2 parameters marked kink');
    expect(text).toMatch(/^Passed: 2 of 4 checked parameters within the tolerance/m);
  });

  it('marks as clamped the parameters of an output held by the log clamp, and passes the rest', () => {
    // Output 1: z ≈ 30 puts 1 − a below 10⁻¹² under a soft target, so ln(1 − a) is clamped; output 2 is ordinary.
    const spec = 'cost binary-cross-entropy\nlayer 0: 2 inputs\nlayer 1: 2 tanh\n  w 0.3 -0.2\n    0.1 0.4\n  b 0 0\nlayer 2: 2 sigmoid\n  w 20 0.5\n    10 -0.7\n  b 21.5 0.1\nexample x 1 0.8 y 0.9 0.2\n';
    const network = parseSpec(spec).network!;
    const probe = new ParameterProbe(network);
    expect(probe.flat).not.toBeNull();
    const report = new GradientCheckRun(network).complete();
    const verdicts = new Map(report.rows.map((row) => [row.symbol.text, row.verdict]));
    // Only what reaches output 1 is clamped: its weights and bias, and the first layer (through it).
    expect(['w⁽²⁾₁₁', 'w⁽²⁾₂₁', 'b⁽²⁾₁'].map((name) => verdicts.get(name))).toEqual(['clamped', 'clamped', 'clamped']);
    expect(['w⁽²⁾₁₂', 'w⁽²⁾₂₂', 'b⁽²⁾₂'].map((name) => verdicts.get(name))).toEqual(['pass', 'pass', 'pass']);
    expect(report.failures).toBe(0);
    expect(report.clamped).toBe(report.rows.filter((row) => row.verdict === 'clamped').length);
    // Independently: the flat gradient is the central difference of the cost as computed, for every parameter.
    for (const row of report.rows) {
      const flat = probe.flatExact(row) ?? probe.exact(row);
      expect(Math.abs(flat - row.numeric), row.symbol.text).toBeLessThan(1e-6 * Math.max(1, Math.abs(flat)));
    }
    const text = [...reportLines(report, 'clamp')].join('\n');
    expect(text).toContain('marked clamped: some output lies within 10⁻¹² of 0 or 1');
    expect(text).toMatch(/^Passed: \d+ of 12 checked parameters within the tolerance 0\.0001 \(\d+ marked clamped\)/m);
  });

  it('marks a softmax output held by the cross-entropy clamp, and says so when every parameter is marked', () => {
    // z = (0, 40): a₁ = e⁻⁴⁰ is far below 10⁻¹², and the target is output 1.
    const network = parseSpec('cost cross-entropy\nlayer 0: 1 inputs\nlayer 1: 2 softmax\n  w 0 40\n  b 0 0\nexample x 1 y 1 0\n').network!;
    const report = new GradientCheckRun(network).complete();
    expect(report.rows.filter((row) => row.kind === 'w').map((row) => row.verdict)).toEqual(['clamped', 'clamped']);
    expect(report.failures).toBe(0);
    expect([...reportLines(report, 'softmax')].at(-1)).toMatch(/^Passed: none of 4 checked parameters fails the tolerance 0\.0001 \(\d marked clamped\)\.$/);
  });

  it('still fails a wrong slope beside a clamp, and computes no flat gradient when no output is clamped', () => {
    const cost = 27.6;
    // The central difference agrees with neither backprop nor the cost's slope as computed.
    expect(judge({ central: 0.05, forward: 0.05, backward: 0.05, h: 1e-5 }, 0.09, cost, 1e-4, 0).verdict).toBe('fail');
    expect(judge({ central: 0, forward: 0, backward: 0, h: 1e-5 }, 0.09, cost, 1e-4, 0).verdict).toBe('clamped');
    expect(judge({ central: 0, forward: 0, backward: 0, h: 1e-5 }, 0.09, cost, 1e-4, null).verdict).toBe('fail');
    const unclamped = parseSpec('cost binary-cross-entropy\nlayer 0: 1 inputs\nlayer 1: 1 sigmoid\n  w 3\n  b 0\nexample x 1 y 0\n').network!;
    expect(new ParameterProbe(unclamped).flat).toBeNull();
    expect(new GradientCheckRun(unclamped).complete()).toMatchObject({ failures: 0, clamped: 0 });
  });

  it('measures slopes far below the cost against 10⁻⁵·c', () => {
    expect(relativeErrorFloor(2)).toBe(2e-5);
    expect(relativeErrorFloor(0)).toBe(1e-12);
  });
});

describe('the sample of a large network', () => {
  it('checks everything when it fits the budget', () => {
    const plan = planCheck(mazurNetwork());
    expect(plan).toMatchObject({ total: 12, sampled: false });
    expect(plan.parameters).toHaveLength(12);
  });

  it('shares the sample out over every layer’s weights and biases, in proportion, without repeats', () => {
    const network = randomNetwork(3, [30, 200, 50, 4], ['tanh', 'tanh', 'linear'], 'squared', 40);
    const plan = planCheck(network);
    expect(plan.sampled).toBe(true);
    expect(plan.multiplyAdds).toBeLessThanOrEqual(1e8);
    const keys = plan.parameters.map((p) => `${p.kind}${p.layer}:${p.index}`);
    expect(new Set(keys).size).toBe(keys.length);
    const count = (kind: string, layer: number) => plan.parameters.filter((p) => p.kind === kind && p.layer === layer).length;
    for (let l = 1; l <= 3; l++) for (const kind of ['w', 'b']) expect(count(kind, l)).toBeGreaterThanOrEqual(1);
    // w⁽²⁾ has 10,000 of the 17,254 parameters: about that share of the sample.
    expect(count('w', 2) / plan.parameters.length).toBeCloseTo(10_000 / 17_254, 1);
    for (const p of plan.parameters) expect(p.index).toBeLessThan(network.layers[p.layer][p.kind === 'w' ? 'weights' : 'biases'].length);
  });

  it('keeps at least one weight and one bias per layer even when one pass alone exceeds the budget', () => {
    const network = randomNetwork(4, [20, 20, 20], ['sigmoid', 'sigmoid'], 'squared', 3);
    const plan = planCheck(network, { budget: 1 });
    expect(plan.parameters.map((p) => `${p.kind}${p.layer}`)).toEqual(['w1', 'b1', 'w2', 'b2']);
  });

  it('draws a different sample for a different seed, the same for the same one', () => {
    const base = randomNetwork(3, [30, 200, 4], ['tanh', 'linear'], 'squared', 40);
    const other = makeNetworkWithSeed(base, 7);
    expect(planCheck(base, { sample: 50 }).parameters).toEqual(planCheck(base, { sample: 50 }).parameters);
    expect(planCheck(other, { sample: 50 }).parameters).not.toEqual(planCheck(base, { sample: 50 }).parameters);
  });
});

function makeNetworkWithSeed(network: ReturnType<typeof makeNetwork>, seed: number): ReturnType<typeof makeNetwork> {
  return { ...network, seed };
}
