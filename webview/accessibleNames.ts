/**
 * What a screen reader says for a table cell or a diagram node the learner focuses: the symbol,
 * its number (or that it is not computed yet), and its part in the current step — the current
 * quantity, or which factor(s) of it. Colour and the numbered badge show the same to sighted
 * readers. Pure, so every phrase is unit-tested in Node.
 */
import type { FactorView } from '../src/shared/panelMessages';
import { factorNumber } from './factors';
import type { Marks } from './highlight';

/** "1", "1 and 3", "1, 2 and 4". */
function listPhrase(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "factor 2" or "factors 1 and 3", each factor written by `write`. */
function factorsPhrase(indices: readonly number[], write: (index: number) => string): string {
  return `${indices.length === 1 ? 'factor' : 'factors'} ${listPhrase(indices.map(write))}`;
}

function valuePhrase(symbol: string, valueText: string): string {
  return valueText ? `${symbol} = ${valueText}` : `${symbol}, not computed yet`;
}

/**
 * A table cell holds exactly one quantity, so its marks are about that quantity:
 * "δ⁽²⁾₂ = 0.0190, factor 2 of the current step", "δ⁽²⁾₁ = 0.138499, the current step",
 * "z⁽²⁾₂, not computed yet".
 */
export function cellName(symbol: string, valueText: string, marks: Marks | undefined): string {
  const parts = [valuePhrase(symbol, valueText)];
  if (marks?.current) parts.push('the current step');
  if (marks && marks.factors.length > 0) parts.push(`${factorsPhrase(marks.factors, (i) => String(factorNumber(i)))} of the current step`);
  return parts.join(', ');
}

/**
 * A diagram node stands for several quantities (a neuron holds z, a, δ …), so it names those of
 * the step that sit on it: "a⁽²⁾₁ = 0.751, holds factor 1 (∂cᵢ/∂a⁽²⁾₁) of the current step".
 */
export function nodeName(symbol: string, valueText: string, marks: Marks | undefined, factors: readonly FactorView[], currentSymbol: string | null): string {
  const parts = [valuePhrase(symbol, valueText)];
  if (marks?.current && currentSymbol) parts.push(`holds the current step, ${currentSymbol}`);
  if (marks && marks.factors.length > 0) {
    const written = (i: number) => (factors[i] ? `${factorNumber(i)} (${factors[i].text})` : String(factorNumber(i)));
    parts.push(`holds ${factorsPhrase(marks.factors, written)} of the current step`);
  }
  return parts.join(', ');
}
