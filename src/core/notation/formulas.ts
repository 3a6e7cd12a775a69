import { ACTIVATION_ENTRIES, activationEntry, type ActivationName } from '../activations/registry';
import type { SlopeNotation } from '../activations/entry';
import { COST_ENTRIES, costEntry, type CostName } from '../costs/registry';
import type { Notation } from './symbols';

/**
 * The formula of each activation and cost, in TeX and text, as hovers, the Markdown sheet and
 * the trace show them. Nothing is written here: every formula is read from the activation and
 * cost registries (src/core/activations, src/core/costs), so a new entry shows up everywhere.
 */
export interface FormulaPair {
  /** Definition, e.g. σ(z) = 1/(1 + e^(−z)). */
  readonly definition: Notation;
  /** Derivative, e.g. σ′(z) = σ(z)(1 − σ(z)). */
  readonly derivative: Notation;
  /** One sentence, in plain words, on what the function does or why its derivative looks so. */
  readonly note: string;
}

function pairs<N extends string>(entries: readonly { name: N; formulas: Omit<FormulaPair, 'note'>; description: string }[]): Record<N, FormulaPair> {
  const table = {} as Record<N, FormulaPair>;
  for (const { name, formulas, description } of entries) table[name] = { definition: formulas.definition, derivative: formulas.derivative, note: description };
  return table;
}

export const ACTIVATION_FORMULAS: Readonly<Record<ActivationName, FormulaPair>> = pairs(ACTIVATION_ENTRIES);

export const COST_FORMULAS: Readonly<Record<CostName, FormulaPair>> = pairs(COST_ENTRIES);

/**
 * σ′ of one neuron written in the symbols it needs: for sigmoid a(1 − a), for tanh 1 − a²,
 * for relu a case on z, for linear 1; softmax's diagonal entry a_j(1 − a_j).
 * `uses` says which quantity the formula reads, so the trace can list it as a factor.
 */
export function activationDerivativeFor(name: ActivationName, a: Notation, z: Notation): SlopeNotation {
  return activationEntry(name).slopeFor(a, z);
}

/** ∂c_i/∂a^(L)_j written for one neuron, e.g. (a⁽²⁾₁ − yᵢ₁) for half-squared. */
export function costDerivativeFor(name: CostName, a: Notation, y: Notation, outputSize: number): Notation {
  return costEntry(name).derivativeFor(a, y, outputSize);
}
