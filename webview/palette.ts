/**
 * The factor colours the panel actually paints, derived from the theme's own: each factor keeps
 * the hue of a theme chart colour, with its lightness adjusted until a number written in it is
 * readable on the panel's backgrounds (WCAG AA, 4.5:1; 7:1 in high-contrast themes). One meaning
 * per colour: a factor colour is never the colour of the current quantity's mark (the theme's
 * foreground, a neutral), nor a near copy of an earlier factor's. Pure: colours in, colours out.
 */
import { adjustForContrast, colourDistance, composite, hexRgb, hueDistance, parseColour, rgbToHsl, toHex, type Rgb } from './contrast';

/** How many factor colours there are; factor i is painted in colour i mod FACTOR_COLOURS. */
export const FACTOR_COLOURS = 6;

/** Theme variables of factor 0, 1, …; media/panel.css falls back to the same list before the script runs. */
export const FACTOR_VARIABLES = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-terminal-ansiCyan',
  '--vscode-terminal-ansiMagenta',
] as const;

/**
 * The hues used when the theme gives none, a grey, or one too close to another factor's (VS Code's
 * default High Contrast Light theme gives charts.orange the same dark blue as its borders).
 * VS Code's own dark defaults for the same variables.
 */
export const FALLBACK_COLOURS = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#11a8cd', '#bc3fbc'];

/** WCAG AA for text; what high-contrast themes promise (AAA). */
export const TEXT_CONTRAST = 4.5;
export const HIGH_CONTRAST_TEXT_CONTRAST = 7;

/** Two factors' hues closer than this (degrees) count as the same hue. */
const SAME_HUE = 15;
/** Below this HSL saturation a colour reads as grey, too close to the neutral current mark. */
const GREY = 0.2;
/** A factor colour must differ from the current mark by at least this CIELAB ΔE. */
export const DISTINCT_FROM_CURRENT = 25;

export interface ThemeColours {
  /** The theme's factor colours as the browser resolved them (any CSS colour), null when unset. */
  readonly factors: readonly (string | null)[];
  /** Backgrounds factor-coloured text sits on, editor background first (the panel's). */
  readonly backgrounds: readonly string[];
  /** The theme's foreground: the current quantity's mark. */
  readonly foreground: string;
  readonly highContrast: boolean;
}

export interface Palette {
  /** FACTOR_COLOURS colours, "#rrggbb". */
  readonly factors: readonly string[];
  /** The current quantity's mark, "#rrggbb": the foreground, never a factor colour. */
  readonly current: string;
  /** The contrast every factor colour has against every background. */
  readonly ratio: number;
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };

/** A CSS colour made opaque over `under` (translucent theme colours are common). */
function opaque(css: string | null, under: Rgb): Rgb | null {
  const parsed = css ? parseColour(css) : null;
  return parsed ? composite(parsed, under) : null;
}

export function buildPalette(theme: ThemeColours): Palette {
  const editor = opaque(theme.backgrounds[0] ?? null, WHITE) ?? WHITE;
  const backgrounds = theme.backgrounds.map((bg) => opaque(bg, editor)).filter((bg): bg is Rgb => bg !== null);
  if (backgrounds.length === 0) backgrounds.push(editor);
  const current = opaque(theme.foreground, editor) ?? { r: 128, g: 128, b: 128 };
  const ratio = theme.highContrast ? HIGH_CONTRAST_TEXT_CONTRAST : TEXT_CONTRAST;
  const chosen: Rgb[] = [];
  for (let i = 0; i < FACTOR_COLOURS; i++) {
    const fallback = hexRgb(FALLBACK_COLOURS[i]);
    let base = opaque(theme.factors[i] ?? null, editor) ?? fallback;
    const clashes = (c: Rgb) => rgbToHsl(c).s < GREY || chosen.some((other) => hueDistance(c, other) < SAME_HUE);
    if (clashes(base)) base = fallback;
    let colour = hexRgb(adjustForContrast(base, backgrounds, ratio));
    if (colourDistance(colour, current) < DISTINCT_FROM_CURRENT) colour = hexRgb(adjustForContrast(fallback, backgrounds, ratio));
    chosen.push(colour);
  }
  return { factors: chosen.map(toHex), current: toHex(current), ratio };
}
