import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { traceCommand } from '../../../src/cli/trace';
import type { TraceStep } from '../../../src/core/trace/types';
import { hoverMarkdown } from '../../../src/extension/editor/hoverContent';
import { hintTooltip, inlayHintContents } from '../../../src/extension/editor/inlayHintContent';
import { lensContents } from '../../../src/extension/editor/lensContent';
import { describeQuantity } from '../../../src/extension/panel/describe';
import { buildPanelMessage } from '../../../src/extension/panel/viewMessage';
import { exampleSpecs, hoverSites, stateOf } from '../editor/editorFixture';
import { everyNetwork, stepsOf, traceOf, WIDE_SIZES } from './everyNetwork';

/**
 * Item 11 of issue 10: with `to-from`, everything the learner reads is the `from-to` text with
 * the two indices of every weight swapped, and nothing else changed. The expected text is made
 * by swapping with the regular expressions below, never by asking the code for the other order.
 */

/** `₁₂` → `₂₁`, `₁₂,₃` → `₃,₁₂` (and the same in TeX subscripts). */
function swapPair(subscript: string): string {
  const parts = subscript.includes(',') ? subscript.split(',') : [...subscript];
  if (parts.length !== 2) throw new Error(`not a pair of indices: ${subscript}`);
  return `${parts[1]},${parts[0]}`.replace(subscript.includes(',') ? /$^/ : ',', '');
}

const SUB = '[₀₁₂₃₄₅₆₇₈₉ᵢⱼₖᵣₗₛₙʟ]';
const TEXT_WEIGHT = new RegExp(`w(⁽[^⁾]*⁾)(${SUB}+(?:,${SUB}+)?)`, 'g');
const TEX_WEIGHT = /w\^\{\(([^)}]*)\)\}_\{([^}]*)\}/g;

/** Every weight symbol of `s`, in Unicode or TeX, with its two indices swapped. */
export function swapWeightIndices(s: string): string {
  return s.replace(TEXT_WEIGHT, (_, layer: string, sub: string) => `w${layer}${swapPair(sub)}`).replace(TEX_WEIGHT, (_, layer: string, sub: string) => `w^{(${layer})}_{${swapPair(sub)}}`);
}

describe('the swap the expectations are built with', () => {
  it('swaps weight indices and nothing else', () => {
    expect(swapWeightIndices('w⁽²⁾₁₂ · a⁽¹⁾₂ + δ⁽²⁾₁ w⁽ℓ⁺¹⁾ⱼᵣ, w⁽¹⁾₁₂,₃')).toBe('w⁽²⁾₂₁ · a⁽¹⁾₂ + δ⁽²⁾₁ w⁽ℓ⁺¹⁾ᵣⱼ, w⁽¹⁾₃,₁₂');
    expect(swapWeightIndices('\\frac{\\partial c_i}{\\partial w^{(2)}_{12}} \\sum_{k=1}^{2} w^{(1)}_{k3} w^{(1)}_{12,3}')).toBe(
      '\\frac{\\partial c_i}{\\partial w^{(2)}_{21}} \\sum_{k=1}^{2} w^{(1)}_{3k} w^{(1)}_{3,12}',
    );
    expect(swapWeightIndices('the weights w⁽²⁾ into layer 2')).toBe('the weights w⁽²⁾ into layer 2');
  });
});

/** What a test compares of a step: every string a view can show, and the factors' meaning. */
function shown(step: TraceStep): unknown {
  return {
    ...step,
    factors: step.factors.map((f) => ({ tex: f.tex, text: f.text, value: f.value, refers: f.refers })),
  };
}

describe('every step of every network in the to-from order', () => {
  const cases = [...everyNetwork(), ...everyNetwork(WIDE_SIZES)];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const fromTo = stepsOf(traceOf(c, 'from-to'));
    const toFrom = stepsOf(traceOf(c, 'to-from'));
    expect(toFrom.length).toBe(fromTo.length);
    toFrom.forEach((step, q) => expect(JSON.stringify(shown(step))).toBe(swapWeightIndices(JSON.stringify(shown(fromTo[q])))));
    // Something was swapped at all: the layer-2 weight from neuron 1 to neuron 2.
    const dw = toFrom.find((s) => s.address.kind === 'dw' && s.address.layer === 2 && s.address.k === 1 && s.address.j === 2)!;
    expect(dw.symbolTex).toBe('\\frac{\\partial c_i}{\\partial w^{(2)}_{21}}');
  });
});

