/**
 * The panel's own buttons for every stepping command, and its keys while it has focus:
 *   →  step            ←  step back
 *   Shift+→ layer      Shift+←  layer back
 *   Home reset         End  run the backward pass   F  run the forward pass
 *   ]  next example    [  previous example
 *   Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo the spec's last edit (an Apply, say)
 * (The Ctrl+Alt+arrow keybindings of package.json also work here: VS Code forwards keys it
 * binds from the webview, so these plain keys are deliberately different ones.)
 *
 * While a table cell or a diagram node has focus, the arrows, Home and End move the focus
 * between cells or nodes (rovingFocus.ts) and Enter / Shift+Enter select or step to the focused
 * number (tooltip.ts). Their listeners sit on the tables and the diagram, below the document, so
 * they see the key first and prevent its default; a key whose default was prevented is not a
 * panel key here. Every other key (F, ], [, Shift+→ …) still works everywhere, and all of them
 * work as above while the focus is anywhere else in the panel.
 */
import type { PanelAction } from '../src/shared/panelMessages';
import { h } from './dom';

interface ButtonSpec {
  readonly action: PanelAction;
  readonly label: string;
  readonly text: string;
  readonly keys: string;
}

const BUTTONS: readonly ButtonSpec[] = [
  { action: 'reset', text: 'Reset', label: 'Reset: back to before the first step', keys: 'Home' },
  { action: 'stepLayerBack', text: '◀◀', label: 'Step layer back', keys: 'Shift+Left' },
  { action: 'stepBack', text: '◀', label: 'Step back', keys: 'Left' },
  { action: 'step', text: '▶', label: 'Step: compute the next quantity', keys: 'Right' },
  { action: 'stepLayer', text: '▶▶', label: 'Step layer', keys: 'Shift+Right' },
  { action: 'runForward', text: 'Forward pass', label: 'Run the forward pass to the cost', keys: 'F' },
  { action: 'runBackward', text: 'Backward pass', label: 'Run the backward pass to the last gradient', keys: 'End' },
  { action: 'previousExample', text: '‹ Example', label: 'Previous example', keys: '[' },
  { action: 'nextExample', text: 'Example ›', label: 'Next example', keys: ']' },
  { action: 'applyGradientStep', text: 'Apply gradient step', label: 'Apply one gradient step to the spec: w − η∂c/∂w, b − η∂c/∂b', keys: '' },
];

export function createToolbar(run: (action: PanelAction) => void): HTMLElement {
  const buttons = BUTTONS.map((b) => {
    const button = h('button', { type: 'button', class: `control ${b.text.length > 2 ? 'wide' : ''}`, 'aria-label': b.label, title: b.keys ? `${b.label} (${b.keys})` : b.label, 'data-action': b.action }, b.text);
    if (b.keys) button.setAttribute('aria-keyshortcuts', b.keys.replace('Left', 'ArrowLeft').replace('Right', 'ArrowRight'));
    button.addEventListener('click', () => run(b.action));
    return button;
  });
  return h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Stepping controls' }, ...buttons);
}

/** The action for a key press, or null; pure, so the key map is tested without a browser. */
export function actionForKey(key: string, shift: boolean, ctrlOrAlt: boolean): PanelAction | null {
  if (ctrlOrAlt) return null;
  switch (key) {
    case 'ArrowRight':
      return shift ? 'stepLayer' : 'step';
    case 'ArrowLeft':
      return shift ? 'stepLayerBack' : 'stepBack';
    case 'Home':
      return 'reset';
    case 'End':
      return 'runBackward';
    case 'f':
    case 'F':
      return 'runForward';
    case ']':
      return 'nextExample';
    case '[':
      return 'previousExample';
    default:
      return null;
  }
}

/**
 * Ctrl+Z (⌘Z) → 'undo'; Ctrl+Shift+Z, Ctrl+Y (⌘⇧Z) → 'redo': the spec's last edit, e.g. an
 * Apply Gradient Step, taken back or put back from the panel. Pure, like actionForKey.
 */
export function historyActionForKey(key: string, shift: boolean, ctrlOrMeta: boolean, alt: boolean): 'undo' | 'redo' | null {
  if (!ctrlOrMeta || alt) return null;
  const letter = key.toLowerCase();
  if (letter === 'z') return shift ? 'redo' : 'undo';
  return letter === 'y' && !shift ? 'redo' : null;
}

export function installKeys(run: (action: PanelAction) => void): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (event.defaultPrevented) return;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    const history = historyActionForKey(event.key, event.shiftKey, event.ctrlKey || event.metaKey, event.altKey);
    const action = history ?? actionForKey(event.key, event.shiftKey, event.ctrlKey || event.altKey || event.metaKey);
    if (!action) return;
    event.preventDefault();
    // VS Code's webview host forwards keys from its window listener to the workbench, whose own
    // `undo` would land in the spec's editor once the extension has focused it: one Ctrl+Z must
    // stay one undo, so the panel keeps these keys to itself.
    if (history) event.stopPropagation();
    run(action);
  });
}
