import type { CoupledActivation } from '../activations/entry';
import { activationEntry, type ActivationName } from '../activations/registry';
import { costEntry } from '../costs/registry';
import * as sym from '../notation/symbols';
import type { Notation } from '../notation/symbols';
import type { TraceContext } from './context';
import { address, content, factor, marked, numberOf, numbers, product, symbols, type Content } from './expression';
import { activationFactor } from './forwardSteps';
import { mark } from './marks';
import { sum, type Summands } from './sum';

/**
 * The backward steps for one neuron: ∂c_i/∂a^(ℓ)_j, σ′(z^(ℓ)_j) and δ^(ℓ)_j.
 */

export function dcdaFactor(ctx: TraceContext, l: number, j: number) {
  return factor(sym.dcda(l, j), ctx.dcda(l, j), address('dcda', l, j));
}

/**
 * σ′(z^(ℓ)_j) as a factor; for an activation that couples the layer (softmax) there is no single
 * σ′, and the factor is the diagonal entry ∂a_j/∂z_j of its Jacobian.
 */
export function sigmaPrimeFactor(ctx: TraceContext, l: number, j: number) {
  return factor(slopeSymbol(ctx.network.layers[l].activation!, l, j), ctx.dadz(l, j), address('dadz', l, j));
}

/** σ′(z⁽ℓ⁾ⱼ), or ∂a⁽ℓ⁾ⱼ/∂z⁽ℓ⁾ⱼ where the activation couples the layer. */
export function slopeSymbol(name: ActivationName, l: number, j: number): Notation {
  return activationEntry(name).elementwise ? sym.sigmaPrime(l, j) : sym.dadz(l, j, j);
}

export function deltaFactor(ctx: TraceContext, l: number, j: number) {
  return factor(sym.delta(l, j), ctx.delta(l, j), address('delta', l, j));
}

/** Σ_r δ^(ℓ+1)_r w^(ℓ+1)_jr: how a^(ℓ)_j reaches the cost through every neuron of the next layer. */
function backSum(ctx: TraceContext, l: number, j: number): Summands {
  const d = ctx.digits;
  return {
    count: ctx.sizes[l + 1],
    term: (t) => product([deltaFactor(ctx, l + 1, t + 1), factor(sym.w(l + 1, j, t + 1, ctx.weightOrder), ctx.w(l + 1, j, t + 1), null)], d),
    add: (from, to, running) => {
      // w⁽ℓ⁺¹⁾ⱼᵣ for every r is row j of the next layer's weights.
      const [delta, weights, n] = [ctx.deltaRow(l + 1), ctx.weights(l + 1), ctx.sizes[l + 1]];
      let part = 0;
      for (let t = from; t < to; t++) {
        const v = delta[t] * weights[(j - 1) * n + t];
        running += v;
        part += v;
      }
      return [running, part];
    },
    tail: null,
  };
}

function backSumGeneral(ctx: TraceContext, l: number, j: number): Notation {
  const dr = sym.delta(l + 1, 'r');
  const wr = sym.w(l + 1, j, 'r', ctx.weightOrder);
  return { tex: `\\sum_{r} ${dr.tex}\\, ${wr.tex}`, text: `Σᵣ ${dr.text} ${wr.text}` };
}

function parenthesised(n: Notation): Notation {
  return { tex: `\\left(${n.tex}\\right)`, text: `(${n.text})` };
}

/** ∂c_i/∂a^(L)_j from the cost's derivative; for ℓ < L, the sum over the next layer. */
export function dcdaStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  if (l === ctx.L) {
    const cost = costEntry(ctx.network.cost);
    const af = activationFactor(ctx, l, j);
    const yf = factor(sym.y(j), ctx.y(j), null);
    const n = ctx.sizes[l];
    return content(
      [cost.derivativeFor(marked(af), marked(yf), n)],
      [cost.derivativeFor(numberOf(af, d), numberOf(yf, d), n)],
      [af, yf],
    );
  }
  const summands = backSum(ctx, l, j);
  const terms = sum(summands, d);
  const forms = ctx.sizes[l + 1] > 1 ? [backSumGeneral(ctx, l, j), symbols(terms)] : [symbols(terms)];
  const [dr, zr, aj] = [sym.delta(l + 1, 'r').text, sym.z(l + 1, 'r').text, sym.a(l, j).text];
  const note = `Each ${dr} is how much the cost changes per unit of ${zr}, and ${sym.w(l + 1, j, 'r', ctx.weightOrder).text} is how much ${zr} changes per unit of ${aj}; the sum adds up every path from ${aj} to the cost.`;
  return { ...content(forms, [numbers(terms)], terms.factors, note), summands };
}

