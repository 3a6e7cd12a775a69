/**
 * `npm start` on a machine without a desktop VS Code: it must print a local address where VS Code
 * runs on examples/ with the extension loaded, with a password beside it, and stop everything it
 * started when it is told to. The test runs scripts/start.mjs as a person would, opens the printed
 * address in the runner's Chromium, finds the login page, logs in with the printed password,
 * answers VS Code's workspace-trust question, and checks that a spec opened there is recognised
 * by the extension.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { e2eEnvironment } from './harness/environment';
import { openFile, statusBarText } from './harness/workbench';

const env = e2eEnvironment();
const ADDRESS = /(http:\/\/127\.0\.0\.1:\d+\/\?folder=(\S+))\s+password: (\S+)/;

/** Resolves with the first match of `pattern` in the child's standard output. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`npm start printed no address within ${timeoutMs} ms; it printed:\n${seen}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before printing an address; it printed:\n${seen}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once('exit', resolve));
}

test('npm start prints a local address where VS Code runs on examples/ with the extension loaded', async () => {
  // --browser takes the code-server path even where a desktop `code` happens to be installed.
  const start = spawn(process.execPath, [join(env.repoRoot, 'scripts/start.mjs'), '--browser'], {
    cwd: env.repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  after(() => {
    if (start.exitCode === null) process.kill(-start.pid!, 'SIGKILL');
  });

  const [, address, folder, password] = await waitForOutput(start, ADDRESS, 240_000);
  assert.equal(decodeURIComponent(folder).replace(/\/$/, ''), env.examplesDir);
  assert.ok(password.length >= 20, 'the password is long enough not to be guessed');
  const anonymous = await fetch(address, { redirect: 'manual' });
  assert.notEqual(anonymous.status, 200, 'without the password the address gives no workbench');

  const browser = await chromium.connect(env.browserEndpoint);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(address);
    await page.locator('input[type="password"]').fill(password);
    await page.keyboard.press('Enter');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Workspace trust is on: VS Code asks about the folder before anything runs in it.
    await page.getByRole('button', { name: /Yes, I trust the authors/ }).click({ timeout: 60_000 });
    await openFile(page, 'mazur.nnet');
    const manifest = JSON.parse(readFileSync(join(env.repoRoot, 'package.json'), 'utf8'));
    const alias: string = manifest.contributes.languages[0].aliases[0];
    await page.locator('[id="status.editor.mode"]', { hasText: alias }).waitFor({ timeout: 60_000 });
    assert.equal(await statusBarText(page, 'status.editor.mode'), alias);
  } finally {
    await browser.close();
  }

  // Ctrl+C in a terminal reaches the whole process group; afterwards nothing may be listening.
  process.kill(-start.pid!, 'SIGINT');
  await exited(start);
  const stillServing = await fetch(address).then(
    () => true,
    () => false,
  );
  assert.equal(stillServing, false, 'code-server still answers after npm start was stopped');
});
