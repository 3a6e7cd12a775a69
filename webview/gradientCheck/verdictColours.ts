/**
 * The colours of the verdict words in the gradient check's table (✗ fail, ⚠ kink, ⚠ clamped).
 * They come from the theme's error and warning foregrounds, which themes choose for squiggles and
 * icons rather than for text: the light themes' default warning #BF8803 has 3.1:1 against white. So
 * each is moved in lightness, keeping its hue (contrast.ts, adjustForContrast), until it has at
 * least 4.5:1 (WCAG AA for text) against every background a row can have: the panel's, and the
 * list's hover and focus backgrounds laid over it. A colour that passes already is kept as is.
 * Pure, so it is unit-tested with the default themes' colours; main.ts reads the theme and puts
 * the result on the page as `--bp-verdict-error` and `--bp-verdict-warning` (media/gradientCheck.css).
 */
import { adjustForContrast, composite, parseColour, type Rgb } from '../contrast';

/** WCAG AA for normal text. */
export const VERDICT_CONTRAST = 4.5;

/** The theme's colours as the browser resolves them (null: the theme leaves the variable unset). */
export interface VerdictTheme {
  /** The panel's background (opaque). */
  readonly background: string;
  /** Row backgrounds laid over the panel's (hover, focus); translucent ones are composited. */
  readonly rowBackgrounds: readonly (string | null)[];
  readonly error: string | null;
  readonly warning: string | null;
  /** Used for a verdict colour the theme leaves unset. */
  readonly foreground: string;
}

export interface VerdictColours {
  readonly error: string;
  readonly warning: string;
}

export function verdictColours(theme: VerdictTheme): VerdictColours {
  const panel = opaque(theme.background, { r: 255, g: 255, b: 255 });
  const backgrounds = [panel, ...theme.rowBackgrounds.flatMap((row) => (row === null ? [] : [opaque(row, panel)]))];
  const foreground = opaque(theme.foreground, panel);
  const readable = (colour: string | null) => adjustForContrast(colour === null ? foreground : opaque(colour, panel), backgrounds, VERDICT_CONTRAST);
  return { error: readable(theme.error), warning: readable(theme.warning) };
}

/** `css` as it shows over `under` (unparseable: `under` itself, so it changes nothing). */
function opaque(css: string, under: Rgb): Rgb {
  const colour = parseColour(css);
  return colour ? composite(colour, under) : under;
}
