/**
 * Colour arithmetic for the factor palette, pure so it is unit-tested in Node: parsing the
 * colours a browser reports, WCAG 2 contrast, lightness changes that keep a colour's hue, and a
 * perceptual distance (CIELAB ΔE) to tell colours apart. Colours are sRGB triples 0–255.
 */

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

interface Rgba extends Rgb {
  /** Opacity 0–1. */
  readonly a: number;
}

/**
 * "#rgb", "#rrggbb", "#rrggbbaa", "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)" or "rgb(1 2 3 / 0.5)"
 * (what getComputedStyle returns, or a theme file holds) → channels; null for anything else.
 */
export function parseColour(css: string): Rgba | null {
  const text = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(text);
  if (hex) {
    let digits = hex[1];
    if (digits.length === 3 || digits.length === 4) digits = [...digits].map((d) => d + d).join('');
    if (digits.length !== 6 && digits.length !== 8) return null;
    const channel = (i: number) => parseInt(digits.slice(i, i + 2), 16);
    return { r: channel(0), g: channel(2), b: channel(4), a: digits.length === 8 ? channel(6) / 255 : 1 };
  }
  const fn = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(text);
  if (!fn) return null;
  const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
  return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]), a: Math.min(1, Math.max(0, alpha)) };
}

/** A translucent colour as it looks painted over an opaque `under`. */
export function composite(colour: Rgba, under: Rgb): Rgb {
  const mix = (top: number, bottom: number) => top * colour.a + bottom * (1 - colour.a);
  return { r: mix(colour.r, under.r), g: mix(colour.g, under.g), b: mix(colour.b, under.b) };
}

/** "#rrggbb", channels rounded and clamped. */
export function toHex(colour: Rgb): string {
  const channel = (v: number) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0');
  return `#${channel(colour.r)}${channel(colour.g)}${channel(colour.b)}`;
}

/** The colour a "#rrggbb" string names (the caller's own strings: throws on anything else). */
export function hexRgb(hex: string): Rgb {
  const parsed = parseColour(hex);
  if (!parsed) throw new Error(`not a colour: ${hex}`);
  return parsed;
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function luminance(colour: Rgb): number {
  return 0.2126 * linear(colour.r) + 0.7152 * linear(colour.g) + 0.0722 * linear(colour.b);
}

/** WCAG 2 contrast ratio, 1 to 21; symmetric. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

interface Hsl {
  /** Degrees 0–360. */
  readonly h: number;
  readonly s: number;
  readonly l: number;
}

export function rgbToHsl({ r, g, b }: Rgb): Hsl {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };
  const s = d / (1 - Math.abs(2 * l - 1));
  const h = max === R ? ((G - B) / d + 6) % 6 : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return { h: h * 60, s, l };
}

export function hslToRgb({ h, s, l }: Hsl): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const sector = Math.floor((((h % 360) + 360) % 360) / 60);
  const [r, g, b] = [[c, x, 0], [x, c, 0], [0, c, x], [0, x, c], [x, 0, c], [c, 0, x]][sector];
  return { r: (r + m) * 255, g: (g + m) * 255, b: (b + m) * 255 };
}

/** Smallest angle between two hues, 0–180 degrees. */
export function hueDistance(a: Rgb, b: Rgb): number {
  const d = Math.abs(rgbToHsl(a).h - rgbToHsl(b).h) % 360;
  return d > 180 ? 360 - d : d;
}

/** CIELAB (D65) of an sRGB colour. */
function lab(colour: Rgb): [number, number, number] {
  const [R, G, B] = [linear(colour.r), linear(colour.g), linear(colour.b)];
  const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
  const y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/**
 * CIE76 colour difference: about 2.3 is just noticeable; above 20 two colours read as different
 * colours, not shades of one.
 */
export function colourDistance(a: Rgb, b: Rgb): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The lowest contrast of `colour` against any of the backgrounds. */
export function minContrast(colour: Rgb, backgrounds: readonly Rgb[]): number {
  return Math.min(...backgrounds.map((bg) => contrastRatio(colour, bg)));
}

/**
 * `colour` with its HSL lightness moved just far enough that, written as #rrggbb, it has at
 * least `ratio` contrast against every background; hue and saturation stay, so a theme's blue
 * stays its blue, only darker on a light background or lighter on a dark one. Unchanged when it
 * already passes. When no lightness of that hue passes, black or white, whichever contrasts more.
 */
export function adjustForContrast(colour: Rgb, backgrounds: readonly Rgb[], ratio: number): string {
  const passes = (hex: string) => minContrast(hexRgb(hex), backgrounds) >= ratio;
  const start = toHex(colour);
  if (passes(start)) return start;
  const hsl = rgbToHsl(hexRgb(start));
  const black = { r: 0, g: 0, b: 0 };
  const white = { r: 255, g: 255, b: 255 };
  const darkerFirst = minContrast(black, backgrounds) >= minContrast(white, backgrounds);
  for (const end of darkerFirst ? [0, 1] : [1, 0]) {
    if (!passes(toHex(hslToRgb({ ...hsl, l: end })))) continue;
    // Lightness changes luminance monotonically for a fixed hue and saturation: bisect.
    let [near, far] = [hsl.l, end];
    for (let i = 0; i < 40; i++) {
      const mid = (near + far) / 2;
      if (passes(toHex(hslToRgb({ ...hsl, l: mid })))) far = mid;
      else near = mid;
    }
    return toHex(hslToRgb({ ...hsl, l: far }));
  }
  return toHex(darkerFirst ? black : white);
}
