import * as vscode from 'vscode';
import type { Services } from '../services';
import { fromVscodeRange, toVscodePosition } from '../vscodeRanges';
import { editorStateOf } from './editorStateOf';
import { inlayHintContents } from './inlayHintContent';

/**
 * Inlay hints after each weight and bias in the requested range (see inlayHintContent.ts), in
 * the mode of `backpropStepper.inlayHints`. Re-asked for when a new analysis is ready or a
 * setting changes; they show the whole batch's gradient, so the stepping position does not
 * affect them.
 */
export class SpecInlayHintsProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeInlayHints = this.changed.event;

  constructor(private readonly services: Services) {
    this.subscriptions = [
      services.analyses.onDidChange(() => this.changed.fire()),
      services.settings.onDidChange(() => this.changed.fire()),
      this.changed,
    ];
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const mode = this.services.settings.current.inlayHints;
    if (mode === 'off') return [];
    return inlayHintContents(editorStateOf(this.services, document), mode, fromVscodeRange(range)).map((content) => {
      const hint = new vscode.InlayHint(toVscodePosition(content.position), content.label);
      hint.paddingLeft = true;
      hint.tooltip = content.tooltip;
      return hint;
    });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
