import type { Notation } from '../notation/symbols';
import type { Factor } from './types';

/**
 * Factor marks: how a step's TeX records which of its sub-expressions are which factor, so a
 * view can give every form of one factor the same colour — its fraction (∂a⁽ℓ⁾ⱼ/∂z⁽ℓ⁾ⱼ), its
 * name (σ′(z⁽ℓ⁾ⱼ)), its written-out formula (a(1 − a)) and each of its numbers — and how the
 * plain TeX is recovered for everything that colours nothing (the CLI's text and Markdown,
 * hovers, notes).
 *
 * The step builders know which sub-expression is which factor when they write it, so they mark
 * it there (`mark`, `group`); nothing is searched for afterwards. A mark is delimited by
 * private-use characters that never occur in TeX:
 *
 *   OPEN key [LABEL label] BODY  …tex…  CLOSE
 *
 * While a step is built the key is the factor's own symbol TeX (a step's factors have distinct
 * symbols); `resolveMarks` then replaces it with the factor's index in the step's list. A mark
 * with a label is a labelled group: it renders as \underbrace{…}_{label} — the product
 * ∂cᵢ/∂a · σ′(z) braced as the δ it makes. Marks nest, and only TeX is marked: the Unicode text
 * of a step has no colours to give.
 *
 * Public surface: TraceStep.formulaTex/substitutedTex are plain (`stripMarks`);
 * TraceStep.markedFormulaTex/markedSubstitutedTex keep the resolved marks, which a view turns
 * into its own macros with `renderFactorMarks`.
 */

const OPEN = '\uE000';
const LABEL = '\uE001';
const BODY = '\uE002';
const CLOSE = '\uE003';

/** `n` with its TeX marked as one form of factor `f` (the text is left as it is). */
export function mark(f: Factor, n: Notation): Notation {
  return { tex: `${OPEN}${f.tex}${BODY}${n.tex}${CLOSE}`, text: n.text };
}

/**
 * `n` marked as a group that stands for factor `f` and is labelled with `label` (a symbol or a
 * number of `f`): ∂cᵢ/∂a · σ′(z) as the δ it multiplies out to.
 */
export function group(f: Factor, label: string, n: Notation): Notation {
  return { tex: `${OPEN}${f.tex}${LABEL}${label}${BODY}${n.tex}${CLOSE}`, text: n.text };
}

const MARK_HEAD = /\uE000([^\uE001\uE002]*)(\uE001[^\uE002]*)?\uE002/g;
const ANY_MARK = /\uE000[^\uE002]*\uE002|\uE003/g;

/** The TeX without any mark: what outputs that colour nothing show. */
export function stripMarks(tex: string): string {
  return tex.indexOf(OPEN) < 0 ? tex : tex.replace(ANY_MARK, '');
}

/**
 * Replaces each mark's key (a factor's symbol) by that factor's index in `factors`, or −1 when
 * the step does not list it (a view then leaves that part uncoloured).
 */
export function resolveMarks(tex: string, factors: readonly Factor[]): string {
  if (tex.indexOf(OPEN) < 0) return tex;
  let indexOf: Map<string, number> | null = null;
  return tex.replace(MARK_HEAD, (_, key: string, label: string | undefined) => {
    if (indexOf === null) {
      indexOf = new Map();
      for (let i = factors.length - 1; i >= 0; i--) indexOf.set(factors[i].tex, i);
    }
    return `${OPEN}${indexOf.get(key) ?? -1}${label ?? ''}${BODY}`;
  });
}

/**
 * Turns resolved marks into TeX a view can typeset: the mark of factor i becomes
 * `${macro(i)}{…}` — or just its body when `macro` returns null (a factor the view does not
 * colour) — and a labelled group also becomes \underbrace{…}_{label}.
 */
export function renderFactorMarks(tex: string, macro: (index: number) => string | null): string {
  if (tex.indexOf(OPEN) < 0) return tex;
  let out = '';
  const closers: string[] = [];
  let q = 0;
  while (q < tex.length) {
    const ch = tex[q];
    if (ch === OPEN) {
      const body = tex.indexOf(BODY, q);
      const head = tex.slice(q + 1, body);
      const at = head.indexOf(LABEL);
      const index = Number(at < 0 ? head : head.slice(0, at));
      const wrapper = index >= 0 ? macro(index) : null;
      let closer = '';
      if (wrapper !== null) {
        out += `${wrapper}{`;
        closer = '}';
      }
      if (at >= 0) {
        out += '\\underbrace{';
        closer = `}_{${head.slice(at + 1)}}${closer}`;
      }
      closers.push(closer);
      q = body + 1;
    } else if (ch === CLOSE) {
      out += closers.pop() ?? '';
      q++;
    } else {
      const next = nextMark(tex, q);
      out += tex.slice(q, next);
      q = next;
    }
  }
  return out;
}

function nextMark(tex: string, from: number): number {
  const open = tex.indexOf(OPEN, from);
  const close = tex.indexOf(CLOSE, from);
  if (open < 0) return close < 0 ? tex.length : close;
  return close < 0 ? open : Math.min(open, close);
}
