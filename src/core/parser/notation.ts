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

/** Counts from here on are written as powers of ten: doubles stop holding every integer near 2⁵³. */
const EXACT_COUNTS = 1e16;

/**
 * A count for a message, the same on every machine (no locale): 2001000 → "2,001,000". Counts
 * too large to be exact (a typo like `layer 1: 99999999999 sigmoid` squared) read as
 * "about 8.11 × 10³¹", never as a grouped exponent such as "8.112,963,841e+31".
 */
export function thousands(n: number): string {
  if (Math.abs(n) >= EXACT_COUNTS && Number.isFinite(n)) {
    const [mantissa, exponent] = n.toExponential(2).split('e');
    return `about ${Number(mantissa)} × 10${superscript(Number(exponent))}`;
  }
  const digits = String(Math.trunc(n));
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A computed value for a message: at most 6 significant digits, no trailing zeros. */
export function shortNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}
