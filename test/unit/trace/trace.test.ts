import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { parseSpec } from '../../../src/core/parser/parse';
import { buildTrace } from '../../../src/core/trace/build';
import type { StepAddress } from '../../../src/core/trace/types';
import { mazurNetwork, randomNetwork } from '../engine/networks';

const mazurText = readFileSync(new URL('../../../examples/mazur.nnet', import.meta.url), 'utf8');

describe('the trace of the Mazur network', () => {
  const network = mazurNetwork();
  const result = runEngine(network);
  const trace = buildTrace(network, result, 0);

  it('has every step, in the documented order', () => {
    // forward 2·(2+2), cost 1, backward per layer 3·2 + 4 + 2, update per layer 4 + 2
    expect(trace.length).toBe(8 + 1 + 24 + 12);
    const kinds = Array.from({ length: trace.length }, (_, q) => trace.step(q).address);
    expect(kinds.slice(0, 4)).toEqual([
      { kind: 'z', layer: 1, j: 1, k: 0 },
      { kind: 'a', layer: 1, j: 1, k: 0 },
      { kind: 'z', layer: 1, j: 2, k: 0 },
      { kind: 'a', layer: 1, j: 2, k: 0 },
    ]);
    expect(kinds[8].kind).toBe('cost');
    expect(kinds.slice(9, 12).map((a) => `${a.kind}${a.layer}${a.j}`)).toEqual(['dcda21', 'dadz21', 'delta21']);
    // ∂c/∂w of layer 2: k outer, j inner
    expect(kinds.slice(15, 19).map((a) => `${a.k}${a.j}`)).toEqual(['11', '12', '21', '22']);
    expect(kinds[19]).toEqual({ kind: 'db', layer: 2, j: 1, k: 0 });
    expect(kinds[21]).toEqual({ kind: 'dcda', layer: 1, j: 1, k: 0 });
    expect(kinds[trace.length - 1]).toEqual({ kind: 'b-new', layer: 2, j: 2, k: 0 });
    expect(trace.step(trace.length - 1).phase).toBe('update');
  });

  it('groups steps by phase and layer', () => {
    expect(trace.groups.map((g) => `${g.phase}${g.layer}`)).toEqual(['forward1', 'forward2', 'cost2', 'backward2', 'backward1', 'update1', 'update2']);
    for (let q = 0; q < trace.length; q++) {
      const group = trace.groupOf(q);
      expect(q).toBeGreaterThanOrEqual(group.start);
      expect(q).toBeLessThan(group.end);
      expect(group.phase).toBe(trace.step(q).phase);
    }
  });

  it('finds each step from its address', () => {
    for (let q = 0; q < trace.length; q++) expect(trace.indexOf(trace.step(q).address)).toBe(q);
    expect(trace.indexOf({ kind: 'z', layer: 3, j: 1, k: 0 })).toBe(-1);
    expect(trace.indexOf({ kind: 'dw', layer: 1, j: 1, k: 3 })).toBe(-1);
  });

  it('shows δ⁽²⁾₁ as ∂c/∂a · σ′(z) with both factors and their numbers', () => {
    const step = trace.step(trace.indexOf({ kind: 'delta', layer: 2, j: 1, k: 0 }));
    expect(step.symbolText).toBe('δ⁽²⁾₁');
    expect(step.symbolTex).toBe('\\delta^{(2)}_{1}');
    expect(step.formulaText).toBe('∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁) = (a⁽²⁾₁ − yᵢ₁) · a⁽²⁾₁(1 − a⁽²⁾₁)');
    expect(step.substitutedText).toBe('0.741365 × 0.186816');
    expect(step.factors.map((f) => f.value)).toEqual([result.example(0).dcda[2][0], result.example(0).dadz[2][0]]);
    expect(step.factors[0].value).toBeCloseTo(0.741365, 6);
    expect(step.factors[1].value).toBeCloseTo(0.186816, 6);
    expect(step.factors[0].refers).toEqual({ kind: 'dcda', layer: 2, j: 1, k: 0 });
    expect(step.factors[1].refers).toEqual({ kind: 'dadz', layer: 2, j: 1, k: 0 });
    expect(step.value).toBeCloseTo(0.138498562, 9);
  });

  it('shows ∂c/∂w as the three-factor chain rule and as δ · a', () => {
    const step = trace.step(trace.indexOf({ kind: 'dw', layer: 2, j: 1, k: 1 }));
    expect(step.formulaText).toBe('∂cᵢ/∂a⁽²⁾₁ · ∂a⁽²⁾₁/∂z⁽²⁾₁ · ∂z⁽²⁾₁/∂w⁽²⁾₁₁ = ∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁) · a⁽¹⁾₁ = δ⁽²⁾₁ · a⁽¹⁾₁');
    expect(step.substitutedText).toBe('0.741365 × 0.186816 × 0.59327 = 0.138499 × 0.59327');
    expect(step.formulaTex).toContain('\\frac{\\partial c_i}{\\partial a^{(2)}_{1}} \\cdot \\sigma\'(z^{(2)}_{1}) \\cdot a^{(1)}_{1}');
    expect(step.value).toBeCloseTo(0.082167041, 9);
  });

  it('states the updates and the sums', () => {
    const z = trace.step(0);
    expect(z.substitutedText).toBe('0.15 × 0.05 + 0.2 × 0.1 + 0.35');
    expect(z.factors.length).toBe(5);
    const update = trace.step(trace.indexOf({ kind: 'w-new', layer: 1, j: 1, k: 1 }));
    expect(update.formulaText).toBe('w⁽¹⁾₁₁ − η · ∂c/∂w⁽¹⁾₁₁');
    expect(update.value).toBeCloseTo(0.149780716, 9);
    expect(update.note).toBeUndefined();
  });

  it('points each step at its text in the spec', () => {
    const parsed = parseSpec(mazurText);
    expect(parsed.network).not.toBeNull();
    const withSource = buildTrace(parsed.network!, runEngine(parsed.network!), 0, { source: parsed.source });
    const lines = mazurText.split('\n');
    const textOf = (q: number) => {
      const r = withSource.step(q).source!;
      return lines[r.start.line].slice(r.start.character, r.end.character);
    };
    expect(textOf(withSource.indexOf({ kind: 'w-new', layer: 1, j: 2, k: 1 }))).toBe('0.25');
    expect(textOf(withSource.indexOf({ kind: 'dw', layer: 2, j: 1, k: 2 }))).toBe('0.45');
    expect(textOf(withSource.indexOf({ kind: 'b-new', layer: 2, j: 1, k: 0 }))).toBe('0.60');
    expect(textOf(0)).toMatch(/^layer 1/);
    expect(textOf(withSource.indexOf({ kind: 'cost', layer: 2, j: 0, k: 0 }))).toMatch(/^example/);
    expect(trace.step(0).source).toBeNull();
  });
});

