import * as vscode from 'vscode';

/**
 * The "Backprop Stepper" output channel, created on first use so that activation stays cheap.
 * It records the extension's own bugs (with stacks) — never the person's mistakes in a spec,
 * which are diagnostics.
 */
export class Log implements vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;

  private get output(): vscode.LogOutputChannel {
    this.channel ??= vscode.window.createOutputChannel('Backprop Stepper', { log: true });
    return this.channel;
  }

  info(message: string): void {
    this.output.info(message);
  }

  /** A bug: `what` says what the extension was doing, e.g. "parsing file:///a.nnet". */
  bug(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.output.error(`Unexpected error while ${what}: ${detail}`);
  }

  dispose(): void {
    this.channel?.dispose();
  }
}