/** σ′(z^(ℓ)_j) written for this neuron, e.g. a(1 − a) for sigmoid. */
export function dadzStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const entry = activationEntry(ctx.network.layers[l].activation!);
  const af = activationFactor(ctx, l, j);
  const zf = factor(sym.z(l, j), ctx.z(l, j), address('z', l, j));
  const written = entry.slopeFor(marked(af), marked(zf));
  const substituted = entry.slopeFor(numberOf(af, d), numberOf(zf, d));
  const factors = written.uses === 'a' ? [af] : written.uses === 'z' ? [zf] : [];
  return content([written], [substituted], factors, entry.elementwise ? undefined : entry.notes.slope);
}

/**
 * δ^(ℓ)_j = ∂c_i/∂a^(ℓ)_j · σ′(z^(ℓ)_j), with each factor also written out (and marked as that
 * factor, so a(1 − a) shares σ′'s colour). For softmax the chain rule runs through every a_r of
 * the layer: δ_j = Σ_r ∂c_i/∂a_r · ∂a_r/∂z_j.
 */
export function deltaStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const entry = activationEntry(ctx.network.layers[l].activation!);
  if (!entry.elementwise) return coupledDelta(ctx, entry, l, j);
  const g = dcdaFactor(ctx, l, j);
  const s = sigmaPrimeFactor(ctx, l, j);
  const chain = product([g, s], d);
  const af = activationFactor(ctx, l, j);
  const zf = factor(sym.z(l, j), ctx.z(l, j), null);
  const outer = mark(g, l === ctx.L ? costEntry(ctx.network.cost).derivativeFor(af, factor(sym.y(j), ctx.y(j), null), ctx.sizes[l]) : parenthesised(backSumGeneral(ctx, l, j)));
  const slope = entry.slopeFor(af, zf);
  // A slope written as a sum (tanh's 1 − (a)²) needs parentheses as a factor of the product.
  const inner = isSum(slope.text) ? parenthesised(mark(s, slope)) : mark(s, slope);
  const expanded = { tex: `${outer.tex} \\cdot ${inner.tex}`, text: `${outer.text} · ${inner.text}` };
  return content([symbols(chain), expanded], [numbers(chain)], [g, s]);
}

/** δ_j = Σ_r ∂c_i/∂a_r · ∂a_r/∂z_j over the layer's full Jacobian, every term shown (or elided). */
function coupledDelta(ctx: TraceContext, entry: CoupledActivation, l: number, j: number): Content {
  const d = ctx.digits;
  const summands: Summands = {
    count: ctx.sizes[l],
    term: (t) => {
      const r = t + 1;
      const jacobian = factor(sym.dadz(l, r, j), entry.jacobian(ctx.aRow(l), t, j - 1), r === j ? address('dadz', l, j) : null);
      return product([dcdaFactor(ctx, l, r), jacobian], d);
    },
    add: (from, to, running) => {
      const [dcda, a] = [ctx.dcdaRow(l), ctx.aRow(l)];
      let part = 0;
      for (let t = from; t < to; t++) {
        const v = dcda[t] * entry.jacobian(a, t, j - 1);
        running += v;
        part += v;
      }
      return [running, part];
    },
    tail: null,
  };
  const terms = sum(summands, d);
  const general = { tex: `\\sum_{r} ${sym.dcda(l, 'r').tex}\\, ${sym.dadz(l, 'r', j).tex}`, text: `Σᵣ ${sym.dcda(l, 'r').text} · ${sym.dadz(l, 'r', j).text}` };
  const note = entry.notes.delta(`z${sym.layerText(l)}${sym.subscriptText(j)}`);
  return { ...content([general, symbols(terms)], [numbers(terms)], terms.factors, note), summands };
}

/** Whether `text` adds or subtracts at its top level, outside every bracket. */
function isSum(text: string): boolean {
  let depth = 0;
  for (let q = 0; q < text.length; q++) {
    const c = text[q];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && q > 0 && (c === '+' || c === '−') && text[q - 1] === ' ') return true;
  }
  return false;
}
