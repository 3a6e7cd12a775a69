/**
 * The extension host's error boundary. VS Code swallows what a provider throws (a hover or a
 * lens simply does not appear) and an event listener's exception goes to the developer console,
 * so without this a bug in building a hover, a lens or the panel's view would vanish silently.
 * Every provider (registerEditorFeatures.ts, quickFixes.ts, outline/symbols.ts) and the panel's
 * message handling and view building (panel/stepperPanel.ts, panel/panelManager.ts) run through
 * one Guard: a throw or a rejection is written to the output channel with its stack (log.ts)
 * and the caller gets an empty answer — no hover, no lenses, nothing posted — so one defect
 * costs one answer, not the feature.
 *
 * Public surface: `Guard` (`wrap`, `run`) and `BugLog`. No runtime `vscode` import, so it is
 * unit-tested as is (test/unit/extension/guard.test.ts).
 */

/** Where a guard reports: the extension's Log (log.ts) implements it. */
export interface BugLog {
  /** `what` says what the extension was doing, e.g. "providing a hover in file:///a.nnet". */
  bug(what: string, error: unknown): void;
}

/**
 * What a guarded function returns: the type `body` returns, except that a promise (or other
 * thenable) becomes a native promise that never rejects.
 */
export type Guarded<R> = R extends PromiseLike<infer V> ? Promise<V> : R;

/** What the guarded code was doing, fixed or made from the call's arguments (only on failure). */
export type Doing<A extends unknown[]> = string | ((...args: A) => string);

export class Guard {
  constructor(private readonly log: BugLog) {}

  /**
   * `body` with the same parameters, never throwing or rejecting: on failure the bug is logged
   * once and `empty(...args)` is returned instead. `empty` is a factory, so each answer is a
   * fresh `[]`, and an empty answer may depend on the arguments (e.g. a blank code lens); it
   * must be one of the answers `body` itself could give, so callers need no new case. The
   * parameters and answer type are taken from `body` alone: `doing` and `empty` may use fewer
   * parameters.
   */
  wrap<A extends unknown[], R>(doing: NoInfer<Doing<A>>, empty: NoInfer<(...args: A) => Awaited<R>>, body: (...args: A) => R): (...args: A) => Guarded<R> {
    return (...args: A) => {
      const fail = (error: unknown): Awaited<R> => {
        this.report(typeof doing === 'string' ? doing : doing(...args), error);
        return empty(...args);
      };
      try {
        const answer = body(...args);
        return (isThenable(answer) ? Promise.resolve(answer).then(undefined, fail) : answer) as Guarded<R>;
      } catch (error) {
        return fail(error) as Guarded<R>;
      }
    };
  }

  /** Runs `body` now, guarded as by `wrap`; for dispatch points inside a method. */
  run<R>(doing: NoInfer<Doing<[]>>, empty: NoInfer<() => Awaited<R>>, body: () => R): Guarded<R> {
    return this.wrap(doing, empty, body)();
  }

  private report(doing: string, error: unknown): void {
    try {
      this.log.bug(doing, error);
    } catch {
      // The log itself failed (e.g. during shutdown): there is nowhere left to report, and the
      // boundary must still hold.
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
