import { activationEntry } from '../activations/registry';
import { formatNumberTex } from '../notation/format';
import * as sym from '../notation/symbols';
import type { Notation } from '../notation/symbols';
import type { TraceContext } from './context';
import { address, content, factor, marked, numberOf, numbers, product, symbols, type Content, type Term } from './expression';
import { activationFactor } from './forwardSteps';
import { dcdaFactor, deltaFactor, sigmaPrimeFactor } from './backwardSteps';
import { group, mark } from './marks';
import type { Factor } from './types';

/**
 * The steps that end at a parameter: ∂c_i/∂w^(ℓ)_kj, ∂c_i/∂b^(ℓ)_j, and the update of each.
 */

/**
 * ∂c_i/∂w^(ℓ)_kj, shown the way the article derives it: the three-factor chain rule
 *   ∂c_i/∂a^(ℓ)_j · ∂a^(ℓ)_j/∂z^(ℓ)_j · ∂z^(ℓ)_j/∂w^(ℓ)_kj
 * with each factor named (∂c_i/∂a, σ′(z), and a^(ℓ−1)_k, since z is a sum in which w_kj multiplies
 * a_k alone), then the first two gathered into δ^(ℓ)_j. An activation that couples the layer
 * (softmax) has no single σ′(z_j), so there the chain starts from δ = ∂c_i/∂z directly.
 *
 * Each fraction is marked as the factor it is named by (∂a/∂z as σ′(z), ∂z/∂w as a_k, ∂c_i/∂z as
 * δ), and in the form before δ · a_k the pair ∂c_i/∂a · σ′(z) is braced as δ, in symbols and in
 * numbers, so a view shows them as one quantity.
 */
export function dwStep(ctx: TraceContext, l: number, k: number, j: number): Content {
  const d = ctx.digits;
  const ak = activationFactor(ctx, l - 1, k);
  const delta = deltaFactor(ctx, l, j);
  const short = product([delta, ak], d);
  const dzdw = mark(ak, sym.dzdw(l, k, j, ctx.weightOrder));
  if (couplesLayer(ctx, l)) {
    return content([times(mark(delta, sym.dcdz(l, j)), dzdw), symbols(short)], [numbers(short)], [delta, ak]);
  }
  const g = dcdaFactor(ctx, l, j);
  const s = sigmaPrimeFactor(ctx, l, j);
  const articleForm = times(times(marked(g), mark(s, sym.dadz(l, j, j))), dzdw);
  const [chain, chainNumbers] = viaDelta(product([g, s], d), delta, d);
  return content(
    [articleForm, times(chain, marked(ak)), symbols(short)],
    [times(chainNumbers, numberOf(ak, d), true), numbers(short)],
    [g, s, ak, delta],
  );
}

/** ∂c_i/∂b^(ℓ)_j: the same chain with ∂z/∂b = 1 in place of a_k. */
export function dbStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const delta = deltaFactor(ctx, l, j);
  const one = { tex: '1', text: '1' };
  const short = product([delta], d);
  const dzdb = sym.partial(sym.z(l, j), sym.b(l, j));
  if (couplesLayer(ctx, l)) {
    return content([times(mark(delta, sym.dcdz(l, j)), dzdb), times(symbols(short), one)], [times(numbers(short), one, true)], [delta]);
  }
  const g = dcdaFactor(ctx, l, j);
  const s = sigmaPrimeFactor(ctx, l, j);
  const pair = product([g, s], d);
  const [chain, chainNumbers] = viaDelta(pair, delta, d);
  return content(
    [times(symbols(pair), dzdb), times(chain, one), times(symbols(short), one)],
    [times(chainNumbers, one, true), times(numbers(short), one, true)],
    [g, s, delta],
  );
}

/** Whether layer ℓ's activation ties its neurons together (softmax), so it has no single σ′(z_j). */
function couplesLayer(ctx: TraceContext, l: number): boolean {
  return !activationEntry(ctx.network.layers[l].activation!).elementwise;
}

/** ∂c_i/∂a · σ′(z), in symbols and in numbers, braced as the δ it makes. */
function viaDelta(pair: Term, delta: Factor, digits: number): [Notation, Notation] {
  return [group(delta, delta.tex, symbols(pair)), group(delta, formatNumberTex(delta.value, digits), numbers(pair))];
}

/** x · y in symbols, or x × y in numbers. */
function times(x: Notation, y: Notation, numeric = false): Notation {
  return numeric ? { tex: `${x.tex} \\times ${y.tex}`, text: `${x.text} × ${y.text}` } : { tex: `${x.tex} \\cdot ${y.tex}`, text: `${x.text} · ${y.text}` };
}

/** Why the update uses ∂c/∂p rather than this example's ∂c_i/∂p, when there are several examples. */
function meanNote(ctx: TraceContext, mean: Notation, perExample: Notation): string | undefined {
  const held = ctx.m - ctx.trainingCount;
  const over = held > 0 ? `the m = ${ctx.trainingCount} training examples (${held} more are held out for validation)` : `all m = ${ctx.m} examples`;
  if (ctx.heldOut) return `This example is held out for validation: its own ${perExample.text} is computed, but the step follows ${mean.text}, the mean over ${over}, which leaves it out.`;
  if (ctx.m <= 1) return undefined;
  return `${mean.text} is the mean over ${over} of their own ${perExample.text}, not only this example's: the step moves every parameter against the average slope.`;
}

/** The mean is this example's own gradient exactly when it is the only one trained on. */
function onlyExample(ctx: TraceContext): boolean {
  return ctx.trainingCount === 1 && !ctx.heldOut;
}

/** w^(ℓ)_kj − η · ∂c/∂w^(ℓ)_kj */
export function wNewStep(ctx: TraceContext, l: number, k: number, j: number): Content {
  const d = ctx.digits;
  const n = ctx.sizes[l];
  const old = factor(sym.w(l, k, j, ctx.weightOrder), ctx.w(l, k, j), null);
  const eta = factor(sym.learningRate, ctx.network.learningRate, null);
  const grad = factor(sym.meanDcdw(l, k, j, ctx.weightOrder), ctx.result.gradient.w[l][(k - 1) * n + j - 1], onlyExample(ctx) ? address('dw', l, j, k) : null);
  return update(old, product([eta, grad], d), d, meanNote(ctx, grad, sym.dcdw(l, k, j, ctx.weightOrder)));
}

/** b^(ℓ)_j − η · ∂c/∂b^(ℓ)_j */
export function bNewStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const old = factor(sym.b(l, j), ctx.b(l, j), null);
  const eta = factor(sym.learningRate, ctx.network.learningRate, null);
  const grad = factor(sym.meanDcdb(l, j), ctx.result.gradient.b[l][j - 1], onlyExample(ctx) ? address('db', l, j) : null);
  return update(old, product([eta, grad], d), d, meanNote(ctx, grad, sym.dcdb(l, j)));
}

function update(old: Factor, step: Term, d: number, note: string | undefined): Content {
  const oldNum = numberOf(old, d);
  const oldSymbol = marked(old);
  return content(
    [{ tex: `${oldSymbol.tex} - ${step.tex}`, text: `${old.text} − ${step.text}` }],
    [{ tex: `${oldNum.tex} - ${step.numTex}`, text: `${oldNum.text} − ${step.numText}` }],
    [old, ...step.factors],
    note,
  );
}
