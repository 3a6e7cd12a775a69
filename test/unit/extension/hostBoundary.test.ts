import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The error boundary is applied where VS Code calls in: every provider as registered
 * (registerEditorFeatures.ts, quickFixes.ts, outline/symbols.ts) and the panel's message handling
 * and view building (panel/stepperPanel.ts). A fake `vscode` captures what is registered; the
 * services underneath fail, and each entry point must give its empty answer and one log line.
 */

/** Error lines written to the fake output channel. */
const logged: string[] = [];
/** Providers registered through the fake `vscode.languages`, by kind. */
const registered = new Map<string, Record<string, (...args: unknown[]) => unknown>>();

vi.mock('vscode', () => {
  class Disposable {
    constructor(private readonly release: () => void = () => undefined) {}
    static from(...children: { dispose(): void }[]) {
      return new Disposable(() => children.forEach((child) => child.dispose()));
    }
    dispose(): void {
      this.release();
    }
  }
  class EventEmitter {
    event = () => new Disposable();
    fire(): void {}
    dispose(): void {}
  }
  const register = (kind: string) => (_selector: unknown, provider: Record<string, (...args: unknown[]) => unknown>) => {
    registered.set(kind, provider);
    return new Disposable();
  };
  return {
    Disposable,
    EventEmitter,
    CodeLens: class {},
    InlayHint: class {},
    SymbolKind: { Module: 1, Property: 2, Struct: 3, Array: 4, Object: 5 },
    CodeActionKind: { QuickFix: { intersects: () => true } },
    CompletionItemKind: { Function: 2, Value: 11, Keyword: 13 },
    CompletionTriggerKind: { Invoke: 0, TriggerCharacter: 1 },
    Uri: { joinPath: (_base: unknown, ...path: string[]) => ({ path: path.join('/') }) },
    window: { createOutputChannel: () => ({ error: (text: string) => logged.push(text), info: () => undefined, dispose: () => undefined }) },
    languages: {
      registerHoverProvider: register('hover'),
      registerCodeLensProvider: register('lens'),
      registerInlayHintsProvider: register('hint'),
      registerCodeActionsProvider: register('action'),
      registerDocumentSymbolProvider: register('symbol'),
      registerCompletionItemProvider: register('completion'),
    },
  };
});

const { Guard } = await import('../../../src/extension/guard');
const { Log } = await import('../../../src/extension/log');
const { registerEditorFeatures } = await import('../../../src/extension/editor/registerEditorFeatures');
const { registerQuickFixes } = await import('../../../src/extension/diagnostics/quickFixes');
const { registerOutline } = await import('../../../src/extension/outline/symbols');
const { StepperPanel } = await import('../../../src/extension/panel/stepperPanel');
const { DIAGNOSTIC_SOURCE } = await import('../../../src/extension/vscodeRanges');

function broken(what: string): never {
  throw new Error(`${what} is broken`);
}

/** Services whose every answer about a spec is a bug; events subscribe and do nothing. */
function brokenServices() {
  const subscribe = () => ({ dispose: () => undefined });
  const analyses = {
    onDidChange: subscribe,
    get: () => broken('analyses.get'),
    ready: () => Promise.reject(new Error('analyses.ready is broken')),
    documentFor: () => document,
  };
  const positions = { onDidChange: subscribe, get: () => ({ example: 0, step: -1 }) };
  const settings = { onDidChange: subscribe, current: { significantDigits: 6, inlayHints: 'gradient', weightOrder: 'from-to' } };
  const guard = new Guard(new Log());
  const exerciseMode = { onDidChange: subscribe, isAsking: () => false };
  return { analyses, positions, settings, guard, exerciseMode } as never;
}

const document = { uri: { toString: () => 'file:///a.nnet' }, version: 1 };
const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

/** Calls a registered provider's method as VS Code would. */
function call(kind: string, method: string, ...args: unknown[]): unknown {
  const provider = registered.get(kind);
  if (!provider?.[method]) throw new Error(`no ${kind} provider with ${method}`);
  return provider[method](...args);
}

