import * as vscode from 'vscode';
import type { Services } from '../services';
import { fromVscodeRange, toVscodePosition } from '../vscodeRanges';
import { editorStateOf } from './editorStateOf';
import type { EditorState } from './editorState';
import { hintTooltip, inlayHintContents, type HintContent } from './inlayHintContent';

/**
 * Inlay hints after each weight and bias in the requested range (see inlayHintContent.ts), in
 * the mode of `backpropStepper.inlayHints`. Re-asked for when a new analysis is ready or a
 * setting changes; they show the whole batch's gradient, so the stepping position does not
 * affect them. VS Code asks again after every short pause in typing, so a request waits for the
 * debounced analysis rather than analysing each keystroke's version.
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

  async provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.InlayHint[]> {
    const mode = this.services.settings.current.inlayHints;
    if (mode === 'off') return [];
    const analysis = await this.services.analyses.ready(document, token);
    if (analysis === undefined || token.isCancellationRequested) return [];
    const state = editorStateOf(this.services, document);
    return inlayHintContents(state, mode, fromVscodeRange(range)).map((content) => new SpecInlayHint(state, content));
  }

  /** The tooltip, made only for the hint the mouse rests on. */
  resolveInlayHint(hint: vscode.InlayHint): vscode.InlayHint {
    if (hint instanceof SpecInlayHint && hint.tooltip === undefined) hint.tooltip = hintTooltip(hint.state, hint.content);
    return hint;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** A hint that remembers what it is about, so its tooltip can be made when asked for. */
class SpecInlayHint extends vscode.InlayHint {
  constructor(
    readonly state: EditorState,
    readonly content: HintContent,
  ) {
    super(toVscodePosition(content.position), content.label);
    this.paddingLeft = true;
  }
}
