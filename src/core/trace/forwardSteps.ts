import { activationEntry } from '../activations/registry';
import type { CoupledActivation, ElementwiseActivation } from '../activations/entry';
import { costEntry } from '../costs/registry';
import * as sym from '../notation/symbols';
import type { Notation } from '../notation/symbols';
import type { TraceContext } from './context';
import { address, content, factor, marked, numberOf, numbers, product, single, symbols, type Content, type Term } from './expression';
import { sum, type Summands } from './sum';
import type { Factor } from './types';

/**
 * The forward steps: z^(ℓ)_j as the weighted sum, a^(ℓ)_j = σ(z^(ℓ)_j), and the cost c_i.
 */

/** a^(ℓ)_k as a factor; it refers to its own step except for the inputs a^(0) = x. */
export function activationFactor(ctx: TraceContext, l: number, k: number) {
  return factor(sym.a(l, k), ctx.a(l, k), l >= 1 ? address('a', l, k) : null);
}

/** z^(ℓ)_j = Σ_k w^(ℓ)_kj a^(ℓ−1)_k + b^(ℓ)_j, every term shown (or elided) with its numbers. */
export function zStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const p = ctx.sizes[l - 1];
  const bias = factor(sym.b(l, j), ctx.b(l, j), null);
  const summands: Summands = {
    count: p,
    term: (t) => product([factor(sym.w(l, t + 1, j, ctx.weightOrder), ctx.w(l, t + 1, j), null), activationFactor(ctx, l - 1, t + 1)], d),
    add: (from, to, running) => {
      // w⁽ℓ⁾ₖⱼ is column j of the row-major weights: stride n_ℓ.
      const [weights, inputs, n] = [ctx.weights(l), ctx.aRow(l - 1), ctx.sizes[l]];
      let part = 0;
      for (let t = from; t < to; t++) {
        const v = weights[t * n + j - 1] * inputs[t];
        running += v;
        part += v;
      }
      return [running, part];
    },
    tail: single(bias, d),
  };
  const terms = sum(summands, d);
  const wk = sym.w(l, 'k', j, ctx.weightOrder);
  const ak = sym.a(l - 1, 'k');
  const general: Notation = {
    tex: `\\sum_{k=1}^{${p}} ${wk.tex}\\, ${ak.tex} + ${marked(bias).tex}`,
    text: `Σₖ ${wk.text} ${ak.text} + ${bias.text}`,
  };
  const forms = p > 1 ? [general, symbols(terms)] : [symbols(terms)];
  return { ...content(forms, [numbers(terms)], terms.factors), summands };
}

/**
 * a^(ℓ)_j = σ(z^(ℓ)_j), written out as the layer's activation defines it; for an activation that
 * couples the layer (softmax), g(z_j) / Σ_r g(z_r) over the whole layer.
 */
export function aStep(ctx: TraceContext, l: number, j: number): Content {
  const entry = activationEntry(ctx.network.layers[l].activation!);
  const zf = factor(sym.z(l, j), ctx.z(l, j), address('z', l, j));
  return entry.elementwise ? elementwiseA(ctx, entry, zf) : coupledA(ctx, entry, l, zf);
}

/** σ(z), then σ written out, in symbols and in numbers. */
function elementwiseA(ctx: TraceContext, entry: ElementwiseActivation, zf: Factor): Content {
  const z = marked(zf);
  const sigma = { tex: `\\sigma(${z.tex})`, text: `σ(${z.text})` };
  const written = entry.appliedTo(z);
  const forms = written.text === zf.text ? [sigma] : [sigma, written];
  return content(forms, [entry.appliedTo(numberOf(zf, ctx.digits))], [zf]);
}

/** g(z_j) / Σ_r g(z_r), every term of the denominator shown (or elided) with its number. */
function coupledA(ctx: TraceContext, entry: CoupledActivation, l: number, zf: Factor): Content {
  const d = ctx.digits;
  const summands: Summands = {
    count: ctx.sizes[l],
    term: (r) => {
      const f = factor(sym.z(l, r + 1), ctx.z(l, r + 1), address('z', l, r + 1));
      const [s, v] = [entry.numeratorOf(marked(f)), entry.numeratorOf(numberOf(f, d))];
      return { tex: s.tex, text: s.text, numTex: v.tex, numText: v.text, value: entry.numeratorValue(f.value), factors: [f] };
    },
    add: (from, to, running) => {
      const z = ctx.zRow(l);
      let part = 0;
      for (let r = from; r < to; r++) {
        const v = entry.numeratorValue(z[r]);
        running += v;
        part += v;
      }
      return [running, part];
    },
    tail: null,
  };
  const terms = sum(summands, d);
  const top = entry.numeratorOf(marked(zf));
  const topNum = entry.numeratorOf(numberOf(zf, d));
  // z_j is the numerator's factor too, listed first when the denominator hides its own term.
  const factors = terms.factors.some((f) => f.tex === zf.tex) ? terms.factors : [zf, ...terms.factors];
  const body = content(
    [{ tex: `\\frac{${top.tex}}{${terms.tex}}`, text: `${top.text} / (${terms.text})` }],
    [{ tex: `\\frac{${topNum.tex}}{${terms.numTex}}`, text: `${topNum.text} / (${terms.numText})` }],
    factors,
    entry.notes.forward,
  );
  return { ...body, summands };
}

/** c_i from the output activations and the targets. */
export function costStep(ctx: TraceContext): Content {
  const d = ctx.digits;
  const L = ctx.L;
  const n = ctx.sizes[L];
  const cost = costEntry(ctx.network.cost);
  const summands: Summands = {
    count: n,
    term: (t): Term => {
      const j = t + 1;
      const yf = factor(sym.y(j), ctx.y(j), null);
      const af = activationFactor(ctx, L, j);
      const s = cost.termOf(marked(yf), marked(af));
      const v = cost.termOf(numberOf(yf, d), numberOf(af, d));
      return { tex: s.tex, text: s.text, numTex: v.tex, numText: v.text, value: cost.termValue(yf.value, af.value), factors: [yf, af] };
    },
    add: (from, to, running) => {
      const [y, a] = [ctx.network.examples[ctx.i].y, ctx.aRow(L)];
      let part = 0;
      for (let t = from; t < to; t++) {
        const v = cost.termValue(y[t], a[t]);
        running += v;
        part += v;
      }
      return [running, part];
    },
    tail: null,
  };
  const terms = sum(summands, d);
  return { ...content([cost.wrap(symbols(terms), n)], [cost.wrap(numbers(terms), n)], terms.factors), summands };
}
