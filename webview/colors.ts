/**
 * Factor colours come from the active VS Code theme (its chart colours), read from the CSS
 * variables VS Code puts on the webview, and are adjusted for contrast against the panel's
 * actual backgrounds (palette.ts). The adjusted colours are handed out twice, so every view
 * paints a factor identically: as CSS custom properties `--bp-f0` … `--bp-f5` (tables, legend,
 * diagram: media/panel.css) and as the KaTeX macros `\bpfA` … (factors.ts), which need literal
 * colours. Both are redone whenever the theme changes (VS Code swaps the body's classes).
 */
import { resolveThemeColours as resolve, isHighContrast } from './themeColours';
import { factorMacros } from './factors';
import { buildPalette, FACTOR_VARIABLES, type Palette } from './palette';

/** The palette for the theme in force: theme colours, backgrounds and foreground as resolved now. */
export function themePalette(): Palette {
  const [editor, quote, foreground, ...factors] = resolve([
    '--vscode-editor-background',
    // The step box, where the formula and the legend sit (media/panel.css .step).
    '--vscode-textBlockQuote-background',
    '--vscode-foreground',
    ...FACTOR_VARIABLES,
  ]);
  const background = editor ?? getComputedStyle(document.body).backgroundColor;
  return buildPalette({
    factors,
    backgrounds: quote ? [background, quote] : [background],
    foreground: foreground ?? getComputedStyle(document.body).color,
    highContrast: isHighContrast(),
  });
}

/**
 * Puts the palette where the views find it: `--bp-f0` … `--bp-f5` and `--bp-current` on the
 * root element (inline, so they win over media/panel.css's theme-variable defaults). Returns the
 * KaTeX macros of the same colours.
 */
export function applyPalette(palette: Palette, root: HTMLElement = document.documentElement): Record<string, string> {
  palette.factors.forEach((colour, i) => root.style.setProperty(`--bp-f${i}`, colour));
  root.style.setProperty('--bp-current', palette.current);
  return factorMacros(palette.factors);
}

/** Resolves, applies and returns the KaTeX macros of the current theme's palette. */
export function installPalette(): Record<string, string> {
  return applyPalette(themePalette());
}
