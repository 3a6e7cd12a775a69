import { superscriptText } from './symbols';

/**
 * Counts as a person reads them, the same on every machine (no locale): in diagnostics ("this
 * network has 2,001,000 parameters") and in a trace's elided sums ("1,999,995 more terms").
 */

/** Counts from here on are written as powers of ten: doubles stop holding every integer near 2⁵³. */
const EXACT_COUNTS = 1e16;

/**
 * 2001000 → "2,001,000". Counts too large to be exact (a typo like `layer 1: 99999999999
 * sigmoid` squared) read as "about 8.11 × 10³¹", never as a grouped exponent such as
 * "8.112,963,841e+31".
 */
export function thousands(n: number): string {
  if (Math.abs(n) >= EXACT_COUNTS && Number.isFinite(n)) {
    const [mantissa, exponent] = n.toExponential(2).split('e');
    return `about ${Number(mantissa)} × 10${superscriptText(Number(exponent))}`;
  }
  const digits = String(Math.trunc(n));
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
