import { activationDerivativeFor, costDerivativeFor } from '../notation/formulas';
import * as sym from '../notation/symbols';
import type { Notation } from '../notation/symbols';
import type { TraceContext } from './context';
import { address, content, factor, num, numbers, product, sum, symbols, type Content } from './expression';
import { activationFactor } from './forwardSteps';

/**
 * The backward steps for one neuron: ∂c_i/∂a^(ℓ)_j, σ′(z^(ℓ)_j) and δ^(ℓ)_j.
 */

export function dcdaFactor(ctx: TraceContext, l: number, j: number) {
  return factor(sym.dcda(l, j), ctx.dcda(l, j), address('dcda', l, j));
}

/** σ′(z^(ℓ)_j) as a factor (for softmax, the diagonal entry ∂a_j/∂z_j of its Jacobian). */
export function sigmaPrimeFactor(ctx: TraceContext, l: number, j: number) {
  const softmax = ctx.network.layers[l].activation === 'softmax';
  return factor(softmax ? sym.dadz(l, j, j) : sym.sigmaPrime(l, j), ctx.dadz(l, j), address('dadz', l, j));
}

export function deltaFactor(ctx: TraceContext, l: number, j: number) {
  return factor(sym.delta(l, j), ctx.delta(l, j), address('delta', l, j));
}

/** Σ_r δ^(ℓ+1)_r w^(ℓ+1)_jr: how a^(ℓ)_j reaches the cost through every neuron of the next layer. */
function backSum(ctx: TraceContext, l: number, j: number) {
  const d = ctx.digits;
  return sum(
    ctx.sizes[l + 1],
    (t, shown) => product([deltaFactor(ctx, l + 1, t + 1), factor(sym.w(l + 1, j, t + 1), ctx.w(l + 1, j, t + 1), null)], d, shown),
    null,
    d,
  );
}

function backSumGeneral(l: number, j: number): Notation {
  const dr = sym.delta(l + 1, 'r');
  const wr = sym.w(l + 1, j, 'r');
  return { tex: `\\sum_{r} ${dr.tex}\\, ${wr.tex}`, text: `Σᵣ ${dr.text} ${wr.text}` };
}

/** ∂c_i/∂a^(L)_j from the cost's derivative; for ℓ < L, the sum over the next layer. */
export function dcdaStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  if (l === ctx.L) {
    const af = activationFactor(ctx, l, j);
    const yf = factor(sym.y(j), ctx.y(j), null);
    const n = ctx.sizes[l];
    return content(
      [costDerivativeFor(ctx.network.cost, af, yf, n)],
      [costDerivativeFor(ctx.network.cost, num(af.value, d), num(yf.value, d), n)],
      [af, yf],
    );
  }
  const terms = backSum(ctx, l, j);
  const forms = ctx.sizes[l + 1] > 1 ? [backSumGeneral(l, j), symbols(terms)] : [symbols(terms)];
  return content(
    forms,
    [numbers(terms)],
    terms.factors,
    `Each δ⁽${l + 1}⁾ᵣ is how much the cost changes per unit of z⁽${l + 1}⁾ᵣ, and w${sym.layerText(l + 1)}${sym.subscriptsText(j, 'r')} is how much z⁽${l + 1}⁾ᵣ changes per unit of ${sym.a(l, j).text}; the sum adds up every path from ${sym.a(l, j).text} to the cost.`,
  );
}

/** σ′(z^(ℓ)_j) written for this neuron, e.g. a(1 − a) for sigmoid. */
export function dadzStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const name = ctx.network.layers[l].activation!;
  const af = activationFactor(ctx, l, j);
  const zf = factor(sym.z(l, j), ctx.z(l, j), address('z', l, j));
  const written = activationDerivativeFor(name, af, zf);
  const substituted = activationDerivativeFor(name, num(af.value, d), num(zf.value, d));
  const factors = written.uses === 'a' ? [af] : written.uses === 'z' ? [zf] : [];
  const note =
    name === 'softmax'
      ? `This is the diagonal entry of softmax's Jacobian; the others are ∂aᵣ/∂zⱼ = −aᵣ aⱼ, and δ uses them all.`
      : undefined;
  return content([written], [substituted], factors, note);
}

/**
 * δ^(ℓ)_j = ∂c_i/∂a^(ℓ)_j · σ′(z^(ℓ)_j), with each factor also written out. For softmax the
 * chain rule runs through every a_r of the layer: δ_j = Σ_r ∂c_i/∂a_r · ∂a_r/∂z_j.
 */
export function deltaStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const name = ctx.network.layers[l].activation!;
  if (name === 'softmax') {
    const terms = sum(
      ctx.sizes[l],
      (t, shown) => {
        const r = t + 1;
        const jacobian = ctx.a(l, r) * ((r === j ? 1 : 0) - ctx.a(l, j));
        const entry = factor(sym.dadz(l, r, j), jacobian, r === j ? address('dadz', l, j) : null);
        return product([dcdaFactor(ctx, l, r), entry], d, shown);
      },
      null,
      d,
    );
    const general = { tex: `\\sum_{r} ${sym.dcda(l, 'r').tex}\\, ${sym.dadz(l, 'r', j).tex}`, text: `Σᵣ ${sym.dcda(l, 'r').text} · ${sym.dadz(l, 'r', j).text}` };
    return content(
      [general, symbols(terms)],
      [numbers(terms)],
      terms.factors,
      `Softmax makes every a of the layer depend on z${sym.layerText(l)}${sym.subscriptText(j)}, so all of them carry its effect to the cost; ∂aᵣ/∂zⱼ = aᵣ(1 − aⱼ) when r = j and −aᵣ aⱼ otherwise.`,
    );
  }
  const g = dcdaFactor(ctx, l, j);
  const s = sigmaPrimeFactor(ctx, l, j);
  const chain = product([g, s], d);
  const af = activationFactor(ctx, l, j);
  const zf = factor(sym.z(l, j), ctx.z(l, j), null);
  const outer =
    l === ctx.L
      ? costDerivativeFor(ctx.network.cost, af, factor(sym.y(j), ctx.y(j), null), ctx.sizes[l])
      : { tex: `\\left(${backSumGeneral(l, j).tex}\\right)`, text: `(${backSumGeneral(l, j).text})` };
  const inner = activationDerivativeFor(name, af, zf);
  const expanded = { tex: `${outer.tex} \\cdot ${inner.tex}`, text: `${outer.text} · ${inner.text}` };
  return content([symbols(chain), expanded], [numbers(chain)], [g, s]);
}
