import { LOG_EPSILON } from '../engine/costs';
import type { CostName } from '../model/network';
import * as sym from '../notation/symbols';
import type { Notation } from '../notation/symbols';
import type { TraceContext } from './context';
import { address, content, factor, marked, numberOf, numbers, product, single, symbols, type Content, type Term } from './expression';
import { sum, type Summands } from './sum';

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

/** σ(s) written out for one neuron, with s a symbol or a number. */
function activationApplied(name: string, s: Notation): Notation {
  switch (name) {
    case 'sigmoid':
      return { tex: `\\frac{1}{1 + e^{-${s.tex}}}`, text: `1/(1 + e^(−${s.text}))` };
    case 'tanh':
      return { tex: `\\tanh ${s.tex}`, text: `tanh ${s.text}` };
    case 'relu':
      return { tex: `\\max(0, ${s.tex})`, text: `max(0, ${s.text})` };
    default:
      return s;
  }
}

/** a^(ℓ)_j = σ(z^(ℓ)_j); for softmax e^(z_j) / Σ_r e^(z_r) over the whole layer. */
export function aStep(ctx: TraceContext, l: number, j: number): Content {
  const d = ctx.digits;
  const name = ctx.network.layers[l].activation!;
  const zf = factor(sym.z(l, j), ctx.z(l, j), address('z', l, j));
  if (name === 'softmax') {
    const summands: Summands = {
      count: ctx.sizes[l],
      term: (r) => {
        const f = factor(sym.z(l, r + 1), ctx.z(l, r + 1), address('z', l, r + 1));
        const [s, v] = [exp(marked(f)), exp(numberOf(f, d))];
        return { tex: s.tex, text: s.text, numTex: v.tex, numText: v.text, value: Math.exp(f.value), factors: [f] };
      },
      add: (from, to, running) => {
        const z = ctx.zRow(l);
        let part = 0;
        for (let r = from; r < to; r++) {
          const v = Math.exp(z[r]);
          running += v;
          part += v;
        }
        return [running, part];
      },
      tail: null,
    };
    const exps = sum(summands, d);
    const top = exp(marked(zf));
    const topNum = exp(numberOf(zf, d));
    // z_j is the numerator's factor too, listed first when the denominator hides its own term.
    const factors = exps.factors.some((f) => f.tex === zf.tex) ? exps.factors : [zf, ...exps.factors];
    const body = content(
      [{ tex: `\\frac{${top.tex}}{${exps.tex}}`, text: `${top.text} / (${exps.text})` }],
      [{ tex: `\\frac{${topNum.tex}}{${exps.numTex}}`, text: `${topNum.text} / (${exps.numText})` }],
      factors,
      'Softmax divides each e^z by the sum over the whole layer, so every a of this layer depends on every z.',
    );
    return { ...body, summands };
  }
  const z = marked(zf);
  const sigma = { tex: `\\sigma(${z.tex})`, text: `σ(${z.text})` };
  const written = activationApplied(name, z);
  const forms = written.text === zf.text ? [sigma] : [sigma, written];
  return content(forms, [activationApplied(name, numberOf(zf, d))], [zf]);
}

/** e^s, for softmax. */
function exp(s: Notation): Notation {
  return { tex: `e^{${s.tex}}`, text: `e^(${s.text})` };
}

/** One term of the cost for output neuron j, in symbols or numbers. */
function costTerm(name: CostName, y: Notation, a: Notation): Notation {
  switch (name) {
    case 'binary-cross-entropy':
      return {
        tex: `${y.tex} \\ln ${a.tex} + (1 - ${y.tex}) \\ln(1 - ${a.tex})`,
        text: `${y.text} ln ${a.text} + (1 − ${y.text}) ln(1 − ${a.text})`,
      };
    case 'cross-entropy':
      return { tex: `${y.tex} \\ln ${a.tex}`, text: `${y.text} ln ${a.text}` };
    default:
      return { tex: `(${y.tex} - ${a.tex})^2`, text: `(${y.text} − ${a.text})²` };
  }
}

/** The value of one bracketed term (logs clamped like the engine's, see costs.ts). */
function costTermValue(name: CostName, y: number, a: number): number {
  const ln = (v: number) => Math.log(Math.max(v, LOG_EPSILON));
  switch (name) {
    case 'binary-cross-entropy':
      return y * ln(a) + (1 - y) * ln(1 - a);
    case 'cross-entropy':
      return y === 0 ? 0 : y * ln(a);
    default:
      return (y - a) * (y - a);
  }
}

/** The cost's outer shape around the sum of its terms. */
function costWrap(name: CostName, inner: Notation, outputs: number): Notation {
  switch (name) {
    case 'squared':
      return inner;
    case 'half-squared':
      return { tex: `\\tfrac{1}{2}\\left[${inner.tex}\\right]`, text: `½[${inner.text}]` };
    case 'mean-squared':
      return { tex: `\\tfrac{1}{${outputs}}\\left[${inner.tex}\\right]`, text: `(1/${outputs})[${inner.text}]` };
    case 'binary-cross-entropy':
    case 'cross-entropy':
      return { tex: `-\\left[${inner.tex}\\right]`, text: `−[${inner.text}]` };
  }
}

/** c_i from the output activations and the targets. */
export function costStep(ctx: TraceContext): Content {
  const d = ctx.digits;
  const L = ctx.L;
  const n = ctx.sizes[L];
  const name = ctx.network.cost;
  const summands: Summands = {
    count: n,
    term: (t): Term => {
      const j = t + 1;
      const yf = factor(sym.y(j), ctx.y(j), null);
      const af = activationFactor(ctx, L, j);
      const s = costTerm(name, marked(yf), marked(af));
      const v = costTerm(name, numberOf(yf, d), numberOf(af, d));
      return { tex: s.tex, text: s.text, numTex: v.tex, numText: v.text, value: costTermValue(name, yf.value, af.value), factors: [yf, af] };
    },
    add: (from, to, running) => {
      const [y, a] = [ctx.network.examples[ctx.i].y, ctx.aRow(L)];
      let part = 0;
      for (let t = from; t < to; t++) {
        const v = costTermValue(name, y[t], a[t]);
        running += v;
        part += v;
      }
      return [running, part];
    },
    tail: null,
  };
  const terms = sum(summands, d);
  return { ...content([costWrap(name, symbols(terms), n)], [costWrap(name, numbers(terms), n)], terms.factors), summands };
}
