import { exampleWeightGradientEntry } from '../engine/perExample';
import type { EngineResult } from '../engine/types';
import type { Network } from '../model/network';
import type { SpecSource } from '../model/source';
import { DEFAULT_DIGITS } from '../notation/format';
import * as sym from '../notation/symbols';
import { DEFAULT_WEIGHT_ORDER, type Notation, type WeightOrder } from '../notation/symbols';
import type { Range } from '../text/range';
import { dadzStep, dcdaStep, deltaStep, slopeSymbol } from './backwardSteps';
import { TraceContext } from './context';
import type { Content } from './expression';
import { aStep, costStep, zStep } from './forwardSteps';
import { TraceLayout } from './layout';
import { resolveMarks, stripMarks } from './marks';
import { bNewStep, dbStep, dwStep, wNewStep } from './parameterSteps';
import { StepCache } from './stepCache';
import { isElided, type Summands } from './sum';
import type { BuiltTrace, StepAddress, StepGroup, SumTerms, TraceStep } from './types';

export interface TraceOptions {
  /** Significant digits of every number shown (default 6). */
  readonly digits?: number;
  /** Where the network's parts stand in its spec, for each step's `source`. */
  readonly source?: SpecSource;
  /** How every weight symbol orders its indices (default 'from-to', the article's w⁽ℓ⁾ₖⱼ). */
  readonly weightOrder?: WeightOrder;
}

/**
 * The step-by-step trace of backpropagation for one example (0-based), built lazily: only the
 * layout (a handful of numbers per layer) exists up front; each step is assembled from the
 * engine's arrays when `step(index)` asks for it, so a network with 100k weights costs nothing
 * until a step is shown. A step costs a bounded time (its sums are elided, see sum.ts) plus one
 * loop over the numbers of its sum, and the last few hundred steps built are kept: asking again
 * for a step returns the same object.
 */
export function buildTrace(network: Network, result: EngineResult, exampleIndex: number, options: TraceOptions = {}): BuiltTrace {
  if (!(Number.isInteger(exampleIndex) && exampleIndex >= 0 && exampleIndex < result.exampleCount)) {
    throw new RangeError(`example ${exampleIndex + 1} does not exist: the network has ${result.exampleCount}`);
  }
  const layout = new TraceLayout(network.layers.map((layer) => layer.size));
  const weightOrder = options.weightOrder ?? DEFAULT_WEIGHT_ORDER;
  const ctx = new TraceContext(network, result, exampleIndex, options.digits ?? DEFAULT_DIGITS, options.source ?? null, weightOrder);
  const built = new StepCache((index) => makeStep(ctx, layout, index));
  return {
    example: exampleIndex,
    weightOrder,
    length: layout.length,
    groups: layout.groups,
    step: (index: number): TraceStep => built.get(index).step,
    sumTerms: (index: number): SumTerms | null => {
      const { summands } = built.get(index);
      return summands && isElided(summands) ? everyTerm(summands) : null;
    },
    indexOf: (address: StepAddress): number => layout.indexOf(address),
    addressOf: (index: number): StepAddress => layout.addressOf(index).address,
    groupOf: (index: number): StepGroup => layout.groups[layout.groupIndexOf(index)],
  };
}

/** The symbol on the left of a step's equation. */
export function stepSymbol(address: StepAddress, network: Network, weightOrder: WeightOrder): Notation {
  const { kind, layer: l, j, k } = address;
  switch (kind) {
    case 'z':
      return sym.z(l, j);
    case 'a':
      return sym.a(l, j);
    case 'cost':
      return sym.exampleCost;
    case 'dcda':
      return sym.dcda(l, j);
    case 'dadz':
      return slopeSymbol(network.layers[l].activation!, l, j);
    case 'delta':
      return sym.delta(l, j);
    case 'dw':
      return sym.dcdw(l, k, j, weightOrder);
    case 'db':
      return sym.dcdb(l, j);
    case 'w-new':
      return newValue(sym.w(l, k, j, weightOrder));
    case 'b-new':
      return newValue(sym.b(l, j));
  }
}

/** The parameter after the step: "new w⁽²⁾₁₁". */
function newValue(s: Notation): Notation {
  return { tex: `\\text{new } ${s.tex}`, text: `new ${s.text}` };
}

/** The terms of a sum one by one, each built only when the reader gets to it. */
function everyTerm(summands: Summands): SumTerms {
  const { count, tail } = summands;
  return {
    count: count + (tail ? 1 : 0),
    *[Symbol.iterator]() {
      for (let t = 0; t < count; t++) {
        const { text, numText, value } = summands.term(t);
        yield { text, numbersText: numText, value };
      }
      if (tail) yield { text: tail.text, numbersText: tail.numText, value: tail.value };
    },
  };
}

/** A built step, and the terms of its sum for a full listing. */
interface Built {
  readonly step: TraceStep;
  readonly summands: Summands | undefined;
}

function makeStep(ctx: TraceContext, layout: TraceLayout, index: number): Built {
  const { phase, address } = layout.addressOf(index);
  const { kind, layer: l, j, k } = address;
  const n = ctx.sizes[l];
  let body: Content;
  let value: number;
  let source: Range | null;
  switch (kind) {
    case 'z':
      [body, value, source] = [zStep(ctx, l, j), ctx.z(l, j), ctx.layerRange(l)];
      break;
    case 'a':
      [body, value, source] = [aStep(ctx, l, j), ctx.a(l, j), ctx.layerRange(l)];
      break;
    case 'cost':
      [body, value, source] = [costStep(ctx), ctx.result.costs[ctx.i], ctx.exampleRange()];
      break;
    case 'dcda':
      [body, value, source] = [dcdaStep(ctx, l, j), ctx.dcda(l, j), ctx.layerRange(l)];
      break;
    case 'dadz':
      [body, value, source] = [dadzStep(ctx, l, j), ctx.dadz(l, j), ctx.layerRange(l)];
      break;
    case 'delta':
      [body, value, source] = [deltaStep(ctx, l, j), ctx.delta(l, j), ctx.layerRange(l)];
      break;
    case 'dw':
      [body, value, source] = [dwStep(ctx, l, k, j), exampleWeightGradientEntry(ctx.values, l, k, j), ctx.weightRange(l, k, j)];
      break;
    case 'db':
      [body, value, source] = [dbStep(ctx, l, j), ctx.delta(l, j), ctx.biasRange(l, j)];
      break;
    case 'w-new':
      [body, value, source] = [wNewStep(ctx, l, k, j), ctx.result.updated.w[l][(k - 1) * n + j - 1], ctx.weightRange(l, k, j)];
      break;
    case 'b-new':
      [body, value, source] = [bNewStep(ctx, l, j), ctx.result.updated.b[l][j - 1], ctx.biasRange(l, j)];
      break;
  }
  const symbol = stepSymbol(address, ctx.network, ctx.weightOrder);
  const step: TraceStep = {
    index,
    phase,
    address,
    symbolTex: symbol.tex,
    symbolText: symbol.text,
    formulaTex: stripMarks(body.formulaTex),
    formulaText: body.formulaText,
    substitutedTex: stripMarks(body.substitutedTex),
    substitutedText: body.substitutedText,
    markedFormulaTex: resolveMarks(body.formulaTex, body.factors),
    markedSubstitutedTex: resolveMarks(body.substitutedTex, body.factors),
    factors: body.factors,
    value,
    source,
    ...(body.note !== undefined ? { note: body.note } : {}),
  };
  return { step, summands: body.summands };
}
