import type { Notation } from '../notation/symbols';

/**
 * Small helpers for writing an activation's formulas for one neuron, where s is that neuron's z
 * (or a) as a symbol, z⁽²⁾₁, or as a number. A negative number arrives already in parentheses,
 * (−0.5), and is not wrapped again.
 */

function enclosed(s: Notation): boolean {
  return s.text.startsWith('(') && s.text.endsWith(')') && s.text.indexOf(')') === s.text.length - 1;
}

/** e^s: `e^(−0.5)`, `e^(z⁽²⁾₁)`. */
export function exp(s: Notation): Notation {
  return enclosed(s) ? { tex: `e^{${s.tex}}`, text: `e^${s.text}` } : { tex: `e^{${s.tex}}`, text: `e^(${s.text})` };
}

/** s to a small power, `(z⁽²⁾₁)³`, with its TeX exponent: power('³', '3'). */
export function power(s: Notation, superscript: string, exponent: string): Notation {
  return enclosed(s) ? { tex: `${s.tex}^{${exponent}}`, text: `${s.text}${superscript}` } : { tex: `\\left(${s.tex}\\right)^{${exponent}}`, text: `(${s.text})${superscript}` };
}

/** (n): a formula that is a sum, so that it stays one factor where the trace multiplies it, as in ∂cᵢ/∂a · σ′(z). */
export function parenthesised(n: Notation): Notation {
  return { tex: `\\left(${n.tex}\\right)`, text: `(${n.text})` };
}
