/**
 * The gradient check panel's browser code (bundled to dist/gradientCheckView.js). It posts
 * `ready`, then draws the state the extension sends (src/shared/gradientCheckMessages.ts): how
 * far the check is, or its report: what was checked, how the relative error is defined, a
 * summary line (a live region, so screen readers hear the verdict), the notes on sampling, kinks
 * and clamps, and the table worst first (table.ts). Every sentence comes from
 * src/core/gradientCheck/text.ts, the same words `nnet gradcheck` prints. The page computes
 * nothing, and every text goes in through textContent.
 */
import { clampedText, definitionText, kinkText, sampleText, scopeText, summaryText } from '../../src/core/gradientCheck/text';
import { thousands } from '../../src/core/notation/count';
import type { ExtensionToGradientCheck, GradientCheckState, GradientCheckToExtension } from '../../src/shared/gradientCheckMessages';
import { h, replaceChildren } from '../dom';
import { onThemeChange, resolveThemeColours } from '../themeColours';
import { checkTable } from './table';
import { verdictColours } from './verdictColours';

interface VsCodeApi {
  postMessage(message: GradientCheckToExtension): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

const title = h('h1', { class: 'title' }, 'Gradient check');
const scope = h('p', { class: 'meta' });
const summary = h('p', { class: 'summary', id: 'check-summary', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }, 'Waiting for the check…');
const details = h('div', { class: 'details' });
const root = h('main', { id: 'gradient-check' }, h('header', {}, title, scope), summary, details);
document.body.append(root);
paintVerdicts();
onThemeChange(paintVerdicts);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as ExtensionToGradientCheck | null;
  if (!message || typeof message !== 'object' || message.type !== 'state' || typeof message.fileName !== 'string') return;
  show(message.fileName, message.state);
});
api.postMessage({ type: 'ready' });

/** The verdicts' colours, readable on this theme's backgrounds (verdictColours.ts). */
function paintVerdicts(): void {
  const [background, hover, focus, error, warning, foreground] = resolveThemeColours([
    '--vscode-editor-background',
    '--vscode-list-hoverBackground',
    '--vscode-list-focusBackground',
    '--vscode-errorForeground',
    '--vscode-editorWarning-foreground',
    '--vscode-foreground',
  ]);
  const body = getComputedStyle(document.body);
  const colours = verdictColours({ background: background ?? body.backgroundColor, rowBackgrounds: [hover, focus], error, warning, foreground: foreground ?? body.color });
  document.documentElement.style.setProperty('--bp-verdict-error', colours.error);
  document.documentElement.style.setProperty('--bp-verdict-warning', colours.warning);
}

/** The summary changes only when its words do, so a screen reader is not told the same thing twice. */
function say(text: string): void {
  if (summary.textContent !== text) summary.textContent = text;
}

function show(fileName: string, state: GradientCheckState): void {
  title.textContent = `Gradient check: ${fileName}`;
  if (state.phase === 'checking') {
    scope.textContent = '';
    say(state.planned > 0 ? `Checking: ${thousands(state.done)} of ${thousands(state.planned)} parameters done.` : 'Checking…');
    const bar = h('progress', { max: Math.max(1, state.planned), value: state.done, 'aria-label': 'parameters checked' });
    replaceChildren(details, bar);
    return;
  }
  if (state.phase === 'stopped') {
    scope.textContent = '';
    say(state.message);
    replaceChildren(details);
    return;
  }
  const { report } = state;
  scope.textContent = scopeText(report);
  say(summaryText(report));
  const sample = sampleText(report);
  const kinks = kinkText(report);
  const clamped = clampedText(report);
  replaceChildren(
    details,
    h('p', { class: 'definition', id: 'check-definition' }, definitionText(report)),
    sample && h('p', { class: 'note sample' }, sample),
    kinks && h('p', { class: 'note kink' }, kinks),
    clamped && h('p', { class: 'note clamped' }, clamped),
    h('div', { class: 'table-scroll' }, checkTable(report.rows, (target) => api.postMessage({ type: 'reveal', ...target }))),
  );
}
