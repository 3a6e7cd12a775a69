/**
 * A base for the host objects that own VS Code resources (the panel, the panel manager, the
 * providers that fire change events), after the pattern of VS Code's own Markdown preview:
 * children are registered as they are made, and `dispose()` disposes them all exactly once.
 *
 * - Children are disposed last-registered first: a constructor registers what it builds on
 *   (an event emitter) before what uses it (the subscriptions that fire it), so the users go
 *   first.
 * - A second `dispose()` does nothing; a child registered after disposal is disposed at once,
 *   so a late subscription (e.g. made after an await) cannot leak.
 * - One child throwing does not keep the others alive: all are disposed, then the error (or an
 *   AggregateError of several) is rethrown.
 *
 * Public surface: `Disposable` (`dispose`, protected `register` and `isDisposed`). Only a type
 * import of `vscode`, so it is unit-tested as is (test/unit/extension/dispose.test.ts).
 */
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  #disposed = false;
  readonly #children: vscode.Disposable[] = [];

  /** Disposes every registered child, last registered first; later calls do nothing. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    const children = this.#children.splice(0).reverse();
    const errors: unknown[] = [];
    for (const child of children) {
      try {
        child.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'Several children failed to dispose');
  }

  /** Takes ownership of `child` and returns it; disposes it at once if this is already disposed. */
  protected register<T extends vscode.Disposable>(child: T): T {
    if (this.#disposed) child.dispose();
    else this.#children.push(child);
    return child;
  }

  protected get isDisposed(): boolean {
    return this.#disposed;
  }
}
