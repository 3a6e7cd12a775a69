import * as vscode from 'vscode';
import { Disposable } from '../dispose';
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
 * debounced analysis rather than analysing each keystroke's version. Registered, behind the
 * error boundary (guard.ts), in registerEditorFeatures.ts.
 */
export class SpecInlayHintsProvider extends Disposable implements vscode.InlayHintsProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeInlayHints = this.changed.event;

  constructor(private readonly services: Services) {
    super();
    const refresh = () => this.changed.fire();
    this.register(services.analyses.onDidChange(refresh));
    this.register(services.settings.onDidChange(refresh));
    // During an exercise the hints follow the stepping (stepping/exerciseMode.ts).
    this.register(services.exerciseMode.onDidChange(refresh));
    this.register(services.positions.onDidChange((change) => services.exerciseMode.isAsking(change.uri) && refresh()));
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
