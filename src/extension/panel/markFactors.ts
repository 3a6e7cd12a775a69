/**
 * Marks each factor of a step inside its TeX, so the webview can colour it: the factor's
 * symbol in the general formula, and its number in the substituted formula, become
 * `\bpfA{…}`, `\bpfB{…}`, … (see FACTOR_MARKS). Factors are looked for in order, each after
 * the previous one; a factor that cannot be found is left as it is (uncoloured, still right).
 */
import { FACTOR_MARKS } from '../../shared/panelMessages';

export function factorMacro(index: number): string {
  return `\\bpf${FACTOR_MARKS[index % FACTOR_MARKS.length]}`;
}

/** Wraps the first occurrence of each needle, searched in order, in its factor's macro. */
export function markInOrder(tex: string, needles: readonly (string | null)[], isBoundary: (tex: string, start: number, end: number) => boolean = () => true): string {
  let out = '';
  let cursor = 0;
  needles.forEach((needle, i) => {
    if (!needle) return;
    let at = tex.indexOf(needle, cursor);
    while (at >= 0 && !isBoundary(tex, at, at + needle.length)) at = tex.indexOf(needle, at + 1);
    if (at < 0) return;
    out += tex.slice(cursor, at) + `${factorMacro(i)}{${needle}}`;
    cursor = at + needle.length;
  });
  return out + tex.slice(cursor);
}

const NUMBER_CHAR = /[0-9.]/;

/** A number found in TeX must not be part of a longer number: 0.5 is not inside 0.55 or 10.5. */
export function numberBoundary(tex: string, start: number, end: number): boolean {
  const before = start > 0 ? tex[start - 1] : '';
  const after = end < tex.length ? tex[end] : '';
  return !NUMBER_CHAR.test(before) && !NUMBER_CHAR.test(after);
}
