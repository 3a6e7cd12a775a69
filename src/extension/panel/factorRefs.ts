/**
 * Names the spec's own numbers among a step's factors. The trace gives `refers` for factors
 * that are quantities of the trace (δ, a⁽¹⁾₁, …); weights, biases, inputs and targets come
 * from the spec and have none. Recognising their symbols (w^{(2)}_{11}, b^{(1)}_{2},
 * a^{(0)}_{1}, y_{i1}) lets the panel colour the matching edge, neuron or cell too.
 */
import type { WeightOrder } from '../../core/notation/symbols';
import type { Factor } from '../../core/trace/types';
import type { QuantityRef } from '../../shared/panelMessages';

/** `_{11}` → [1, 1]; `_{12,3}` → [12, 3]; `_{7}` → [7]. */
function indices(subscript: string): number[] {
  if (subscript.includes(',')) return subscript.split(',').map(Number);
  return subscript.length === 2 && !subscript.startsWith('i') ? [...subscript].map(Number) : [Number(subscript)];
}

const WEIGHT = /^w\^\{\((\d+)\)\}_\{([\d,]+)\}$/;
const BIAS = /^b\^\{\((\d+)\)\}_\{(\d+)\}$/;
const INPUT = /^a\^\{\(0\)\}_\{(\d+)\}$/;
const TARGET = /^y_\{i,?(\d+)\}$/;

/** `weightOrder` is the convention the factor's symbol was written in (w_{kj} or w_{jk}). */
export function factorRef(factor: Factor, weightOrder: WeightOrder): QuantityRef | null {
  if (factor.refers) return factor.refers;
  const tex = factor.tex.trim();
  let m = WEIGHT.exec(tex);
  if (m) {
    const [first, second] = indices(m[2]);
    const [k, j] = weightOrder === 'to-from' ? [second, first] : [first, second];
    return Number.isInteger(k) && Number.isInteger(j) ? { kind: 'w', layer: Number(m[1]), j, k } : null;
  }
  if ((m = BIAS.exec(tex))) return { kind: 'b', layer: Number(m[1]), j: Number(m[2]), k: 0 };
  if ((m = INPUT.exec(tex))) return { kind: 'x', layer: 0, j: Number(m[1]), k: 0 };
  if ((m = TARGET.exec(tex))) return { kind: 'y', layer: 0, j: Number(m[1]), k: 0 };
  return null;
}
