import { describe, expect, it } from 'vitest';
import { runEngine } from '../../../src/core/engine/run';
import { thousands } from '../../../src/core/notation/count';
import { formatNumber } from '../../../src/core/notation/format';
import { dcdaStep, deltaStep } from '../../../src/core/trace/backwardSteps';
import { buildTrace } from '../../../src/core/trace/build';
import { TraceContext } from '../../../src/core/trace/context';
import { factor, single, type Content, type Term } from '../../../src/core/trace/expression';
import { aStep, costStep, zStep } from '../../../src/core/trace/forwardSteps';
import { STEP_CACHE_SIZE, StepCache } from '../../../src/core/trace/stepCache';
import { MAX_SHOWN_TERMS, sum, type Summands } from '../../../src/core/trace/sum';
import { randomNetwork } from '../engine/networks';
import { everyNetwork, traceOf, WIDE_SIZES } from './everyNetwork';

/**
 * Item 3 of issue 11: a step costs a bounded time whatever the width of its sums — only the shown
 * terms are built, the hidden ones are one loop over the numbers — and a trace keeps the steps it
 * built, so asking again costs nothing.
 */

/** n terms t ↦ (t + 1)/8, counting which terms were built and how often the hidden ones were added. */
function counted(n: number) {
  const built: number[] = [];
  const added: [number, number][] = [];
  const term = (t: number): Term => {
    built.push(t);
    return single(factor({ tex: `x_{${t + 1}}`, text: `x${t + 1}` }, (t + 1) / 8, null), 6);
  };
  const summands: Summands = {
    count: n,
    term,
    add: (from, to, running) => {
      added.push([from, to]);
      let part = 0;
      for (let t = from; t < to; t++) {
        running += (t + 1) / 8;
        part += (t + 1) / 8;
      }
      return [running, part];
    },
    tail: null,
  };
  return { built, added, summands };
}

describe('a sum of any length', () => {
  it('builds its first three terms and its last, and adds the 999,996 others in one call', () => {
    const { built, added, summands } = counted(1_000_000);
    const total = sum(summands, 6);
    expect(built).toEqual([0, 1, 2, 999_999]);
    expect(added).toEqual([[3, 999_999]]);
    expect(total.numText).toBe(`0.125 + 0.25 + 0.375 + ⋯[999,996 more terms: ${formatNumber((999_999 * 1_000_000) / 16 - 0.75, 6)}]⋯ + 125000`);
    expect(total.numTex).toContain('\\underbrace{\\cdots}_{\\text{999,996 more terms} \\,=\\, ');
    expect(total.value).toBe((1_000_000 * 1_000_001) / 16);
    expect(total.factors.map((f) => f.text)).toEqual(['x1', 'x2', 'x3', 'x1000000']);
  });

  it(`shows every term up to ${MAX_SHOWN_TERMS}, and builds each once`, () => {
    const { built, added, summands } = counted(MAX_SHOWN_TERMS);
    expect(sum(summands, 6).numText).toBe('0.125 + 0.25 + 0.375 + 0.5 + 0.625 + 0.75');
    expect(built).toEqual([0, 1, 2, 3, 4, 5]);
    expect(added).toEqual([]);
  });
});

/** Every step of a case that writes a sum, with its content. */
function sums(ctx: TraceContext): [string, Content][] {
  const out: [string, Content][] = [['cost', costStep(ctx)]];
  for (let l = 1; l < ctx.sizes.length; l++) {
    for (let j = 1; j <= ctx.sizes[l]; j++) {
      out.push([`z${l}${j}`, zStep(ctx, l, j)], [`a${l}${j}`, aStep(ctx, l, j)], [`delta${l}${j}`, deltaStep(ctx, l, j)]);
      if (l < ctx.L) out.push([`dcda${l}${j}`, dcdaStep(ctx, l, j)]);
    }
  }
  return out;
}

