// `npm run test:e2e`: the extension tested in a real VS Code, as a learner uses it.
//
//   1. installs code-server into .cache/code-server/ if missing (scripts/code-server/install.mjs)
//   2. packages the extension as a real .vsix (production build + vsce, what .vscodeignore ships)
//   3. installs that .vsix with code-server's own --install-extension into a fresh extensions dir
//   4. starts code-server on a free loopback port with fresh user data and quiet settings
//   5. launches Debian's Chromium once (a Playwright browser server the tests connect to)
//   6. bundles test/e2e/**/*.test.ts with esbuild into out/e2e-<pid>/ and runs them with node:test,
//      one file at a time; each learner suite runs in the light, the dark and the high-contrast theme
//   7. always stops Chromium and code-server (process groups), also on Ctrl+C / SIGTERM
//
// Options: --theme light|dark|high-contrast (one theme only), --keep (keep the temporary folder),
//          any other argument selects test files whose path contains it.
// Results: screenshots in test-results/screenshots/, code-server's log in test-results/e2e/.
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { ensureCodeServer } from '../../scripts/code-server/install.mjs';
import { installVsix, launchCodeServer, writeUserSettings } from '../../scripts/code-server/launch.mjs';
import { packageVsix } from '../../scripts/package-vsix.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = join(repoRoot, 'test-results');
// One folder per run, so that runs by several engineers in one working tree do not clobber each
// other's bundles; it lies inside the repository so that the bundles resolve node_modules.
const bundleDir = join(repoRoot, 'out', `e2e-${process.pid}`);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Flags for a quiet, headless, root-friendly Chromium that talks to nothing but the loopback.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const themeIndex = args.indexOf('--theme');
const themes = themeIndex >= 0 ? args[themeIndex + 1] : 'light,dark,high-contrast';
const filters = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--theme');

const log = (line) => console.log(`[e2e] ${line}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;

// Everything to undo, newest first; run once whether the run ends, fails or is interrupted.
const cleanups = [];
let cleaning;
let interrupted = false;
function cleanup() {
  cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) {
      try {
        await undo();
      } catch (error) {
        console.error(`[e2e] cleanup: ${error.message ?? error}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    interrupted = true;
    cleanup().finally(() => process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]));
  });
}

function testFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'harness' ? [] : testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Runs node's test runner on the bundles; resolves with its exit code. */
function runNodeTests(files, env, reportFile) {
  return new Promise((resolvePromise, reject) => {
    // The report goes to the terminal and to `reportFile`, whose failures are printed again last.
    const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=spec', `--test-reporter-destination=${reportFile}`];
    const child = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-timeout=300000', ...reporters, ...files],
      // Source maps (inline in the bundles) make failures point at test/e2e/*.ts lines.
      { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --enable-source-maps`.trim(), ...env },
        stdio: 'inherit', detached: true });
    cleanups.push(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The spec reporter's closing "failing tests" section, each failure with its message and stack:
 * printed after everything else, so that a log cut to its last lines (CI's) still says what failed.
 */
function failureSummary(reportFile) {
  if (!existsSync(reportFile)) return '';
  const lines = readFileSync(reportFile, 'utf8').split('\n');
  const start = lines.findIndex((line) => /failing tests:/.test(line));
  if (start < 0) return '';
  const summary = lines.slice(start);
  return (summary.length > 200 ? [...summary.slice(0, 200), `… ${summary.length - 200} more lines in ${reportFile}`] : summary).join('\n');
}

/** The extension host's log (activation errors land there, not in the browser console). */
function extensionHostLog(userDataDir) {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return '';
  const found = [];
  const walk = (folder) => readdirSync(folder).forEach((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name === 'remoteexthost.log') found.push(path);
  });
  walk(logs);
  return found.map((path) => readFileSync(path, 'utf8')).join('\n');
}

async function main() {
  const started = Date.now();
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const extensionId = `${manifest.publisher}.${manifest.name}`;

  let phase = Date.now();
  const entry = await ensureCodeServer({ log });
  log(`code-server ready to run (${seconds(phase)})`);

  const runDir = mkdtempSync(join(tmpdir(), 'backprop-e2e-'));
  if (!keep) cleanups.push(() => rmSync(runDir, { recursive: true, force: true }));
  else log(`keeping ${runDir}`);
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  const workRoot = join(runDir, 'work');
  mkdirSync(workRoot, { recursive: true });
  mkdirSync(join(resultsDir, 'e2e'), { recursive: true });

  phase = Date.now();
  const vsix = await packageVsix({ out: join(runDir, `${manifest.name}-${manifest.version}.vsix`), log: () => {} });
  await installVsix(entry, vsix, { extensionsDir, userDataDir });
  const installed = join(extensionsDir, `${extensionId}-${manifest.version}`);
  if (!existsSync(join(installed, 'package.json'))) throw new Error(`the .vsix did not install into ${installed}`);
  log(`packaged and installed ${relative(runDir, vsix)} (${seconds(phase)})`);

  const settingsFile = writeUserSettings(userDataDir);
  const firstFolder = join(workRoot, 'examples');
  cpSync(join(repoRoot, 'examples'), firstFolder, { recursive: true });
  phase = Date.now();
  const logFile = join(resultsDir, 'e2e', 'code-server.log');
  writeFileSync(logFile, '');
  const server = await launchCodeServer({ entry, folder: firstFolder, userDataDir, extensionsDir, logFile });
  cleanups.push(() => server.stop());
  log(`code-server ${server.baseUrl} (${seconds(phase)})`);

  // Playwright's own signal handlers would kill Chromium and exit the process at once, before
  // code-server is stopped: ours (above) stop everything in order instead.
  const browser = await chromium.launchServer({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
  cleanups.push(async () => {
    await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000))]);
    await browser.kill();
  });

  rmSync(bundleDir, { recursive: true, force: true });
  cleanups.push(() => rmSync(bundleDir, { recursive: true, force: true }));
  const sources = testFiles(join(repoRoot, 'test', 'e2e')).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
  if (sources.length === 0) throw new Error(`no e2e test file matches ${filters.join(', ')}`);
  await esbuild.build({ entryPoints: sources, outdir: bundleDir, outbase: join(repoRoot, 'test', 'e2e'), bundle: true,
    platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: 'inline', outExtension: { '.js': '.mjs' },
    logLevel: 'warning' });
  const bundles = sources.map((f) => join(bundleDir, relative(join(repoRoot, 'test', 'e2e'), f)).replace(/\.ts$/, '.mjs'));

  phase = Date.now();
  log(`running ${bundles.length} test file(s) in ${themes}`);
  const reportFile = join(resultsDir, 'e2e', 'report.txt');
  const code = await runNodeTests(bundles, {
    E2E_BASE_URL: server.baseUrl,
    E2E_BROWSER_ENDPOINT: browser.wsEndpoint(),
    E2E_WORK_ROOT: workRoot,
    E2E_EXAMPLES_DIR: join(repoRoot, 'examples'),
    E2E_SCREENSHOTS_DIR: join(resultsDir, 'screenshots'),
    E2E_USER_SETTINGS: settingsFile,
    E2E_REPO_ROOT: repoRoot,
    E2E_EXTENSION_ID: extensionId,
    E2E_THEMES: themes,
  }, reportFile);
  if (interrupted) return 130;
  log(`tests took ${seconds(phase)}; whole run ${seconds(started)}`);
  if (code !== 0) {
    const hostLog = extensionHostLog(userDataDir).trim().split('\n').slice(-40).join('\n');
    console.error(`[e2e] tests failed; screenshots in ${relative(repoRoot, join(resultsDir, 'screenshots'))}/, ` +
      `code-server log in ${relative(repoRoot, logFile)}\n--- extension host log (last lines) ---\n${hostLog || '(empty)'}`);
    console.error(`--- what failed ---\n${failureSummary(reportFile) || '(see the report above)'}`);
  }
  return code;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[e2e] ${error.stack ?? error}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
