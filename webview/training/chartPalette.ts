/**
 * The colours the Training panel paints, from the theme's chart colours (charts.blue, orange,
 * green, purple, red, yellow, charts.foreground and charts.lines), made readable on the panel's
 * background the way the stepping panel's factor colours are (webview/palette.ts): each keeps its
 * hue, with its lightness moved until it has 4.5:1 contrast against the background (7:1 in
 * high-contrast themes) — the text ratio, though lines and markers need only 3:1, so a curve's
 * colour is as readable as its legend text beside it. A colour the theme leaves unset, a grey, or
 * one whose hue repeats an earlier one's (VS Code's High Contrast Light gives charts.orange a dark
 * blue) falls back to VS Code's own default for that chart colour. Colour is never the only cue:
 * every series also has its own dash pattern, every class its own marker shape. Pure.
 */
import { adjustForContrast, composite, hexRgb, hueDistance, parseColour, rgbToHsl, toHex, type Rgb } from '../contrast';
import { HIGH_CONTRAST_TEXT_CONTRAST, TEXT_CONTRAST } from '../palette';

export const SERIES_VARIABLES = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-charts-red',
  '--vscode-charts-yellow',
] as const;

/** VS Code's dark defaults for the same variables (src/vs/platform/theme/common/colors/chartsColors.ts). */
export const SERIES_FALLBACKS = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];

/** Hues closer than this (degrees) read as one colour. */
const SAME_HUE = 12;
/** Below this HSL saturation a colour reads as grey: the neutral of axes and the step marker. */
const GREY = 0.2;

export interface ChartTheme {
  /** The six chart colours as the browser resolved them, null when unset. */
  readonly series: readonly (string | null)[];
  readonly background: string | null;
  /** charts.foreground (axes, tick labels, the step marker) and charts.lines (the grid). */
  readonly foreground: string | null;
  readonly lines: string | null;
  readonly highContrast: boolean;
}

export interface ChartPalette {
  /** Six "#rrggbb" colours: series i, class i, is painted in colour i mod 6. */
  readonly series: readonly string[];
  readonly background: string;
  /** Axis text and the step marker: a neutral, readable as text. */
  readonly foreground: string;
  /** The grid, from charts.lines: decoration only, so no contrast is asked of it. */
  readonly grid: string;
  /** The contrast every series colour and the foreground have against the background. */
  readonly ratio: number;
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };

function opaque(css: string | null, under: Rgb): Rgb | null {
  const parsed = css ? parseColour(css) : null;
  return parsed ? composite(parsed, under) : null;
}

export function chartPalette(theme: ChartTheme): ChartPalette {
  const background = opaque(theme.background, WHITE) ?? WHITE;
  const ratio = theme.highContrast ? HIGH_CONTRAST_TEXT_CONTRAST : TEXT_CONTRAST;
  const chosen: Rgb[] = [];
  SERIES_FALLBACKS.forEach((fallbackHex, i) => {
    const fallback = hexRgb(fallbackHex);
    let base = opaque(theme.series[i] ?? null, background) ?? fallback;
    const clashes = (c: Rgb) => rgbToHsl(c).s < GREY || chosen.some((other) => hueDistance(c, other) < SAME_HUE);
    if (clashes(base)) base = fallback;
    chosen.push(hexRgb(adjustForContrast(base, [background], ratio)));
  });
  // A light background gets dark text: the fallback neutral is the one that contrasts more.
  const neutral = adjustForContrast(opaque(theme.foreground, background) ?? BLACK, [background], ratio);
  // charts.lines at half strength: the theme's value (VS Code: the foreground at 50%) is meant for
  // a few axis lines, and a grid of them would compete with the curves.
  const lines = opaque(theme.lines, background) ?? hexRgb(neutral);
  const grid = mix(lines, background, theme.highContrast ? 0.6 : 0.4);
  return { series: chosen.map(toHex), background: toHex(background), foreground: neutral, grid: toHex(grid), ratio };
}

/** `colour` laid over `background` with opacity `amount` (0 … 1). */
export function mix(colour: Rgb, background: Rgb, amount: number): Rgb {
  const a = Math.max(0, Math.min(1, amount));
  return { r: colour.r * a + background.r * (1 - a), g: colour.g * a + background.g * (1 - a), b: colour.b * a + background.b * (1 - a) };
}

/**
 * How strongly a decision-map cell shows its class, from its confidence (0: a tie, 1: sure):
 * a faint wash where the network hesitates, never so strong that a point drawn on it in the
 * class colour loses its edge (the points carry a halo of the background colour as well).
 */
export function cellOpacity(confidence: number): number {
  const c = Number.isFinite(confidence) ? Math.max(0, Math.min(1, confidence)) : 0;
  return 0.1 + 0.45 * c;
}

/** The colour of a map cell: its class colour washed over the background by its confidence. */
export function cellColour(classColour: Rgb, background: Rgb, confidence: number): Rgb {
  return mix(classColour, background, cellOpacity(confidence));
}
