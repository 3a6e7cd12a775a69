/**
 * Factor colours are readable and mean one thing: over VS Code's four default themes (their real
 * colours, see vscodeThemes.ts) every factor colour has WCAG contrast ≥ 4.5:1 (7:1 in high
 * contrast) against every background it is drawn on, keeps its theme colour's hue, and is far
 * from the current quantity's mark and from the other factors.
 */
import { describe, expect, it } from 'vitest';
import { adjustForContrast, colourDistance, composite, contrastRatio, hexRgb, hueDistance, minContrast, parseColour, rgbToHsl, toHex } from '../../../webview/contrast';
import { buildPalette, DISTINCT_FROM_CURRENT, FACTOR_COLOURS } from '../../../webview/palette';
import { DEFAULT_THEMES } from './vscodeThemes';

describe('colour arithmetic', () => {
  it('parses what browsers and theme files write', () => {
    expect(parseColour('#3794FF')).toEqual({ r: 55, g: 148, b: 255, a: 1 });
    expect(parseColour('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColour('#80808059')?.a).toBeCloseTo(0x59 / 255);
    expect(parseColour('rgba(1, 2, 3, 0.5)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
    expect(parseColour('rgb(1 2 3 / 25%)')).toEqual({ r: 1, g: 2, b: 3, a: 0.25 });
    expect(parseColour('var(--x)')).toBeNull();
    expect(toHex(parseColour('rgb(55, 148, 255)')!)).toBe('#3794ff');
  });

  it('computes WCAG contrast ratios', () => {
    const [black, white] = [hexRgb('#000000'), hexRgb('#ffffff')];
    expect(contrastRatio(black, white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBe(1);
    // Known values: #767676 is the lightest grey with 4.5:1 on white; #777777 just misses it.
    expect(contrastRatio(hexRgb('#767676'), white)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hexRgb('#777777'), white)).toBeLessThan(4.5);
    expect(toHex(composite({ r: 255, g: 255, b: 255, a: 0.5 }, black))).toBe('#808080');
  });

  it('reaches a contrast by changing lightness only, and leaves a passing colour alone', () => {
    const white = hexRgb('#ffffff');
    const orange = hexRgb('#d18616');
    const darker = hexRgb(adjustForContrast(orange, [white], 4.5));
    expect(contrastRatio(darker, white)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(darker, white)).toBeLessThan(4.7);
    expect(hueDistance(darker, orange)).toBeLessThan(3);
    expect(rgbToHsl(darker).l).toBeLessThan(rgbToHsl(orange).l);
    const lighter = hexRgb(adjustForContrast(hexRgb('#652d90'), [hexRgb('#000000')], 7));
    expect(contrastRatio(lighter, hexRgb('#000000'))).toBeGreaterThanOrEqual(7);
    expect(adjustForContrast(hexRgb('#652d90'), [white], 4.5)).toBe('#652d90');
  });
});

describe('the factor palette in VS Code’s default themes', () => {
  for (const theme of DEFAULT_THEMES) {
    it(`${theme.name}: every factor colour is readable on every background the panel draws it on`, () => {
      const palette = buildPalette(theme);
      const required = theme.highContrast ? 7 : 4.5;
      expect(palette.factors).toHaveLength(FACTOR_COLOURS);
      const backgrounds = theme.backgrounds.map(hexRgb);
      for (const colour of palette.factors) expect(minContrast(hexRgb(colour), backgrounds), colour).toBeGreaterThanOrEqual(required);
    });

    it(`${theme.name}: the current quantity’s mark is no factor colour, and factors differ from each other`, () => {
      const palette = buildPalette(theme);
      const current = hexRgb(palette.current);
      expect(palette.current).toBe(toHex(hexRgb(theme.foreground)));
      for (const colour of palette.factors) {
        expect(colour).not.toBe(palette.current);
        expect(colourDistance(hexRgb(colour), current), `${colour} vs ${palette.current}`).toBeGreaterThanOrEqual(DISTINCT_FROM_CURRENT);
      }
      for (let i = 0; i < FACTOR_COLOURS; i++) {
        for (let j = i + 1; j < FACTOR_COLOURS; j++) {
          expect(colourDistance(hexRgb(palette.factors[i]), hexRgb(palette.factors[j])), `factors ${i + 1} and ${j + 1}`).toBeGreaterThan(15);
        }
      }
    });

    it(`${theme.name}: each factor keeps its theme colour’s hue where that hue is its own`, () => {
      const palette = buildPalette(theme);
      palette.factors.forEach((colour, i) => {
        const source = hexRgb(theme.factors[i] ?? '#000');
        const sameAsEarlier = theme.factors.slice(0, i).some((other) => other && hueDistance(hexRgb(other), source) < 15);
        if (!sameAsEarlier) expect(hueDistance(hexRgb(colour), source), `factor ${i + 1}`).toBeLessThan(4);
      });
    });
  }

  it('replaces a theme colour that repeats an earlier factor’s hue (High Contrast Light’s charts.orange is its blue)', () => {
    const hcLight = DEFAULT_THEMES.find((t) => t.name === 'Light High Contrast')!;
    const palette = buildPalette(hcLight);
    expect(hueDistance(hexRgb(palette.factors[1]), hexRgb(palette.factors[0]))).toBeGreaterThan(90);
  });

  it('composites translucent colours and survives a theme that defines nothing', () => {
    const palette = buildPalette({ factors: [null, 'rgba(209, 134, 22, 0.5)'], backgrounds: ['rgb(255, 255, 255)'], foreground: 'rgb(0, 0, 0)', highContrast: false });
    for (const colour of palette.factors) expect(contrastRatio(hexRgb(colour), hexRgb('#ffffff'))).toBeGreaterThanOrEqual(4.5);
    const greyTheme = buildPalette({ factors: Array(6).fill('#888888'), backgrounds: ['#ffffff'], foreground: '#333333', highContrast: false });
    for (const colour of greyTheme.factors) expect(colourDistance(hexRgb(colour), hexRgb('#333333'))).toBeGreaterThanOrEqual(DISTINCT_FROM_CURRENT);
  });

  it('moves a factor off a coloured foreground (a theme whose text is its chart blue)', () => {
    const blueText = buildPalette({ factors: ['#0451a5', '#a31515'], backgrounds: ['#ffffff'], foreground: '#0451a5', highContrast: false });
    expect(colourDistance(hexRgb(blueText.factors[0]), hexRgb('#0451a5'))).toBeGreaterThanOrEqual(DISTINCT_FROM_CURRENT);
    expect(contrastRatio(hexRgb(blueText.factors[0]), hexRgb('#ffffff'))).toBeGreaterThanOrEqual(4.5);
  });
});
