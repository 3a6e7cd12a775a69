/**
 * The colours VS Code's four default themes give the variables the panel's palette reads, as
 * VS Code 1.100 (bundled with code-server 4.100.3, .cache/code-server/) resolves them:
 *
 * - A theme file's own "colors" win: extensions/theme-defaults/themes/light_modern.json
 *   (editor.background #FFFFFF, foreground #3B3B3B, textBlockQuote.background #F8F8F8),
 *   dark_modern.json (#1F1F1F, #CCCCCC, #2B2B2B) and hc_black.json (editor.background #000000).
 *   hc_light.json sets no colours. None of the four (nor the light_plus/light_vs and
 *   dark_plus/dark_vs they include) sets charts.* or terminal.ansi*.
 * - Otherwise the registered default for the theme kind, in out/vs/code/browser/workbench/workbench.js:
 *   charts.blue → editorInfo.foreground {dark #3794FF, light #1a85ff, hcDark #3794FF, hcLight #1a85ff};
 *   charts.orange → minimap.findMatchHighlight {light #d18616, dark #d18616, hcDark #AB5A00, hcLight #0F4A85};
 *   charts.green {dark #89D185, light #388A34, hcDark #89D185, hcLight #374e06};
 *   charts.purple {dark #B180D7, light #652D90, hcDark #B180D7, hcLight #652D90};
 *   terminal.ansiCyan {light #0598bc, dark #11a8cd, hcDark #00cdcd, hcLight #0598bc};
 *   terminal.ansiMagenta {light #bc05bc, dark #bc3fbc, hcDark #cd00cd, hcLight #bc05bc};
 *   editor.background {hcDark black, hcLight white}; foreground {hcDark #FFFFFF, hcLight #292929};
 *   textBlockQuote.background {hcDark null (none: the editor's shows), hcLight #F2F2F2}.
 *
 * The same values are in microsoft/vscode: src/vs/platform/theme/common/colors/chartsColors.ts,
 * editorColors.ts, miscColors.ts and src/vs/workbench/contrib/terminal/common/terminalColorRegistry.ts.
 */
import type { ThemeColours } from '../../../webview/palette';

export interface DefaultTheme extends ThemeColours {
  readonly name: string;
}

export const DEFAULT_THEMES: readonly DefaultTheme[] = [
  {
    name: 'Light Modern',
    factors: ['#1a85ff', '#d18616', '#388A34', '#652D90', '#0598bc', '#bc05bc'],
    backgrounds: ['#FFFFFF', '#F8F8F8'],
    foreground: '#3B3B3B',
    highContrast: false,
  },
  {
    name: 'Dark Modern',
    factors: ['#3794FF', '#d18616', '#89D185', '#B180D7', '#11a8cd', '#bc3fbc'],
    backgrounds: ['#1F1F1F', '#2B2B2B'],
    foreground: '#CCCCCC',
    highContrast: false,
  },
  {
    name: 'Dark High Contrast',
    factors: ['#3794FF', '#AB5A00', '#89D185', '#B180D7', '#00cdcd', '#cd00cd'],
    backgrounds: ['#000000'],
    foreground: '#FFFFFF',
    highContrast: true,
  },
  {
    name: 'Light High Contrast',
    factors: ['#1a85ff', '#0F4A85', '#374e06', '#652D90', '#0598bc', '#bc05bc'],
    backgrounds: ['#FFFFFF', '#F2F2F2'],
    foreground: '#292929',
    highContrast: true,
  },
];
