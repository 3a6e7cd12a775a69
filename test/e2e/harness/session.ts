/**
 * A learner at VS Code (code-server in Chromium) with the packaged extension installed and a fresh
 * copy of examples/ open. This is the API later e2e tests use; most tests get a session from
 * `learnerSuite` (suite.ts) rather than opening one themselves.
 *
 *   session.page                      the Playwright Page, for anything not wrapped here
 *   session.theme, session.folder     'light' | 'dark' | 'high-contrast'; the workspace folder on disk
 *   openFile('mazur.nnet')            click through the Explorer tree; waits for the tab
 *   quickOpen('mazur.nnet')           the same through Ctrl+P
 *   runCommand('Category: Title')     the command palette; fails listing what it offers instead
 *   focusEditor()                     Ctrl+1: keys go to the editor again (after Problems, say)
 *   goTo(line, col)                   Ctrl+G; waits for the status bar position
 *   typeAt(line, col, text)           types key by key at a position
 *   replaceAt(line, col, length, text) selects `length` characters there and types over them
 *   press('Control+Z')                a key chord, e.g. Undo
 *   editorLines() / findToken('0.15') rendered lines (text with inlay hints, sourceText without,
 *                                     inlayHints) and tokens with their computed colours and columns
 *   fileLines('a.nnet')               the same lines of the editor showing a.nnet, focused or not
 *   squiggles()                       rendered diagnostic underlines by line
 *   codeLenses()                      rendered code lenses of the active editor: text and page y
 *   hoverAt(line, col)                the text of the hover shown there
 *   problems()                        the Problems panel's rows: severity, message, code, line, column, file
 *   outline()                         the Outline view's rows (collapses the folder tree to make room)
 *   statusBarText('status.editor.mode')  a status bar item's text (here: the language mode)
 *   notifications()                   visible notification toasts
 *   webviewFrame(extensionId?)        FrameLocator of this extension's webview document (the panel)
 *   webviewFrameWith('#training')     the same, when several of its webviews are open: the one holding a selector
 *   waitUntil(probe, what, timeoutMs) polls until probe returns a truthy value; fails saying `what`
 *   screenshot(name)                  test-results/screenshots/<suite>.<name>.<theme>.png
 *   consoleProblems()                 console errors, CSP violations and page errors so far
 *   describeScreen()                  what is on screen, as text, for failure messages
 *   close()
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { ConsoleWatch, type ConsoleProblem } from './consoleWatch';
import * as editor from './editor';
import { e2eEnvironment, type E2EEnvironment, type Theme } from './environment';
import { THEMES } from './themes';
import { describeGroups, describeWebviews, innerDocument, webviewHolding } from './webviews';
import * as workbench from './workbench';

export interface SessionOptions {
  readonly theme: Theme;
  /** Names screenshots; a suite passes its title. */
  readonly suite: string;
  /** Folder copied as the workspace; examples/ by default. */
  readonly workspaceSource?: string;
}

