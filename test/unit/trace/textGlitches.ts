/**
 * Small predicates for the typographic slips issue 10 found in rendered text, reusable by any
 * test that reads what a learner reads (trace lines, notes, hovers, lenses, hints):
 *   - an ASCII digit run into a superscript or subscript ("δ⁽2⁾ᵣ" for δ⁽²⁾ᵣ), except the "10" of
 *     a power of ten before its superscript exponent (1.5×10⁻⁷, 10⁻¹²);
 *   - a negative number added ("+ −1.8757" rather than "− 1.8757"), in text or TeX ("+ -").
 * Each returns a short description of the first slip, or null when there is none.
 */

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻⁼ᴸˡⁿⁱᶻʲʳ';
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉₍₎₊₋₌ᵢⱼₖᵣₗₛₙʟ';
const SCRIPT = new Set([...SUPERSCRIPTS, ...SUBSCRIPTS]);
const EXPONENT = new Set([...'⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺']);

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

export function textGlitch(text: string): string | null {
  for (let q = 0; q < text.length; q++) {
    if (!isDigit(text[q])) continue;
    const before = text[q - 1];
    const after = text[q + 1];
    if (before !== undefined && SCRIPT.has(before)) return `digit after a script character: "${context(text, q)}"`;
    const powerOfTen = text[q] === '0' && before === '1' && after !== undefined && EXPONENT.has(after);
    if (after !== undefined && SCRIPT.has(after) && !powerOfTen) return `digit before a script character: "${context(text, q)}"`;
  }
  const plusMinus = /\+\s*[−-]/.exec(text);
  return plusMinus ? `a negative number added: "${context(text, plusMinus.index)}"` : null;
}

export function texGlitch(tex: string): string | null {
  const plusMinus = /\+\s*-/.exec(tex);
  return plusMinus ? `a negative number added: "${context(tex, plusMinus.index)}"` : null;
}

function context(text: string, at: number): string {
  return text.slice(Math.max(0, at - 20), at + 20);
}