describe('the hidden terms of every kind of sum', () => {
  // Every activation and cost, wide enough to elide every kind of sum (the first case, mazur, is not).
  const wide = everyNetwork(WIDE_SIZES).slice(1).map((c) => [c.name, c] as const);

  it.each(wide)('add up to the shown terms’ values bit for bit: %s', (_name, c) => {
    const ctx = new TraceContext(c.network, c.result, 0, 6, null, 'from-to');
    const problems: string[] = [];
    let seen = 0;
    for (const [name, content] of sums(ctx)) {
      const s = content.summands;
      if (!s) continue;
      seen++;
      let running = 0;
      for (let t = 0; t < s.count; t++) {
        const value = s.term(t).value;
        running += value;
        // (0 + value: a total that starts at 0 turns −0 into 0)
        if (!Object.is(s.add(t, t + 1, 0)[1], 0 + value)) problems.push(`${name}: term ${t + 1} adds ${s.add(t, t + 1, 0)[1]}, is ${value}`);
      }
      if (!Object.is(s.add(0, s.count, 0)[0], running)) problems.push(`${name}: the running total differs`);
    }
    expect(problems).toEqual([]);
    // z, a (softmax), the cost, δ (softmax) and the carried-back ∂cᵢ/∂a all have one.
    expect(seen).toBeGreaterThanOrEqual(1 + 2 * 3 + 3);
  });

  it.each(wide)('are totalled in the elision, in the trace: %s', (_name, c) => {
    const trace = buildTrace(c.network, c.result, 0);
    let elided = 0;
    for (let q = 0; q < trace.length; q++) {
      const terms = trace.sumTerms(q);
      if (terms === null) continue;
      elided++;
      const step = trace.step(q);
      const values = [...terms].map((t) => t.value);
      const count = step.address.kind === 'z' ? values.length - 1 : values.length; // z's bias is no term of the sum
      let middle = 0;
      for (let t = 3; t < count - 1; t++) middle += values[t];
      expect(step.substitutedText, step.symbolText).toContain(`⋯[${thousands(count - 4)} more terms: ${formatNumber(middle, 6)}]⋯`);
    }
    expect(elided).toBeGreaterThan(0);
  });
});

describe('the factors of a step with an elided sum', () => {
  it.each(everyNetwork(WIDE_SIZES).map((c) => [c.name, c] as const))('are those it shows, every one listed: %s', (_name, c) => {
    const trace = traceOf(c);
    const unlisted: string[] = [];
    for (let q = 0; q < trace.length; q++) {
      const step = trace.step(q);
      // resolveMarks writes −1 for a marked factor the step does not list (a view leaves it grey).
      if (`${step.markedFormulaTex}${step.markedSubstitutedTex}`.includes('\uE000-1')) unlisted.push(step.symbolText);
      if (step.factors.length > 2 * MAX_SHOWN_TERMS + 1) unlisted.push(`${step.symbolText}: ${step.factors.length} factors`);
    }
    expect(unlisted).toEqual([]);
  });
});

describe('the step cache', () => {
  const network = randomNetwork(8, [40, 30, 20], ['sigmoid', 'softmax'], 'cross-entropy', 2);
  const result = runEngine(network);

  it('gives the same step object when a step is asked for again', () => {
    const trace = buildTrace(network, result, 1);
    const z = trace.step(0);
    expect(trace.step(0)).toBe(z);
    expect(buildTrace(network, result, 1).step(0)).not.toBe(z);
    expect(buildTrace(network, result, 1).step(0)).toEqual(z);
  });

  it(`keeps the ${STEP_CACHE_SIZE} steps used last, and builds the others again`, () => {
    const trace = buildTrace(network, result, 0);
    const first = trace.step(0);
    const kept = trace.step(1);
    for (let q = 2; q < STEP_CACHE_SIZE + 1; q++) trace.step(q);
    expect(trace.step(1)).toBe(kept);
    trace.step(STEP_CACHE_SIZE + 1);
    const again = trace.step(0);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(trace.step(1)).toBe(kept);
  });

  it('never holds more than its capacity', () => {
    let made = 0;
    const cache = new StepCache((q) => ({ q, made: made++ }), 3);
    for (const q of [1, 2, 3, 1, 4, 5, 1, 6]) cache.get(q);
    expect(cache.size).toBe(3);
    expect(made).toBe(6);
    expect(cache.get(1).made).toBe(0);
    expect(cache.get(2).made).toBe(6);
  });
});
