import { escapeControls } from './escape';

/**
 * Text on its way into a LaTeX document (outside math), read by pdflatex with T1 fonts and
 * UTF-8 input. Spec text — a network's name, a data file's name, an example's origin — is
 * untrusted: `\input{…}`, `%`, `{` or a stray `$` in it must reach the page as those characters,
 * never as TeX. And pdflatex stops with an error at a character its fonts do not cover, so every
 * character is written as something it can set:
 *
 * - the ten characters TeX treats specially, as their escapes (`\%`, `\textbackslash{}`, …);
 * - ASCII letters, digits and the other punctuation, and the accented Latin letters T1 covers
 *   (é, ß, ł, Ø, …), as themselves;
 * - the notation's own characters — Greek letters, ∂, −, ·, ×, ′, ⋯, the superscript and
 *   subscript digits and letters of w⁽²⁾₁₂ — as their math or text commands;
 * - anything else (CJK, emoji, …) as its code point, `<U+4E2D>`, which pdflatex always sets.
 *
 * Line breaks and tabs become single spaces, so spec text cannot end a paragraph either.
 */

const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '"': "''",
  '-': '-{}',
};

/** Characters written with a math command: the notation's symbols. */
const MATH: Readonly<Record<string, string>> = {
  α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\varepsilon', ζ: '\\zeta', η: '\\eta', θ: '\\theta',
  κ: '\\kappa', λ: '\\lambda', μ: '\\mu', ν: '\\nu', ξ: '\\xi', π: '\\pi', ρ: '\\rho', σ: '\\sigma', τ: '\\tau',
  φ: '\\varphi', χ: '\\chi', ψ: '\\psi', ω: '\\omega', Γ: '\\Gamma', Δ: '\\Delta', Θ: '\\Theta', Λ: '\\Lambda',
  Π: '\\Pi', Σ: '\\Sigma', Φ: '\\Phi', Ψ: '\\Psi', Ω: '\\Omega', ℓ: '\\ell', '∂': '\\partial', '−': '-', '·': '\\cdot',
  '×': '\\times', '÷': '\\div', '′': "'", '⋯': '\\cdots', '∑': '\\sum', '√': '\\surd', '∞': '\\infty', '≤': '\\le',
  '≥': '\\ge', '≈': '\\approx', '≠': '\\ne', '±': '\\pm', '∈': '\\in', '→': '\\to', '←': '\\leftarrow', '∇': '\\nabla',
  '½': '\\tfrac{1}{2}', '⁄': '/', '∘': '\\circ',
};

/** Text characters with a command of their own in T1 or LaTeX's text companion. */
const TEXT: Readonly<Record<string, string>> = {
  '…': '\\ldots{}', '—': '---', '–': '--', '‘': '`', '’': "'", '“': '``', '”': "''", '«': '\\guillemotleft{}',
  '»': '\\guillemotright{}', '\u00a0': '~', '§': '\\S{}', '¶': '\\P{}', '°': '\\textdegree{}', '©': '\\textcopyright{}',
  '•': '\\textbullet{}', '€': '\\texteuro{}', '£': '\\pounds{}', 'ﬁ': 'fi', 'ﬂ': 'fl',
};

/** The Unicode superscripts and subscripts the notation writes, and what each stands for in a math script. */
interface Script {
  readonly marks: string;
  readonly values: readonly string[];
  readonly operator: '^' | '_';
}
const SCRIPTS: readonly Script[] = [
  { marks: '⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾⁺⁻ᴸˡⁿⁱ', values: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '(', ')', '+', '-', 'L', '\\ell', 'n', 'i'], operator: '^' },
  { marks: '₀₁₂₃₄₅₆₇₈₉₍₎₊₋ᵢⱼₖᵣₗₛₙ', values: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '(', ')', '+', '-', 'i', 'j', 'k', 'r', 'l', 's', 'n'], operator: '_' },
];

/** Latin Extended-A letters T1's UTF-8 input has no glyph for (Ħ, ĸ, Ŀ, ŉ, Ŧ, ſ and their pairs). */
const UNSET_LATIN = new Set([0x126, 0x127, 0x138, 0x13f, 0x140, 0x149, 0x166, 0x167, 0x17f]);

function isSetLatin(code: number): boolean {
  if (code >= 0xc0 && code <= 0xff) return code !== 0xd7 && code !== 0xf7;
  return code >= 0x100 && code <= 0x17f && !UNSET_LATIN.has(code);
}

/** A run of superscript or subscript characters as one math script: ⁽²⁾ → ^{(2)}. */
function scriptTex(run: readonly string[], script: Script): string {
  return `\\ensuremath{{}${script.operator}{${run.map((ch) => script.values[script.marks.indexOf(ch)]).join('')}}}`;
}

/** One character that is not a superscript or subscript. */
function charTex(c: string): string {
  const code = c.codePointAt(0)!;
  if (Object.hasOwn(SPECIAL, c)) return SPECIAL[c];
  if (code >= 0x20 && code < 0x7f) return c;
  if (Object.hasOwn(MATH, c)) return `\\ensuremath{${MATH[c]}}`;
  if (Object.hasOwn(TEXT, c)) return TEXT[c];
  if (isSetLatin(code)) return c;
  return `\\texttt{<U+${code.toString(16).toUpperCase().padStart(4, '0')}>}`;
}

/** `text` as LaTeX text that sets exactly these characters (see above). */
export function escapeLatexText(text: string): string {
  const chars = Array.from(escapeControls(text.replace(/\s+/g, ' ')));
  let out = '';
  let q = 0;
  while (q < chars.length) {
    const script = SCRIPTS.find((s) => s.marks.includes(chars[q]));
    if (!script) {
      out += charTex(chars[q++]);
      continue;
    }
    let end = q;
    while (end < chars.length && script.marks.includes(chars[end])) end++;
    out += scriptTex(chars.slice(q, end), script);
    q = end;
  }
  return out;
}
