import type { EngineResult } from '../../core/engine/types';
import { formatNumber, layerText } from '../../core/notation';
import { range as textRange, type Range } from '../../core/text/range';
import type { StepAddress, StepKind, Trace } from '../../core/trace/types';
import { Command } from '../commandIds';
import { address, compactDigits, exampleSlice, steppedExample, steppedTrace, type EditorState } from './editorState';
import { exampleCostSymbol } from './specHover';
import { DEFAULT_SHOWN, vectorText } from './vectorText';

/**
 * The code lenses of a spec, as plain records the provider turns into vscode.CodeLens:
 * - above the `network` line (or the first layer): the cost c and "Open backprop panel";
 * - above each `layer ℓ:` line, ℓ ≥ 1: the layer's state at the stepping position — only what
 *   the learner has already computed (δ⁽ℓ⁾ once the backward pass reached it, else z⁽ℓ⁾ and
 *   a⁽ℓ⁾, else "not computed yet") — then "Step to layer ℓ" and "Show in panel";
 * - above each `example` line: its cost cᵢ and "Trace this example".
 * Numbers use COMPACT_DIGITS so each lens stays one short line; vectors are abbreviated.
 */
export interface LensContent {
  readonly range: Range;
  readonly title: string;
  /** Null for a lens that only shows text. */
  readonly command: string | null;
  readonly args: readonly unknown[];
  readonly tooltip?: string;
}

export function lensContents(state: EditorState): LensContent[] {
  const { analysis } = state;
  const lenses: LensContent[] = [];
  const top = analysis.source.network ?? analysis.source.layers[0]?.header ?? textRange(0, 0, 0);
  const engine = analysis.engine;
  const digits = compactDigits(state.digits);
  if (engine) {
    lenses.push({
      range: top,
      title: `c = ${formatNumber(engine.cost, digits)}`,
      command: null,
      args: [],
      tooltip: `The cost c: the mean of the cᵢ over the m = ${engine.exampleCount} example${engine.exampleCount === 1 ? '' : 's'}`,
    });
  }
  lenses.push({ range: top, title: 'Open backprop panel', command: Command.openPanel, args: [state.uri] });
  if (!engine) return [...lenses, ...placeholderLenses(state)];

  const trace = steppedTrace(state);
  for (let layer = 1; layer < analysis.source.layers.length && layer < engine.network.layers.length; layer++) {
    const header = analysis.source.layers[layer].header;
    lenses.push(layerStateLens(state, engine, trace, layer, header));
    if (trace) {
      const target = layerTarget(trace, state.position.step, layer);
      lenses.push({
        range: header,
        title: `Step to layer ${layer} (${target.phase})`,
        command: Command.stepTo,
        args: [state.uri, target.address],
        tooltip: `Move the stepping position to the start of layer ${layer}'s ${target.phase} pass`,
      });
    }
    lenses.push({
      range: header,
      title: 'Show in panel',
      command: Command.showInPanel,
      args: [state.uri, address('z', layer, 1)],
    });
  }

  const stepped = steppedExample(state);
  analysis.source.examples.forEach((example, e) => {
    if (e >= engine.exampleCount) return;
    lenses.push({
      range: example.line,
      title: `${exampleCostSymbol(e + 1)} = ${formatNumber(engine.costs[e], digits)}${e === stepped && engine.exampleCount > 1 ? ' · being stepped' : ''}`,
      command: null,
      args: [],
      tooltip: `The cost of example ${e + 1}`,
    });
    lenses.push({ range: example.line, title: 'Trace this example', command: Command.traceExample, args: [state.uri, e] });
  });
  return lenses;
}

/**
 * While the engine cannot run (say an error typed halfway through a number), every layer and
 * example line keeps a lens that says why there are no numbers: lenses that vanished and came
 * back with each keystroke would make the lines below jump up and down while the person types.
 */
function placeholderLenses(state: EditorState): LensContent[] {
  const { source, skipped } = state.analysis;
  const why =
    skipped === 'too-large' ? 'too large to run as you type'
    : skipped === 'no-examples' ? 'no numbers until the spec has an example'
    : skipped === 'internal-error' ? 'no numbers (see Output › Backprop Stepper)'
    : 'no numbers until the errors are fixed';
  const tooltip = 'The numbers come back as soon as the spec can run again (see the Problems view)';
  return [
    ...source.layers.slice(1).map((layer, index) => textLens(layer.header, `layer ${index + 1}: ${why}`, tooltip)),
    ...source.examples.map((example, e) => textLens(example.line, `${exampleCostSymbol(e + 1)}: ${why}`, tooltip)),
  ];
}

/** "δ⁽²⁾ = [0.1385, -0.0381]", or z and a during the forward pass, or "not computed yet". */
function layerStateLens(state: EditorState, engine: EngineResult, trace: Trace | null, layer: number, header: Range): LensContent {
  const e = steppedExample(state);
  const size = engine.network.layers[layer].size;
  const digits = compactDigits(state.digits);
  const step = state.position.step;
  const known = (kind: StepKind) => (trace ? reachedCount(trace, step, kind, layer, size) : size);
  const vector = (letter: string, values: readonly Float64Array[], count: number) =>
    `${letter}${layerText(layer)} = ${vectorText(exampleSlice(values[layer], size, e), digits, DEFAULT_SHOWN, count)}`;

  const deltas = known('delta');
  const example = engine.exampleCount > 1 ? ` of example ${e + 1}` : '';
  const pending = ' (· not computed yet)';
  if (deltas > 0) {
    return textLens(header, `${vector('a', engine.a, size)} · ${vector('δ', engine.delta, deltas)}`,
      `a${layerText(layer)} and δ${layerText(layer)} = ∂cᵢ/∂z${layerText(layer)}${example}, as far as the backward pass has reached${deltas < size ? pending : ''}`);
  }
  const zs = known('z');
  if (zs > 0) {
    const as = known('a');
    return textLens(header, `${vector('z', engine.z, zs)} · ${vector('a', engine.a, as)}`,
      `z${layerText(layer)} and a${layerText(layer)}${example}, as far as the forward pass has reached${as < size ? pending : ''}`);
  }
  return textLens(header, `layer ${layer}: not computed yet`, `Step forward to compute z${layerText(layer)} and a${layerText(layer)}`);
}

function textLens(range: Range, title: string, tooltip: string): LensContent {
  return { range, title, command: null, args: [], tooltip };
}

/**
 * How many neurons j = 1 … n of `layer` have their `kind` quantity computed at `step`. Within a
 * layer the trace computes neuron 1 first, then 2, …, so the answer is found by binary search.
 */
export function reachedCount(trace: Trace, step: number, kind: StepKind, layer: number, size: number): number {
  let low = 0;
  let high = size;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    const index = trace.indexOf(address(kind, layer, middle));
    if (index >= 0 && index <= step) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Where "Step to layer ℓ" goes: the start of the layer's forward group while its forward pass
 * is not finished, else the start of its backward group (∂cᵢ/∂a⁽ℓ⁾₁).
 */
export function layerTarget(trace: Trace, step: number, layer: number): { phase: 'forward' | 'backward'; address: StepAddress } {
  const forward = trace.groups.find((group) => group.phase === 'forward' && group.layer === layer);
  if (forward && step < forward.end - 1) return { phase: 'forward', address: address('z', layer, 1) };
  return { phase: 'backward', address: address('dcda', layer, 1) };
}