/** The hover line naming the other convention: different words in each order, tested on its own. */
const OTHER_ORDER_LINE = /^In the (from-to|to-from) convention .*$/m;

describe('the editor and the panel in the to-from order', () => {
  it.each(exampleSpecs())('%s: hovers, lenses, hints, the panel and its descriptions', (path) => {
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const [fromTo, toFrom] = (['from-to', 'to-from'] as const).map((order) => stateOf(text, { example: 0, step: 0 }, 6, 'file:///spec.nnet', order));
    const { sites, textAt } = hoverSites(text, fromTo.analysis.source, 2);
    for (const { location } of sites) {
      const [before, after] = [fromTo, toFrom].map((state) => hoverMarkdown(state, location, textAt).replace(OTHER_ORDER_LINE, ''));
      expect(after).toBe(swapWeightIndices(before));
    }
    const trace = fromTo.analysis.trace(0, 6)!;
    // A long trace (the seven-layer examples) is compared at about 300 of its steps, the last among them.
    const stride = Math.max(1, Math.ceil(trace.length / 300));
    for (let step = 0; step < trace.length; step++) {
      if (step % stride !== 0 && step !== trace.length - 1) continue;
      const at = (state: typeof fromTo) => ({ ...state, position: { example: 0, step } });
      expect(JSON.stringify(lensContents(at(toFrom)))).toBe(swapWeightIndices(JSON.stringify(lensContents(at(fromTo)))));
      const [before, after] = (['from-to', 'to-from'] as const).map((weightOrder) => {
        const message = buildPanelMessage({ uri: 'u', fileName: 'f', analysis: fromTo.analysis, position: { example: 0, step }, digits: 6, weightOrder });
        return JSON.stringify({ ...message, weightOrder: null });
      });
      expect(after).toBe(swapWeightIndices(before));
    }
    const all = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    for (const mode of ['gradient', 'updated'] as const) {
      const hints = (state: typeof fromTo) => inlayHintContents(state, mode, all).map((hint) => `${hint.label}\n${hintTooltip(state, hint)}`);
      expect(hints(toFrom)).toEqual(hints(fromTo).map(swapWeightIndices));
    }
    const network = fromTo.analysis.network!;
    for (let layer = 1; layer < network.layers.length; layer++) {
      const ref = { kind: 'w' as const, layer, j: network.layers[layer].size, k: 1 };
      const [before, after] = [fromTo, toFrom].map((state) =>
        JSON.stringify(describeQuantity(ref, 1, network, state.analysis.source, state.analysis.trace(0, 6, state.weightOrder)!, 0, 6)),
      );
      expect(after).toBe(swapWeightIndices(before));
    }
  });
});

describe('nnet trace --weight-order', () => {
  async function run(args: string[]): Promise<string> {
    const out: string[] = [];
    const code = await traceCommand.run(args, { out: (s) => out.push(s), err: () => undefined, readFile: (p) => readFileSync(p, 'utf8') });
    expect(code).toBe(0);
    return out.join('\n');
  }

  it.each(['examples/mazur.nnet', 'examples/softmax-classifier.nnet'])('%s: text and Markdown are the from-to ones with weights swapped', async (path) => {
    for (const format of [['--notes'], ['--markdown']]) {
      const fromTo = await run([...format, path]);
      expect(await run([...format, '--weight-order', 'from-to', path])).toBe(fromTo);
      expect(await run([...format, '--weight-order', 'to-from', path])).toBe(swapWeightIndices(fromTo));
    }
  });

  it('rejects an unknown order', async () => {
    const err: string[] = [];
    const code = await traceCommand.run(['--weight-order', 'kj', 'examples/mazur.nnet'], { out: () => undefined, err: (s) => err.push(s), readFile: (p) => readFileSync(p, 'utf8') });
    expect(code).toBe(2);
    expect(err[0]).toContain('--weight-order expects from-to or to-from');
  });
});
