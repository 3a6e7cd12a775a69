/**
 * Reads the theme's chart colours and font from the CSS variables VS Code puts on the webview,
 * as the browser resolves them. Canvas drawing needs literal colours, so they are read here, and
 * everything is read and redrawn again when the theme changes (themeColours.ts, onThemeChange).
 */
import { isHighContrast, resolveThemeColours as resolve } from '../themeColours';
import { chartPalette, SERIES_VARIABLES, type ChartPalette } from './chartPalette';

export function readPalette(): ChartPalette {
  const [background, foreground, chartsForeground, lines, ...series] = resolve([
    '--vscode-editor-background',
    '--vscode-foreground',
    '--vscode-charts-foreground',
    '--vscode-charts-lines',
    ...SERIES_VARIABLES,
  ]);
  const body = getComputedStyle(document.body);
  return chartPalette({
    series,
    background: background ?? body.backgroundColor,
    foreground: chartsForeground ?? foreground ?? body.color,
    lines,
    highContrast: isHighContrast(),
  });
}

export interface ChartFont {
  /** A CSS font shorthand for canvas text and uPlot's axes: "12px system-ui". */
  readonly css: string;
  readonly size: number;
}

export function readFont(): ChartFont {
  const style = getComputedStyle(document.body);
  const size = Math.max(10, Math.min(16, parseFloat(style.fontSize) || 13) - 1);
  return { css: `${size}px ${style.fontFamily || 'sans-serif'}`, size };
}
