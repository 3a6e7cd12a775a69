/**
 * Collects what would show up red in the browser's developer tools while a learner works:
 * console errors from the workbench and every frame in it (extension webviews included),
 * Content-Security-Policy violations, and uncaught page errors.
 *
 * Chromium reports a CSP violation as a console error ("Refused to …" / "… violates the following
 * Content Security Policy directive …") in the frame where it happens; an init script also turns
 * every `securitypolicyviolation` event it can see into a console error with a stable prefix, so
 * a violation is caught even if Chromium's wording changes.
 *
 * Only noise that comes from code-server itself, whatever extension is loaded, is ignored; each
 * filter is narrow (URL or exact wording) and says why.
 */
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export interface ConsoleProblem {
  readonly kind: 'console-error' | 'csp-violation' | 'page-error';
  readonly text: string;
  /** The URL of the script or frame that reported it, when known. */
  readonly where: string;
}

interface Noise {
  readonly why: string;
  readonly matches: (text: string, where: string) => boolean;
}

/**
 * code-server serves a webview's files through a service worker in the webview's frame; when the
 * frame loads before that worker controls it, the browser asks DNS for the made-up resource host
 * and every file of the page fails. A start-up race in code-server, not in the page: the harness
 * reloads the webviews then (LearnerSession.webviewFrameWith), and the page must load after that.
 */
const WEBVIEW_RESOURCE_MISS = (text: string, where: string) =>
  /net::ERR_NAME_NOT_RESOLVED/.test(text) && /^https:\/\/[^/]*\.vscode-resource\.vscode-cdn\.net\//.test(where);

const NOISE: readonly Noise[] = [
  {
    why: "code-server's webview service worker did not yet serve the frame; the webview is reloaded",
    matches: WEBVIEW_RESOURCE_MISS,
  },
  {
    // vsda is Microsoft's closed-source signing module; only Microsoft's builds ship it, so
    // code-server's workbench asks for it (vsda.js and vsda_bg.wasm) and gets a 404, every time.
    why: 'code-server does not ship vsda',
    matches: (text, where) =>
      /\/static\/node_modules\/vsda\/rust\/web\/vsda(\.js|_bg\.wasm)$/.test(where) && /status of 404/.test(text),
  },
  {
    // Reloading the window (a test of restoring webviews does) closes code-server's IndexedDB
    // while the old page still flushes its window log into it.
    why: 'code-server writes its window log after IndexedDB closed on reload',
    matches: (text) => /Unable to write file 'vscode-log:\/[^']*window\.log' \(Error: IndexedDB database 'vscode-web-db' is closed\.\)/.test(text),
  },
  {
    // VS Code's webview host (the frame around every webview, the walkthrough's step pages
    // included) asserts that its inner frame still has a window and document when that frame's
    // load events come; a webview closed or replaced while its page loads has neither, and the
    // host throws this. Its race, whatever the webview holds.
    why: "VS Code's webview host throws when a webview goes away while its page loads",
    matches: (text, where) =>
      text === 'Error: Found unexpected null' && /\/vs\/workbench\/contrib\/webview\/browser\/pre\/index(-no-csp)?\.html(\?|$)/.test(where),
  },
  {
    // The web workbench says so for its own shutdown joins (remote disconnect, chat stores) on reload.
    why: 'the web workbench cannot wait for its shutdown joins on reload',
    matches: (text) => /\[lifecycle\] Long running operations during shutdown are unsupported in the web \(id: join\.[\w.]+\)/.test(text),
  },
];

const CSP_PREFIX = 'CSP violation:';

/** Installed in every frame before its own scripts run. Kept self-contained: it is serialised. */
function reportPolicyViolations(prefix: string): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`${prefix} ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} in ${event.documentURI}`);
  });
}

/** Whether `problem` is one of the known pieces of code-server's own noise (NOISE). */
export function isCodeServerNoise(problem: ConsoleProblem): boolean {
  return NOISE.some((n) => n.matches(problem.text, problem.where));
}

/**
 * The script an uncaught error was thrown in: the URL of its stack's first frame (that of the
 * frame's page, for an error in a frame of the workbench), or undefined without one.
 */
export function thrownAt(error: Error): string | undefined {
  for (const line of (error.stack ?? '').split('\n').slice(1)) {
    const found = /^\s*at (?:.*? \()?(\S+?):\d+:\d+\)?$/.exec(line);
    if (found) return found[1];
  }
  return undefined;
}

function classify(text: string): ConsoleProblem['kind'] {
  return text.startsWith(CSP_PREFIX) || /Content Security Policy/i.test(text) ? 'csp-violation' : 'console-error';
}

export class ConsoleWatch {
  private readonly found: ConsoleProblem[] = [];
  private readonly ignored: ConsoleProblem[] = [];

  /** Call before the first page of the context opens. */
  static async attach(context: BrowserContext, page: Page): Promise<ConsoleWatch> {
    const watch = new ConsoleWatch();
    await context.addInitScript(reportPolicyViolations, CSP_PREFIX);
    page.on('console', (message) => watch.onConsole(message));
    page.on('pageerror', (error) => watch.record({ kind: 'page-error', text: `${error.name}: ${error.message}`, where: thrownAt(error) ?? page.url() }));
    return watch;
  }

  private onConsole(message: ConsoleMessage): void {
    if (message.type() !== 'error') return;
    const text = message.text();
    this.record({ kind: classify(text), text, where: message.location().url || '' });
  }

  private record(problem: ConsoleProblem): void {
    (isCodeServerNoise(problem) ? this.ignored : this.found).push(problem);
  }

  /** How many webview files code-server failed to serve so far (see WEBVIEW_RESOURCE_MISS). */
  webviewResourceMisses(): number {
    return this.ignored.filter((p) => WEBVIEW_RESOURCE_MISS(p.text, p.where)).length;
  }

  /** Everything that is not known code-server noise, oldest first. */
  problems(): readonly ConsoleProblem[] {
    return [...this.found];
  }

  /** One line per problem, for assertion messages and failure reports. */
  describe(): string {
    return this.found.map((p) => `  [${p.kind}] ${p.text}${p.where ? `  (${p.where})` : ''}`).join('\n') || '  (none)';
  }
}
