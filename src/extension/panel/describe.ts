/**
 * What a hovered or clicked quantity is, and where it stands in the spec. Pure: the panel
 * asks (`describe`, `reveal`) and src/extension/panel/stepperPanel.ts answers with these.
 */
import type { Network } from '../../core/model/network';
import { formatNumber } from '../../core/notation/format';
import * as n from '../../core/notation/symbols';
import type { SpecSource } from '../../core/model/source';
import { spanAt, spanCount, type Range } from '../../core/text/range';
import { isReached } from '../../core/stepping/snapshot';
import type { StepAddress, Trace } from '../../core/trace/types';
import { isStepRef, type DescriptionMessage, type QuantityRef } from '../../shared/panelMessages';

function asStep(ref: QuantityRef): StepAddress | null {
  return isStepRef(ref) ? { kind: ref.kind, layer: ref.layer, j: ref.j, k: ref.k } : null;
}

/** The spec's own numbers: a weight, a bias, an input x or a target y of example `example`. */
function specValue(network: Network, ref: QuantityRef, example: number): number | null {
  const layer = network.layers[ref.layer];
  const e = network.examples[example];
  switch (ref.kind) {
    case 'w':
      return layer && ref.k >= 1 && ref.j >= 1 && ref.j <= layer.size ? layer.weights[(ref.k - 1) * layer.size + ref.j - 1] ?? null : null;
    case 'b':
      return layer?.biases[ref.j - 1] ?? null;
    case 'x':
      return e?.x[ref.j - 1] ?? null;
    case 'y':
      return e?.y[ref.j - 1] ?? null;
    default:
      return null;
  }
}

export function describeQuantity(ref: QuantityRef, version: number, network: Network, source: SpecSource, trace: Trace, step: number, digits: number): DescriptionMessage {
  const address = asStep(ref);
  if (address) {
    const index = trace.indexOf(address);
    if (index < 0) return { type: 'description', version, ref, symbolText: '', formulaText: 'not part of this network', valueText: '' };
    const found = trace.step(index);
    return {
      type: 'description',
      version,
      ref,
      symbolText: found.symbolText,
      formulaText: `${found.symbolText} = ${found.formulaText}`,
      valueText: isReached(trace, step, address) ? formatNumber(found.value, digits) : `not computed yet (step ${index + 1})`,
    };
  }
  const value = specValue(network, ref, trace.example);
  const symbol =
    ref.kind === 'w' ? n.w(ref.layer, ref.k, ref.j, trace.weightOrder) : ref.kind === 'b' ? n.b(ref.layer, ref.j) : ref.kind === 'y' ? n.y(ref.j) : n.a(0, ref.j);
  const written = revealRange(ref, source, trace, network) !== null;
  const origin =
    ref.kind === 'x' ? `input ${ref.j} of example ${trace.example + 1}` : ref.kind === 'y' ? `target ${ref.j} of example ${trace.example + 1}` : written ? 'as written in the spec' : 'initialised from the seed (not written in the spec)';
  return { type: 'description', version, ref, symbolText: symbol.text, formulaText: origin, valueText: value === null ? '' : formatNumber(value, digits) };
}

/** Where `ref`'s number is written in the spec, or the closest line that explains it. */
export function revealRange(ref: QuantityRef, source: SpecSource, trace: Trace | null, network: Network): Range | null {
  const layer = source.layers[ref.layer];
  const example = source.examples[trace?.example ?? 0];
  const weightIndex = (ref.k - 1) * (network.layers[ref.layer]?.size ?? 0) + ref.j - 1;
  const at = (spans: Int32Array | null | undefined, index: number) => (spans && index >= 0 && index < spanCount(spans) ? spanAt(spans, index) : null);
  switch (ref.kind) {
    case 'w':
    case 'dw':
    case 'w-new':
      return at(layer?.weights, weightIndex) ?? layer?.header ?? null;
    case 'b':
    case 'db':
    case 'b-new':
      return at(layer?.biases, ref.j - 1) ?? layer?.header ?? null;
    case 'x':
      return at(example?.x, ref.j - 1) ?? example?.line ?? null;
    case 'y':
      return at(example?.y, ref.j - 1) ?? example?.line ?? null;
    default: {
      const address = asStep(ref);
      const index = address && trace ? trace.indexOf(address) : -1;
      return (index >= 0 && trace ? trace.step(index).source : null) ?? layer?.header ?? null;
    }
  }
}
