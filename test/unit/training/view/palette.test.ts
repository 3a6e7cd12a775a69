/**
 * The Training panel's colours come from the theme's charts.* colours and are readable: over
 * VS Code's four default themes every series colour and the axis text have text contrast
 * (4.5:1, 7:1 in high contrast) against the background, keep their theme hue, and stay apart;
 * the decision map's cells are washes of those colours by confidence.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio, hexRgb, hueDistance } from '../../../../webview/contrast';
import { cellColour, cellOpacity, chartPalette, type ChartTheme } from '../../../../webview/training/chartPalette';
import { DEFAULT_THEMES } from '../../panel/vscodeThemes';

/**
 * charts.red and charts.yellow default to editorError.foreground and editorWarning.foreground,
 * charts.foreground to the foreground and charts.lines to it at 50% (VS Code's chartsColors.ts);
 * per theme kind: light, dark, high-contrast dark, high-contrast light.
 */
const RED_YELLOW: Record<string, [string, string]> = {
  'Light Modern': ['#E51400', '#BF8803'],
  'Dark Modern': ['#F14C4C', '#CCA700'],
  'Dark High Contrast': ['#F48771', '#FFD370'],
  'Light High Contrast': ['#B5200D', '#895503'],
};

const THEMES: { name: string; theme: ChartTheme }[] = DEFAULT_THEMES.map((t) => ({
  name: t.name,
  theme: {
    series: [...t.factors.slice(0, 4), ...RED_YELLOW[t.name]],
    background: t.backgrounds[0],
    foreground: t.foreground,
    lines: `${t.foreground}80`,
    highContrast: t.highContrast,
  },
}));

describe('chart palette', () => {
  for (const { name, theme } of THEMES) {
    it(`is readable on ${name}`, () => {
      const palette = chartPalette(theme);
      const background = hexRgb(palette.background);
      const ratio = theme.highContrast ? 7 : 4.5;
      expect(palette.ratio).toBe(ratio);
      expect(palette.series).toHaveLength(6);
      for (const colour of [...palette.series, palette.foreground]) expect(contrastRatio(hexRgb(colour), background)).toBeGreaterThanOrEqual(ratio);
      // No two series colours share a hue: colour is a cue (with dashes and marker shapes).
      palette.series.forEach((a, i) => palette.series.slice(0, i).forEach((b) => expect(hueDistance(hexRgb(a), hexRgb(b))).toBeGreaterThan(10)));
    });
  }

  it('keeps a theme colour’s hue, and falls back where the theme repeats a hue or gives none', () => {
    const dark = chartPalette(THEMES[1].theme);
    expect(hueDistance(hexRgb(dark.series[0]), hexRgb('#3794FF'))).toBeLessThan(3);
    // Light High Contrast gives charts.orange a dark blue, the hue of its charts.blue.
    const hcLight = chartPalette(THEMES[3].theme);
    expect(hueDistance(hexRgb(hcLight.series[1]), hexRgb('#d18616'))).toBeLessThan(3);
    const unset = chartPalette({ series: [], background: '#1e1e1e', foreground: null, lines: null, highContrast: false });
    expect(hueDistance(hexRgb(unset.series[4]), hexRgb('#f14c4c'))).toBeLessThan(3);
    expect(contrastRatio(hexRgb(unset.foreground), hexRgb('#1e1e1e'))).toBeGreaterThanOrEqual(4.5);
  });

  it('washes a map cell more strongly the surer the network is', () => {
    expect(cellOpacity(0)).toBeCloseTo(0.1);
    expect(cellOpacity(1)).toBeCloseTo(0.55);
    expect(cellOpacity(7)).toBe(cellOpacity(1));
    expect(cellOpacity(NaN)).toBe(cellOpacity(0));
    const blue = hexRgb('#3794ff');
    const white = hexRgb('#ffffff');
    const [unsure, sure] = [cellColour(blue, white, 0), cellColour(blue, white, 1)];
    expect(contrastRatio(sure, white)).toBeGreaterThan(contrastRatio(unsure, white));
    // Even a sure cell stays a wash: a point in the full class colour stands out on it.
    expect(contrastRatio(sure, blue)).toBeGreaterThan(1.3);
  });
});
