/**
 * Where a typeset step may wrap in a narrow panel. KaTeX's inline mode breaks a line after any
 * binary operator or relation at the top level of the formula, and `\textcolor` (the factor
 * macros `\bpfA{…}` … expand to it) splices its contents into that top level, so a coloured
 * factor such as (a⁽²⁾₁ − yᵢ₁) could be cut after its "−". A brace group `{…}` is typeset as one
 * box that KaTeX never breaks inside. So each whole factor — a factor macro's argument, or a
 * parenthesised expression — is wrapped in braces here; the line can still break at "=" and at
 * the "·", "×", "+" and "−" between factors and terms. Pure, so it is unit-tested in Node.
 */

/** A factor-colour macro: `\bpf` followed by letters (`\bpfA`, and whatever marks may follow). */
const FACTOR_MACRO = /^\\bpf[A-Za-z]*/;
/** Control words after which "(" or ")" is a delimiter of the command, not a parenthesis to group. */
const DELIMITER_COMMANDS = /^\\(left|right|middle|[bB]igg?[lrm]?)$/;

/**
 * The length of the control sequence at `at` (tex[at] === '\\'): a control word or symbol, and
 * for \left, \right, \big… also the delimiter they take, which is no parenthesis or brace to match.
 */
function controlLength(tex: string, at: number): number {
  const word = /^\\([A-Za-z]+|.)/.exec(tex.slice(at, at + 40));
  if (!word) return 1;
  if (!DELIMITER_COMMANDS.test(word[0])) return word[0].length;
  const delimiter = /^\s*(\\([A-Za-z]+|.)|.)/.exec(tex.slice(at + word[0].length, at + word[0].length + 40));
  return word[0].length + (delimiter ? delimiter[0].length : 0);
}

/** The index just after the brace group that opens at `open` (tex[open] === '{'), or -1 if unbalanced. */
function groupEnd(tex: string, open: number): number {
  let depth = 0;
  for (let q = open; q < tex.length; q++) {
    const ch = tex[q];
    if (ch === '\\') {
      q++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return q + 1;
  }
  return -1;
}

/** The index just after the ")" that closes the "(" at `open`, at the same brace depth, or -1. */
function parenEnd(tex: string, open: number): number {
  let parens = 0;
  let braces = 0;
  for (let q = open; q < tex.length; q++) {
    const ch = tex[q];
    if (ch === '\\') {
      q += controlLength(tex, q) - 1;
      continue;
    }
    if (ch === '{') braces++;
    else if (ch === '}') {
      if (--braces < 0) return -1;
    } else if (braces === 0 && ch === '(') parens++;
    else if (braces === 0 && ch === ')' && --parens === 0) return q + 1;
  }
  return -1;
}

/**
 * `tex` with every top-level factor macro call and every top-level parenthesised expression
 * wrapped in a brace group, so that KaTeX breaks the line only between whole factors.
 */
export function atomicFactors(tex: string): string {
  let out = '';
  let q = 0;
  while (q < tex.length) {
    const ch = tex[q];
    if (ch === '\\') {
      const macro = FACTOR_MACRO.exec(tex.slice(q));
      const argument = macro ? q + macro[0].length : -1;
      if (macro && tex[argument] === '{') {
        const end = groupEnd(tex, argument);
        if (end > 0) {
          out += `{${tex.slice(q, end)}}`;
          q = end;
          continue;
        }
      }
      // \left( … \right) is one box already; its delimiters are no parentheses to group.
      const length = controlLength(tex, q);
      out += tex.slice(q, q + length);
      q += length;
    } else if (ch === '{') {
      // Anything already in braces is one box: copy the whole group unchanged.
      const end = groupEnd(tex, q);
      const stop = end > 0 ? end : tex.length;
      out += tex.slice(q, stop);
      q = stop;
    } else if (ch === '(') {
      const end = parenEnd(tex, q);
      if (end > 0) {
        out += `{${tex.slice(q, end)}}`;
        q = end;
      } else {
        out += ch;
        q++;
      }
    } else {
      out += ch;
      q++;
    }
  }
  return out;
}
