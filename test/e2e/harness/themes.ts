/**
 * The colour themes the suites run in, and the colours those themes give to the TextMate scopes
 * the tests check. The values come from VS Code 1.100's built-in Light Modern and Dark Modern
 * themes (which inherit them from Light+/Dark+) and its Dark High Contrast theme, as
 * getComputedStyle reports them; they change only if the pinned code-server's themes change.
 */
import type { Theme } from './environment';

export interface ThemeColours {
  /** The `workbench.colorTheme` setting value. */
  readonly setting: string;
  /** A class the workbench root carries once this very theme is applied (its id, from its file name). */
  readonly workbenchClass: string;
  /** comment.* */
  readonly comment: string;
  /** constant.numeric.* */
  readonly number: string;
  /** Text with no scope that the theme colours (the editor's default token colour). */
  readonly plain: string;
}

export const THEMES: Record<Theme, ThemeColours> = {
  light: {
    setting: 'Default Light Modern',
    workbenchClass: 'vscode-theme-defaults-themes-light_modern-json',
    comment: 'rgb(0, 128, 0)',
    number: 'rgb(9, 134, 88)',
    plain: 'rgb(59, 59, 59)',
  },
  dark: {
    setting: 'Default Dark Modern',
    workbenchClass: 'vscode-theme-defaults-themes-dark_modern-json',
    comment: 'rgb(106, 153, 85)',
    number: 'rgb(181, 206, 168)',
    plain: 'rgb(204, 204, 204)',
  },
  'high-contrast': {
    setting: 'Default High Contrast',
    workbenchClass: 'vscode-theme-defaults-themes-hc_black-json',
    comment: 'rgb(124, 166, 104)',
    number: 'rgb(181, 206, 168)',
    plain: 'rgb(255, 255, 255)',
  },
};
