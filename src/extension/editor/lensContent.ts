import { StepSnapshot } from '../../core/stepping/snapshot';
import type { EngineResult } from '../../core/engine/types';
import { formatNumber, layerText } from '../../core/notation';
import { range as textRange, type Range } from '../../core/text/range';
import type { StepAddress, StepKind, Trace } from '../../core/trace/types';
import { Command } from '../commandIds';
import { heldBack } from '../stepping/heldBack';
import { address, steppedExample, steppedTrace, type EditorState } from './editorState';
import { baseName, dataSetOf, setCosts } from './dataSetFacts';
import { exampleCostSymbol } from './specHover';
import { DEFAULT_SHOWN, vectorText } from './vectorText';

/**
 * The code lenses of a spec, as plain records the provider turns into vscode.CodeLens:
 * - above the `network` line (or the first layer): the cost c and "Open backprop panel";
 * - above each `layer ℓ:` line, ℓ ≥ 1: the layer's state at the stepping position — only what
 *   the learner has already computed (δ⁽ℓ⁾ once the backward pass reached it, else z⁽ℓ⁾ and
 *   a⁽ℓ⁾, else "not computed yet") — then "Step to layer ℓ" and "Show in panel";
 * - above each `example` line: its cost cᵢ and "Trace this example";
 * - above each `data` line: its examples' numbers (and a CSV's file and rows), the mean of
 *   their cᵢ, and "Trace its first example".
 * Numbers have `significantDigits` significant digits, like everywhere else; each lens stays
 * one line because vectors are abbreviated (vectorText).
 */
export interface LensContent {
  readonly range: Range;
  readonly title: string;
  /** Null for a lens that only shows text. */
  readonly command: string | null;
  readonly args: readonly unknown[];
  readonly tooltip?: string;
}

/**
 * A lens whose place is known at once and whose text is made only when asked for. VS Code asks
 * (resolveCodeLens) only for the lenses in view, so a spec of 200,000 layers — 600,000 lenses —
 * costs one small record per lens (no strings, no closures), and the text of the few on screen.
 */
export interface LensSlot {
  readonly range: Range;
  /** What the lens shows: a layer's numbers, its "Step to layer", its "Show in panel", an example's cost. */
  readonly kind: 'ready' | 'layer' | 'stepTo' | 'show' | 'exampleCost' | 'dataSet';
  /** The layer ℓ or the 0-based example the lens is about; for 'ready', its index in `ready`. */
  readonly index: number;
}

export interface LensPlan {
  readonly slots: readonly LensSlot[];
  /** Lenses whose text was made at once (the network line's, placeholders, Trace this example). */
  readonly ready: readonly LensContent[];
}

/** Every lens of the spec, resolved: for tests and callers that want them all. */
export function lensContents(state: EditorState): LensContent[] {
  const plan = lensPlan(state);
  return plan.slots.map((slot) => resolveLens(state, plan, slot));
}

export function lensPlan(state: EditorState): LensPlan {
  const { analysis } = state;
  const slots: LensSlot[] = [];
  const ready: LensContent[] = [];
  const now = (lens: LensContent) => {
    slots.push({ range: lens.range, kind: 'ready', index: ready.length });
    ready.push(lens);
  };
  const top = analysis.source.network ?? analysis.source.layers[0]?.header ?? textRange(0, 0, 0);
  const engine = analysis.engine;
  if (engine) {
    now({
      range: top,
      title: costHeld(state) ? 'c = ? (exercise)' : `c = ${formatNumber(engine.cost, state.digits)}`,
      command: null,
      args: [],
      tooltip: `The cost c: the mean of the cᵢ over the m = ${engine.exampleCount} example${engine.exampleCount === 1 ? '' : 's'}`,
    });
  }
  now({ range: top, title: 'Open backprop panel', command: Command.openPanel, args: [state.uri] });
  if (!engine) {
    placeholderLenses(state).forEach(now);
    return { slots, ready };
  }
  const hasTrace = steppedTrace(state) !== null;
  for (let layer = 1; layer < analysis.source.layers.length && layer < engine.network.layers.length; layer++) {
    const range = analysis.source.layers[layer].header;
    slots.push({ range, kind: 'layer', index: layer });
    if (hasTrace) slots.push({ range, kind: 'stepTo', index: layer });
    slots.push({ range, kind: 'show', index: layer });
  }
  const examples = analysis.source.examples;
  for (let e = 0; e < examples.length && e < engine.exampleCount; e++) {
    const example = examples[e];
    slots.push({ range: example.line, kind: example.origin ? 'dataSet' : 'exampleCost', index: e });
    now({ range: example.line, title: example.origin ? 'Trace its first example' : 'Trace this example', command: Command.traceExample, args: [state.uri, e] });
    // A data set's examples share its line: one lens for the set, at its first example; the
    // others are skipped unread (a set of 100,000 is not walked on every lens request).
    if (example.origin) e += example.origin.count - example.origin.index;
  }
  return { slots, ready };
}

