/**
 * A factor's identity wherever the panel shows it: factor i (0-based, its place in
 * StepView.factors and in the legend) is painted in colour class `f(i mod 6)` and carries the
 * number i + 1 as a second cue that does not rely on colour — boxed beside the factor in the
 * typeset formula, on a badge beside its neuron, edge or target in the diagram, and (for the
 * tables and legend) as `factorBadgeText(i)`. Colours repeat after six factors; numbers do not.
 */
import { FACTOR_MARKS } from '../src/shared/panelMessages';
import { FACTOR_COLOURS } from './palette';

/** The colour class of factor i: `f0` … `f5`; media/panel.css maps it to the palette's colour. */
export function factorClass(index: number): string {
  return `f${index % FACTOR_COLOURS}`;
}

/** The number factor i is shown with, 1-based like the legend reads. */
export function factorNumber(index: number): number {
  return index + 1;
}

/** The text of factor i's badge (its number): for table cells, legend chips and the diagram. */
export function factorBadgeText(index: number): string {
  return String(factorNumber(index));
}

/**
 * The KaTeX marker after factor i: its number, boxed, in script size (a boxed number reads as a
 * label, never as an exponent, an index or a factor of the product). The spaces around the box
 * (`\ `, one span each) keep the marker a word of its own in the DOM's text, so a copied formula
 * never glues the marker's digit onto the factor's number (no "0.593273") or onto what follows.
 *
 * Beside the factor rather than under it (\underset) for speed: an \underset nests the box in a
 * second KaTeX vlist (an inline table), nearly doubling the spans a marker takes (about 36 to
 * 20), and a step with nine factors spent most of its typesetting, style and layout time on its
 * markers.
 */
export function factorMarkerTex(index: number): string {
  return `\\ \\fbox{\\scriptsize ${factorNumber(index)}}\\ `;
}

/** The KaTeX macro name of factor i, `\bpfA` …: one letter per factor the view message sends. */
export function factorMacroName(index: number): string {
  return `\\bpf${FACTOR_MARKS[index % FACTOR_MARKS.length]}`;
}

/**
 * The KaTeX macros that mark factor i: `\bpfA{…}` … The body is coloured with the palette's
 * colour of the factor and has its numbered marker set after it, in the same colour. The colour is written as bare
 * hex (KaTeX accepts `3794ff` for `#3794ff`) because a `#` followed by a digit inside a macro
 * body would be read as a macro parameter.
 */
export function factorMacros(colours: readonly string[]): Record<string, string> {
  const macros: Record<string, string> = {};
  for (let i = 0; i < FACTOR_MARKS.length; i++) {
    const hex = (colours[i % FACTOR_COLOURS] ?? '').replace(/^#/, '') || '808080';
    macros[factorMacroName(i)] = `\\textcolor{${hex}}{#1${factorMarkerTex(i)}}`;
  }
  return macros;
}