describe('the host error boundary', () => {
  beforeEach(() => {
    logged.length = 0;
    registered.clear();
    const services = brokenServices();
    registerEditorFeatures(services);
    registerQuickFixes((services as { analyses: never }).analyses, (services as { guard: never }).guard);
    registerOutline((services as { analyses: never }).analyses, (services as { guard: never }).guard);
  });

  /** Each provider method with the arguments VS Code passes, and its empty answer. */
  const cases: [string, string, () => unknown[], unknown][] = [
    ['hover', 'provideHover', () => [document, { line: 2, character: 4 }, token], undefined],
    ['lens', 'provideCodeLenses', () => [document, token], []],
    ['hint', 'provideInlayHints', () => [document, { start: {}, end: {} }, token], []],
    ['action', 'provideCodeActions', () => [document, {}, { only: undefined, diagnostics: [{ source: DIAGNOSTIC_SOURCE }] }, token], []],
    ['symbol', 'provideDocumentSymbols', () => [document, token], []],
  ];

  for (const [kind, method, args, empty] of cases) {
    it(`${kind}: ${method} gives ${JSON.stringify(empty)} and logs the bug once`, async () => {
      expect(await call(kind, method, ...args())).toEqual(empty);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/file:\/\/\/a\.nnet: Error: analyses\.(get|ready) is broken\n\s+at /);
    });
  }

  it('completion: provideCompletionItems gives [] and logs the bug once', () => {
    // Completions read the document itself, not the analysis: here its lines cannot be read.
    const unreadable = { ...document, lineAt: () => broken('document.lineAt'), getText: () => broken('document.getText') };
    expect(call('completion', 'provideCompletionItems', unreadable, { line: 2, character: 4 }, token, { triggerKind: 0 })).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/providing completions at 3:5 of file:\/\/\/a\.nnet: Error: document\.lineAt is broken\n\s+at /);
  });

  it('lens: resolveCodeLens leaves a blank lens, not "!!MISSING: command!!"', () => {
    const lens = { range: { start: { line: 4 } }, state: undefined, plan: undefined, slot: undefined, command: undefined };
    expect(call('lens', 'resolveCodeLens', lens, token)).toBe(lens);
    expect(lens.command).toEqual({ title: '', command: '' });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('resolving the code lens on line 5');
  });

  it('hint: resolveInlayHint leaves the hint unresolved', () => {
    // A hint whose prototype cannot even be read: `instanceof` throws inside the provider.
    const hint = new Proxy({}, { getPrototypeOf: () => broken('the hint') });
    expect(call('hint', 'resolveInlayHint', hint, token)).toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('resolving an inlay hint');
  });
});

describe('the panel behind the error boundary', () => {
  beforeEach(() => (logged.length = 0));

  /** A fake webview panel that records what is posted and lets the test send the page's messages. */
  function fakePanel() {
    const listeners: Record<string, (value: unknown) => void> = {};
    const on = (name: string) => (listener: (value: unknown) => void) => ((listeners[name] = listener), { dispose: () => delete listeners[name] });
    const posted: unknown[] = [];
    let disposals = 0;
    const panel = {
      title: '',
      visible: true,
      webview: { options: {}, html: '', cspSource: 'csp', asWebviewUri: (uri: unknown) => uri, onDidReceiveMessage: on('message'), postMessage: (m: unknown) => (posted.push(m), Promise.resolve(true)) },
      onDidChangeViewState: on('viewState'),
      onDidDispose: on('dispose'),
      dispose: () => {
        disposals++;
        listeners.dispose?.(undefined);
      },
    };
    return { panel, listeners, posted, disposals: () => disposals };
  }

  function stepper(fake: ReturnType<typeof fakePanel>, onDispose: () => void = () => undefined) {
    const services = { ...(brokenServices() as object), extensionUri: {}, runAction: () => broken('runAction') };
    const target = { path: '/a.nnet', toString: () => 'file:///a.nnet' };
    return new StepperPanel(fake.panel as never, target as never, services as never, null, onDispose);
  }

  it('a bug while building the view posts nothing and is logged once', async () => {
    const fake = fakePanel();
    stepper(fake);
    fake.listeners.message({ type: 'ready' });
    await Promise.resolve();
    expect(fake.posted).toEqual([]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/building the panel's view of file:\/\/\/a\.nnet: Error: analyses\.get is broken\n\s+at /);
  });

  it('a bug while answering a message resolves, and is logged once', async () => {
    const panel = stepper(fakePanel());
    await expect(panel.handleMessage({ type: 'action', action: 'step' })).resolves.toBeUndefined();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/answering the "action" message from the panel of file:\/\/\/a\.nnet: Error: runAction is broken\n\s+at /);
  });

  it('is disposed once, whether closed by the person or disposed by the extension', () => {
    const closed = fakePanel();
    let forgotten = 0;
    stepper(closed, () => forgotten++);
    closed.panel.dispose(); // the person closes the tab
    expect(forgotten).toBe(1);
    expect(closed.listeners).toEqual({});

    const disposed = fakePanel();
    let told = 0;
    const panel = stepper(disposed, () => told++);
    panel.dispose();
    panel.dispose();
    expect(told).toBe(1);
    expect(disposed.disposals()).toBe(1);
    expect(disposed.listeners).toEqual({});
  });
});
