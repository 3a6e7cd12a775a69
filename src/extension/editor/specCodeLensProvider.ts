import * as vscode from 'vscode';
import type { Services } from '../services';
import { toVscodeRange } from '../vscodeRanges';
import { editorStateOf } from './editorStateOf';
import { lensContents } from './lensContent';

/**
 * Code lenses above the network, layer and example lines (see lensContent.ts). They show the
 * stepping position's numbers, so they are re-asked for whenever the position moves, a new
 * analysis is ready, or a setting changes. A request made while typing waits for the debounced
 * analysis rather than analysing each keystroke's version.
 */
export class SpecCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly services: Services) {
    this.subscriptions = [
      services.analyses.onDidChange(() => this.changed.fire()),
      services.positions.onDidChange(() => this.changed.fire()),
      services.settings.onDidChange(() => this.changed.fire()),
      this.changed,
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const analysis = await this.services.analyses.ready(document, token);
    if (analysis === undefined || token.isCancellationRequested) return [];
    return lensContents(editorStateOf(this.services, document)).map(
      (lens) =>
        new vscode.CodeLens(toVscodeRange(lens.range), {
          title: lens.title,
          // A lens without a command is plain text; VS Code wants an empty command id for that.
          command: lens.command ?? '',
          arguments: [...lens.args],
          tooltip: lens.tooltip,
        }),
    );
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
