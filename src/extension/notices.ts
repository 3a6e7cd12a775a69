import * as vscode from 'vscode';

/** One message shown to the person, as the in-editor tests see it. */
export interface Notice {
  readonly kind: 'information' | 'status';
  readonly message: string;
  /** The buttons offered with it (information messages only). */
  readonly actions: readonly string[];
}

/** How long a status-bar line stays, in milliseconds. */
const STATUS_MS = 5000;

/**
 * The extension's short, non-modal messages, in one place: information notifications (which
 * VS Code shows once however often the same text is repeated, so a held key does not pile them
 * up) and transient status-bar lines. Every message is also announced on `onDidShow`: the
 * in-editor tests cannot read the notification toasts, so they listen here instead.
 */
export class Notices implements vscode.Disposable {
  private readonly shown = new vscode.EventEmitter<Notice>();
  private status: vscode.Disposable | undefined;

  readonly onDidShow = this.shown.event;

  /** Shows an information message; resolves with the button chosen, or undefined when dismissed. */
  inform(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.shown.fire({ kind: 'information', message, actions });
    return vscode.window.showInformationMessage(message, ...actions);
  }

  /** Shows a line in the status bar for a few seconds, replacing the previous one. */
  setStatus(message: string): void {
    this.status?.dispose();
    this.status = vscode.window.setStatusBarMessage(message, STATUS_MS);
    this.shown.fire({ kind: 'status', message, actions: [] });
  }

  dispose(): void {
    this.status?.dispose();
    this.shown.dispose();
  }
}