/** Whether an exercise holds the costs back: the stepping has not reached cᵢ (stepping/exerciseMode.ts). */
function costHeld(state: EditorState): boolean {
  return heldBack(state.exercising, steppedTrace(state), state.position.step, address('cost', 0));
}

/** The text and command of one lens, for the state the plan was made from. */
export function resolveLens(state: EditorState, plan: LensPlan, slot: LensSlot): LensContent {
  const { range, index } = slot;
  const engine = state.analysis.engine;
  if (slot.kind === 'ready' || engine === null) return plan.ready[index];
  switch (slot.kind) {
    case 'layer':
      return layerStateLens(state, engine, steppedTrace(state), index, range);
    case 'stepTo':
      return stepToLayerLens(state, steppedTrace(state)!, index, range);
    case 'show':
      return { range, title: 'Show in panel', command: Command.showInPanel, args: [state.uri, address('z', index, 1)] };
    case 'dataSet':
      return dataSetLens(state, engine, index, range);
    case 'exampleCost': {
      const stepped = steppedExample(state) === index && engine.exampleCount > 1 ? ' · being stepped' : '';
      const cost = costHeld(state) ? '? (exercise)' : formatNumber(engine.costs[index], state.digits);
      return { range, title: `${exampleCostSymbol(index + 1)} = ${cost}${stepped}`, command: null, args: [], tooltip: `The cost of example ${index + 1}` };
    }
  }
}

/**
 * "examples 1–120 · mean cᵢ = 0.41" above a generated set; a CSV file's lens also names the
 * file and the rows it took, "examples 1–150 from iris.csv (rows 1–150) · mean cᵢ = 0.93", as
 * the line itself shows only the path. The mean is over all the set's examples, held-out ones
 * included, as it always was; the tooltip gives the split.
 */
function dataSetLens(state: EditorState, engine: EngineResult, index: number, range: Range): LensContent {
  const source = state.analysis.source;
  const origin = source.examples[index].origin!;
  const set = dataSetOf(source, index);
  const count = set?.count ?? origin.count;
  const costs = setCosts(engine, index, count);
  const examples = `examples ${index + 1}–${index + count}`;
  const mean = `mean cᵢ = ${formatNumber(costs.all, state.digits)}`;
  const split = costs.heldOut === null ? ''
    : `; ${costs.heldOutCount} of them are held out for validation (mean cᵢ ${formatNumber(costs.heldOut, state.digits)}, and ${costs.training === null ? '—' : formatNumber(costs.training, state.digits)} over the others)`;
  if (set?.kind === 'csv') {
    const rows = set.rows ? `rows ${set.rows.first}–${set.rows.last}` : null;
    return textLens(range, `${examples} from ${baseName(set.path)}${rows ? ` (${rows})` : ''} · ${mean}`,
      `The ${count} examples read from ${set.path}${rows ? `, data ${rows}` : ''}, and the mean of their costs${split}`);
  }
  return textLens(range, `${examples} · ${mean}`, `The ${count} examples the data set ${origin.name} generates, and the mean of their costs${split}`);
}

