/**
 * What a test may find marked as one factor of one step — written out here from the article's
 * notation (src/core/notation), not taken from the trace builders, so the builders are checked
 * against an independent statement of which sub-expression is which factor:
 *   - its names: its own symbol, and the fraction it is in the chain rule of a ∂cᵢ/∂w or ∂cᵢ/∂b
 *     (∂a/∂z is σ′(z), ∂z/∂w is a⁽ℓ⁻¹⁾ₖ, ∂cᵢ/∂z is δ);
 *   - its written-out formula in the expanded δ form (∂cᵢ/∂a as the cost's derivative or the
 *     carried-back sum, σ′ as the activation's derivative);
 *   - for δ in a parameter's chain, the braced product ∂cᵢ/∂a · σ′(z) it stands for;
 *   - its number, as a factor (negative in parentheses), alone, or without its sign after "−".
 */
import type { Network } from '../../../src/core/model/network';
import { formatFactorTex, formatNumberTex } from '../../../src/core/notation/format';
import { activationDerivativeFor, costDerivativeFor } from '../../../src/core/notation/formulas';
import * as sym from '../../../src/core/notation/symbols';
import type { WeightOrder } from '../../../src/core/notation/symbols';
import type { Factor, TraceStep } from '../../../src/core/trace/types';

export interface FactorForms {
  /** Names and written-out formulas, as TeX. */
  readonly symbols: readonly string[];
  /** The forms an occurrence search may look for: names and formulas that are not bare constants. */
  readonly searchable: readonly string[];
  readonly numbers: readonly string[];
}

export function factorForms(step: TraceStep, f: Factor, factors: readonly Factor[], network: Network, order: WeightOrder): FactorForms {
  const { kind, layer: l, j, k } = step.address;
  const names = [f.tex];
  const written: string[] = [];
  const ref = f.refers;
  const inChain = kind === 'dw' || kind === 'db';
  if (ref?.kind === 'dadz' && ref.layer === l && ref.j === j) {
    names.push(sym.dadz(l, j, j).tex);
    if (kind === 'delta') written.push(activationDerivativeFor(network.layers[l].activation!, sym.a(l, j), sym.z(l, j)).tex);
  }
  if (ref?.kind === 'dcda' && kind === 'delta' && ref.layer === l && ref.j === j) {
    const L = network.layers.length - 1;
    written.push(
      l === L
        ? costDerivativeFor(network.cost, sym.a(l, j), sym.y(j), network.layers[L].size).tex
        : `\\left(\\sum_{r} ${sym.delta(l + 1, 'r').tex}\\, ${sym.w(l + 1, j, 'r', order).tex}\\right)`,
    );
  }
  if (kind === 'dw' && f.tex === sym.a(l - 1, k).tex) names.push(sym.dzdw(l, k, j, order).tex);
  const numbers = numberForms(f.value);
  if (ref?.kind === 'delta' && inChain && ref.layer === l && ref.j === j) {
    names.push(sym.dcdz(l, j).tex);
    const g = factors.find((x) => x.refers?.kind === 'dcda');
    const s = factors.find((x) => x.refers?.kind === 'dadz');
    if (g && s) {
      written.push(`\\underbrace{${g.tex} \\cdot ${s.tex}}_{${f.tex}}`);
      numbers.push(`\\underbrace{${formatFactorTex(g.value, 6)} \\times ${formatFactorTex(s.value, 6)}}_{${formatNumberTex(f.value, 6)}}`);
    }
  }
  const all = [...names, ...written];
  return { symbols: all, searchable: all.filter((t) => !/^[0-9.]+$/.test(t)), numbers };
}

function numberForms(value: number): string[] {
  const forms = [formatFactorTex(value, 6), formatNumberTex(value, 6)];
  if (value < 0) forms.push(formatNumberTex(-value, 6));
  return [...new Set(forms)];
}