describe('traces of other networks', () => {
  it('say when the update uses the mean over several examples', () => {
    const network = randomNetwork(3, [2, 3, 2], ['tanh', 'softmax'], 'cross-entropy', 4);
    const trace = buildTrace(network, runEngine(network), 2);
    expect(trace.example).toBe(2);
    const update = trace.step(trace.indexOf({ kind: 'w-new', layer: 2, j: 1, k: 1 }));
    expect(update.note).toContain('m = 4');
    const delta = trace.step(trace.indexOf({ kind: 'delta', layer: 2, j: 2, k: 0 }));
    // softmax: Σ_r ∂c/∂a_r · ∂a_r/∂z_j, every term listed
    expect(delta.factors.length).toBe(4);
    expect(delta.formulaText.startsWith('Σᵣ ∂cᵢ/∂a⁽²⁾ᵣ · ∂a⁽²⁾ᵣ/∂z⁽²⁾₂')).toBe(true);
    const sum = delta.factors[0].value * delta.factors[1].value + delta.factors[2].value * delta.factors[3].value;
    expect(sum).toBeCloseTo(delta.value, 12);
  });

  it('are lazy: a 784-128-10 trace builds at once and any late step works', () => {
    const network = randomNetwork(5, [784, 128, 10], ['sigmoid', 'sigmoid'], 'half-squared', 2, 0.05);
    const result = runEngine(network);
    const t0 = performance.now();
    const trace = buildTrace(network, result, 1);
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeLessThan(20);
    expect(trace.length).toBe(2 * 138 + 1 + (3 * 10 + 1280 + 10) + (3 * 128 + 784 * 128 + 128) + (784 * 128 + 128) + (1280 + 10));
    expect(trace.groups.length).toBe(7);
    const address: StepAddress = { kind: 'dw', layer: 1, j: 77, k: 700 };
    const step = trace.step(trace.indexOf(address));
    expect(step.address).toEqual(address);
    expect(step.symbolText).toBe('∂cᵢ/∂w⁽¹⁾₇₀₀,₇₇');
    expect(step.value).toBe(result.example(1).delta[1][76] * result.example(1).a[0][699]);
    // a wide sum: the first terms, an elision with its total, the last term, the bias
    const z = trace.step(trace.indexOf({ kind: 'z', layer: 1, j: 5, k: 0 }));
    expect(z.substitutedText).toMatch(/⋯\[780 more terms: [-0-9.e×⁰-⁹⁻]+\]⋯/);
    // the factors of the shown terms only: w and a of the first three and of the last, and b
    expect(z.factors.map((f) => f.text).join(' ')).toBe('w⁽¹⁾₁₅ a⁽⁰⁾₁ w⁽¹⁾₂₅ a⁽⁰⁾₂ w⁽¹⁾₃₅ a⁽⁰⁾₃ w⁽¹⁾₇₈₄,₅ a⁽⁰⁾₇₈₄ b⁽¹⁾₅');
    expect(trace.step(trace.length - 1).address.kind).toBe('b-new');
  });
});

describe('a slope written as a sum', () => {
  it('keeps its parentheses as a factor of δ (tanh: (a − y) · (1 − (a)²))', () => {
    const network = randomNetwork(4, [2, 2, 1], ['tanh', 'tanh'], 'half-squared', 1);
    const trace = buildTrace(network, runEngine(network), 0);
    const delta = trace.step(trace.indexOf({ kind: 'delta', layer: 2, j: 1, k: 0 }));
    expect(delta.formulaText).toBe('∂cᵢ/∂a⁽²⁾₁ · σ′(z⁽²⁾₁) = (a⁽²⁾₁ − yᵢ₁) · (1 − (a⁽²⁾₁)²)');
  });
});
