/**
 * Factor colours come from the active VS Code theme (its chart colours), read from the CSS
 * variables VS Code puts on the webview. KaTeX needs them as literal colours inside
 * `\textcolor`, so they are resolved here to #rrggbb and handed to KaTeX as macros
 * `\bpfA … \bpfF`, re-read whenever the theme changes (VS Code swaps the body's classes).
 */
import { FACTOR_MARKS } from '../src/shared/panelMessages';
import { FACTOR_COLOURS } from './highlight';

/** Theme variables for factor 0, 1, … ; media/panel.css uses the same list for .f0 … .f5. */
const VARIABLES = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-terminal-ansiCyan',
  '--vscode-terminal-ansiMagenta',
];
const FALLBACK = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#11a8cd', '#bc3fbc'];

/** "rgb(1, 2, 3)" or "rgba(1, 2, 3, 0.5)" → "#010203"; null when it is not one. */
export function rgbToHex(css: string): string | null {
  const match = css.match(/^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/);
  if (!match) return null;
  return '#' + match.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
}

/**
 * The KaTeX macros that colour factor i: `\bpfA{…}` … `\bpfF{…}`. The colour is written as
 * bare hex (KaTeX accepts `3794ff` for `#3794ff`) because a `#` followed by a digit inside a
 * macro body would be read as a macro parameter.
 */
export function factorMacros(colours: readonly string[]): Record<string, string> {
  const macros: Record<string, string> = {};
  for (let i = 0; i < FACTOR_COLOURS; i++) {
    const hex = (colours[i] ?? FALLBACK[i]).replace(/^#/, '');
    macros[`\\bpf${FACTOR_MARKS[i]}`] = `\\textcolor{${hex}}{#1}`;
  }
  return macros;
}

/** Resolves the theme's factor colours through a hidden probe element. */
export function themeFactorColours(): string[] {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const colours = VARIABLES.map((variable, i) => {
    probe.style.color = '';
    probe.style.color = `var(${variable}, ${FALLBACK[i]})`;
    return rgbToHex(getComputedStyle(probe).color) ?? FALLBACK[i];
  });
  probe.remove();
  return colours;
}

/** Calls `listener` when VS Code switches the theme (it rewrites the body's class list). */
export function onThemeChange(listener: () => void): void {
  new MutationObserver(listener).observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
}
