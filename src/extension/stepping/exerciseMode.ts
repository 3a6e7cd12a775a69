import * as vscode from 'vscode';

/**
 * Which specs have an exercise asking a step (exercise mode, src/extension/panel/exercises.ts),
 * so that the editor's own numbers — inlay hints, hovers, the cost lenses — give nothing away
 * that the panel hides. While an exercise asks, a number is shown only once the stepping has
 * reached the step that computes it, the rule of the stepping snapshot
 * (src/core/stepping/snapshot.ts `isReached`, applied by heldBack.ts); outside exercises the
 * editor shows what it always shows.
 */
export class ExerciseMode implements vscode.Disposable {
  private readonly asking = new Set<string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** An exercise started or stopped asking on a spec. */
  readonly onDidChange = this.changed.event;

  isAsking(uri: vscode.Uri | string): boolean {
    return this.asking.has(uri.toString());
  }

  set(uri: vscode.Uri, asking: boolean): void {
    const key = uri.toString();
    if (asking === this.asking.has(key)) return;
    if (asking) this.asking.add(key);
    else this.asking.delete(key);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.asking.clear();
    this.changed.dispose();
  }
}
