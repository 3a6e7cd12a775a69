import { describe, expect, it } from 'vitest';
import { verdictFeedback } from '../../../src/core/exercise/feedback';
import { judge, questionFor, type Question } from '../../../src/core/exercise/judge';
import { runEngine } from '../../../src/core/engine/run';
import { parseSpec } from '../../../src/core/parser/parse';
import { StepSnapshot } from '../../../src/core/stepping/snapshot';
import { buildTrace } from '../../../src/core/trace/build';
import type { StepAddress } from '../../../src/core/trace/types';
import { mazurText } from '../panel/realAnalysis';

/** The classic worked example (cost half-squared), its published values checked in test/unit/engine/mazur.test.ts. */
function mazurQuestion(address: StepAddress, digits = 6): Question {
  const network = parseSpec(mazurText()).network!;
  const engine = runEngine(network);
  const trace = buildTrace(network, engine, 0, { digits });
  const index = trace.indexOf(address);
  return questionFor(trace.step(index), new StepSnapshot(trace, engine, index - 1), digits, 'from-to');
}

const delta21 = mazurQuestion({ kind: 'delta', layer: 2, j: 1, k: 0 });

describe('judging an answer (mazur, δ⁽²⁾₁ = 0.741365 × 0.186816 = 0.138499)', () => {
  it('accepts the value in every written form', () => {
    for (const text of ['0.138499', '0,138499', '1.38499e-1', '1.38499×10⁻¹', ' +0.1384986 ']) expect(judge(text, delta21).kind, text).toBe('right');
  });

  it('accepts the product of the factors as shown, rounding and all', () => {
    // 0.741365 × 0.186816 = 0.138498…, one unit below the exact value's last shown digit.
    expect(judge('0.1384985', delta21).kind).toBe('right');
    expect(Math.abs(delta21.fromShown - 0.741365 * 0.186816)).toBeLessThan(1e-15);
  });

  it('calls an answer with fewer digits close, and says how many the panel shows', () => {
    const verdict = judge('0.1385', delta21);
    expect(verdict).toEqual({ kind: 'close', answer: 0.1385, agreeing: 4 });
    expect(verdictFeedback(verdict, delta21, 0).detail).toMatch(/to 4 significant digits; the panel shows 6/);
  });

  it('names σ′ left out, even typed to three digits', () => {
    for (const text of ['0.741365', '0.741']) {
      const verdict = judge(text, delta21);
      expect(verdict.kind === 'mistake' && verdict.mistakes.map((m) => m.id)).toEqual(['sigma-prime-omitted']);
    }
    expect(verdictFeedback(judge('0.741365', delta21), delta21, 0).detail).toContain('σ′(z⁽²⁾₁) left out');
  });

  it('names the sign flipped and, for half-squared, the factor 2 added', () => {
    const dcda = mazurQuestion({ kind: 'dcda', layer: 2, j: 1, k: 0 });
    expect(judge('0.741365', dcda).kind).toBe('right');
    const sign = judge('-0.741365', dcda);
    expect(sign.kind === 'mistake' && sign.mistakes[0].id).toBe('sign-flipped');
    const two = judge('1.48273', dcda);
    expect(two.kind === 'mistake' && two.mistakes[0].id).toBe('factor-two-added');
    expect(verdictFeedback(two, dcda, 0).detail).toContain('∂cᵢ/∂a⁽ᴸ⁾ⱼ = a⁽ᴸ⁾ⱼ − yᵢⱼ');
  });

  it('points at a factor left out of a product, else lists the factors to recheck', () => {
    // ∂cᵢ/∂w⁽²⁾₁₁ = 0.741365 × 0.186816 × 0.593270 = 0.082167; without a⁽¹⁾₁ it is δ⁽²⁾₁.
    const dw = mazurQuestion({ kind: 'dw', layer: 2, j: 1, k: 1 });
    expect(judge('0.0821670', dw).kind).toBe('right');
    const leftOut = judge('0.138499', dw);
    expect(leftOut.kind === 'wrong' && leftOut.leftOut?.text).toBe('a⁽¹⁾₁');
    const lost = judge('0.5', dw);
    expect(lost).toEqual({ kind: 'wrong', answer: 0.5, leftOut: null });
    expect(verdictFeedback(lost, dw, 2).detail).toBe(
      '0.5 is not ∂cᵢ/∂w⁽²⁾₁₁. Recheck the factors, in order: ∂cᵢ/∂a⁽²⁾₁ = 0.741365; σ′(z⁽²⁾₁) = 0.186816; a⁽¹⁾₁ = 0.593270; δ⁽²⁾₁ = 0.138499.'.replace('0.593270', '0.59327'),
    );
  });

  it('names a mistake only when its value differs from the right one at the digits compared', () => {
    // With relu, σ′ = 1 for a positive z: leaving it out changes nothing, so the right value stays right.
    const network = parseSpec('cost squared\nlayer 0: 1 inputs\nlayer 1: 1 relu\n  w 2\n  b 0.5\nexample x 1 y 1\n').network!;
    const engine = runEngine(network);
    const trace = buildTrace(network, engine, 0);
    const index = trace.indexOf({ kind: 'delta', layer: 1, j: 1, k: 0 });
    const q = questionFor(trace.step(index), new StepSnapshot(trace, engine, index - 1), 6, 'from-to');
    expect(q.mistakes.some((m) => m.id === 'sigma-prime-omitted')).toBe(true);
    expect(judge('3', q).kind).toBe('right');
  });

  it('says why text is not a number, and does not judge it', () => {
    const verdict = judge('0.1.3', delta21);
    expect(verdict.kind).toBe('unreadable');
    expect(verdictFeedback(verdict, delta21, 0).title).toBe('Not a number');
  });

  it('writes the weight symbols in the order in force', () => {
    const network = parseSpec(mazurText()).network!;
    const engine = runEngine(network);
    const trace = buildTrace(network, engine, 0, { weightOrder: 'to-from' });
    const index = trace.indexOf({ kind: 'z', layer: 2, j: 1, k: 0 });
    const q = questionFor(trace.step(index), new StepSnapshot(trace, engine, index - 1), 6, 'to-from');
    const swap = q.mistakes.find((m) => m.id === 'weight-indices-swapped')!;
    expect(swap.explanation).toContain('you read w⁽²⁾₁ₖ as w⁽²⁾ₖ₁');
  });
});
