/**
 * Panels that belong to a spec, one per spec, keyed by the spec's URI, living as long as the spec:
 * the stepping panels (panelManager.ts) and the Training panels (training/registerTraining.ts).
 *
 * - The spec's document closes, or its file (or a folder holding it) is deleted: its panel is
 *   disposed.
 * - The spec (or a folder holding it) is renamed or moved: its panel is kept under the new URI,
 *   and its owner is told (`moved`). VS Code closes the old document while the rename is under
 *   way, before onDidRenameFiles; that close is no end. So a close inside a rename announced by
 *   onWillRenameFiles is held back: the rename's end moves the panel, and a close that no rename
 *   end explains within RENAME_GRACE_MS (a rename that failed, or was vetoed, so that its
 *   document closed later for good) disposes the panel after all. A failed rename thus never
 *   leaves a panel that outlives its spec.
 *
 * The events come in through `SpecEvents` (VS Code's workspace events and the analyses' close),
 * so this is unit-tested with fakes (test/unit/panel/specPanels.test.ts).
 */
import type * as vscode from 'vscode';
import { Disposable } from '../dispose';

/** How long after a held-back close a rename must end for the panel to be kept. */
export const RENAME_GRACE_MS = 5_000;

export interface SpecEvents {
  /** A spec's document closed (or stopped being a spec). */
  readonly onDidClose: vscode.Event<vscode.Uri>;
  readonly onWillRenameFiles: vscode.Event<vscode.FileWillRenameEvent>;
  readonly onDidRenameFiles: vscode.Event<vscode.FileRenameEvent>;
  readonly onDidDeleteFiles: vscode.Event<vscode.FileDeleteEvent>;
  /** vscode.Uri.parse, for the new URIs of specs inside a renamed folder. */
  parse(text: string): vscode.Uri;
}

/** What the owner of the panels does around a rename. */
export interface Following<P> {
  /** A rename of `key` (or of a folder holding it) is about to happen: the old document is still open. */
  willMove?(key: string, panel: P): void;
  /** The panel's spec is now at `target` (it was at `from`); the panel is already keyed by `target`. */
  moved(panel: P, target: vscode.Uri, from: string): void;
}

export class SpecPanels<P extends vscode.Disposable> extends Disposable {
  private readonly panels = new Map<string, P>();
  /** URIs (files or folders) of renames under way, from onWillRenameFiles to onDidRenameFiles. */
  private readonly renaming = new Set<string>();
  /** Closes held back during a rename, by the closed spec's URI: each disposes its panel when its timer fires. */
  private readonly heldCloses = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(events: SpecEvents, private readonly following: Following<P>) {
    super();
    this.register({ dispose: () => this.heldCloses.forEach((timer) => clearTimeout(timer)) });
    this.register(events.onDidClose((uri) => this.closed(uri.toString())));
    this.register(
      events.onWillRenameFiles((event) => {
        for (const file of event.files) {
          const old = file.oldUri.toString();
          this.renaming.add(old);
          for (const [key, panel] of this.panels) if (isWithin(key, old)) this.following.willMove?.(key, panel);
        }
      }),
    );
    this.register(
      events.onDidRenameFiles((event) => {
        for (const file of event.files) {
          const old = file.oldUri.toString();
          this.renaming.delete(old);
          for (const [key, timer] of [...this.heldCloses]) {
            if (!isWithin(key, old)) continue;
            clearTimeout(timer);
            this.heldCloses.delete(key);
          }
          this.move(old, file.newUri.toString(), events.parse);
        }
      }),
    );
    this.register(
      events.onDidDeleteFiles((event) => {
        for (const deleted of event.files) for (const [key, panel] of [...this.panels]) if (isWithin(key, deleted.toString())) panel.dispose();
      }),
    );
  }

  get(uri: vscode.Uri | string): P | undefined {
    return this.panels.get(uri.toString());
  }

  has(uri: vscode.Uri | string): boolean {
    return this.panels.has(uri.toString());
  }

  /** Keeps `panel` as the panel of the spec at `uri`. */
  add(uri: vscode.Uri, panel: P): void {
    this.panels.set(uri.toString(), panel);
  }

  /** Forgets `panel` (being disposed), if it is still the panel of the spec at `uri`. */
  remove(uri: vscode.Uri, panel: P): void {
    if (this.panels.get(uri.toString()) === panel) this.panels.delete(uri.toString());
  }

  values(): P[] {
    return [...this.panels.values()];
  }

  /** Disposes every panel (the panels are owned by their owner, who calls this when it goes). */
  disposeAll(): void {
    for (const panel of this.values()) panel.dispose();
  }

  private closed(key: string): void {
    if (!this.panels.has(key)) return;
    const renamed = [...this.renaming].filter((old) => isWithin(key, old));
    if (renamed.length === 0) {
      this.panels.get(key)?.dispose();
      return;
    }
    clearTimeout(this.heldCloses.get(key));
    const timer = setTimeout(() => {
      this.heldCloses.delete(key);
      // No rename ended: those renames did not happen (or not to this spec), so the close was an end.
      for (const old of renamed) this.renaming.delete(old);
      this.panels.get(key)?.dispose();
    }, RENAME_GRACE_MS);
    this.heldCloses.set(key, timer);
  }

  private move(old: string, now: string, parse: (text: string) => vscode.Uri): void {
    for (const [key, panel] of [...this.panels]) {
      if (!isWithin(key, old)) continue;
      const target = parse(now + key.slice(old.length));
      this.panels.delete(key);
      this.panels.set(target.toString(), panel);
      this.following.moved(panel, target, key);
    }
  }
}

/** Whether `uri` is `folder` itself or inside it (deleting or renaming a folder moves its specs). */
function isWithin(uri: string, folder: string): boolean {
  return uri === folder || uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
