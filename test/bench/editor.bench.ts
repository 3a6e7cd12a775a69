/**
 * `npm run bench editor`: what hovers, code lenses and inlay hints cost on a 784-128-10 spec
 * (101,770 parameters written out, 16 examples).
 *
 * The providers read the shared analysis of the document version, so what a hover or a lens
 * request costs once that analysis exists is the content builders alone: `locate` + Markdown
 * for a hover, every lens of the document, the hints of one screenful of lines. Budgets
 * (median): hover 20 ms, lenses 20 ms, one screen of inlay hints 20 ms.
 * The first run — the analysis every feature shares, made once per document version — is
 * reported separately, with the first trace (which the lenses need). Budgets print PASS/MISS
 * lines; they never fail the run.
 *
 * Then a deep spec: 200,000 layers of one neuron, where the document's lenses must still take
 * well under a second (budget 1 s): what the provider hands VS Code (one cheap slot per lens,
 * linear in the layers), then the text of one screenful, which VS Code resolves when shown.
 */
import { locate } from '../../src/core/model/locate';
import { runBackward } from '../../src/core/stepping/position';
import { spanAt, type Range } from '../../src/core/text/range';
import { analyse } from '../../src/extension/analysis/analyse';
import { coreToolchain } from '../../src/extension/analysis/coreToolchain';
import type { EditorState } from '../../src/extension/editor/editorState';
import { hoverMarkdown } from '../../src/extension/editor/hoverContent';
import { inlayHintContents } from '../../src/extension/editor/inlayHintContent';
import { lensContents, lensPlan, resolveLens } from '../../src/extension/editor/lensContent';
import { generateSpec } from '../unit/parser/generate';
import { budget, measure, report } from './harness';

const SIZES = [784, 128, 10];
const EXAMPLES = 16;
const HOVER_MS = 20;
const LENS_MS = 20;
const HINTS_MS = 20;
const DEEP_LAYERS = 200_000;
const DEEP_LENSES_MS = 1000;
/** Lines of an editor window, for the inlay hint request. */
const SCREEN_LINES = 60;

const fail = (what: string, error: unknown) => {
  throw new Error(`${what}: ${String(error)}`);
};

function main(): void {
  const text = generateSpec({ sizes: SIZES, examples: EXAMPLES });
  const lines = text.split('\n');
  const textAt = (r: Range) => lines[r.start.line].slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined);
  console.log(`spec: ${SIZES.join('-')}, ${EXAMPLES} examples, ${(text.length / 1e6).toFixed(1)} MB of text, ${lines.length} lines`);

  // The first run: shared by every feature, once per document version (not part of the budgets).
  let version = 0;
  report(measure('first run: analyse (parse + engine), shared by all features', () => analyse(text, ++version, coreToolchain, fail), { warmup: 1, runs: 7 }));
  const analysis = analyse(text, ++version, coreToolchain, fail);
  const { network, engine } = analysis;
  report(measure('first run: the stepped example’s trace (cached per version; the lenses need it)',
    () => coreToolchain.trace(network!, engine!, 0, { digits: 6, source: analysis.source, weightOrder: 'from-to' }).length, { warmup: 1, runs: 7 }));

  const trace = analysis.trace(0, 6)!;
  const start: EditorState = { uri: 'file:///mnist.nnet', analysis, position: { example: 0, step: 0 }, digits: 6, weightOrder: 'from-to' };
  const backward: EditorState = { ...start, position: { example: 0, step: runBackward(trace) } };
  const source = analysis.source;

  const hover = (state: EditorState, position: { line: number; character: number }) => () => {
    const location = locate(source, position);
    if (!location) throw new Error(`nothing at ${position.line}:${position.character}`);
    return hoverMarkdown(state, location, textAt).length;
  };
  const weight = spanAt(source.layers[1].weights!, 699 * 128 + 2).start; // w⁽¹⁾₇₀₀,₃
  const outputWeight = spanAt(source.layers[2].weights!, 100 * 10 + 4).start; // w⁽²⁾₁₀₁,₅
  const timings = [
    [measure('hover content: weight w⁽¹⁾₇₀₀,₃ (hidden layer, 10-term back-carried sum)', hover(backward, weight), { runs: 101 }), HOVER_MS] as const,
    [measure('hover content: weight w⁽²⁾₁₀₁,₅ (output layer)', hover(backward, outputWeight), { runs: 101 }), HOVER_MS] as const,
    [measure('hover content: bias b⁽¹⁾₆₄', hover(backward, spanAt(source.layers[1].biases!, 63).start), { runs: 101 }), HOVER_MS] as const,
    [measure('hover content: `layer 1` line (z, a, δ of 128 neurons)', hover(backward, source.layers[1].header.start), { runs: 101 }), HOVER_MS] as const,
    [measure('hover content: the `w` matrix of layer 1 (largest of 100,352 gradients)', hover(backward, source.layers[1].weightsBlock!.start), { runs: 101 }), HOVER_MS] as const,
    [measure('hover content: example 16', hover(backward, source.examples[15].line.start), { runs: 101 }), HOVER_MS] as const,
    [measure('lens content: all lenses, at the start', () => lensContents(start).length, { runs: 101 }), LENS_MS] as const,
    [measure('lens content: all lenses, after the backward pass', () => lensContents(backward).length, { runs: 101 }), LENS_MS] as const,
  ];
  for (const [timing, limit] of timings) budget(timing, limit);

  // One screenful of the densest lines: layer 1's rows, 128 weights each.
  const top = source.layers[1].header.start.line + 300;
  const screen: Range = { start: { line: top, character: 0 }, end: { line: top + SCREEN_LINES, character: 0 } };
  const count = inlayHintContents(backward, 'gradient', screen).length;
  budget(measure(`inlay hints: ${SCREEN_LINES} lines of layer 1 (${count.toLocaleString('en')} hints, labels only)`, () => inlayHintContents(backward, 'gradient', screen).length, { runs: 51 }), HINTS_MS);
  deepSpecLenses();
}

/** Every lens of a spec with 200,000 layers of one neuron: linear, not quadratic, in the layers. */
function deepSpecLenses(): void {
  const layers = Array.from({ length: DEEP_LAYERS }, (_, l) => `layer ${l + 1}: 1 linear\n  w 1\n  b 0`);
  const text = `layer 0: 1 inputs\n${layers.join('\n')}\nexample x 0.5 y 0.5\n`;
  const analysis = analyse(text, 1, coreToolchain, fail);
  if (!analysis.engine) throw new Error(`the deep spec did not run: ${analysis.problems.map((d) => d.message).join('; ')}`);
  const state: EditorState = { uri: 'file:///deep.nnet', analysis, position: { example: 0, step: 0 }, digits: 6, weightOrder: 'from-to' };
  const plan = lensPlan(state); // builds the stepped example's trace, cached like the extension's
  budget(measure(`lens plan: all ${plan.slots.length.toLocaleString('en')} lenses of a ${DEEP_LAYERS.toLocaleString('en')}-layer spec`, () => lensPlan(state).slots.length, { runs: 7 }), DEEP_LENSES_MS);
  const middle = plan.slots.length >> 1;
  const screen = plan.slots.slice(middle, middle + 60);
  budget(measure('lens content: resolving one screenful (60 lenses) of that spec', () => screen.map((slot) => resolveLens(state, plan, slot).title).length, { runs: 51 }), LENS_MS);
}

main();
