/**
 * Keeps at most one panel per spec: opening it again reveals the existing one. Restores panels
 * after a window reload (WebviewPanelSerializer), and follows the spec's life: a closed or
 * deleted spec takes its panel with it, quietly; a renamed spec keeps its panel, retargeted,
 * at the same example and step.
 *
 * Restoring a panel runs behind the error boundary (`services.guard`, guard.ts): a bug is logged
 * and the panel that could not be restored is closed. Its subscriptions and panels are owned
 * through the Disposable base (dispose.ts).
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { StepPosition } from '../../core/stepping/position';
import { isPanelState, type PanelState } from '../../shared/panelMessages';
import type { PanelServices } from './services';
import { SpecPanels, type SpecEvents } from './specPanels';
import { PANEL_VIEW_TYPE, panelOptions, StepperPanel } from './stepperPanel';

export class PanelManager extends Disposable {
  private readonly panels: SpecPanels<StepperPanel>;
  /** Positions of specs being renamed, read before the old document closes and forgets them. */
  private readonly carried = new Map<string, StepPosition>();

  constructor(private readonly services: PanelServices) {
    super();
    const { analyses, positions, settings, guard } = services;
    // Registered first, so disposed last: the panels close after every subscription is gone.
    this.register({ dispose: () => this.panels.disposeAll() });
    this.panels = this.register(
      new SpecPanels<StepperPanel>(
        { ...specFileEvents(), onDidClose: analyses.onDidClose },
        {
          willMove: (key) => {
            const document = analyses.documentFor(key);
            if (document) this.carried.set(key, positions.get(document));
          },
          moved: (panel, target, from) => this.moved(panel, target, from),
        },
      ),
    );
    const subscriptions = [
      vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: guard.wrap(
          'restoring a Backprop Stepper panel after a window reload',
          (panel) => panel.dispose(),
          (panel: vscode.WebviewPanel, state: unknown) => this.restore(panel, state),
        ),
      }),
      analyses.onDidChange((uri) => this.panels.get(uri.toString())?.update()),
      positions.onDidChange((change) => this.panels.get(change.uri.toString())?.update()),
      services.exercises.onDidChange((uri) => this.panels.get(uri.toString())?.update()),
      settings.onDidChange(() => this.panels.values().forEach((panel) => panel.update())),
    ];
    for (const subscription of subscriptions) this.register(subscription);
  }

  /** The panel that has focus, if it is one of ours. */
  get active(): StepperPanel | undefined {
    return this.panels.values().find((p) => p.panel.active);
  }

  panelFor(uri: vscode.Uri): StepperPanel | undefined {
    return this.panels.get(uri);
  }

  /**
   * Shows the panel of `document`, creating it on first use: beside the spec's editor, or, when
   * other specs have panels, in an existing column (see columnForNewPanel), so that each spec
   * does not open yet another column.
   */
  open(document: vscode.TextDocument, preserveFocus = true): StepperPanel {
    const existing = this.panels.get(document.uri);
    if (existing) {
      existing.reveal(preserveFocus);
      return existing;
    }
    const viewColumn = this.columnForNewPanel(document);
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Backprop', { viewColumn, preserveFocus }, panelOptions(this.services.extensionUri));
    return this.attach(panel, document.uri, null);
  }

  /**
   * Where a new panel goes. The first one: beside the spec's editor. Later ones: the column of
   * the other panels (the active one's first), so the new panel becomes a tab beside them;
   * but a panel must not cover the spec it explains, so when the spec's editor is showing
   * there, another existing column is used instead, and a new column only when there is none.
   */
  private columnForNewPanel(document: vscode.TextDocument): vscode.ViewColumn {
    const panels = this.panels.values().map((p) => p.panel).sort((x, y) => Number(y.active) - Number(x.active) || Number(y.visible) - Number(x.visible));
    if (panels.length === 0) return vscode.ViewColumn.Beside;
    const specColumns = vscode.window.visibleTextEditors.filter((e) => e.document === document).map((e) => e.viewColumn);
    const candidates = [...panels.map((p) => p.viewColumn), ...vscode.window.tabGroups.all.map((g) => g.viewColumn)];
    return candidates.find((column) => column !== undefined && !specColumns.includes(column)) ?? vscode.ViewColumn.Beside;
  }

  private attach(panel: vscode.WebviewPanel, uri: vscode.Uri, restored: PanelState | null): StepperPanel {
    // Forgotten under whatever URI it has when it goes: a rename moves it to another key.
    const stepper = new StepperPanel(panel, uri, this.services, restored, () => this.panels.remove(stepper.uri, stepper));
    this.panels.add(uri, stepper);
    return stepper;
  }

  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPanelState(state)) {
      panel.dispose();
      return;
    }
    // The saved state is the page's to write, so it is input like any other: only a `.nnet` spec
    // on disk (or unsaved) is reopened, never whatever URI a forged state names.
    const uri = restorableSpec(state.uri);
    if (uri === null || this.panels.has(uri)) {
      panel.dispose(); // not a spec, or one panel per spec
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.languageId !== 'nnet') throw new Error('not a spec');
    } catch {
      panel.dispose(); // the spec is gone: no panel, and no error popup
      return;
    }
    this.attach(panel, uri, state);
  }

  /** The spec of `panel` was renamed from `from` to `target`: its stepping position goes along. */
  private moved(panel: StepperPanel, target: vscode.Uri, from: string): void {
    const position = this.carried.get(from);
    this.carried.delete(from);
    void vscode.workspace.openTextDocument(target).then(
      (document) => {
        if (position) this.services.positions.set(document, position);
        panel.retarget(target);
      },
      () => panel.dispose(),
    );
  }
}

/** VS Code's file events that a spec's panel follows (specPanels.ts), with the URI parser. */
export function specFileEvents(): Omit<SpecEvents, 'onDidClose'> {
  const { onWillRenameFiles, onDidRenameFiles, onDidDeleteFiles } = vscode.workspace;
  return { onWillRenameFiles, onDidRenameFiles, onDidDeleteFiles, parse: (text) => vscode.Uri.parse(text) };
}

/** Where specs live: files (local or in a remote workspace) and unsaved editors. */
const SPEC_SCHEMES: ReadonlySet<string> = new Set(['file', 'vscode-remote', 'untitled']);

/** The URI of a restored panel's spec, or null unless it names a `.nnet` document in a place specs live. */
export function restorableSpec(text: string): vscode.Uri | null {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return null;
  }
  if (!SPEC_SCHEMES.has(uri.scheme)) return null;
  return uri.scheme === 'untitled' || uri.path.toLowerCase().endsWith('.nnet') ? uri : null;
}