function stepToLayerLens(state: EditorState, trace: Trace, layer: number, range: Range): LensContent {
  const target = layerTarget(trace, state.position.step, layer);
  return {
    range,
    title: `Step to layer ${layer} (${target.phase})`,
    command: Command.stepTo,
    args: [state.uri, target.address],
    tooltip: `Move the stepping position to the start of layer ${layer}'s ${target.phase} pass`,
  };
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
  const lenses = source.layers.slice(1).map((layer, index) => textLens(layer.header, `layer ${index + 1}: ${why}`, tooltip));
  const examples = source.examples;
  for (let e = 0; e < examples.length; e++) {
    const origin = examples[e].origin;
    if (!origin) lenses.push(textLens(examples[e].line, `${exampleCostSymbol(e + 1)}: ${why}`, tooltip));
    // A data set's examples share its line: its lens comes below, and they are skipped unread.
    else e += origin.count - origin.index;
  }
  // Every `data` line keeps a lens, also one whose file brought no example (it has a problem):
  // the lines below it do not jump as the file breaks and mends.
  for (const set of source.dataSets ?? [])
    lenses.push(textLens(set.line, set.count > 0 ? `examples ${set.first + 1}–${set.first + set.count}: ${why}` : `data: ${why}`, tooltip));
  return lenses;
}

/** "a⁽²⁾ = [0.751365, 0.772928] · δ⁽²⁾ = [0.138499, −0.0380982]", or z and a during the forward pass, or "not computed yet". */
function layerStateLens(state: EditorState, engine: EngineResult, trace: Trace | null, layer: number, header: Range): LensContent {
  const e = steppedExample(state);
  const size = engine.network.layers[layer].size;
  const values = engine.example(e);
  const digits = state.digits;
  const step = state.position.step;
  // The layer's superscript, made once: a spec with 200,000 layers makes this 200,000 times.
  const sup = layerText(layer);
  const snapshot = trace ? new StepSnapshot(trace, engine, step) : null;
  const known = (kind: StepKind) => (snapshot ? snapshot.reachedCount(kind, layer) : size);
  const vector = (letter: string, quantity: readonly Float64Array[], count: number) =>
    `${letter}${sup} = ${vectorText(quantity[layer], digits, DEFAULT_SHOWN, count)}`;

  const deltas = known('delta');
  const example = engine.exampleCount > 1 ? ` of example ${e + 1}` : '';
  const pending = ' (· not computed yet)';
  if (deltas > 0) {
    return textLens(header, `${vector('a', values.a, size)} · ${vector('δ', values.delta, deltas)}`,
      `a${sup} and δ${sup} = ∂cᵢ/∂z${sup}${example}, as far as the backward pass has reached${deltas < size ? pending : ''}`);
  }
  const zs = known('z');
  if (zs > 0) {
    const as = known('a');
    return textLens(header, `${vector('z', values.z, zs)} · ${vector('a', values.a, as)}`,
      `z${sup} and a${sup}${example}, as far as the forward pass has reached${as < size ? pending : ''}`);
  }
  return textLens(header, `layer ${layer}: not computed yet`, `Step forward to compute z${sup} and a${sup}`);
}

function textLens(range: Range, title: string, tooltip: string): LensContent {
  return { range, title, command: null, args: [], tooltip };
}

/**
 * Where "Step to layer ℓ" goes: the start of the layer's forward group while its forward pass
 * is not finished, else the start of its backward group (∂cᵢ/∂a⁽ℓ⁾₁). The group is found from
 * the index of z⁽ℓ⁾₁, not by scanning the groups, so a spec's lenses take time linear in its
 * layers (a scan per layer made 200,000 layers take half a minute).
 */
export function layerTarget(trace: Trace, step: number, layer: number): { phase: 'forward' | 'backward'; address: StepAddress } {
  const first = trace.indexOf(address('z', layer, 1));
  const forward = first >= 0 ? trace.groupOf(first) : null;
  if (forward && step < forward.end - 1) return { phase: 'forward', address: address('z', layer, 1) };
  return { phase: 'backward', address: address('dcda', layer, 1) };
}
