import type { Diagnostic } from '../diagnostics';
import type { SpecSource } from '../model/source';
import { formatNumber } from '../notation/format';
import type { StepSnapshot } from '../stepping/snapshot';
import { spanAt, type Range } from '../text/range';
import { stepSymbol } from '../trace/build';
import type { StepAddress, Trace } from '../trace/types';
import { chainOf } from './frames';
import type { LoadedSpec } from './loadedSpec';
import type { FrameInfo } from './types';

/**
 * The frames of a stopped thread (see frames.ts for the chain they follow), each named in the
 * notation with its number once the stepping has computed it, and pointing at its spec text.
 */
export function stackOf(spec: LoadedSpec, trace: Trace, snapshot: StepSnapshot, step: number, digits: number, frameId: (depth: number) => number): FrameInfo[] {
  const network = spec.network!;
  const example = trace.example;
  if (step < 0) return [{ id: frameId(0), name: `before the first step of example ${example + 1}`, range: spec.source.examples[example]?.line ?? null }];
  const address = trace.addressOf(step);
  return chainOf(address, network, spec.source, example).map((link, depth) => {
    if (link.address === null) return { id: frameId(depth), name: link.name!, range: link.range };
    const symbol = stepSymbol(link.address, network, trace.weightOrder).text;
    const value = snapshot.known(link.address);
    const name = value === null ? `${symbol} (not computed yet)` : `${symbol} = ${formatNumber(value, digits)}`;
    // cᵢ points at the cost line wherever it stands in the stack; a step at its own number.
    const own = depth === 0 && link.address.kind !== 'cost' ? trace.step(step).source : null;
    const range = own ?? link.range ?? rangeOf(spec.source, link.address, example);
    return { id: frameId(depth), name, range };
  });
}

/** A spec with errors stops with one frame per error, each on its text. */
export function errorFrames(problems: readonly Diagnostic[], frameId: (depth: number) => number): FrameInfo[] {
  const errors = problems.filter((d) => d.severity === 'error');
  if (errors.length === 0) return [{ id: frameId(0), name: 'the spec has no examples', range: null }];
  return errors.map((d, depth) => ({ id: frameId(depth), name: `error: ${d.message}`, range: d.range }));
}

/** Where a quantity's text is: its number (w, b), its layer's line, or the cost line. */
export function rangeOf(source: SpecSource, address: StepAddress, example: number): Range | null {
  const { kind, layer: l, j, k } = address;
  const layer = source.layers[l];
  switch (kind) {
    case 'cost':
      return source.cost?.line ?? source.examples[example]?.line ?? null;
    case 'dw':
    case 'w-new': {
      if (!layer) return null;
      const n = source.layers[l] && layer.biases ? layer.biases.length / 3 : null;
      if (layer.weights && n !== null) return spanAt(layer.weights, (k - 1) * n + j - 1);
      return layer.weightsBlock ?? layer.header;
    }
    case 'db':
    case 'b-new':
      if (!layer) return null;
      return layer.biases ? spanAt(layer.biases, j - 1) : layer.biasesBlock ?? layer.header;
    default:
      return layer?.header ?? null;
  }
}
