import { describe, expect, it } from 'vitest';
import { composite, contrastRatio, hexRgb, hueDistance, parseColour } from '../../../webview/contrast';
import { VERDICT_CONTRAST, verdictColours, type VerdictTheme } from '../../../webview/gradientCheck/verdictColours';

/**
 * The gradient check's verdict words (✗ fail, ⚠ kink, ⚠ clamped) are coloured from the theme's
 * error and warning foregrounds, made readable: at least 4.5:1 against the panel and the rows'
 * hover and focus backgrounds, with the theme's hue, and unchanged when the theme's colour
 * passes already. The themes below are VS Code's registered defaults for each theme kind
 * (editorWarning.foreground, errorForeground, list.hoverBackground in workbench.js of the
 * code-server the in-editor tests run).
 */
const THEMES: readonly (VerdictTheme & { readonly name: string })[] = [
  { name: 'light', background: '#FFFFFF', rowBackgrounds: ['#F0F0F0', null], error: '#A1260D', warning: '#BF8803', foreground: '#3B3B3B' },
  { name: 'dark', background: '#1F1F1F', rowBackgrounds: ['#2A2D2E', null], error: '#F48771', warning: '#CCA700', foreground: '#CCCCCC' },
  { name: 'high contrast', background: '#000000', rowBackgrounds: ['rgba(255, 255, 255, 0.1)', null], error: '#F48771', warning: '#FFD370', foreground: '#FFFFFF' },
  { name: 'high contrast light', background: '#FFFFFF', rowBackgrounds: ['rgba(15, 74, 133, 0.1)', null], error: '#B5200D', warning: '#895503', foreground: '#292929' },
];

function backgroundsOf(theme: VerdictTheme) {
  const panel = hexRgb(theme.background);
  return [panel, ...theme.rowBackgrounds.flatMap((row) => (row === null ? [] : [composite(parseColour(row)!, panel)]))];
}

describe('the verdicts’ colours', () => {
  for (const theme of THEMES) {
    it(`are readable on every row background, in the theme's hue (${theme.name})`, () => {
      const colours = verdictColours(theme);
      for (const kind of ['error', 'warning'] as const) {
        const colour = hexRgb(colours[kind]);
        for (const background of backgroundsOf(theme)) expect(contrastRatio(colour, background), `${kind} ${colours[kind]}`).toBeGreaterThanOrEqual(VERDICT_CONTRAST);
        expect(hueDistance(colour, hexRgb(theme[kind]!)), kind).toBeLessThan(6);
      }
    });
  }

  it('darkens Light Modern’s warning, which fails on white, and keeps colours that pass', () => {
    const light = THEMES[0];
    expect(contrastRatio(hexRgb(light.warning!), hexRgb('#FFFFFF'))).toBeLessThan(3.2);
    expect(verdictColours(light).warning).not.toBe('#bf8803');
    expect(verdictColours(THEMES[1])).toEqual({ error: '#f48771', warning: '#cca700' });
  });

  it('falls back to the foreground for a colour the theme leaves unset', () => {
    expect(verdictColours({ ...THEMES[1], error: null, warning: null })).toEqual({ error: '#cccccc', warning: '#cccccc' });
  });
});
