/** Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in the panel become the `undo` / `redo` actions, which the extension runs on the spec. */
import { describe, expect, it } from 'vitest';
import { ACTION_COMMANDS, planAction } from '../../../src/extension/panel/actions';
import { isPanelMessage, PANEL_ACTIONS } from '../../../src/shared/panelMessages';
import { actionForKey, historyActionForKey, installKeys } from '../../../webview/controls';

describe('undo and redo from the panel', () => {
  it('maps Ctrl+Z to undo, Ctrl+Shift+Z and Ctrl+Y to redo (⌘ on a Mac), and nothing else', () => {
    expect(historyActionForKey('z', false, true, false)).toBe('undo');
    expect(historyActionForKey('Z', true, true, false)).toBe('redo');
    expect(historyActionForKey('y', false, true, false)).toBe('redo');
    expect(historyActionForKey('z', false, false, false)).toBeNull(); // a plain z
    expect(historyActionForKey('z', false, true, true)).toBeNull(); // Ctrl+Alt+Z belongs to VS Code
    expect(historyActionForKey('y', true, true, false)).toBeNull();
    expect(historyActionForKey('ArrowRight', false, true, false)).toBeNull();
    // The stepping keys are unchanged, and still leave modified keys alone.
    expect(actionForKey('z', false, true)).toBeNull();
  });

  it('travels as a panel action, planned as the editor history command, with no command of its own', () => {
    expect(PANEL_ACTIONS).toContain('undo');
    expect(isPanelMessage({ type: 'action', action: 'redo' })).toBe(true);
    expect(planAction('undo', 'neuron')).toEqual({ kind: 'history', command: 'undo' });
    expect(planAction('redo', 'layer')).toEqual({ kind: 'history', command: 'redo' });
    expect(Object.keys(ACTION_COMMANDS)).not.toContain('undo');
    expect(planAction('reset', 'neuron')).toEqual({ kind: 'move', move: 'reset' });
  });
});

/** A keydown as the page's listener sees it, recording what the listener did with it. */
function keydown(key: string, modifiers: { ctrl?: boolean; shift?: boolean } = {}) {
  const seen = { prevented: false, stopped: false };
  const event = {
    key,
    ctrlKey: !!modifiers.ctrl,
    shiftKey: !!modifiers.shift,
    altKey: false,
    metaKey: false,
    target: { tagName: 'DIV' },
    defaultPrevented: false,
    preventDefault: () => (seen.prevented = true),
    stopPropagation: () => (seen.stopped = true),
  };
  return { event, seen };
}

describe('the panel keeps Ctrl+Z to itself', () => {
  it('sends undo and stops the key before VS Code’s webview host forwards it (which would undo a second time)', () => {
    let listener: ((event: unknown) => void) | undefined;
    const saved = (globalThis as { document?: unknown }).document;
    (globalThis as { document?: unknown }).document = { addEventListener: (_type: string, fn: (event: unknown) => void) => (listener = fn) };
    try {
      const sent: string[] = [];
      installKeys((action) => sent.push(action));
      const undo = keydown('z', { ctrl: true });
      listener!(undo.event);
      expect(sent).toEqual(['undo']);
      expect(undo.seen).toEqual({ prevented: true, stopped: true });
      // A stepping key still travels on (VS Code's own Ctrl+Alt bindings rely on the forwarding).
      const step = keydown('ArrowRight');
      listener!(step.event);
      expect(sent).toEqual(['undo', 'step']);
      expect(step.seen).toEqual({ prevented: true, stopped: false });
    } finally {
      (globalThis as { document?: unknown }).document = saved;
    }
  });
});