export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export class LearnerSession {
  private constructor(
    readonly page: Page,
    readonly theme: Theme,
    readonly folder: string,
    private readonly suite: string,
    private readonly env: E2EEnvironment,
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly console: ConsoleWatch,
  ) {}

  /** Copies the workspace, sets the theme, opens the workbench and waits until it shows the folder. */
  static async open(options: SessionOptions): Promise<LearnerSession> {
    const env = e2eEnvironment();
    const folder = join(mkdtempSync(join(env.workRoot, 'workspace-')), 'examples');
    cpSync(options.workspaceSource ?? env.examplesDir, folder, { recursive: true });
    // code-server reads settings.json when a window loads (it does not notice later edits), and
    // sessions run one at a time, so writing the theme just before loading is enough.
    const settings = JSON.parse(readFileSync(env.userSettingsFile, 'utf8'));
    writeFileSync(env.userSettingsFile, JSON.stringify({ ...settings, 'workbench.colorTheme': THEMES[options.theme].setting }, null, 2));

    const browser = await chromium.connect(env.browserEndpoint);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const watch = await ConsoleWatch.attach(context, page);
    const session = new LearnerSession(page, options.theme, folder, options.suite, env, browser, context, watch);
    try {
      await page.goto(`${env.baseUrl}/?folder=${encodeURI(folder)}`, { waitUntil: 'domcontentloaded' });
      await page.locator(`.monaco-workbench.${THEMES[options.theme].workbenchClass}`).waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    } catch (error) {
      throw await session.withScreen(error, 'opening the workbench');
    }
    return session;
  }

  openFile(relativePath: string) { return workbench.openFile(this.page, relativePath); }
  quickOpen(fileName: string) { return workbench.quickOpen(this.page, fileName); }
  runCommand(title: string) { return workbench.runCommand(this.page, title); }
  focusEditor() { return editor.focusEditor(this.page); }
  goTo(line: number, column = 1) { return editor.goTo(this.page, line, column); }
  typeAt(line: number, column: number, text: string) { return editor.typeAt(this.page, line, column, text); }
  replaceAt(line: number, column: number, length: number, text: string) { return editor.replaceAt(this.page, line, column, length, text); }
  press(keys: string) { return this.page.keyboard.press(keys); }
  editorLines() { return editor.editorLines(this.page); }
  fileLines(name: string) { return editor.editorLines(this.page, editor.editorShowing(name)); }
  findToken(text: string) { return editor.findToken(this.page, text); }
  squiggles() { return editor.squiggles(this.page); }
  codeLenses() { return editor.codeLenses(this.page); }
  hoverAt(line: number, column: number) { return editor.hoverAt(this.page, line, column); }
  quickFixesAt(line: number, column: number) { return editor.quickFixesAt(this.page, line, column); }
  chooseQuickFix(title: string) { return editor.chooseQuickFix(this.page, title); }
  problems() { return workbench.problems(this.page); }
  outline() { return workbench.outline(this.page); }
  statusBarText(id: string) { return workbench.statusBarText(this.page, id); }
  notifications() { return workbench.notifications(this.page); }

  /** Webview files code-server failed to serve that a reload has answered (webviewFrameWith). */
  private missesSeen = 0;

  /**
   * The document of an extension's webview (by default this extension's): the inner
   * `#active-frame` of the `iframe.webview.ready` that VS Code tags with the extension id.
   */
  webviewFrame(extensionId = this.env.extensionId): FrameLocator {
    return this.page.frameLocator(`iframe.webview.ready[src*="extensionId=${extensionId}"]`).frameLocator('#active-frame');
  }

  /**
   * The document of the extension's webview that holds `selector` (the Training panel's
   * `#training`, the stepping panel's `.position`), waited for: with several of its webviews open
   * at once, `webviewFrame()` would match them all. The frame is pinned by its iframe's `name`
   * (VS Code's id of that webview element); a webview hidden and shown again gets a new iframe, so
   * call this again after that.
   *
   * code-server sometimes fails to load a new webview's page: its files are not served
   * (consoleWatch.ts, WEBVIEW_RESOURCE_MISS), or the frame stays blank with nothing in the
   * console. Then the webviews are reloaded, as a person would with Developer: Reload Webviews:
   * at once after a miss, or once nothing has shown `selector` for a third of the time allowed
   * since the last reload; three times at most, each said on stderr with the frames' state.
   */
  async webviewFrameWith(selector: string, extensionId = this.env.extensionId, timeoutMs = 30_000): Promise<FrameLocator> {
    let reloads = 0;
    let waitingSince = Date.now();
    const patience = timeoutMs / 3;
    const name = await this.waitUntil(async () => {
      const found = await webviewHolding(this.page, extensionId, selector);
      if (found) return found;
      const missed = this.console.webviewResourceMisses() > this.missesSeen;
      if (reloads < 3 && (missed || Date.now() - waitingSince > patience)) {
        reloads++;
        this.missesSeen = this.console.webviewResourceMisses();
        const why = missed ? 'code-server did not serve their files' : `none showed ${selector} for ${patience / 1000}s`;
        process.stderr.write(`[e2e] ${this.suite} [${this.theme}]: reloading webviews (${why}); they were:\n${await describeWebviews(this.page, extensionId)}\n`);
        await this.runCommand('Developer: Reload Webviews');
        waitingSince = Date.now();
      }
      return undefined;
    }, `a webview of ${extensionId} shows ${selector}`, timeoutMs);
    this.missesSeen = this.console.webviewResourceMisses();
    return innerDocument(this.page, name);
  }

  /** Polls `probe` (every 200 ms) until it returns something truthy, which it returns. */
  async waitUntil<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const value = await probe();
        if (value) return value;
        last = value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting until ${what} (last probe: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
      await this.page.waitForTimeout(200);
    }
  }

  /** Saves a screenshot of the whole window; the suite runs once per theme, giving both variants. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.env.screenshotsDir, { recursive: true });
    const path = join(this.env.screenshotsDir, `${slug(this.suite)}.${slug(name)}.${this.theme}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  consoleProblems(): readonly ConsoleProblem[] {
    return this.console.problems();
  }

  /** What the learner sees, as text: tabs, editor, panels, status bar, toasts, console errors. */
  async describeScreen(): Promise<string> {
    const text = async (selector: string, limit = 1500) => {
      const parts = await this.page.locator(selector).allInnerTexts().catch(() => []);
      const joined = parts.join('\n').replace(/\u00a0/g, ' ').replace(/\n{2,}/g, '\n').trim();
      return joined.length > limit ? `${joined.slice(0, limit)}…` : joined || '(nothing)';
    };
    return [
      `--- on screen (${this.theme} theme, ${this.page.url()}) ---`,
      `tabs: ${await text('.part.editor .tab', 300)}`,
      `editor groups:\n${await describeGroups(this.page)}`,
      `webviews of this extension:\n${await describeWebviews(this.page, this.env.extensionId)}`,
      `editor:\n${await text(`${editor.ACTIVE_EDITOR} .view-lines`)}`,
      `side bar:\n${await text('.part.sidebar', 800)}`,
      `panel:\n${await text('.part.panel', 1200)}`,
      `editor area widgets (hovers, webviews' titles):\n${await text('.monaco-hover:visible', 600)}`,
      `status bar: ${await text('.part.statusbar', 400)}`,
      `notifications: ${await text('.notifications-toasts', 600)}`,
      `browser console problems:\n${this.console.describe()}`,
    ].join('\n');
  }

  /** Adds the screen description and a screenshot path to an error about `doing`. */
  async withScreen(error: unknown, doing: string): Promise<Error> {
    const failure = error instanceof Error ? error : new Error(String(error));
    let shot = '(screenshot failed)';
    try {
      shot = await this.screenshot(`FAILED ${doing}`);
    } catch {}
    let screen = '(could not read the screen)';
    try {
      screen = await this.describeScreen();
    } catch {}
    failure.message = `${failure.message}\nwhile ${doing}\nscreenshot: ${shot}\n${screen}`;
    return failure;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    await this.browser.close().catch(() => {}); // a connected browser only disconnects
  }
}

