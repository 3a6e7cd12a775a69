import { superscriptText as superscript } from '../notation/symbols';

/**
 * Small pieces of the wording diagnostics share, so every message names things the same way
 * the reference article does (and the rest of the extension, through ../notation): w⁽ℓ⁾ for
 * the weights of layer ℓ, b⁽ℓ⁾ for its biases.
 */

/** w⁽ℓ⁾ */
export function weightsSymbol(layer: number): string {
  return `w⁽${superscript(layer)}⁾`;
}

/** b⁽ℓ⁾ */
export function biasesSymbol(layer: number): string {
  return `b⁽${superscript(layer)}⁾`;
}

/** "1 number", "3 numbers" */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Found text as a message shows it: quoted, and cut short when long. */
export function quoted(text: string): string {
  const short = text.length > 24 ? `${text.slice(0, 23)}…` : text;
  return `'${short}'`;
}

/** "a, b or c" */
export function alternatives(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** a⁽ℓ⁾ */
export function activationSymbol(layer: number): string {
  return `a⁽${superscript(layer)}⁾`;
}

/** z⁽ℓ⁾ */
export function preactivationSymbol(layer: number): string {
  return `z⁽${superscript(layer)}⁾`;
}

/** A computed value for a message: at most 6 significant digits, no trailing zeros. */
export function shortNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}
