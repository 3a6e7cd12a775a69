// Starts and stops a private code-server: a free loopback port, fresh user-data and extension
// folders, settings that keep the first screen quiet (no welcome page, walkthroughs, telemetry or
// update checks), and a readiness wait on its HTTP port. Shared by `npm start` and the e2e runner.
//
// Public surface:
//   freePort() -> Promise<number>
//   writeUserSettings(userDataDir, overrides) -> path of User/settings.json (BASE_SETTINGS + overrides)
//   installVsix(entry, vsixPath, { extensionsDir, userDataDir }) -> Promise<void>
//   launchCodeServer({ entry, folder, userDataDir, extensionsDir, port?, logFile?, log? })
//     -> Promise<{ url, port, baseUrl, stop(), log() }>   url opens `folder`; stop() is idempotent
//
// The server runs in its own process group (detached), so stop() can end it together with the
// extension host, pty host and file watcher it forks, and a crash of ours leaves nothing behind
// when the caller also calls stop() from its signal handlers.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Settings for a first screen that shows only the learner's files. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Light Modern',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  // Chat and Copilot sign-in prompts would otherwise cover part of the screen in 1.100.
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The Welcome page focuses a walkthrough step it expands only after its 250 ms animation; on a
  // busy machine that late focus could land after the step's button had given an editor the
  // focus, taking it back (the hover it showed then closes, and an Escape meant for the hover
  // takes the page back to its list). Without the animation the page focuses the step at once.
  'workbench.welcomePage.preferReducedMotion': true,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function writeUserSettings(userDataDir, overrides = {}) {
  const folder = join(userDataDir, 'User');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'settings.json');
  writeFileSync(path, JSON.stringify({ ...BASE_SETTINGS, ...overrides }, null, 2));
  return path;
}

/** Runs code-server's CLI to completion (used for --install-extension), failing with its output. */
function runCli(entry, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`code-server ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

/**
 * Installs a .vsix the way a learner would, with code-server's own `--install-extension`; it works
 * offline with a local file and unpacks into `extensionsDir/publisher.name-version/`.
 */
export async function installVsix(entry, vsixPath, { extensionsDir, userDataDir, configFile }) {
  const output = await runCli(entry, ['--config', configFile ?? writeConfig(userDataDir), '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir, '--force', '--install-extension', vsixPath]);
  if (!/successfully installed/i.test(output)) throw new Error(`installing ${vsixPath} did not succeed:\n${output}`);
}

/**
 * A config file of our own, so code-server never writes one into ~/.config. It never holds the
 * password: that travels in the server's environment, which other users cannot read.
 */
function writeConfig(userDataDir, auth = 'none') {
  mkdirSync(userDataDir, { recursive: true });
  const path = join(userDataDir, 'code-server-config.yaml');
  writeFileSync(path, `auth: ${auth}\ncert: false\n`, { mode: 0o600 });
  return path;
}

async function waitForHttp(url, { timeoutMs, exited }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('code-server exited before it was ready');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000}s`);
}

/**
 * Starts code-server on the loopback. The test runs pass no password and turn workspace trust
 * off: their server lives for one run, in a private temporary folder, driven by the test's own
 * browser. `npm start` passes a `password` (the login page asks for it, so another user of the
 * machine who finds the port gets nothing) and keeps `workspaceTrust`, VS Code's own guard for
 * folders it does not know.
 */
export async function launchCodeServer({ entry, folder, userDataDir, extensionsDir, port, logFile, log = () => {}, timeoutMs = 60_000, password, workspaceTrust = false }) {
  port ??= await freePort();
  mkdirSync(extensionsDir, { recursive: true });
  const auth = password === undefined ? 'none' : 'password';
  const args = [entry, '--config', writeConfig(userDataDir, auth), '--auth', auth, '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, folder];
  const env = password === undefined ? process.env : { ...process.env, PASSWORD: password };
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const capture = (chunk) => {
    output += chunk;
    if (logFile) appendFileSync(logFile, chunk);
  };
  child.stdout.on('data', capture);
  child.stderr.on('data', capture);
  let exitCode = null;
  const exitedPromise = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exitCode = code ?? signal))));

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (exitCode !== null) return;
    const signalGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {}
    };
    signalGroup('SIGTERM');
    const finished = await Promise.race([exitedPromise.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
    // Whatever is still in the group (forked hosts that ignore SIGTERM, or the server itself) goes now.
    signalGroup('SIGKILL');
    if (!finished) await exitedPromise;
  }

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/healthz`, { timeoutMs, exited: () => exitCode !== null });
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- code-server output ---\n${output}`);
  }
  log(`code-server ready on ${baseUrl}`);
  return { url: `${baseUrl}/?folder=${encodeURI(folder)}`, baseUrl, port, stop, log: () => output };
}
