import * as sym from '../notation/symbols';
import type { TraceContext } from './context';
import { address, content, factor, numbers, product, symbols, type Content } from './expression';
import { activationFactor } from './forwardSteps';
import { dcdaFactor, deltaFactor, sigmaPrimeFactor } from './backwardSteps';

/**
 * The steps that end at a parameter: ∂c_i/∂w^(ℓ)_kj, ∂c_i/∂b^(ℓ)_j, and the update of each.
 */

/**
 * ∂c_i/∂w^(ℓ)_kj, shown the way the article derives it: the three-factor chain rule
 *   ∂c_i/∂a^(ℓ)_j · ∂a^(ℓ)_j/∂z^(ℓ)_j · ∂z^(ℓ)_j/∂w^(ℓ)_kj
 * with each factor named (∂c_i/∂a, σ′(z), and a^(ℓ−1)_k, since z is a sum in which w_kj multiplies
 * a_k alone), then the first two gathered into δ^(ℓ)_j. Softmax has no single σ′(z_j), so there
 * the chain starts from δ = ∂c_i/∂z directly.
 */
export function dwStep(ctx: TraceContext, l: number, k: number, j: number): Content {
  const d = ctx.digits;
  const ak = activationFactor(ctx, l - 1, k);
  const delta = deltaFactor(ctx, l, j);
  const short = product([delta, ak], d);
  const dzdw = sym.dzdw(l, k, j);
  if (ctx.network.layers[l].activation === 'softmax') {
    const viaZ = { tex: `${sym.dcdz(l, j).tex} \\cdot ${dzdw.tex}`, text: `${sym.dcdz(l, j).text} · ${dzdw.text}` };
    return content([viaZ, symbols(short)], [numbers(short)], [delta, ak]);
  }
  const g = dcdaFactor(ctx, l, j);
  const s = sigmaPrimeFactor(ctx, l, j);
  const dadz = sym.dadz(l, j, j);
  const articleForm = { tex: `${g.tex} \\cdot ${dadz.tex} \\cdot ${dzdw.tex}`, text: `${g.text} · ${dadz.text} · ${dzdw.text}` };
  const chain = product([g, s, ak], d);
  return content([articleForm, symbols(chain), symbols(short)], [numbers(chain), numbers(short)], [g, s, ak, delta]);
}

/** ∂c_i/∂b^(ℓ)_j: the same chain with ∂z/∂b = 1 in place of a_k. */
export function dbStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const delta = deltaFactor(ctx, l, j);
  const one = factor({ tex: '1', text: '1' }, 1, null);
  const short = product([delta, one], d);
  const dzdb = sym.partial(sym.z(l, j), sym.b(l, j));
  if (ctx.network.layers[l].activation === 'softmax') {
    const viaZ = { tex: `${sym.dcdz(l, j).tex} \\cdot ${dzdb.tex}`, text: `${sym.dcdz(l, j).text} · ${dzdb.text}` };
    return content([viaZ, symbols(short)], [numbers(short)], [delta]);
  }
  const g = dcdaFactor(ctx, l, j);
  const s = sigmaPrimeFactor(ctx, l, j);
  const chain = product([g, s, one], d);
  return content([symbols(product([g, s, factor(dzdb, 1, null)], d)), symbols(chain), symbols(short)], [numbers(chain), numbers(short)], [g, s, delta]);
}

function meanNote(ctx: TraceContext, gradient: string): string | undefined {
  if (ctx.m <= 1) return undefined;
  return `${gradient} is the mean over all m = ${ctx.m} examples of their own ∂cᵢ/∂…, not only this example's: the step moves every parameter against the average slope.`;
}

/** w^(ℓ)_kj − η · ∂c/∂w^(ℓ)_kj */
export function wNewStep(ctx: TraceContext, l: number, k: number, j: number): Content {
  const d = ctx.digits;
  const n = ctx.sizes[l];
  const old = factor(sym.w(l, k, j), ctx.w(l, k, j), null);
  const eta = factor(sym.learningRate, ctx.network.learningRate, null);
  const grad = factor(sym.meanDcdw(l, k, j), ctx.result.gradient.w[l][(k - 1) * n + j - 1], ctx.m === 1 ? address('dw', l, j, k) : null);
  return update(old, product([eta, grad], d), d, meanNote(ctx, grad.text));
}

/** b^(ℓ)_j − η · ∂c/∂b^(ℓ)_j */
export function bNewStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const old = factor(sym.b(l, j), ctx.b(l, j), null);
  const eta = factor(sym.learningRate, ctx.network.learningRate, null);
  const grad = factor(sym.meanDcdb(l, j), ctx.result.gradient.b[l][j - 1], ctx.m === 1 ? address('db', l, j) : null);
  return update(old, product([eta, grad], d), d, meanNote(ctx, grad.text));
}

function update(old: ReturnType<typeof factor>, step: ReturnType<typeof product>, d: number, note: string | undefined): Content {
  const oldNum = numbers(product([old], d));
  return content(
    [{ tex: `${old.tex} - ${step.tex}`, text: `${old.text} − ${step.text}` }],
    [{ tex: `${oldNum.tex} - ${step.numTex}`, text: `${oldNum.text} − ${step.numText}` }],
    [old, ...step.factors],
    note,
  );
}
