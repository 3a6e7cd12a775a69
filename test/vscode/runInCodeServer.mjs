// Runs the bundled in-editor suite inside code-server's extension host instead of a desktop
// VS Code: for machines with no desktop VS Code and no internet (`npm run test:vscode -- --code-server`).
//
// code-server (scripts/code-server/, VS Code 1.100 server) runs extensions in a real Node
// extension host with the real `vscode` API; its browser workbench accepts the same
// `extensionDevelopmentPath` / `extensionTestsPath` a desktop window gets, as the URL's
// `payload`. Chromium opens that URL, the extension host loads this working tree and runs
// out/vscode-test/index.js, and mocha's report arrives on the page's console, which is echoed
// here. index.ts ends the report with a RESULT_MARKER line carrying the failure count.
//
// Public surface: runInCodeServer({ root, workspace, testsPath, log }) -> Promise<number> (exit code).
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';

export const RESULT_MARKER = 'BACKPROP_STEPPER_VSCODE_TESTS_RESULT';
const TIMEOUT_MS = 5 * 60_000;

export async function runInCodeServer({ root, workspace, testsPath, log = console.log }) {
  // Imported here so the desktop path never needs code-server or Playwright.
  const { ensureCodeServer } = await import(join(root, 'scripts/code-server/install.mjs'));
  const { launchCodeServer } = await import(join(root, 'scripts/code-server/launch.mjs'));
  const { chromium } = await import('playwright-core');

  const scratch = mkdtempSync(join(tmpdir(), 'backprop-stepper-vscode-'));
  const entry = await ensureCodeServer({ log });
  const server = await launchCodeServer({
    entry,
    folder: workspace,
    userDataDir: join(scratch, 'user-data'),
    extensionsDir: join(scratch, 'extensions'),
    log,
  });
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
    });
    const page = await browser.newPage();
    const result = new Promise((resolve) => {
      page.on('console', async (message) => {
        const line = await consoleLine(message);
        if (line === null) return;
        const marked = line.indexOf(RESULT_MARKER);
        if (marked >= 0) resolve(JSON.parse(line.slice(marked + RESULT_MARKER.length)));
        else log(line);
      });
    });
    const authority = new URL(server.baseUrl).host;
    const remote = (path) => `vscode-remote://${authority}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    await page.goto(`${server.baseUrl}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), TIMEOUT_MS).unref());
    const outcome = await Promise.race([result, timeout]);
    if (outcome === null) {
      log(`The in-editor tests did not report within ${TIMEOUT_MS / 60_000} minutes.\n--- code-server output ---\n${server.log()}`);
      return 1;
    }
    return outcome.failures === 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The extension host's console, as the workbench forwards it: `%c INFO`, a CSS argument, then
 * the original console.log arguments (mocha's reporter passes a format string and values).
 * Only the extension host's own lines are kept: they are the ones starting with %c.
 */
async function consoleLine(message) {
  const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '')));
  if (typeof args[0] !== 'string' || !args[0].startsWith('%c') || args.length < 3) return null;
  // The workbench's own log lines are `%c LEVEL` with the text inside; the extension host's
  // forwarded console calls keep their original arguments after the two styling ones.
  if (!/^%c\s+(INFO|LOG|WARN|ERR)/.test(args[0])) return null;
  return format(...args.slice(2));
}
