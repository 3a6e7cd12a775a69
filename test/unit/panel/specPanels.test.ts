import type * as vscode from 'vscode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENAME_GRACE_MS, SpecPanels, type SpecEvents } from '../../../src/extension/panel/specPanels';

/**
 * Panels that live as long as their spec: a close or a delete ends the panel; a rename (of the
 * spec or of a folder holding it) moves it, even though VS Code closes the old document while
 * the rename is under way; and a rename that never ends (vetoed, failed) leaves no panel alive
 * past its spec's close.
 */

/** A URI as far as SpecPanels reads one: its string. */
const uri = (text: string) => ({ toString: () => text }) as vscode.Uri;

function emitter<T>() {
  const listeners = new Set<(value: T) => void>();
  const event = ((listener: (value: T) => void) => {
    listeners.add(listener);
    return { dispose: () => listeners.delete(listener) };
  }) as vscode.Event<T>;
  return { event, fire: (value: T) => listeners.forEach((listener) => listener(value)), count: () => listeners.size };
}

class FakePanel {
  disposed = false;
  constructor(public at: string) {}
  dispose(): void {
    this.disposed = true;
  }
}

function setUp() {
  const close = emitter<vscode.Uri>();
  const willRename = emitter<vscode.FileWillRenameEvent>();
  const didRename = emitter<vscode.FileRenameEvent>();
  const deleted = emitter<vscode.FileDeleteEvent>();
  const events: SpecEvents = { onDidClose: close.event, onWillRenameFiles: willRename.event, onDidRenameFiles: didRename.event, onDidDeleteFiles: deleted.event, parse: uri };
  const told: string[] = [];
  const panels = new SpecPanels<FakePanel>(events, {
    willMove: (key) => told.push(`will move ${key}`),
    moved: (panel, target, from) => {
      told.push(`moved ${from} → ${target}`);
      panel.at = target.toString();
    },
  });
  const add = (at: string) => {
    const panel = new FakePanel(at);
    panels.add(uri(at), panel);
    return panel;
  };
  const files = (pairs: [string, string][]) => ({ files: pairs.map(([oldUri, newUri]) => ({ oldUri: uri(oldUri), newUri: uri(newUri) })) });
  const rename = {
    will: (...pairs: [string, string][]) => willRename.fire(files(pairs) as unknown as vscode.FileWillRenameEvent),
    did: (...pairs: [string, string][]) => didRename.fire(files(pairs) as unknown as vscode.FileRenameEvent),
  };
  const listening = () => [close, willRename, didRename, deleted].map((e) => e.count());
  return { panels, add, told, rename, listening, close: (at: string) => close.fire(uri(at)), remove: (...at: string[]) => deleted.fire({ files: at.map(uri) }) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('panels that follow their spec', () => {
  it('ends a panel whose spec closes or whose file (or folder) is deleted, and only that panel', () => {
    const { panels, add, close, remove } = setUp();
    const [a, b, c, other] = ['file:///w/a.nnet', 'file:///w/sub/b.nnet', 'file:///w/sub/c.nnet', 'file:///w/subway.nnet'].map(add);
    close('file:///w/a.nnet');
    expect(a.disposed).toBe(true);
    remove('file:///w/sub');
    expect([b.disposed, c.disposed, other.disposed]).toEqual([true, true, false]);
    expect(panels.get('file:///w/subway.nnet')).toBe(other);
  });

  it('moves a renamed spec’s panel, though its old document closes during the rename', async () => {
    const { panels, add, told, rename, close } = setUp();
    const a = add('file:///w/a.nnet');
    rename.will(['file:///w/a.nnet', 'file:///w/b.nnet']);
    close('file:///w/a.nnet');
    rename.did(['file:///w/a.nnet', 'file:///w/b.nnet']);
    await vi.advanceTimersByTimeAsync(RENAME_GRACE_MS * 2);
    expect(a.disposed).toBe(false);
    expect(panels.get('file:///w/b.nnet')).toBe(a);
    expect(panels.has('file:///w/a.nnet')).toBe(false);
    expect(told).toEqual(['will move file:///w/a.nnet', 'moved file:///w/a.nnet → file:///w/b.nnet']);
    // Under its new name it lives as any panel does: its close ends it.
    panels.remove(uri('file:///w/a.nnet'), a); // not the key it has now: nothing happens
    close('file:///w/b.nnet');
    expect(a.disposed).toBe(true);
  });

  it('moves every panel inside a renamed folder, and none outside it', () => {
    const { panels, add, rename } = setUp();
    const inside = add('file:///w/sub/deep/x.nnet');
    const beside = add('file:///w/subway.nnet');
    rename.will(['file:///w/sub', 'file:///w/moved']);
    rename.did(['file:///w/sub', 'file:///w/moved']);
    expect(inside.at).toBe('file:///w/moved/deep/x.nnet');
    expect(panels.get('file:///w/moved/deep/x.nnet')).toBe(inside);
    expect(panels.get('file:///w/subway.nnet')).toBe(beside);
    expect(beside.at).toBe('file:///w/subway.nnet');
  });

  it('ends the panel after all when a rename never ends, and forgets that rename', async () => {
    const { add, rename, close } = setUp();
    const a = add('file:///w/a.nnet');
    rename.will(['file:///w/a.nnet', 'file:///w/b.nnet']); // vetoed: no onDidRenameFiles follows
    close('file:///w/a.nnet');
    expect(a.disposed).toBe(false);
    await vi.advanceTimersByTimeAsync(RENAME_GRACE_MS);
    expect(a.disposed).toBe(true);
    // The failed rename is forgotten: a new panel of that spec ends at once when it closes.
    const again = add('file:///w/a.nnet');
    close('file:///w/a.nnet');
    expect(again.disposed).toBe(true);
  });

  it('stops listening when disposed, and a held close then ends nothing', async () => {
    const { panels, add, rename, close, listening } = setUp();
    const a = add('file:///w/a.nnet');
    rename.will(['file:///w/a.nnet', 'file:///w/b.nnet']);
    close('file:///w/a.nnet');
    panels.dispose();
    expect(listening()).toEqual([0, 0, 0, 0]);
    await vi.advanceTimersByTimeAsync(RENAME_GRACE_MS * 2);
    expect(a.disposed).toBe(false);
    panels.disposeAll();
    expect(a.disposed).toBe(true);
  });
});
