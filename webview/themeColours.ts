/**
 * The theme as the browser resolves it in a webview: VS Code puts its colours on the page as
 * CSS variables and rewrites the body's classes when the theme changes (vscode-light,
 * vscode-dark, vscode-high-contrast, vscode-high-contrast-light). Canvas drawing and KaTeX need
 * literal colours, so the panels read them here, and redo what they drew when the theme changes.
 */
import { parseColour } from './contrast';

/** Resolves theme variables to the colours the browser computes for them, through a hidden probe; null for a variable the theme leaves unset. */
export function resolveThemeColours(variables: readonly string[]): (string | null)[] {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.append(probe);
  const colours = variables.map((variable) => {
    probe.style.color = '';
    // An unset variable leaves `color` unset: transparent marks "none" (rgba(0, 0, 0, 0)).
    probe.style.color = `var(${variable}, transparent)`;
    const value = getComputedStyle(probe).color;
    return parseColour(value)?.a === 0 ? null : value;
  });
  probe.remove();
  return colours;
}

export function isHighContrast(): boolean {
  const classes = document.body.classList;
  return classes.contains('vscode-high-contrast') || classes.contains('vscode-high-contrast-light');
}

/** Calls `listener` when VS Code switches the theme (it rewrites the body's class list and theme id). */
export function onThemeChange(listener: () => void): void {
  new MutationObserver(listener).observe(document.body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-id'] });
}
