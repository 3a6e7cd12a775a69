import type { SettingSource } from '../model/source';
import { spanAt, spanCount, type PackedSpans, type Range } from '../text/range';
import type { StepAddress, StepKind, Trace } from '../trace/types';
import type { LoadedSpec } from './loadedSpec';
import type { BreakpointRequest } from './types';

/**
 * Breakpoints on the spec's text. A line stops at the quantities it holds the numbers of:
 *   a layer line    — the layer's first quantity in each pass (z⁽ℓ⁾₁ and ∂cᵢ/∂a⁽ℓ⁾₁);
 *   a line of w     — ∂cᵢ/∂w of every weight written on it, and each one's update;
 *   a line of b     — ∂cᵢ/∂b of every bias on it, and each one's update;
 *   an example line — that example's first step and its cost cᵢ (in that example only);
 *   the cost line   — cᵢ, in every example.
 * A column on one number narrows a line of w or b to that number. Other lines compute nothing
 * and are reported unverified, with the reason.
 */
export interface ResolvedBreakpoint {
  readonly id: number;
  readonly request: BreakpointRequest;
  readonly verified: boolean;
  readonly message: string;
  /** Where the breakpoint sits: the whole line, or the one number. */
  readonly range: Range | null;
  readonly addresses: readonly StepAddress[];
  /** The one example it applies to (0-based), or null for every example. */
  readonly example: number | null;
}

/** A number on a line: where it is and the quantities that stop on it. */
interface Place {
  readonly range: Range;
  readonly addresses: readonly StepAddress[];
}

const at = (kind: StepKind, layer: number, j: number, k = 0): StepAddress => ({ kind, layer, j, k });

export function resolveBreakpoint(spec: LoadedSpec, request: BreakpointRequest, id: number): ResolvedBreakpoint {
  const unverified = (message: string): ResolvedBreakpoint => ({ id, request, verified: false, message, range: null, addresses: [], example: null });
  const network = spec.network;
  if (network === null) return unverified('The spec has errors: breakpoints wait until it runs.');
  const source = spec.source;
  const { line } = request;
  const L = network.layers.length - 1;
  const lineRange = (whole: Range) => whole;
  const ok = (range: Range, addresses: StepAddress[], message: string, example: number | null = null): ResolvedBreakpoint => ({
    id, request, verified: true, message, range, addresses, example,
  });

  if (isOnLine(source.cost, line)) return ok(lineRange(source.cost!.line), [at('cost', L, 0)], 'Stops at cᵢ in every example.');
  for (let l = 0; l <= L; l++) {
    const layer = source.layers[l];
    if (!layer) continue;
    if (layer.header.start.line === line) {
      if (l === 0) return unverified('Layer 0 holds the inputs: nothing is computed on this line. Put the breakpoint on an example line.');
      return ok(layer.header, [at('z', l, 1), at('dcda', l, 1)], `Stops at the first quantity of layer ${l} in each pass.`);
    }
    const n = network.layers[l].size;
    const places = [
      ...placesOn(layer.weights, line, (q) => [at('dw', l, (q % n) + 1, Math.floor(q / n) + 1), at('w-new', l, (q % n) + 1, Math.floor(q / n) + 1)]),
      ...placesOn(layer.biases, line, (q) => [at('db', l, q + 1), at('b-new', l, q + 1)]),
    ];
    if (places.length === 0) continue;
    const chosen = request.column === undefined ? places : places.filter((p) => p.range.start.character <= request.column! && request.column! <= p.range.end.character);
    if (chosen.length === 0) return unverified('No number of w or b at this column.');
    const range = request.column === undefined ? { start: chosen[0].range.start, end: chosen[chosen.length - 1].range.end } : chosen[0].range;
    const what = chosen.length === 1 ? 'this parameter' : `these ${chosen.length} parameters`;
    return ok(range, chosen.flatMap((p) => p.addresses), `Stops when the gradient of ${what} is computed, and at ${chosen.length === 1 ? 'its update' : 'their updates'}.`);
  }
  const example = source.examples.findIndex((e) => e.line.start.line === line);
  if (example >= 0) return ok(source.examples[example].line, [at('z', 1, 1), at('cost', L, 0)], `Stops at example ${example + 1}'s first step and at its cost.`, example);
  return unverified('Nothing is computed on this line.');
}

function isOnLine(setting: SettingSource | null, line: number): boolean {
  return setting !== null && setting.line.start.line === line;
}

/** The numbers of `spans` on `line`, found by binary search (spans are in text order). */
function placesOn(spans: PackedSpans | null, line: number, addresses: (index: number) => StepAddress[]): Place[] {
  if (spans === null) return [];
  const count = spanCount(spans);
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[3 * middle] < line) low = middle + 1;
    else high = middle;
  }
  const places: Place[] = [];
  for (let q = low; q < count && spans[3 * q] === line; q++) places.push({ range: spanAt(spans, q), addresses: addresses(q) });
  return places;
}

/** Every number on `line` that a column breakpoint can sit on: weights, biases, inputs and targets. */
export function numbersOnLine(spec: LoadedSpec, line: number): Range[] {
  const ranges: Range[] = [];
  const add = (spans: PackedSpans | null) => placesOn(spans, line, () => []).forEach((p) => ranges.push(p.range));
  for (const layer of spec.source.layers) {
    if (!layer) continue;
    add(layer.weights);
    add(layer.biases);
  }
  return ranges;
}

/** The step indices in `trace` where the breakpoint stops, ascending. */
export function stepsOf(breakpoint: ResolvedBreakpoint, trace: Trace): number[] {
  if (!breakpoint.verified || (breakpoint.example !== null && breakpoint.example !== trace.example)) return [];
  return breakpoint.addresses
    .map((address) => trace.indexOf(address))
    .filter((index) => index >= 0)
    .sort((a, b) => a - b);
}

/**
 * A hit condition as VS Code users write them: "5" or "== 5" (the 5th hit), ">= 5", "> 5",
 * "< 5", "<= 5", "% 5" (every 5th). Null when the text is none of these.
 */
export function hitTest(condition: string): ((hits: number) => boolean) | null {
  const match = /^\s*(==|>=|<=|>|<|%)?\s*(\d+)\s*$/.exec(condition);
  if (!match) return null;
  const n = Number(match[2]);
  switch (match[1] ?? '==') {
    case '==':
      return (hits) => hits === n;
    case '>=':
      return (hits) => hits >= n;
    case '<=':
      return (hits) => hits <= n;
    case '>':
      return (hits) => hits > n;
    case '<':
      return (hits) => hits < n;
    default:
      return (hits) => n > 0 && hits % n === 0;
  }
}
